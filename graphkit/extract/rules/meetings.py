"""MET_WITH: meeting verbs ("met", "held talks with", "spoke by phone to") and meeting nouns
("the meeting between Trump and Zelenskyy", "US-Russia talks")."""
from __future__ import annotations

from spacy.tokens import Span, Token

from graphkit.extract.lexicon import WORDS
from graphkit.extract.reading import OBJ, Reading, hypothetical, negated, planned_context, pobjs, unique
from graphkit.model import ACTOR_KINDS, RELATION_ENDS, NodeKind, RelationType


def met(r: Reading, verb: Token, sent: Span) -> None:
    """ "met Zelenskyy", "spoke by phone with Carney", "visited Erdogan"; "they met" for a plural subject."""
    lemma = verb.lemma_.lower()
    if lemma == "call" and (any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp") for c in verb.children)
                            or sum(c.dep_ in OBJ for c in verb.children) > 1
                            or any(r.quote_mask[t.i] for t in verb.subtree if t.i > verb.i)):
        return  # "called Lula 'corrupt'", "called Iran the principal source of terror": a verdict, not a call
    if planned_context(verb) or hypothetical(verb):
        return
    if lemma in WORDS["hosting_guest_verbs"] and any(
            c.dep_ == "prep" and c.lower_ in WORDS["hosting_event_preps"] and r.summit_in(c) for c in verb.children):
        return  # "will host the ministers at the summit": attendance and hosting, read by attendance.hosted
    sources = r.subjects(verb)
    others: list[str] = []
    for child in verb.children:
        if child.dep_ in OBJ and not r.ra.summit_of_token.get(child.i):
            if lemma in WORDS["meeting_holding_verbs_without_partner"]:
                continue
            others += r.actors(child)
        elif child.dep_ == "npadvmod" and child.i > verb.i and r.entity_at(child):
            others += r.actors(child)  # a named object the parser took for an adverbial
        if child.dep_ == "prep" and child.lower_ in WORDS["meeting_partner_preps"] and lemma != "host":
            for p in pobjs(child):
                others += r.actors(p)
    if lemma in WORDS["partner_needing_verbs"] and not any(
            c.dep_ == "prep" and c.lower_ in WORDS["meeting_partner_preps"] for c in verb.children) and lemma != "call":
        return
    if lemma == "call" and not others:
        return
    if lemma == "visit":
        others = [o for o in others if r.kind(o) is not NodeKind.STATE]
    summit = r.ra.summit_of_token.get(verb.i)
    if summit is not None:  # the verb told a meeting of its own: its parties attended, the receiver hosted
        meeting_attended(r, unique(sources + others), summit, sent, f"meeting-verb:{lemma}",
                         "remote" if r.nodes[summit].properties.get("format") == "video" else None)
        if lemma in WORDS["hosting_guest_verbs"] and others:
            for a in sources:
                r.add(a, RelationType.HOSTED, summit, sent, f"received-guest:{lemma}", 0.75)
        if sum(r.kind(a) is NodeKind.PERSON for a in unique(sources + others)) > 2:
            return  # a meeting of three or more: attendance, not a clique of MET_WITH
    if lemma == "meet" and not others and len(sources) >= 2:
        for i, a in enumerate(sources):
            for b in sources[i + 1:]:
                met_pair(r, a, b, sent, "meet-verb:plural-subject")
        return
    for a in sources:
        for b in others:
            met_pair(r, a, b, sent, f"meet-verb:{lemma}")


def meeting_attended(r: Reading, parties: list[str], summit: str, sent: Span, rule: str, mode: str | None) -> None:
    """Everyone a meeting's verb or noun names as taking part attended it."""
    for a in parties:
        if r.kind(a) in ACTOR_KINDS:
            r.add(a, RelationType.ATTENDED, summit, sent, rule, 0.75, mode=mode)


def met_pair(r: Reading, a: str, b: str, sent: Span, rule: str, confidence: float = 0.8) -> None:
    sources, targets = RELATION_ENDS[RelationType.MET_WITH]
    if r.kind(a) in sources and r.kind(b) in targets:
        r.add(a, RelationType.MET_WITH, b, sent, rule, confidence)


def meeting_noun(r: Reading, noun: Token, sent: Span) -> None:
    """"the meeting between Trump and Zelenskyy", "US-Russia peace talks", "a dispute between"."""
    members: list[str] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            members += r.listed(child)
        if child.dep_ == "prep" and child.lower_ == "with" and noun.lemma_.lower() in WORDS["meeting_with_nouns"]:
            for p in pobjs(child):
                others = r.actors(p)
                owners = [a for c in noun.children if c.dep_ == "poss" for a in r.actors(c)]
                for a in owners:
                    for b in others:
                        met_pair(r, a, b, sent, f"meeting-noun:{noun.lemma_.lower()}-with")
    if noun.dep_ in OBJ and noun.head.lemma_.lower() in WORDS["meeting_holding_verbs"]:
        # "Modi held talks with Putin", "they had a call with Erdogan"
        verb = noun.head
        withs = [p for c in list(noun.children) + list(verb.children) if c.dep_ == "prep" and c.lower_ == "with"
                 for p in pobjs(c)]
        if not negated(verb) and not planned_context(verb):
            for a in r.subjects(verb):
                for p in withs:
                    for b in r.actors(p):
                        met_pair(r, a, b, sent, f"meeting-noun:{verb.lemma_.lower()}-{noun.lemma_.lower()}-with")
    hyphen = [r.entity_at(t) for t in r.doc[noun.left_edge.i:noun.i] if r.entity_at(t)]
    if len(unique(hyphen)) >= 2 and any(t.text in {"-", "–"} for t in r.doc[noun.left_edge.i:noun.i]):
        members += hyphen
    members = unique(members)
    # "between A and B": the pair; "between A and leaders including B, C": A with each of them
    for b in members[1:]:
        met_pair(r, members[0], b, sent, f"meeting-noun:{noun.lemma_.lower()}-between", 0.75)


def pair_at_meeting(r: Reading) -> None:
    """A meeting the article places exactly two people of two states at, named together in a sentence,
    is their meeting: they met ("Modi welcomed Hasina at Hyderabad House ... the talks")."""
    people: dict[str, list] = {}
    for f in r.found:
        if f.type is RelationType.ATTENDED and r.kind(f.source) is NodeKind.PERSON:
            people.setdefault(f.target, [])
            if all(f.source != g.source for g in people[f.target]):
                people[f.target].append(f)
    for summit, found in people.items():
        if len(found) != 2:
            continue
        a, b = found
        state_a, state_b = r.ra.person_state.get(a.source), r.ra.person_state.get(b.source)
        if state_a and state_b and state_a != state_b and _named_together(r, a.source, b.source):
            met_pair(r, a.source, b.source, b.sent, "pair-at-meeting", 0.6)


def _named_together(r: Reading, a: str, b: str) -> bool:
    """Some sentence names both (the report of their meeting), not only each at the same event."""
    sents_a = {r.doc[r.ra.mentions[i].start].sent.start for i in r.ra.mentions_of.get(a, [])}
    return any(r.doc[r.ra.mentions[i].start].sent.start in sents_a for i in r.ra.mentions_of.get(b, []))
