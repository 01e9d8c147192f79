"""The contract every stage shares: node kinds, relation types, evidence, and the Graph.

Declared once here and imported everywhere else (extractor, stores, view, CLI), so a kind or
a relation type cannot drift between stages. Invalid data raises pydantic's ValidationError,
whose message names the offending field.
"""
from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class NodeKind(str, Enum):
    """What a node stands for; the guideline's four actor kinds plus the Article that cites them."""

    PERSON = "Person"
    STATE = "State"
    ORGANIZATION = "Organization"
    SUMMIT = "Summit"
    ARTICLE = "Article"


class RelationType(str, Enum):
    """Relation types of the guideline, plus MENTIONS (Article -> entity) for provenance."""

    LEADS = "LEADS"
    MEMBER_OF = "MEMBER_OF"
    ATTENDED = "ATTENDED"
    HOSTED = "HOSTED"
    PLEDGED = "PLEDGED"
    SUPPORTED = "SUPPORTED"
    OPPOSED = "OPPOSED"
    MET_WITH = "MET_WITH"
    ATTACKED = "ATTACKED"
    MENTIONS = "MENTIONS"


ACTOR_KINDS = frozenset({NodeKind.PERSON, NodeKind.STATE, NodeKind.ORGANIZATION})
RelationFamily = Literal["cooperation", "conflict", "attendance", "structure", "provenance"]


class RelationSpec(BaseModel):
    """What a relation type is, declared once: the node kinds it may join, whether it is symmetric,
    and its family (the view colours and groups edges by family)."""

    model_config = ConfigDict(frozen=True)

    sources: frozenset[NodeKind]
    targets: frozenset[NodeKind]
    family: RelationFamily
    symmetric: bool = False


_ANY_ACTOR = ACTOR_KINDS
_PERSON_OR_STATE = frozenset({NodeKind.PERSON, NodeKind.STATE})
_STATE_OR_BODY = frozenset({NodeKind.STATE, NodeKind.ORGANIZATION})
_SUMMIT = frozenset({NodeKind.SUMMIT})
# Adding a relation type: a member of RelationType above, one entry here; the lexicon
# (extract/data/lexicon.json) and the view's edge style then default from it.
RELATION_SPECS: dict[RelationType, RelationSpec] = {
    RelationType.LEADS: RelationSpec(sources={NodeKind.PERSON}, targets=_STATE_OR_BODY, family="structure"),
    RelationType.MEMBER_OF: RelationSpec(sources={NodeKind.STATE}, targets={NodeKind.ORGANIZATION}, family="structure"),
    RelationType.ATTENDED: RelationSpec(sources=_ANY_ACTOR, targets=_SUMMIT, family="attendance"),
    RelationType.HOSTED: RelationSpec(sources=_ANY_ACTOR, targets=_SUMMIT, family="attendance"),
    RelationType.PLEDGED: RelationSpec(sources=_ANY_ACTOR, targets=_STATE_OR_BODY, family="cooperation"),
    RelationType.SUPPORTED: RelationSpec(sources=_ANY_ACTOR, targets=_ANY_ACTOR, family="cooperation"),
    RelationType.OPPOSED: RelationSpec(sources=_ANY_ACTOR, targets=_ANY_ACTOR, family="conflict"),
    RelationType.MET_WITH: RelationSpec(sources=_PERSON_OR_STATE, targets=_PERSON_OR_STATE, family="cooperation",
                                        symmetric=True),
    RelationType.ATTACKED: RelationSpec(sources={NodeKind.STATE, NodeKind.PERSON}, targets={NodeKind.STATE},
                                        family="conflict"),
    RelationType.MENTIONS: RelationSpec(sources={NodeKind.ARTICLE}, targets=frozenset(NodeKind) - {NodeKind.ARTICLE},
                                        family="provenance"),
}


def check_declared(specs: dict) -> None:
    """Every RelationType has its RelationSpec; else one line naming the types and what to add."""
    missing = [t.value for t in RelationType if t not in specs]
    if missing:
        raise TypeError(f"graphkit/model.py: relation type(s) {', '.join(missing)} have no entry in RELATION_SPECS; "
                        "declare RelationSpec(sources=..., targets=..., family=...) for each")


check_declared(RELATION_SPECS)
SYMMETRIC_TYPES = frozenset(t for t, spec in RELATION_SPECS.items() if spec.symmetric)
# Which kinds each relation type may join: (allowed sources, allowed targets).
RELATION_ENDS: dict[RelationType, tuple[frozenset, frozenset]] = {
    t: (spec.sources, spec.targets) for t, spec in RELATION_SPECS.items()}

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
Scalar = str | int | float | bool | None
PropertyValue = Scalar | list[str] | list[int] | list[float]


class Evidence(BaseModel):
    """Where the text says it: the article, the sentence, and the character span of the sentence."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    article: str = Field(min_length=1)
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str | None = None  # which extraction rule produced it (for --explain)
    properties: "RelationProperties | None" = None  # what this sentence says (role, what, mode)

    @model_validator(mode="after")
    def _span_ordered(self) -> "Evidence":
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class RelationProperties(BaseModel):
    """The few properties a relation may carry; unknown keys are rejected so typos surface."""

    model_config = ConfigDict(extra="forbid")

    role: str | None = None  # LEADS: the office
    what: str | None = None  # PLEDGED: what was committed
    mode: Literal["in person", "remote"] | None = None  # ATTENDED: how


class Node(BaseModel):
    """One entity; `id` is stable and readable (ISO alpha-3 for a State, a slug otherwise)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    kind: NodeKind
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, PropertyValue] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _kind_rules(self) -> "Node":
        props = self.properties
        if self.kind is NodeKind.STATE:
            iso3 = props.get("iso3")
            if not isinstance(iso3, str) or not _ISO3.match(iso3):
                raise ValueError(f"properties.iso3: a State needs an ISO 3166 alpha-3 code, got {iso3!r}")
            if self.id != iso3:
                raise ValueError(f"id: a State is keyed by its iso3 {iso3!r}, got {self.id!r}")
        for key in ("date",):
            value = props.get(key)
            if value is not None and (not isinstance(value, str) or not _ISO_DATE.match(value)):
                raise ValueError(f"properties.{key}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        return self

    def merged_with(self, other: "Node") -> "Node":
        """The same entity seen again: keep this name, gather aliases, fill missing properties."""
        if other.kind != self.kind:
            raise ValueError(f"kind: node {self.id!r} is a {self.kind.value}, not a {other.kind.value}")
        aliases = _unique([*self.aliases, other.name, *other.aliases], exclude=self.name)
        props = {**other.properties, **{k: v for k, v in self.properties.items() if v not in (None, "", [])}}
        return self.model_copy(update={"aliases": aliases, "properties": props})


class Relation(BaseModel):
    """A directed edge (MET_WITH is symmetric and stored in a canonical order) with its evidence."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(min_length=1)
    type: RelationType
    target: str = Field(min_length=1)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    properties: RelationProperties = Field(default_factory=RelationProperties)
    evidence: list[Evidence] = Field(default_factory=list)

    @model_validator(mode="after")
    def _canonical_order(self) -> "Relation":
        if self.type in SYMMETRIC_TYPES and self.target < self.source:
            self.source, self.target = self.target, self.source
        return self

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.type.value, self.target)

    @property
    def articles(self) -> list[str]:
        return _unique(e.article for e in self.evidence)

    def keeping(self, evidence: list[Evidence]) -> "Relation":
        """This relation supported only by `evidence`; properties come from what those sentences say."""
        props: dict[str, str] = {}
        for ev in evidence:
            if ev.properties is not None:
                for key, value in ev.properties.model_dump(exclude_none=True).items():
                    props.setdefault(key, value)
        if not any(ev.properties is not None for ev in evidence):
            props = self.properties.model_dump(exclude_none=True)
        return self.model_copy(update={"evidence": evidence, "properties": RelationProperties(**props)})

    def merged_with(self, other: "Relation") -> "Relation":
        """The same fact from more sentences or articles: one edge whose evidence lists them all."""
        evidence = list({(e.article, e.start, e.end): e for e in [*self.evidence, *other.evidence]}.values())
        mine = self.properties.model_dump(exclude_none=True)
        props = RelationProperties(**{**other.properties.model_dump(exclude_none=True), **mine})
        return self.model_copy(update={"evidence": evidence, "properties": props,
                                       "confidence": max(self.confidence, other.confidence)})


class Article(BaseModel):
    """An input text and what is known about it. `id` (used in evidence) comes from its URL or
    text, never a file name alone; `sources` are the places it was read from (resolved paths,
    `path#record`, `stdin`), so one text under two names is one article with both sources."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    path: str | None = None
    sha256: str | None = None
    sources: list[str] = Field(default_factory=list)

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None and not _ISO_DATE.match(value):
            raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        return value

    def as_node(self) -> Node:
        props = {k: v for k, v in {"title": self.title, "url": self.url, "date": self.date,
                                    "path": self.path, "sha256": self.sha256,
                                    "sources": self.sources or None}.items() if v is not None}
        name = self.title or (Path(self.path).name if self.path else (self.sources or [self.id])[0])
        return Node(id=self.id, kind=NodeKind.ARTICLE, name=name, properties=props)


Evidence.model_rebuild()


class Graph(BaseModel):
    """Nodes and relations; the hand-off from the extractor to the stores and views."""

    model_config = ConfigDict(extra="forbid")

    nodes: list[Node] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ends_exist(self) -> "Graph":
        kinds = {n.id: n.kind for n in self.nodes}
        for i, rel in enumerate(self.relations):
            for end in ("source", "target"):
                node_id = getattr(rel, end)
                if node_id not in kinds:
                    raise ValueError(f"relations[{i}].{end}: no node with id {node_id!r}")
            sources, targets = RELATION_ENDS[rel.type]
            if kinds[rel.source] not in sources or kinds[rel.target] not in targets:
                raise ValueError(f"relations[{i}].type: {rel.type.value} cannot join a "
                                 f"{kinds[rel.source].value} to a {kinds[rel.target].value}")
        return self

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def merged_with(self, other: "Graph") -> "Graph":
        """Union by node id and relation key; evidence accumulates."""
        return merge_graphs([self, other])

    def without_articles(self, article_ids: Iterable[str]) -> "Graph":
        """What remains when these articles are withdrawn: their evidence, their Article nodes,
        and any entity no remaining article mentions."""
        gone = set(article_ids)
        relations = []
        for r in self.relations:
            if r.source in gone:
                continue
            kept = [e for e in r.evidence if e.article not in gone]
            if kept or not r.evidence:
                relations.append(r if len(kept) == len(r.evidence) else r.keeping(kept))
        mentioned = {r.target for r in relations if r.type is RelationType.MENTIONS}
        nodes = [n for n in self.nodes
                 if n.id not in gone and (n.kind is NodeKind.ARTICLE or n.id in mentioned)]
        alive = {n.id for n in nodes}
        relations = [r for r in relations if r.source in alive and r.target in alive]
        return Graph.model_construct(nodes=nodes, relations=relations)

    def counts(self) -> dict[str, dict[str, int]]:
        kinds: dict[str, int] = {}
        types: dict[str, int] = {}
        for n in self.nodes:
            kinds[n.kind.value] = kinds.get(n.kind.value, 0) + 1
        for r in self.relations:
            types[r.type.value] = types.get(r.type.value, 0) + 1
        return {"nodes": dict(sorted(kinds.items())), "relations": dict(sorted(types.items()))}

    def to_prediction(self) -> dict[str, Any]:
        """The guideline's prediction format (what `graphkit extract --format json` prints)."""
        return {
            "nodes": [{"id": n.id, "kind": n.kind.value, "name": n.name, "aliases": n.aliases,
                       "properties": n.properties} for n in self.nodes],
            "edges": [{"source": r.source, "type": r.type.value, "target": r.target,
                       "confidence": round(r.confidence, 3),
                       "properties": r.properties.model_dump(exclude_none=True),
                       "evidence": [e.model_dump(exclude_none=True) for e in r.evidence]}
                      for r in self.relations],
        }


def merge_graphs(graphs: Iterable[Graph]) -> Graph:
    """One graph from many (e.g. one per article), in one pass: linear in the total size."""
    nodes: dict[str, Node] = {}
    rels: dict[tuple[str, str, str], Relation] = {}
    for g in graphs:
        for n in g.nodes:
            seen = nodes.get(n.id)
            nodes[n.id] = seen.merged_with(n) if seen is not None else n
        for r in g.relations:
            key = r.key
            seen_rel = rels.get(key)
            rels[key] = seen_rel.merged_with(r) if seen_rel is not None else r
    return Graph.model_construct(nodes=list(nodes.values()), relations=list(rels.values()))


def _unique(items: Iterable[str], exclude: str | None = None) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item != exclude:
            seen.setdefault(item, None)
    return list(seen)
