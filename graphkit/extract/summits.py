"""Stage 3, summits: meeting mentions ("a security summit in London", "Thursday's emergency video
conference", "the Kyiv talks") become Summit candidates with city, date and format; later generic
references ("the summit", "the meeting") are the same meeting as the article's main one."""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from spacy.tokens import Doc, Token

from graphkit.dates import parse_date, resolve_month_day, resolve_weekday
from graphkit.extract.lexicon import WORDS
from graphkit.extract.mentions import Mention, fold
from graphkit.extract.reading import OBJ, negated, pobjs
from graphkit.extract.resolve import slugify
from graphkit.extract.types import ResolvedEntities, SummitMention, Summits
from graphkit.gazetteer import Gazetteer
from graphkit.model import Article, Node, NodeKind

_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}),\s+(.{0,60})")
_DATELINE_TAIL = re.compile(r"^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|[^,]{0,30}?\s?(?:\(|—|–|\s-\s))")
_COLON_DATELINE = re.compile(r"^\s*([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?)?:\s+[A-Z]")
_DROP_MODIFIERS = {"det", "predet", "punct", "nummod", "quantmod", "advmod", "case"}


@dataclass
class _Places:
    """What finding a meeting's city needs besides the parse: the gazetteer's capitals, and where to
    note the mentions that name a venue rather than an actor."""

    gazetteer: Gazetteer
    venues: set[int]


def find_summits(article: Article, doc: Doc, entities: ResolvedEntities, gazetteer: Gazetteer) -> Summits:
    """The article's meetings: one Summit node per meeting, which meeting each meeting noun refers
    to, the main one, and the mentions that name a venue ("a summit in London") rather than an actor."""
    places = _Places(gazetteer, set())
    found = _summit_mentions(doc, entities, article.date, places)
    nodes, summit_of_token, main = _resolve_summits(found, entities.nodes, article.id)
    return Summits(tuple(found), frozenset(places.venues), MappingProxyType(nodes),
                   MappingProxyType(summit_of_token), main)


def _summit_mentions(doc: Doc, entities: ResolvedEntities, article_date: str | None,
                     places: _Places) -> list[SummitMention]:
    """Meeting mentions in document order, each with a `key` naming the meeting it refers to."""
    mentions = entities.mentions
    by_token = {t: i for i, m in enumerate(mentions) for t in range(m.start, m.end)}
    found: list[SummitMention] = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or (tok.lemma_.lower() not in WORDS["meeting_nouns"]
                                                  and tok.lower_ not in WORDS["meeting_nouns"]):
            continue
        if tok.dep_ == "compound" or any(c.lower_ in WORDS["press_words"] for c in tok.lefts):
            continue  # "conference room", "video" in "video conference", "press conference"
        if tok.lemma_.lower() == "call" and _an_appeal(tok):
            continue  # "Lula's call for reform", "calls to end the war": an appeal, not a phone call
        if tok.lemma_.lower() in WORDS["ceremony_nouns"] and not _a_signing(tok):
            continue  # a welcome or wreath-laying ceremony is protocol; a signing ceremony is a meeting
        if tok.lemma_.lower() in WORDS["visit_nouns"] and tok.tag_ == "NNS":
            continue  # "visits to El Salvador and Costa Rica": trips in general, not one meeting
        found.append(_summit_mention(doc, tok, mentions, by_token, places, article_date))
    nouns = {sm.head for sm in found}
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in WORDS["meeting_verbs"]:
            sm = _verb_meeting(doc, tok, entities, by_token, places, article_date, nouns)
            if sm is not None:
                found.append(sm)
    found.sort(key=lambda sm: sm.head)
    _group(found)
    if not any(sm.key for sm in found):
        _promote_first_generic(doc, found, mentions, by_token, places)
    first = next((sm for sm in found if sm.key), None)
    if first is not None and not first.city and not first.format and not first.planned:
        city = dateline_city(doc.text) or _colon_dateline(doc)  # the reporter's dateline is where the meeting was
        if city:
            for sm in found:
                if sm.key == first.key and not sm.city:
                    sm.city = city
                    sm.name = f"{city} {sm.name}" if len(sm.name.split()) == 1 else sm.name
    return found


def _verb_meeting(doc: Doc, verb: Token, entities: ResolvedEntities, by_token: dict[int, int], places: _Places,
                  article_date: str | None, nouns: set[int]) -> SummitMention | None:
    """A meeting told by its verb alone ("Ruto spoke by phone with Macron", "Xi received Lula in
    Beijing", "the two leaders met on Monday"): a meeting mention on the verb, with its parties."""
    lemma = verb.lemma_.lower()
    if negated(verb) or lemma in WORDS["call_verbs"] and _a_verdict(verb):
        return None
    around = [t for c in verb.children if c.dep_ in OBJ | {"prep", "npadvmod"}
              for t in ([c] if c.dep_ != "prep" else pobjs(c))]
    if any(t.i in nouns or t.lower_ in WORDS["meeting_verb_skips"] for t in around):
        return None  # "met at the summit", "spoke at the conference": that meeting, already a mention

    def actors_in(tok: Token, kinds: tuple) -> list[str]:
        out = []
        for t in tok.subtree:
            idx = by_token.get(t.i)
            if idx is not None and entities.mentions[idx].kind in kinds and entities.entity_of[idx]:
                out.append(entities.entity_of[idx])
        return list(dict.fromkeys(out))

    people = (NodeKind.PERSON,)
    actors = (NodeKind.PERSON, NodeKind.STATE)
    partners: list[str] = []
    for c in verb.children:
        if c.dep_ in OBJ and lemma in WORDS["hosting_guest_verbs"]:  # the guest is the object, not one named in it
            partners += [a for g in [c, *c.conjuncts] for a in actors_in(g, people)
                         if by_token.get(g.i) is not None and entities.entity_of[by_token[g.i]] == a]
        elif c.dep_ in OBJ and lemma not in WORDS["meeting_verbs_needing_with"]:
            partners += actors_in(c, actors)
        if c.dep_ == "prep" and lemma in WORDS["signing_verbs"]:  # "signed the pact alongside Tusk"
            if c.lower_ in WORDS["signing_partner_preps"]:
                partners += [a for p in pobjs(c) for a in actors_in(p, actors)]
            continue
        if c.dep_ in OBJ and lemma in WORDS["signing_verbs"]:  # what was signed, not who; but "the pact alongside Tusk"
            partners += [a for p in c.children if p.dep_ == "prep" and p.lower_ in WORDS["signing_partner_preps"]
                         for q in pobjs(p) for a in actors_in(q, actors)]
            continue
        if c.dep_ == "prep" and c.lower_ in WORDS["meeting_partner_preps"] and lemma not in WORDS["hosting_guest_verbs"]:
            partners += [a for p in pobjs(c) for a in actors_in(p, actors)]
        if c.dep_ == "agent" and lemma in WORDS["hosting_guest_verbs"]:  # "Y was received by X"
            partners += [a for p in pobjs(c) for a in actors_in(p, people)]
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ in ("conj", "xcomp", "advcl"):
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    hosts = actors_in(subject, actors) if subject is not None else []
    people_hosts = actors_in(subject, people) if subject is not None else []
    together = len(people_hosts) >= 2 or not people_hosts and len(hosts) >= 2  # not "Canadian ... Trudeau" as two
    if not partners and not (lemma in WORDS["joint_verbs"] and together):
        return None
    if not hosts and not (subject is not None and subject.lower_ in WORDS["pronoun_person"]):
        return None  # "he spoke with X": the relation rules read who "he" is
    window = doc[max(verb.i - 1, 0):verb.right_edge.i + 1].text.lower()
    remote = lemma in WORDS["call_verbs"] or any(m in window for m in WORDS["remote_markers"] | WORDS["call_markers"])
    noun = "phone call" if remote else "talks" if lemma in WORDS["meeting_verbs_needing_with"] \
        else "signing" if lemma in WORDS["signing_verbs"] else "meeting"
    sm = SummitMention(head=verb.i, start=verb.i, end=verb.i + 1, text=noun, name=noun,
                       parties=frozenset(hosts + partners))
    if remote:
        sm.format = "video"
    else:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in WORDS["venue_preps"]:
                sm.city = _place_in(c, doc, list(entities.mentions), by_token, places)
                if sm.city:
                    sm.name = f"{noun} in {sm.city}"
                    break
    sent = verb.sent
    sm.date = parse_date(sent.text) if re.search(r"\d{4}", sent.text) else None
    sm.date = sm.date or resolve_month_day(doc[verb.left_edge.i:verb.right_edge.i + 1].text, article_date) \
        or _clause_weekday(verb, article_date)
    sm.specific = bool(sm.city or sm.format)
    sm.planned = _is_planned(verb)
    return sm


def _a_signing(ceremony: Token) -> bool:
    """ "the signing ceremony", "the ceremony in Brussels" after "signed the deal": a signing."""
    sents = [ceremony.sent] + ([ceremony.doc[ceremony.sent.start - 1].sent] if ceremony.sent.start else [])
    return any(t.lemma_.lower() in WORDS["signing_words"] or t.lower_ in WORDS["signing_words"]
               for sent in sents for t in sent)


def _a_verdict(call: Token) -> bool:
    """ "called Lula 'corrupt'", "called Iran the principal source of terror": naming, not phoning."""
    if any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp") for c in call.children) \
            or sum(c.dep_ in OBJ for c in call.children) > 1:
        return True
    return any(t.text in WORDS["quote_marks"] for t in call.subtree if t.i > call.i)


def _governing_verb(t: Token) -> int:
    """The index of the verb a token hangs on (spaCy's root is its own head: compare indexes)."""
    for _ in range(40):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    return t.i


def _clause_weekday(tok: Token, article_date: str | None) -> str | None:
    """The weekday of the clause the meeting belongs to ("gathered on Sunday for the summit"), not
    of another clause ("will host X on Monday, three days after a summit in Alaska")."""
    if any(a.lower_ in WORDS["sequence_preps"] and a.dep_ == "prep"
           for a in [tok.head] if tok.dep_ == "pobj"):
        return None
    verb = _governing_verb(tok)
    for t in tok.sent:
        if t.lower_ in WORDS["weekdays"] and _governing_verb(t) == verb:
            return resolve_weekday(t.text, article_date)
    return None


def _pobjs_of(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _a_venue(t: Token) -> bool:
    return t.ent_type_ in ("FAC", "LOC", "GPE") or t.lemma_.lower() in WORDS["venue_nouns"] or t.lower_ in WORDS["venue_nouns"]


def _breaks_a_name(t: Token, mentions: list[Mention], by_token: dict[int, int]) -> bool:
    """A word that cannot be inside a meeting's name on its left: a clause word, a verb (even one
    the parser tagged a noun, "hosts"), or a person."""
    if t.pos_ in ("SCONJ", "VERB", "AUX", "ADP", "PRON", "PART") and t.text not in {"-", "–"}:
        return True
    if t.lemma_.lower() in WORDS["name_breaking_verbs"] or t.lower_ in WORDS["name_breaking_verbs"]:
        return True
    idx = by_token.get(t.i)
    return idx is not None and mentions[idx].kind is NodeKind.PERSON


def _an_appeal(call: Token) -> bool:
    """ "call for X" / "call to do X" / "calls" in the plural without a telephone: an appeal."""
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in call.children):
        return True
    if any(c.dep_ in ("acl", "relcl", "xcomp") and any(m.lower_ == "to" and m.dep_ == "aux" for m in c.children)
           for c in call.children):
        return True
    return False


def _promote_first_generic(doc: Doc, found: list[SummitMention], mentions: list[Mention],
                           by_token: dict[int, int], places: _Places) -> None:
    """An article that only says "the summit" still reports one: place and date it from the text
    (the first city named as a location, the first date), so "attended the summit" has a target."""
    first = next((sm for sm in found if sm.generic_ok and not sm.planned and not sm.bilateral), None)
    if first is None:
        return
    for sent in doc.sents:
        if first.city:
            break
        for t in sent:
            if t.dep_ == "pobj" and t.head.lower_ in WORDS["location_preps"]:
                first.city = _city_token(t, doc, mentions, by_token, places)
                if first.city:
                    break
    if first.date is None:
        first.date = parse_date(doc.text[:1500])
    if first.city and first.city.lower() not in first.name.lower():
        first.name = f"{first.city} {doc[first.head].text}"
    first.specific = True
    first.key = "s0"


def _summit_mention(doc: Doc, tok: Token, mentions: list[Mention], by_token: dict[int, int], places: _Places,
                    article_date: str | None) -> SummitMention:
    mods = [c for c in tok.lefts if c.dep_ not in _DROP_MODIFIERS]
    start = min([tok.i] + [c.left_edge.i for c in mods])
    named_from = min([tok.i] + [c.left_edge.i for c in mods if c.tag_ not in ("VBN", "VBG", "VBD") and c.pos_ != "ADV"])
    name_tokens = [t for t in doc[named_from:tok.i + 1] if not _is_weekday_or_possessive(t)]
    for k in range(len(name_tokens) - 2, -1, -1):  # a headline's clause is not a name: "as Anwar hosts KL summit"
        if _breaks_a_name(name_tokens[k], mentions, by_token):
            name_tokens = name_tokens[k + 1:]
            start = max(start, name_tokens[0].i)
            break
    name_tokens = [t for t in name_tokens if t.lower_ not in WORDS["separate"]] or name_tokens
    parts: list[str] = []
    for k, t in enumerate(name_tokens):  # a space where the text had one or a dropped word ("the bloc's annual")
        parts.append(t.text)
        if k + 1 < len(name_tokens) and (t.whitespace_ or name_tokens[k + 1].i != t.i + 1):
            parts.append(" ")
    name = re.sub(r"^(?:an?|the)\s+", "", "".join(parts), flags=re.IGNORECASE) if name_tokens else tok.text
    sm = SummitMention(head=tok.i, start=start, end=tok.i + 1, text=doc[start:tok.i + 1].text,
                       name=" ".join(name.split()).strip(" ,") or tok.text)
    lemma_words = {t.lower_ for t in doc[start:tok.i + 1]}
    if lemma_words & WORDS["remote_words"] or tok.lower_ in WORDS["remote_meeting_nouns"]:
        sm.format = "video"
    # City: "summit in London", "talks at the Élysée in Paris", "London summit", "Kyiv's talks".
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in WORDS["venue_preps"]:
            city = _place_in(child, doc, mentions, by_token, places)
            if city:
                sm.city = city
                sm.end = max(sm.end, child.right_edge.i + 1)
                sm.name = f"{sm.name} {child.text} {city}"
                break
        if child.dep_ == "prep" and child.lower_ in WORDS["visited_place_preps"] and tok.lemma_.lower() in WORDS["visit_nouns"]:
            city = _visited_city(child, mentions, by_token, places) or _place_in(child, doc, mentions, by_token, places)
            if city:  # "a state visit to France": the talks are in the visited capital
                sm.city = city
                break
        if child.dep_ == "prep" and child.lower_ == "between":
            sm.bilateral = _actor_indexes(child, mentions, by_token)
        if child.dep_ == "prep" and child.lower_ == "of" and sm.city is None:  # "a summit of leaders in Dar es Salaam"
            for group in _pobjs_of(child):
                if group.lemma_.lower() in WORDS["group_nouns"]:
                    for venue in group.children:
                        if venue.dep_ == "prep" and venue.lower_ in WORDS["location_preps"]:
                            sm.city = _place_in(venue, doc, mentions, by_token, places) or sm.city
    if sm.city is None:
        for mod in mods:
            for t in mod.subtree:
                city = _city_token(t, doc, mentions, by_token, places)
                if city:
                    sm.city = city
                    break
            if sm.city:
                break
    sent = tok.sent
    anaphoric = not mods and any(c.lower_ in WORDS["anaphoric_determiners"] for c in tok.lefts)  # "the summit": one already named
    if sm.format is None and sm.city is None and not anaphoric and \
            (tok.lower_ == "summit" or mods and tok.lemma_.lower() in ("meeting", "conference")):
        sm.city = _city_of_sentence(sent, doc, mentions, by_token, places)
        if sm.city:
            sm.name = f"{sm.city} {sm.name}" if len(sm.name.split()) == 1 else f"{sm.name} in {sm.city}"
    sm.date = parse_date(sent.text) if re.search(r"\d{4}", sent.text) else None
    if sm.date is None:  # "a joint summit ... on Feb 8"
        own = doc[tok.left_edge.i:tok.right_edge.i + 1].text
        sm.date = resolve_month_day(own, article_date)
    if sm.date is None:  # "Thursday's video conference", "gathered on Sunday for the summit"
        sm.date = resolve_weekday(doc[start:tok.i + 1].text, article_date) or _clause_weekday(tok, article_date)
    qualifiers = [by_token[t.i] for m in mods for t in m.subtree if t.i in by_token
                  and mentions[by_token[t.i]].kind is NodeKind.ORGANIZATION]
    weekday = any(_is_weekday_or_possessive(t) and t.ent_type_ == "DATE" for t in doc[start:tok.i])
    sm.specific = bool(sm.city or sm.format or qualifiers or weekday or tok.lower_ == "summit" and sm.date and not anaphoric)
    sm.planned = _is_planned(tok)
    sm.separate = any(c.lower_ in WORDS["separate"] for c in tok.lefts)
    sm.specific = sm.specific or sm.separate
    indefinite_new = any(c.lower_ in WORDS["indefinite_articles"] and c.dep_ == "det" for c in tok.lefts) and \
        any(c.dep_ == "prep" and c.lower_ in WORDS["topic_preps"] for c in tok.children)  # "a conference on Gaza's reconstruction"
    sm.generic_ok = not sm.separate and not indefinite_new and (tok.lemma_.lower() in WORDS["coreferring"] or tok.lower_ in WORDS["coreferring"]) and not any(
        c.dep_ in ("amod", "compound") and c.lower_ in WORDS["non_summit_modifiers"]
        for c in tok.lefts) and (tok.lemma_.lower() != "gathering" or any(c.lower_ == "the" for c in tok.lefts))
    return sm


def _visited_city(prep: Token, mentions: list[Mention], by_token: dict[int, int], places: _Places) -> str | None:
    """The capital of the country a visit goes to ("Xi's state visit to South Africa")."""
    for p in pobjs(prep):
        idx = by_token.get(p.i)
        if idx is not None and mentions[idx].kind is NodeKind.STATE and mentions[idx].how != "metonym":
            country = places.gazetteer.countries.get(mentions[idx].key or "")
            if country is not None and country.capital:
                places.venues.add(idx)
                return country.capital
    return None


def _place_in(prep: Token, doc: Doc, mentions: list[Mention],
              by_token: dict[int, int], places: _Places) -> str | None:
    for t in prep.subtree:
        city = _city_token(t, doc, mentions, by_token, places)
        if city:
            return city
    return None


def _city_token(t: Token, doc: Doc, mentions: list[Mention], by_token: dict[int, int],
                places: _Places) -> str | None:
    """A city named at token t: a capital used as a place, or a GPE that is not a country."""
    idx = by_token.get(t.i)
    if idx is not None:
        m = mentions[idx]
        if m.kind is NodeKind.STATE and m.how == "metonym" and t.i == m.start:
            places.venues.add(idx)
            country = places.gazetteer.countries.get(m.key or "")
            is_capital = country is not None and fold(country.capital or "") == fold(m.text)
            a_city = is_capital or t.ent_type_ == "GPE" and not m.text.lower().startswith("the ")
            return m.text.removeprefix("the ").strip() if a_city else None  # "the Élysée" is a venue, not a city
        return None
    if t.i + 1 < len(doc) and doc[t.i + 1].text in {"-", "–"}:
        return None  # "a Moscow-held part of Kherson"
    if t.lower_ in WORDS["regions"] or f"{t.lower_} {doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ''}" in WORDS["regions"]:
        return None  # "the first summit held in Africa": a continent is not a city
    if t.ent_type_ in ("GPE", "LOC", "FAC") and (t.pos_ == "PROPN" or t.ent_iob_ == "B"):
        ent = next((e for e in doc.ents if e.start <= t.i < e.end), None)  # "The Hague": the whole name
        if ent is not None and not any(by_token.get(i) is not None for i in range(ent.start, ent.end)) \
                and any(w.pos_ == "PROPN" for w in ent):
            return ent.text.removesuffix("'s").removesuffix("’s").strip()
    return None


def _colon_dateline(doc: Doc) -> str | None:
    """A dateline written "Doha, Qatar: ..." or "Mexico City: ...", when the parser reads a place there."""
    offset = 0
    for line in doc.text.split("\n")[:8]:
        m = _COLON_DATELINE.match(line)
        if m:
            start = offset + m.start(1)
            span = doc.char_span(start, start + len(m.group(1)), alignment_mode="expand")
            if span is not None and any(t.ent_type_ == "GPE" for t in span):
                return m.group(1)
        offset += len(line) + 1
    return None


def dateline_city(text: str) -> str | None:
    """The city of a wire dateline ("JOHANNESBURG, Nov 22 (Reuters) -"), in its usual spelling."""
    for line in text.split("\n")[:6]:
        m = _DATELINE.match(line)
        if m and len(m.group(1)) >= 3 and _DATELINE_TAIL.match(m.group(2)):
            city = m.group(1).strip()
            rest = text[text.index(line) + len(line):]
            spelled = re.search(re.escape(city), rest, re.IGNORECASE)  # "Sharm el-Sheikh" as the text spells it
            return spelled.group(0) if spelled and not spelled.group(0).isupper() else city.title()
    return None


def _city_of_sentence(sent, doc: Doc, mentions: list[Mention],
                      by_token: dict[int, int], places: _Places) -> str | None:
    """The one place a sentence names as a location ("the halls of Paris' Élysée Palace ... a summit")."""
    cities = []
    for t in sent:
        if t.dep_ in ("pobj", "poss", "compound") and (t.dep_ != "pobj" or t.head.lower_ in WORDS["venue_preps"] | WORDS["place_of_preps"]):
            idx = by_token.get(t.i)
            if idx is not None and mentions[idx].kind is NodeKind.STATE and mentions[idx].how != "metonym":
                continue
            if idx is not None and mentions[idx].how == "metonym" and not (
                    t.dep_ == "pobj" and (t.head.lower_ == "in" or t.head.lower_ == "at" and t.head.head.pos_ in ("VERB", "AUX"))
                    or t.dep_ in ("poss", "compound") and _a_venue(t.head)
                    or t.dep_ == "pobj" and t.head.lower_ == "of" and _a_venue(t.head.head)):
                continue  # "a swipe at Washington", "New Delhi's purchases": the government, not a place
            if idx is None and not (t.ent_type_ in ("GPE", "LOC") and t.pos_ == "PROPN"):
                continue
            city = _city_token(t, doc, mentions, by_token, places) if idx is None or t.i == mentions[idx].start else None
            if city and city not in cities:
                cities.append(city)
    return cities[0] if len(cities) == 1 else None


def _actor_indexes(prep: Token, mentions: list[Mention], by_token: dict[int, int]) -> list[int]:
    hits = []
    for t in prep.subtree:
        idx = by_token.get(t.i)
        if idx is not None and idx not in hits and mentions[idx].kind is not NodeKind.SUMMIT:
            hits.append(idx)
    return hits


def _is_weekday_or_possessive(t: Token) -> bool:
    return t.lower_ in WORDS["weekday_or_possessive_words"] or t.dep_ == "case"


def _is_planned(tok: Token) -> bool:
    """A proposed or future meeting ("a proposed weekend summit", "wants a summit", "will reconvene for")."""
    words = {t.lower_ for t in tok.lefts} | {t.lower_ for t in tok.head.lefts} | {tok.head.lower_}
    return bool(words & WORDS["planned_words"])


def _dates_agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _group(found: list[SummitMention]) -> None:
    """Same city (or same video format) and compatible date -> same meeting; generic mentions
    ("the meeting") are keyed later, by resolution, to the article's main meeting."""
    keys: list[SummitMention] = []
    for sm in found:
        if not sm.specific or sm.bilateral and not (sm.city or sm.format):
            continue  # "the virtual summit between A and B" is a meeting of its own; "Wednesday's talks between" may not be
        for k in [] if sm.separate else keys:
            if sm.planned and not (sm.city or sm.format):
                continue  # "a proposed weekend summit" is another meeting than the one that happened
            if (sm.city or sm.format) and (k.city or k.format):
                same_place = bool(sm.city and k.city and sm.city.lower() == k.city.lower()) or \
                    (not sm.city and not k.city and sm.format == k.format)
            else:  # named only by a qualifier or a day ("the coalition meeting"): the meeting already seen
                same_place = True
            if sm.parties and k.parties and not (sm.parties <= k.parties or k.parties <= sm.parties):
                continue  # "spoke with Macron ... then with Rubio": two calls
            if bool(sm.parties) != bool(k.parties) and not (sm.date and sm.date == k.date):
                continue  # a call told by its verb, undated, is not the video conference told before
            if same_place and (not sm.date or not k.date or sm.date.startswith(k.date) or k.date.startswith(sm.date)):
                sm.key = k.key
                k.date = k.date or sm.date
                k.city = k.city or sm.city
                k.format = k.format or sm.format
                k.parties = k.parties | sm.parties
                break
        else:
            sm.key = f"s{len(keys)}"
            keys.append(sm)


def _resolve_summits(summits: list[SummitMention], entity_nodes: Mapping[str, Node],
                     article_id: str) -> tuple[dict[str, Node], dict[int, str], str | None]:
    """One Summit node per meeting key (ids shared across articles: same city and date, same
    meeting); generic mentions refer to the main (most mentioned) meeting."""
    nodes: dict[str, Node] = {}
    groups: dict[str, list[SummitMention]] = {}
    for sm in summits:
        if sm.key:
            groups.setdefault(sm.key, []).append(sm)
    counts = {k: len(g) + (2 if any(s.city for s in g) else 0) - (3 if all(s.planned for s in g) else 0)
              for k, g in groups.items()}
    main_key = max(counts, key=lambda k: (counts[k], -int(k[1:]))) if counts else None
    ids: dict[str, str] = {}
    parties_of: dict[str, frozenset[str]] = {}
    for key, group in groups.items():
        placed = [s for s in group if s.city or s.format] or group
        anchor = max(placed, key=lambda s: (len(s.name.split()), -s.head))  # the fullest name: "47th ASEAN summit"
        date = next((s.date for s in group if s.date), None)
        place = slugify(anchor.city) if anchor.city else anchor.format
        if anchor.city or date:  # the same place and date in any article is the same meeting
            sid = f"summit-{place or 'meeting'}-{date or 'undated'}"
        else:  # nothing to recognise it by elsewhere: keep it to this article
            sid = f"summit-{slugify(article_id)}-{key}"
        parties = frozenset().union(*(s.parties for s in group))
        if sid in nodes and any(ids[other] == sid and parties_of[other] and parties and parties_of[other] != parties
                                for other in ids):
            sid = f"{sid}-{key}"  # two calls on one day are two meetings
        ids[key] = sid
        parties_of[key] = parties
        if sid in nodes or sid in entity_nodes:
            continue
        props = {k: v for k, v in {"city": anchor.city, "date": date, "format": anchor.format or "in person"}.items() if v}
        if all(s.planned for s in group):
            props["status"] = "planned"
        name = anchor.name if len(anchor.name.split()) > 1 else re.sub(r"^(an?|the)\s+", "", anchor.text, flags=re.I)
        surface = [s.text for s in group] + [s.name for s in group]
        aliases = [a for a in dict.fromkeys(surface) if a != name and len(a.split()) > 1]
        nodes[sid] = Node(id=sid, kind=NodeKind.SUMMIT, name=name, aliases=aliases, properties=props)
    main = ids[main_key] if main_key else None
    visits = {ids[k] for k, g in groups.items()
              if max(g, key=lambda s: (len(s.name.split()), -s.head)).name.split()[-1].lower() in WORDS["visit_nouns"]}
    main_date = nodes[main].properties.get("date") if main in nodes else None
    main_remote = main in nodes and nodes[main].properties.get("format") == "video"  # "a lengthy meeting" is no call
    summit_of_token: dict[int, str] = {}
    for sm in summits:
        if sm.bilateral and not sm.key:
            continue  # "the meeting between Trump and Zelenskyy": not the article's summit
        if sm.key:
            summit_of_token[sm.head] = ids[sm.key]
        elif main and not sm.planned and sm.generic_ok and not (sm.parties and sm.date and main_date
                                                                  and not _dates_agree(sm.date, main_date)) \
                and not (main_remote and sm.text.split()[-1].lower() in WORDS["in_person_meeting_nouns"]):
            summit_of_token[sm.head] = main  # (not "On Monday, Lula received Maduro" into Wednesday's meeting)
            if main in nodes and main in visits and len(sm.name.split()) > 1 and sm.name != nodes[main].name \
                    and sm.name not in nodes[main].aliases:  # a visit's talks are the visit: "bilateral talks" names it too
                nodes[main] = nodes[main].model_copy(update={"aliases": [*nodes[main].aliases, sm.name]})
    return nodes, summit_of_token, main
