"""The extraction stages in order, for one parsed article:

    mentions ─► resolve (entities) ─► summits ─► relations ─► Graph

Each stage takes what the one before returned (graphkit/extract/types.py) and edits none of it;
the gazetteer is handed in, never loaded here. Kept apart from graphkit/extract/__init__.py so
that importing `graphkit.dates` stays light."""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc

from graphkit.extract.mentions import Mention
from graphkit.extract.relations import read_relations
from graphkit.extract.resolve import resolve_entities
from graphkit.extract.summits import find_summits
from graphkit.extract.types import RelationsFound, ResolvedArticle
from graphkit.gazetteer import Gazetteer
from graphkit.model import Article, Graph, Node, NodeKind, Relation, RelationType


def extract_graph(article: Article, doc: Doc, gazetteer: Gazetteer,
                  find_mentions: Callable[[Doc], tuple[Mention, ...]]) -> Graph:
    """The graph of one article parsed into `doc`: its entities and meetings, the relations between
    them with their evidence, and MENTIONS edges from the Article node.

    `find_mentions` is a `graphkit.extract.mentions.MentionFinder` (built once per process: it
    compiles the gazetteer's phrase matchers)."""
    mentions = find_mentions(doc)
    entities = resolve_entities(article, doc, mentions, gazetteer)
    summits = find_summits(article, doc, entities, gazetteer)
    resolved = ResolvedArticle.of(article, doc, entities, summits, gazetteer)
    return graph_of(article, resolved, read_relations(resolved))


def graph_of(article: Article, resolved: ResolvedArticle, found: RelationsFound) -> Graph:
    """The nodes worth keeping, the relations between them, and what the article mentions."""
    relations = list(found.relations)
    used = {r.source for r in relations} | {r.target for r in relations}
    candidates = [*resolved.nodes.values(), *found.implied_nodes]
    nodes = [n for n in candidates if _worth_a_node(n, used, resolved)]
    keep = {n.id for n in nodes}
    mentions = [Relation(source=article.id, type=RelationType.MENTIONS, target=n.id) for n in nodes]
    return Graph(nodes=[article.as_node(), *nodes],
                 relations=[r for r in relations if r.source in keep and r.target in keep] + mentions)


def _worth_a_node(node: Node, used: set[str], resolved: ResolvedArticle) -> bool:
    """States and bodies named as actors, people with a known office or a relation, and meetings.

    A capital named only as a venue ("a summit in London") and an unknown name with nothing
    asserted about it are left out: they are noise in the graph."""
    if node.id in used:
        return True
    if node.kind in (NodeKind.STATE, NodeKind.ORGANIZATION):
        idx = resolved.mentions_of.get(node.id, [])
        return any(i not in resolved.venues for i in idx)
    if node.kind is NodeKind.PERSON:
        return bool(node.properties.get("office")) or node.id in resolved.person_state
    return node.kind is NodeKind.SUMMIT
