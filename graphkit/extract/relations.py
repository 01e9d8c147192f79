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

from graphkit.extract.reading import Reading
from graphkit.extract.rules import read_found
from graphkit.extract.types import RelationsFound, ResolvedArticle
from graphkit.model import Evidence, Relation, RelationProperties, RelationType


def read_relations(ra: ResolvedArticle) -> RelationsFound:
    """All relations of a resolved article, one per (source, type, target), evidence gathered,
    and the nodes they imply that the article did not name."""
    reading = Reading(ra)
    merged: dict[tuple, Relation] = {}
    text = ra.article.text
    for f in read_found(reading):
        if f.type is RelationType.LEADS and f.target not in reading.nodes:
            reading.imply_node(f.target)  # "Trump's envoy Steve Witkoff": the USA, though unnamed
        if f.source not in reading.nodes or f.target not in reading.nodes:
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
    implied = tuple(n for eid, n in reading.nodes.items() if eid not in ra.nodes)
    return RelationsFound(tuple(merged.values()), implied)
