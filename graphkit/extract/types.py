"""The hand-offs between the extraction stages, declared once:

    Doc ─► mentions (tuple[Mention]) ─► ResolvedEntities ─► Summits ─► ResolvedArticle ─► RelationsFound

Each stage takes the previous stage's output and returns its own; none edits what it was given
(`graphkit.extract.pipeline.extract_graph` calls them in order)."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from spacy.tokens import Doc

from graphkit.extract.mentions import Mention
from graphkit.gazetteer import Gazetteer
from graphkit.model import Article, Node, Relation


@dataclass(frozen=True)
class ResolvedEntities:
    """Stage 2 (resolve): the mentions as resolved (surnames the tagger missed added, descriptions
    such as "the Ukrainian president" read), the entity each stands for, and the entity nodes."""

    mentions: tuple[Mention, ...]
    entity_of: tuple[str | None, ...]
    nodes: Mapping[str, Node]  # states, bodies, then people, in order of first mention
    person_state: Mapping[str, str]  # person id -> the state they act for


@dataclass(slots=True)
class SummitMention:
    """One mention of a meeting; `key` groups mentions of the same meeting within the article.
    Built up while the summits stage reads the article; later stages only read it."""

    head: int  # token index of the meeting noun
    start: int
    end: int
    text: str
    name: str
    city: str | None = None
    date: str | None = None
    format: str | None = None  # "video" for a video conference / call
    specific: bool = False  # has its own city, date, format or named qualifier
    planned: bool = False
    generic_ok: bool = True  # may stand for the article's main meeting ("the summit", "the talks")
    bilateral: list[int] = field(default_factory=list)  # mention indexes in "talks between A and B"
    separate: bool = False  # "a separate summit", "another meeting": not one already mentioned
    parties: frozenset[str] = frozenset()  # entity ids a verb names as meeting ("Ruto spoke by phone with Macron")
    key: str | None = None


@dataclass(frozen=True)
class Summits:
    """Stage 3 (summits): the meetings an article mentions, and the places named as their venues."""

    mentions: tuple[SummitMention, ...]
    venues: frozenset[int]  # indexes of mentions naming a meeting's place ("a summit in London"), not an actor
    nodes: Mapping[str, Node]  # one Summit node per meeting
    summit_of_token: Mapping[int, str]  # meeting noun token -> Summit id
    main: str | None  # the meeting the article is mostly about


@dataclass(frozen=True)
class ResolvedArticle:
    """What the relation rules read: the parsed article, its entities and its meetings."""

    article: Article
    doc: Doc
    mentions: tuple[Mention, ...]
    entity_of: tuple[str | None, ...]
    nodes: Mapping[str, Node]
    summits: tuple[SummitMention, ...]
    summit_of_token: Mapping[int, str]
    main_summit: str | None
    person_state: Mapping[str, str]
    venues: frozenset[int]
    gazetteer: Gazetteer
    mentions_of: Mapping[str, list[int]] = field(init=False)
    _token_mention: Mapping[int, int] = field(init=False, repr=False)

    @classmethod
    def of(cls, article: Article, doc: Doc, entities: ResolvedEntities, summits: Summits,
           gazetteer: Gazetteer) -> "ResolvedArticle":
        return cls(article, doc, entities.mentions, entities.entity_of,
                   MappingProxyType({**entities.nodes, **summits.nodes}), summits.mentions, summits.summit_of_token,
                   summits.main, entities.person_state, summits.venues, gazetteer)

    def __post_init__(self) -> None:
        mentions_of: dict[str, list[int]] = {}
        for i, eid in enumerate(self.entity_of):
            if eid:
                mentions_of.setdefault(eid, []).append(i)
        object.__setattr__(self, "mentions_of", MappingProxyType(mentions_of))
        object.__setattr__(self, "_token_mention",
                           {t: i for i, m in enumerate(self.mentions) for t in range(m.start, m.end)})

    def mention_at(self, token_i: int) -> int | None:
        return self._token_mention.get(token_i)


@dataclass(frozen=True)
class RelationsFound:
    """Stage 4 (relations): the relations, and the nodes they imply that no mention named
    (a title's state: "Trump's envoy Steve Witkoff" serves the USA)."""

    relations: tuple[Relation, ...]
    implied_nodes: tuple[Node, ...]
