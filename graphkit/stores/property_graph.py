"""The flat property-graph form of a Graph, identical on every backend.

Neo4j properties cannot hold maps, so each relation's evidence is flattened into parallel lists
(`articles`, `sentences`) plus `evidence` as JSON strings. The embedded store and the Neo4j store
both write exactly these records, which is what makes the same Cypher return the same rows.
"""
from __future__ import annotations

import json
from typing import Any

import networkx as nx

from graphkit.model import Graph, Node, Relation


def node_record(node: Node) -> dict[str, Any]:
    """Properties of a node as stored: id, kind, name, aliases and its own properties."""
    return {**node.properties, "id": node.id, "kind": node.kind.value, "name": node.name,
            "aliases": list(node.aliases)}


def relation_record(rel: Relation) -> dict[str, Any]:
    """Properties of a relation as stored, evidence flattened to lists."""
    record: dict[str, Any] = {
        "type": rel.type.value,
        "confidence": rel.confidence,
        "articles": rel.articles,
        "sentences": list(dict.fromkeys(e.sentence for e in rel.evidence)),
        "evidence": [json.dumps(e.model_dump(exclude_none=True), ensure_ascii=False) for e in rel.evidence],
    }
    record.update(rel.properties.model_dump(exclude_none=True))
    return record


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """A MultiDiGraph keyed by node id, one edge per relation keyed by its type.

    `__labels__` carries the Neo4j-style label so grand-cypher can match `(n:Person)`; `_labels`
    is the same as a hashable tuple, which `labels(n)` is rewritten to."""
    g = nx.MultiDiGraph()
    for node in graph.nodes:
        g.add_node(node.id, __labels__={node.kind.value}, _labels=(node.kind.value,), **node_record(node))
    for rel in graph.relations:
        g.add_edge(rel.source, rel.target, key=rel.type.value, __labels__={rel.type.value},
                   **relation_record(rel))
    return g
