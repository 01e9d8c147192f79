"""ATTACKED: attack verbs ("Russia struck Kyiv") and nouns ("Russia's invasion of Ukraine",
"strikes by Israel on Iran")."""
from __future__ import annotations

from spacy.tokens import Span, Token

from graphkit.extract.lexicon import LEXICON, WORDS
from graphkit.extract.reading import OBJ, Reading, SUBJ, negated, pobjs, unique
from graphkit.model import RELATION_ENDS, NodeKind, RelationType

ATTACKERS = RELATION_ENDS[RelationType.ATTACKED][0]  # who may attack, as the model declares it
STANCE_VERBS = LEXICON.verbs["OPPOSED"] | LEXICON.verbs["SUPPORTED"]


def attacked_verb(r: Reading, verb: Token, sent: Span) -> None:
    """"Russia struck Kyiv", "Israel launched strikes on Iran": a state or leader attacks a state."""
    sources = [s for s in r.subjects(verb) if r.kind(s) in ATTACKERS]
    targets: list[str] = []
    for child in verb.children:
        if child.dep_ in OBJ or child.dep_ == "nsubjpass":
            targets += r.actors(child, territory=True)
            for sub in child.subtree:
                if sub.dep_ == "prep" and sub.lower_ in WORDS["attack_object_target_preps"]:
                    for p in pobjs(sub):
                        targets += r.actors(p, territory=True)
        elif child.dep_ == "prep" and child.lower_ in WORDS["attack_target_preps"]:
            for p in pobjs(child):
                targets += r.actors(p, territory=True)
    if verb.lemma_.lower() == "launch":  # "launched strikes", "launched a wave of strikes on ..."
        if not any(c.dep_ in OBJ and (c.lemma_.lower() in LEXICON.nouns["ATTACKED"] or any(
                p.dep_ == "prep" and p.lower_ == "of" and any(q.lemma_.lower() in LEXICON.nouns["ATTACKED"]
                                                             or q.lower_ in LEXICON.nouns["ATTACKED"] for q in pobjs(p))
                for p in c.children)) for c in verb.children):
            return
    for a in sources:
        for t in unique(targets):
            if r.kind(t) is NodeKind.STATE and t != r.ra.person_state.get(a, a):
                r.add(a, RelationType.ATTACKED, t, sent, f"attack-verb:{verb.lemma_.lower()}", 0.8)


def attack_noun(r: Reading, noun: Token, sent: Span) -> None:
    """"Russia's invasion of Ukraine", "strikes by Israel on Iran", "the war launched by Russia"."""
    if any(c.lower_ == "of" and any(p.lower_ == "words" for p in c.children) for c in noun.children):
        return  # "a war of words"
    attackers: list[str] = []
    targets: list[str] = []
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ == "whose":  # "Putin, whose war against Ukraine ..."
            attackers += r.relative_antecedent(noun)
        elif child.dep_ in ("poss", "amod", "compound", "nmod"):
            e = r.entity_at(child)
            if e and r.kind(e) in ATTACKERS:
                attackers.append(e)
        elif child.dep_ == "prep" and child.lower_ in WORDS["attack_noun_target_preps"]:
            for p in pobjs(child):
                targets += r.actors(p, territory=True)
        elif child.dep_ == "prep" and child.lower_ == "by":
            for p in pobjs(child):
                attackers += r.actors(p, territory=True)
        elif child.dep_ == "acl":  # "the war launched by Russia"
            for c in child.children:
                if c.dep_ == "agent":
                    for p in pobjs(c):
                        attackers += r.actors(p)
    if not attackers and noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ == "VERB" \
            and not negated(noun.head.head):  # "Iran retaliated with missile barrages on Israeli cities"
        attackers = r.subjects(noun.head.head)
    attackers = [a for a in unique(attackers) if r.kind(a) in ATTACKERS]
    if not attackers:
        return
    targets = [t for t in unique(targets) if r.kind(t) is NodeKind.STATE and t not in attackers]
    rule = f"attack-noun:{noun.lemma_.lower()}"
    named_target = any(c.dep_ == "prep" and c.lower_ in WORDS["attack_noun_target_preps"]
                       for c in noun.children)
    if not targets and not named_target:  # "Since Russia's invasion, Ukraine has endured ...": the one other state
        others = unique(e for e in (r.entity_at(t) for t in noun.sent
                                    if not (t.dep_ in SUBJ and t.head.lemma_.lower() in STANCE_VERBS))
                        if e and r.kind(e) is NodeKind.STATE
                        and e not in attackers and e not in {r.ra.person_state.get(a) for a in attackers})
        if len(others) != 1:
            return
        targets, rule = others, rule + ":sentence-target"
    for a in attackers:
        for t in targets:
            if t != r.ra.person_state.get(a, a):
                r.add(a, RelationType.ATTACKED, t, sent, rule, 0.75 if "sentence" not in rule else 0.55)
