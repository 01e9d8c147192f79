"""MEMBER_OF: "NATO member Poland", "Hungary, a member of the EU", "ASEAN comprises ten states"."""
from __future__ import annotations

from spacy.tokens import Span, Token

from graphkit.extract.lexicon import WORDS
from graphkit.extract.reading import planned_context, OBJ, Reading, SUBJ, negated, pobjs, unique
from graphkit.model import NodeKind, RelationType


def memberships(r: Reading) -> None:
    """"NATO member Poland", "Hungary, a member of the EU", "admitted as ASEAN's 11th member"."""
    for tok in r.doc:
        if tok.lower_ in WORDS["grouping_words_as_nouns"] and tok.pos_ != "VERB" and tok.i > 0:
            body = r.entity_at(r.doc[tok.i - 1])  # "The Andean Community groups Bolivia, ..." as a noun
            if body and r.kind(body) is NodeKind.ORGANIZATION:
                for eid in r.named_from(tok.i + 1, tok.sent.end, WORDS["grouping_list_stops"]):
                    if r.kind(eid) is NodeKind.STATE:
                        r.add(eid, RelationType.MEMBER_OF, body, tok.sent, "body-groups:surface", 0.7)
        if tok.lemma_.lower() in WORDS["member_nouns"] or tok.lemma_.lower() in WORDS["member_group_nouns"]:
            member_phrase(r, tok)
        elif tok.dep_ == "prep" and tok.lower_ == "of":
            of_the_bloc(r, tok)
        elif tok.lemma_.lower() in WORDS["return_nouns"] and tok.pos_ == "NOUN" and not planned_context(tok) \
                and not any(c.lower_ in WORDS["hedging_modifiers"] for c in tok.children):
            states = [a for c in tok.children if c.dep_ == "poss" for a in r.actors(c)]  # "Syria's return to the League"
            states += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c) for a in r.actors(p)]
            for state in unique(states):
                for body in bodies_entered(r, tok):
                    if r.kind(state) is NodeKind.STATE:
                        r.add(state, RelationType.MEMBER_OF, body, tok.sent, f"return-to-body:{tok.lemma_.lower()}", 0.7)


def member_phrase(r: Reading, noun: Token) -> None:
    """A noun naming members and the body they belong to: "a member of the EU", "NATO member Poland",
    "the BRICS nations — Brazil, Russia, ...", "the eight ACTO members (Brazil, ...)", "A, B and other
    member states", "A and B are member states" (of the body last named)."""
    lemma = noun.lemma_.lower()
    member_word = lemma in WORDS["member_nouns"]
    if member_word and noun.dep_ == "compound" and noun.head.lemma_.lower() in WORDS["member_group_nouns"]:
        return  # "member states": read from "states"
    membered = member_word or any(c.dep_ == "compound" and c.lemma_.lower() in WORDS["member_nouns"]
                                  for c in noun.children)
    bodies = [a for c in noun.children if c.dep_ in ("compound", "poss", "nmod") for a in r.actors(c)]
    if membered:
        bodies += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)
                   for a in r.actors(p)]
        bodies += [b for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)
                   if p.pos_ != "PROPN" for b in [r.body_meant(p)] if b]  # "a member of the bloc", not an unknown name
        bodies += [b for c in noun.children if c.dep_ == "poss" for b in [r.body_meant(c)] if b]
    whose = any(c.dep_ == "poss" and c.lower_ == "whose" for c in noun.children)
    if whose and noun.head.dep_ == "relcl":  # "the EFTA, whose members are Switzerland, Norway, ..."
        bodies += r.actors(noun.head.head)
    bodies = [b for b in unique(bodies) if r.kind(b) is NodeKind.ORGANIZATION]
    if not bodies and membered and not member_word:  # "A and B are member states": the body being written about
        body = r.body_meant_before(noun.i) or body_named_after(r, noun.i)
        bodies = [body] if body else []
    if not bodies:
        return
    states: list[str] = []
    if whose and noun.dep_ == "nsubj":
        states = [a for c in noun.head.children if c.dep_ in ("attr", "acomp") for a in r.actors(c)]
    states += [a for c in noun.children if c.dep_ == "appos" for a in r.actors(c)]  # "BRICS nations — Brazil, ..."
    states += [a for c in noun.children if c.dep_ == "prep" and c.lower_ in WORDS["example_preps"]
               for p in pobjs(c) for a in r.actors(p)]  # "EU states such as France"
    if noun.dep_ == "compound" and member_word:  # "NATO member Poland"
        states += r.actors(noun.head)
    elif noun.dep_ == "appos":  # "Hungary, a member of the EU"
        states += r.actors(noun.head)
    elif noun.dep_ == "attr" and not negated(noun.head):  # "Hungary is a member", "A and B are member states"
        states += [a for c in noun.head.children if c.dep_ in SUBJ for a in r.actors(c)]
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and member_word:  # "admitted as ASEAN's 11th member"
        verb = noun.head.head
        states += [a for c in verb.children if c.dep_ in SUBJ | {"nsubjpass"} for a in r.actors(c)]
        states += [a for c in verb.children if c.dep_ in OBJ for a in r.actors(c)]  # "admitted Timor-Leste as"
    elif noun.dep_ == "pobj" and noun.head.head.lower_ in WORDS["partitive_heads"] and noun.head.head.dep_ == "attr":
        copula = noun.head.head.head  # "Latvia is one of the 27 EU member states"
        states += [a for c in copula.children if c.dep_ in SUBJ for a in r.actors(c)]
    elif noun.dep_ == "conj" and any(c.lower_ in WORDS["other_words"] for c in noun.children):
        top = noun  # "Saudi Arabia, Jordan and other member states": the listed ones are members too
        while top.dep_ == "conj" and top.head is not top:
            top = top.head
        states += r.actors(top)
    for a in unique(states):
        for b in bodies:
            if r.kind(a) is NodeKind.STATE:
                r.add(a, RelationType.MEMBER_OF, b, noun.sent, "member-of", 0.8)


def grouping(r: Reading, verb: Token, sent: Span) -> None:
    """ "The SCO groups China, Russia, India ...", "ASEAN comprises ten states": membership."""
    if planned_context(verb):
        return
    bodies = [b for c in verb.children if c.dep_ in SUBJ or c.dep_ in ("compound", "npadvmod") and c.i < verb.i
              for b in r.actors(c) or [x for x in [r.body_meant(c)] if x]]  # "The SCO groups" parses oddly
    bodies = [b for b in bodies if r.kind(b) is NodeKind.ORGANIZATION]
    for c in verb.children:
        if c.dep_ in OBJ or c.dep_ == "appos" and c.i > verb.i:
            for a in r.actors(c):
                if r.kind(a) is NodeKind.STATE:
                    for b in bodies:
                        r.add(a, RelationType.MEMBER_OF, b, sent, f"body-groups:{verb.lemma_.lower()}", 0.8)


def body_named_after(r: Reading, i: int) -> str | None:
    """The first body named after token i: the one an opening "member states" means when none came before."""
    for t in r.doc[i + 1:]:
        eid = r.entity_at(t)
        if eid and r.kind(eid) is NodeKind.ORGANIZATION:
            return eid
    return None


def bodies_entered(r: Reading, head: Token) -> list[str]:
    """The bodies named by the "into"/"to"/"in" phrases of a verb or noun of entry."""
    return [a for c in head.children if c.dep_ == "prep" and c.lower_ in WORDS["into_body_preps"]
            for p in pobjs(c) for a in r.actors(p) or ([r.body_meant(p)] if p.pos_ != "PROPN" else [])
            if a and r.kind(a) is NodeKind.ORGANIZATION]  # "into the organization": the body last named


def admitted(r: Reading, verb: Token, sent: Span) -> None:
    """ "readmitted Syria into the Arab League", "Sweden rejoined the Commonwealth", "acceded to the WTO",
    "Syria returned to the Arab League": entry into a body is membership."""
    if planned_context(verb):
        return
    bodies = bodies_entered(r, verb)
    if verb.lemma_.lower() == "rejoin":
        bodies += [a for c in verb.children if c.dep_ in OBJ for a in r.actors(c) if r.kind(a) is NodeKind.ORGANIZATION]
    if not bodies:
        return
    if verb.lemma_.lower() in WORDS["admitting_verbs"]:
        states = [a for c in verb.children if c.dep_ in OBJ | {"nsubjpass"} for a in r.actors(c)]
    else:
        states = r.subjects(verb)
    for a in unique(states):
        for b in unique(bodies):
            if r.kind(a) is NodeKind.STATE:
                r.add(a, RelationType.MEMBER_OF, b, sent, f"entered-body:{verb.lemma_.lower()}", 0.75)


def of_the_bloc(r: Reading, prep: Token) -> None:
    """ "Brazil, Russia and India of the BRICS bloc": states of a body named with a body noun."""
    head = prep.head
    if not (head.pos_ == "PROPN" and r.entity_at(head) and r.kind(r.entity_at(head)) is NodeKind.STATE):
        return
    for p in pobjs(prep):
        if p.lemma_.lower() not in WORDS["body_nouns"]:
            continue
        bodies = [a for a in r.actors(p) if r.kind(a) is NodeKind.ORGANIZATION]
        bodies += [e for c in p.children if c.dep_ in ("compound", "nmod", "amod") for e in [r.entity_at(c)]
                   if e and r.kind(e) is NodeKind.ORGANIZATION]
        for a in r.actors(head):
            for b in unique(bodies):
                if r.kind(a) is NodeKind.STATE:
                    r.add(a, RelationType.MEMBER_OF, b, prep.sent, "state-of-the-bloc", 0.75)
