"""The flat property-graph form of a Graph, identical on every backend.

Neo4j properties cannot hold maps, so each relation's evidence is flattened into lists: its
distinct `articles`, its distinct `sentences`, and `evidence`, one JSON string per piece of
evidence whose `sentence_index` points into `sentences` (the text is stored once, not twice: on
real articles that halves the bytes a relationship carries and the time Neo4j takes to commit
them). The embedded store and the Neo4j store both write exactly these records, which is what
makes the same Cypher return the same rows; `evidence_from_record` reads them back.
"""
from __future__ import annotations

import json
from typing import Any

import networkx as nx

from graphkit.model import Evidence, Graph, Node, Relation, RelationProperties

_SENTENCE = {"sentence"}

RELATION_PROPERTY_KEYS = tuple(RelationProperties.model_fields)
# Every key a relation record can have (fixed, so a writer can name them in Cypher text).
RELATION_RECORD_KEYS = ("type", "confidence", "articles", "sentences", "evidence", *RELATION_PROPERTY_KEYS)


def node_record(node: Node) -> dict[str, Any]:
    """Properties of a node as stored: id, kind, name, aliases and its own properties."""
    return {**node.properties, "id": node.id, "kind": node.kind.value, "name": node.name,
            "aliases": list(node.aliases)}


def relation_record(rel: Relation) -> dict[str, Any]:
    """Properties of a relation as stored, evidence flattened to lists; no value is None."""
    evidence = rel.evidence
    sentence_index: dict[str, int] = {}
    for e in evidence:
        sentence_index.setdefault(e.sentence, len(sentence_index))
    record: dict[str, Any] = {
        "type": rel.type.value,
        "confidence": rel.confidence,
        "articles": list(dict.fromkeys(e.article for e in evidence)),
        "sentences": list(sentence_index),
        # pydantic's own serializer (compact, several times faster than json.dumps(model_dump()))
        # writes the object; the sentence's index goes in as its last key.
        "evidence": [e.model_dump_json(exclude=_SENTENCE, exclude_none=True)[:-1]
                     + f',"sentence_index":{sentence_index[e.sentence]}}}' for e in evidence],
    }
    properties = rel.properties
    for key in RELATION_PROPERTY_KEYS:  # attribute reads: a third of the cost of model_dump()
        value = getattr(properties, key)
        if value is not None:
            record[key] = value
    return record


def evidence_from_record(record: dict[str, Any]) -> list[Evidence]:
    """The evidence of a stored relation record (also reads records that kept the sentence inline)."""
    sentences = list(record.get("sentences") or [])
    evidence = []
    for text in record.get("evidence") or []:
        item = json.loads(text)
        if "sentence_index" in item:
            index = item.pop("sentence_index")
            if not isinstance(index, int) or not 0 <= index < len(sentences):
                raise ValueError(f"evidence {text!r}: sentence_index is not an index into the "
                                 f"{len(sentences)} stored sentences")
            item["sentence"] = sentences[index]
        evidence.append(Evidence.model_validate(item))
    return evidence


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
