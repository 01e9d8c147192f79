"""Stage 2, resolution: mentions become entities with stable ids.

Within an article a surname ("Starmer") or a description ("the Ukrainian president") is the full
person named elsewhere in it; across articles the same gazetteer id, the same name slug and the
same summit city and date give the same node id, so the stores merge them into one node.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from types import MappingProxyType

from spacy.tokens import Doc

from graphkit.extract.lexicon import WORDS
from graphkit.extract.mentions import Mention, fold
from graphkit.extract.types import ResolvedEntities
from graphkit.gazetteer import Gazetteer
from graphkit.model import Article, Node, NodeKind


def slugify(text: str) -> str:
    """A readable ASCII id ("Micheál Martin" -> "micheal-martin"); other scripts keep their letters."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if slug:
        return slug
    # a name in another script ("Володимир Зеленський"): a readable word-based slug of its own letters
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-_") or "x" + hashlib.sha1(text.encode()).hexdigest()[:10]


def resolve_entities(article: Article, doc: Doc, found: tuple[Mention, ...], gz: Gazetteer) -> ResolvedEntities:
    """Give every mention an entity id and build the article's entity nodes."""
    mentions = _add_office_descriptions(doc, _add_descriptions(doc, _add_missed_surnames(doc, found, gz)), gz)
    entity_of: list[str | None] = [None] * len(mentions)
    names: dict[str, list[str]] = {}
    people = _resolve_people(mentions, gz, entity_of)
    for i, m in enumerate(mentions):
        if m.kind in (NodeKind.STATE, NodeKind.ORGANIZATION):
            entity_of[i] = m.key
    _resolve_descriptions(mentions, entity_of, people, gz, article.date)
    for i, m in enumerate(mentions):
        if entity_of[i] and not (m.how == "descriptor" and m.described_state is None):  # "the Amir" is no name
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
    starting_at = {m.start: i for i, m in enumerate(mentions)}
    for _ in range(2):  # a role held for another person's state ("Zelenskyy's chief of staff") needs theirs first
        for pid, info in people.items():
            state, _office = _person_facts(pid, info, mentions, entity_of, gz, article.date)
            if state:
                person_state[pid] = state
        for i, m in enumerate(mentions):
            if m.affiliation_person is not None and m.affiliation is None:
                served = person_state.get(entity_of[starting_at[m.affiliation_person]] or "")
                mentions[i] = replace(m, affiliation=served)
    for pid, info in people.items():
        state, office = _person_facts(pid, info, mentions, entity_of, gz, article.date)
        props = {k: v for k, v in {"state": state, "office": office}.items() if v}
        name = info["name"]
        nodes[pid] = Node(id=pid, kind=NodeKind.PERSON, name=name, aliases=_aliases(names.get(pid, []), name),
                          properties=props)
    return ResolvedEntities(tuple(mentions), tuple(entity_of), MappingProxyType(nodes), MappingProxyType(person_state))


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
    by_given: dict[str, str | None] = {}  # None: a given name two people share
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
        for key in surname_keys(m.text):
            by_surname.setdefault(key, pid)
        if m.key:
            by_surname.setdefault(fold(gz.office_holders[m.key].surname or last), pid)
        given = fold(m.text.split()[0])
        if by_given.get(given, pid) != pid:
            by_given[given] = None
        else:
            by_given[given] = pid
    for i, m in enumerate(mentions):
        if m.kind is not NodeKind.PERSON or entity_of[i] or m.how == "descriptor":
            continue
        key = fold(m.text)
        pid = by_surname.get(key)
        if pid is None:
            holders = gz.people_named(m.text)
            if len(holders) == 1:
                pid, name = holders[0].id, holders[0].name
            elif len(m.text.split()) == 1 and by_given.get(key) and key not in WORDS["name_suffixes"]:
                pid = by_given[key]  # "Retno" after "Retno Marsudi", "Crown Prince Mohammed" after "Mohammed bin Salman"
                name = people[pid]["name"]
            else:
                pid, name = slugify(m.text), m.text
            people.setdefault(pid, {"name": name, "mentions": []})
            by_surname[key] = pid
        entity_of[i] = pid
        people[pid]["mentions"].append(i)
    return people


def surname_keys(name: str) -> list[str]:
    """The folded forms a full name's surname may take alone: "Surangel Whipps Jr." -> whipps,
    "Mustafa al-Kadhimi" -> al-kadhimi and kadhimi."""
    words = [fold(w) for w in name.split()]
    while len(words) > 2 and words[-1].rstrip(",") in WORDS["name_suffixes"]:
        words.pop()
    last = words[-1]
    keys = [fold(name.split()[-1]), last]
    keys += [last[len(p):] for p in WORDS["surname_prefixes"] if last.startswith(p) and len(last) > len(p) + 2]
    return list(dict.fromkeys(keys))


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
        if not on and office:  # undated: the term whose role the text gives ("President Barack Obama")
            terms = [t for t in gz.office_holders[pid].offices if t.role == office] or terms
        if state is None:
            state = next((t.state for t in terms if t.state), None)
        if office is None and terms:
            office = terms[0].role
    return state, office


def _add_missed_surnames(doc: Doc, found: tuple[Mention, ...], gz: Gazetteer) -> list[Mention]:
    """spaCy sometimes tags a known surname as ORG or nothing: add it when a full name in the article
    ends with it, or when exactly one office-holder in the gazetteer has that distinctive surname."""
    mentions = list(found)
    surnames = {k for m in mentions if m.kind is NodeKind.PERSON and len(m.text.split()) > 1 for k in surname_keys(m.text)}
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
    return mentions


def _add_descriptions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"the Ukrainian president", "the American leader": a person described by nationality and office."""
    described = list(mentions)
    for i, m in enumerate(mentions):
        if m.kind is not NodeKind.STATE or m.how != "demonym" or m.title_of:
            continue
        if m.start == 0 or doc[m.start - 1].lower_ != "the" or m.end >= len(doc):
            continue
        noun = doc[m.end]
        if noun.lower_ in WORDS["person_nouns"] and not (m.end + 1 < len(doc) and doc[m.end + 1].pos_ == "PROPN"):
            described[i] = replace(m, kind=NodeKind.PERSON, how="descriptor", described_state=m.key, end=m.end + 1,
                                   text=doc[m.start:m.end + 1].text)
    return described


def _add_office_descriptions(doc: Doc, mentions: list[Mention], gz: Gazetteer) -> list[Mention]:
    """"the Amir", "the Crown Prince", "the King": a person named by an office alone, read as the one
    person of the article who holds it (resolved in `_resolve_descriptions`)."""
    covered = {t for m in mentions for t in range(m.start, m.end)}
    found = list(mentions)
    for tok in doc:
        if tok.lower_ not in WORDS["office_alone_determiners"] or tok.i + 1 >= len(doc) or tok.i + 1 in covered:
            continue
        for width in (3, 2, 1):
            end = tok.i + 1 + width
            if end > len(doc) or any(t in covered for t in range(tok.i + 1, end)):
                continue
            words = doc[tok.i + 1:end]
            if not all(w.text[:1].isupper() for w in words):
                continue
            office = gz.office_for(words.text)
            if office is None:
                continue
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and (nxt.lower_ in WORDS["of_words"] or nxt.pos_ == "PROPN" or nxt.text[:1].isupper()
                                    or nxt.text in {"-", "–"}):
                break  # "the President of Kenya", "the Prime Minister Narendra Modi": not the office alone
            found.append(Mention(tok.i, end, NodeKind.PERSON, None, doc[tok.i:end].text, "descriptor",
                                 role=office.canonical, role_level=office.level))
            break
    found.sort(key=lambda m: m.start)
    return found


def _resolve_descriptions(mentions: list[Mention], entity_of: list[str | None], people: dict[str, dict],
                          gz: Gazetteer, on: str | None) -> None:
    for i, m in enumerate(mentions):
        if m.how != "descriptor":
            continue
        state = m.described_state
        candidates, offices = [], {}
        for pid, info in people.items():
            st, office = _person_facts(pid, info, mentions, entity_of, gz, on)
            offices[pid] = office
            if (st == state) if state else (office == m.role):
                candidates.append(pid)
        if len(candidates) > 1 and state:  # two French people: "the French president" is the president
            named = gz.office_for(m.text)
            candidates = [pid for pid in candidates if named is not None and offices[pid] == named.canonical]
        if len(candidates) == 1:
            entity_of[i] = candidates[0]
            people[candidates[0]]["mentions"].append(i)
        elif state is None:
            entity_of[i] = None  # "the President" with two presidents (or none) in the article: nobody in particular
        else:
            mentions[i] = replace(m, kind=NodeKind.STATE, how="demonym")  # unresolved: the state it names
            entity_of[i] = None
