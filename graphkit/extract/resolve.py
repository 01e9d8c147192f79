"""Stage 3, resolution: mentions become entities with stable ids.

Within an article a surname ("Starmer") or a description ("the Ukrainian president") is the full
person named elsewhere in it; across articles the same gazetteer id, the same name slug and the
same summit city and date give the same node id, so the stores merge them into one node.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc

from graphkit.extract.lexicon import WORDS
from graphkit.extract.mentions import Mention, fold
from graphkit.extract.summits import SummitMention, find_summits
from graphkit.gazetteer import Gazetteer
from graphkit.model import Article, Node, NodeKind



@dataclass
class ResolvedArticle:
    """An article's entities and which mention (or token) stands for which entity id."""

    article: Article
    doc: Doc
    mentions: list[Mention]
    entity_of: list[str | None]
    nodes: dict[str, Node]
    summits: list[SummitMention]
    summit_of_token: dict[int, str]
    main_summit: str | None
    person_state: dict[str, str] = field(default_factory=dict)
    gazetteer: Gazetteer | None = None
    mentions_of: dict[str, list[int]] = field(default_factory=dict)

    def mention_at(self, token_i: int) -> int | None:
        return self._token_mention.get(token_i)

    def __post_init__(self) -> None:
        self._token_mention = {t: i for i, m in enumerate(self.mentions) for t in range(m.start, m.end)}
        for i, eid in enumerate(self.entity_of):
            if eid:
                self.mentions_of.setdefault(eid, []).append(i)


def slugify(text: str) -> str:
    """A readable ASCII id ("Micheál Martin" -> "micheal-martin"); other scripts keep their letters."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if slug:
        return slug
    # a name in another script ("Володимир Зеленський"): a readable word-based slug of its own letters
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-_") or "x" + hashlib.sha1(text.encode()).hexdigest()[:10]


def resolve(article: Article, doc: Doc, mentions: list[Mention], gz: Gazetteer) -> ResolvedArticle:
    """Give every mention an entity id and build the article's entity nodes."""
    _add_missed_surnames(doc, mentions, gz)
    _add_descriptions(doc, mentions)
    entity_of: list[str | None] = [None] * len(mentions)
    names: dict[str, list[str]] = {}
    people = _resolve_people(mentions, gz, entity_of)
    for i, m in enumerate(mentions):
        if m.kind in (NodeKind.STATE, NodeKind.ORGANIZATION):
            entity_of[i] = m.key
    _resolve_descriptions(mentions, entity_of, people, gz, article.date)
    for i, m in enumerate(mentions):
        if entity_of[i]:
            names.setdefault(entity_of[i], []).append(m.text)

    nodes: dict[str, Node] = {}
    person_state: dict[str, str] = {}
    for i, m in enumerate(mentions):
        eid = entity_of[i]
        if not eid or eid in nodes:
            continue
        if m.kind is NodeKind.STATE:
            country = gz.countries[eid]
            nodes[eid] = Node(id=eid, kind=NodeKind.STATE, name=country.name,
                              aliases=_aliases(names[eid], country.name), properties={"iso3": eid})
        elif m.kind is NodeKind.ORGANIZATION:
            org = gz.organizations[eid]
            nodes[eid] = Node(id=eid, kind=NodeKind.ORGANIZATION, name=org.name,
                              aliases=_aliases(names[eid], org.name),
                              properties={"acronym": org.acronyms[0]} if org.acronyms else {})
    index = {id(m): i for i, m in enumerate(mentions)}
    for _ in range(2):  # a role held for another person's state ("Zelenskyy's chief of staff") needs theirs first
        for pid, info in people.items():
            state, _office = _person_facts(pid, info, mentions, entity_of, gz, article.date)
            if state:
                person_state[pid] = state
        for m in mentions:
            if m.affiliation_person is not None and m.affiliation is None:
                m.affiliation = person_state.get(entity_of[index[id(m.affiliation_person)]] or "")
    for pid, info in people.items():
        state, office = _person_facts(pid, info, mentions, entity_of, gz, article.date)
        props = {k: v for k, v in {"state": state, "office": office}.items() if v}
        name = info["name"]
        nodes[pid] = Node(id=pid, kind=NodeKind.PERSON, name=name, aliases=_aliases(names.get(pid, []), name),
                          properties=props)

    summits = find_summits(doc, mentions, article.date)
    summit_of_token, main = _resolve_summits(summits, nodes, article.id)
    return ResolvedArticle(article, doc, mentions, entity_of, nodes, summits, summit_of_token, main, person_state, gz)


def _aliases(surface: list[str], name: str) -> list[str]:
    seen: dict[str, None] = {}
    for s in surface:
        s = re.sub(r"^(the|The)\s+", "", s).removesuffix("'s").removesuffix("’s").strip()
        if s and s != name:
            seen.setdefault(s, None)
    return list(seen)


def _resolve_people(mentions: list[Mention], gz: Gazetteer, entity_of: list[str | None]) -> dict[str, dict]:
    """Full names first, then surnames to the full name that ends with them, else the gazetteer."""
    people: dict[str, dict] = {}
    by_surname: dict[str, str] = {}
    for i, m in enumerate(mentions):
        if m.kind is not NodeKind.PERSON or m.how == "descriptor" or len(m.text.split()) < 2:
            continue
        pid = m.key or slugify(m.text)
        entity_of[i] = pid
        info = people.setdefault(pid, {"name": m.text, "mentions": []})
        if m.key:
            info["name"] = gz.office_holders[m.key].name
        info["mentions"].append(i)
        last = fold(m.text.split()[-1])
        by_surname.setdefault(last, pid)
        if m.key:
            by_surname.setdefault(fold(gz.office_holders[m.key].surname or last), pid)
    for i, m in enumerate(mentions):
        if m.kind is not NodeKind.PERSON or entity_of[i] or m.how == "descriptor":
            continue
        key = fold(m.text)
        pid = by_surname.get(key)
        if pid is None:
            holders = gz.people_named(m.text)
            pid = holders[0].id if len(holders) == 1 else slugify(m.text)
            name = holders[0].name if len(holders) == 1 else m.text
            people.setdefault(pid, {"name": name, "mentions": []})
            by_surname[key] = pid
        entity_of[i] = pid
        people[pid]["mentions"].append(i)
    return people


def _person_facts(pid: str, info: dict, mentions: list[Mention], entity_of: list[str | None],
                  gz: Gazetteer, on: str | None) -> tuple[str | None, str | None]:
    """The state a person acts for and their office: from the text's titles, else the gazetteer."""
    state = office = None
    for i in info["mentions"]:
        m = mentions[i]
        if m.role and not m.former:
            office = office or m.role
            if m.affiliation and m.affiliation in gz.countries:
                state = state or m.affiliation
    if pid in gz.office_holders:
        terms = gz.offices_held(pid, on)
        if not terms:
            terms = gz.offices_held(pid, None)
        if state is None:
            state = next((t.state for t in terms if t.state), None)
        if office is None and terms:
            office = terms[0].role
    return state, office


def _add_missed_surnames(doc: Doc, mentions: list[Mention], gz: Gazetteer) -> None:
    """spaCy sometimes tags a known surname as ORG or nothing: add it when a full name in the article
    ends with it, or when exactly one office-holder in the gazetteer has that distinctive surname."""
    surnames = {fold(m.text.split()[-1]) for m in mentions if m.kind is NodeKind.PERSON and len(m.text.split()) > 1}
    covered = {t for m in mentions for t in range(m.start, m.end)}
    for tok in doc:
        if tok.i in covered or tok.pos_ not in ("PROPN", "NOUN") or not tok.text[:1].isupper():
            continue
        if fold(tok.text) in surnames:  # the tagger sometimes calls a surname a common noun
            mentions.append(Mention(tok.i, tok.i + 1, NodeKind.PERSON, None, tok.text, "surname"))
            continue
        if tok.pos_ != "PROPN":
            continue
        neighbours = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
        if len(tok.text) >= 4 and not any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
            holders = [h for h in gz.people_named(tok.text) if fold(h.surname or "") == fold(tok.text)]
            if len(holders) == 1:
                mentions.append(Mention(tok.i, tok.i + 1, NodeKind.PERSON, holders[0].id, tok.text, "surname"))
    mentions.sort(key=lambda m: m.start)


def _add_descriptions(doc: Doc, mentions: list[Mention]) -> None:
    """"the Ukrainian president", "the American leader": a person described by nationality and office."""
    for m in list(mentions):
        if m.kind is not NodeKind.STATE or m.how != "demonym" or m.extra.get("title_of"):
            continue
        if m.start == 0 or doc[m.start - 1].lower_ != "the" or m.end >= len(doc):
            continue
        noun = doc[m.end]
        if noun.lower_ in WORDS["person_nouns"] and not (m.end + 1 < len(doc) and doc[m.end + 1].pos_ == "PROPN"):
            m.kind, m.how = NodeKind.PERSON, "descriptor"
            m.extra["state"] = m.key
            m.extra["noun"] = noun.lower_
            m.end = m.end + 1
            m.text = doc[m.start:m.end].text


def _resolve_descriptions(mentions: list[Mention], entity_of: list[str | None], people: dict[str, dict],
                          gz: Gazetteer, on: str | None) -> None:
    for i, m in enumerate(mentions):
        if m.how != "descriptor":
            continue
        state = m.extra["state"]
        candidates = []
        for pid, info in people.items():
            st, _ = _person_facts(pid, info, mentions, entity_of, gz, on)
            if st == state:
                candidates.append(pid)
        if len(candidates) == 1:
            entity_of[i] = candidates[0]
            people[candidates[0]]["mentions"].append(i)
        else:
            m.kind = NodeKind.STATE  # unresolved: keep it as the state it names, not as an actor
            m.how = "demonym"
            entity_of[i] = None


def _resolve_summits(summits: list[SummitMention], nodes: dict[str, Node],
                     article_id: str) -> tuple[dict[int, str], str | None]:
    """One Summit node per meeting key; generic mentions refer to the main (most mentioned) meeting."""
    groups: dict[str, list[SummitMention]] = {}
    for sm in summits:
        if sm.key:
            groups.setdefault(sm.key, []).append(sm)
    ids: dict[str, str] = {}
    for key, group in groups.items():
        placed = [s for s in group if s.city or s.format] or group
        anchor = max(placed, key=lambda s: (len(s.name.split()), -s.head))  # the fullest name: "47th ASEAN summit"
        date = next((s.date for s in group if s.date), None)
        place = slugify(anchor.city) if anchor.city else anchor.format
        if anchor.city or date:  # the same place and date in any article is the same meeting
            sid = f"summit-{place or 'meeting'}-{date or 'undated'}"
        else:  # nothing to recognise it by elsewhere: keep it to this article
            sid = f"summit-{slugify(article_id)}-{key}"
        ids[key] = sid
        if sid in nodes:
            continue
        props = {k: v for k, v in {"city": anchor.city, "date": date, "format": anchor.format or "in person"}.items() if v}
        if all(s.planned for s in group):
            props["status"] = "planned"
        name = anchor.name if len(anchor.name.split()) > 1 else re.sub(r"^(an?|the)\s+", "", anchor.text, flags=re.I)
        surface = [s.text for s in group] + [s.name for s in group]
        aliases = [a for a in dict.fromkeys(surface) if a != name and len(a.split()) > 1]
        nodes[sid] = Node(id=sid, kind=NodeKind.SUMMIT, name=name, aliases=aliases, properties=props)
    counts = {k: len(g) + (2 if any(s.city for s in g) else 0) - (3 if all(s.planned for s in g) else 0)
              for k, g in groups.items()}
    main = ids[max(counts, key=lambda k: (counts[k], -int(k[1:])))] if counts else None
    summit_of_token: dict[int, str] = {}
    for sm in summits:
        if sm.bilateral:
            continue
        if sm.key:
            summit_of_token[sm.head] = ids[sm.key]
        elif main and not sm.planned and sm.generic_ok:
            summit_of_token[sm.head] = main
    return summit_of_token, main
