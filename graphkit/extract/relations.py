"""Stage 4, relations: who did what to whom, read off the dependency parse with a lexicon.

Each trigger (a verb or noun from extract/data/lexicon.json, listed per rule in
extract/data/triggers.json) gets its actors from the parse through the helpers of `reading.py`:
subjects (through coordination, relative clauses, participles, passives' "by" agents and the
speaker of a quote for "we"), objects and prepositional objects (through groups such as "leaders
from Britain, France and Germany" and possessors such as "Russia's demands"). Negation and
hypotheticals drop a relation; every relation keeps its sentence as evidence and the rule's name.
The rules themselves live in `rules/`, one module per relation family.
"""
from __future__ import annotations

from graphkit.extract.reading import Reading, add_implied_node
from graphkit.extract.resolve import ResolvedArticle
from graphkit.extract.rules import read_found
from graphkit.model import Evidence, Relation, RelationProperties, RelationType


def read_relations(ra: ResolvedArticle) -> list[Relation]:
    """All relations of a resolved article, one per (source, type, target), evidence gathered."""
    merged: dict[tuple, Relation] = {}
    text = ra.article.text
    for f in read_found(Reading(ra)):
        if f.type is RelationType.LEADS and f.target not in ra.nodes:
            add_implied_node(ra, f.target)  # "Trump's envoy Steve Witkoff": the USA, though unnamed
        if f.source not in ra.nodes or f.target not in ra.nodes:
            continue
        try:
            props = RelationProperties(**f.props)
        except ValueError:
            continue
        ev = Evidence(article=ra.article.id, sentence=text[f.sent.start_char:f.sent.end_char].strip(),
                      start=f.sent.start_char, end=f.sent.end_char, rule=f.rule,
                      properties=props if f.props else None)
        rel = Relation(source=f.source, type=f.type, target=f.target, confidence=f.confidence,
                       properties=props, evidence=[ev])
        merged[rel.key] = merged[rel.key].merged_with(rel) if rel.key in merged else rel
    return list(merged.values())
