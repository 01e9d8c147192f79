"""MEMBER_OF: "NATO member Poland", "Hungary, a member of the EU", "ASEAN comprises ten states"."""
from __future__ import annotations

from spacy.tokens import Span, Token

from graphkit.extract.lexicon import WORDS
from graphkit.extract.reading import planned_context, OBJ, Reading, SUBJ, pobjs, unique
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
        if tok.lemma_.lower() != "member":
            continue
        bodies = [a for c in tok.children if c.dep_ in ("compound", "poss", "nmod") for a in r.actors(c)]
        bodies += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)
                   for a in r.actors(p)]
        bodies += [b for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)
                   for b in [r.body_meant(p)] if b]
        bodies += [b for c in tok.children if c.dep_ == "poss" for b in [r.body_meant(c)] if b]
        whose = any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children)
        if whose and tok.head.dep_ == "relcl":  # "the EFTA, whose members are Switzerland, Norway, ..."
            bodies += r.actors(tok.head.head)
        bodies = [b for b in unique(bodies) if r.kind(b) is NodeKind.ORGANIZATION]
        if not bodies:
            continue
        states: list[str] = []
        if whose and tok.dep_ == "nsubj":
            states = [a for c in tok.head.children if c.dep_ in ("attr", "acomp") for a in r.actors(c)]
        if tok.dep_ == "compound":  # "NATO member Poland"
            states = r.actors(tok.head)
        elif tok.dep_ == "appos" or tok.dep_ == "attr":  # "Hungary, a member of the EU" / "is a member"
            states = r.actors(tok.head) if tok.dep_ == "appos" else \
                [a for c in tok.head.children if c.dep_ in SUBJ for a in r.actors(c)]
        elif tok.dep_ == "pobj" and tok.head.lower_ == "as":  # "admitted as ASEAN's 11th member"
            verb = tok.head.head
            states = [a for c in verb.children if c.dep_ in SUBJ | {"nsubjpass"} for a in r.actors(c)]
            states += [a for c in verb.children if c.dep_ in OBJ for a in r.actors(c)]  # "admitted Timor-Leste as"
        for a in states:
            for b in bodies:
                if r.kind(a) is NodeKind.STATE:
                    r.add(a, RelationType.MEMBER_OF, b, tok.sent, "member-of", 0.8)


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
