"""PLEDGED: commitments of troops, money or guarantees ("pledged €500 million to the AU",
"ready to send peacekeepers", "Japan's pledge of $5bn to Kenya"), and the beneficiary a recipient-less pledge means."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from graphkit.extract.lexicon import LEXICON, WORDS
from graphkit.extract.reading import OBJ, SUBJ, Reading, concrete, hypothetical, negated, phrase, planned_context, pobjs
from graphkit.model import NodeKind, RelationType


def pledge_verb(r: Reading, verb: Token, sent: Span) -> None:
    """ "pledged troops", "announced $2 billion in aid for Kyiv", "committed to the target"."""
    pledged(r, verb, verb.lemma_.lower(), sent)


def pledged(r: Reading, verb: Token, lemma: str, sent: Span, sources: list[str] | None = None,
            rule: str | None = None) -> None:
    """A pledge verb: its subjects committed what its object names to the recipients it names;
    with none named, to the state the article is about (decided once the article is read)."""
    objs = [c for c in verb.children if c.dep_ in OBJ]
    xcomps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    purposes = [c for c in verb.children if c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)]
    has_concrete = any(concrete(o) for o in objs)
    if lemma in WORDS["pledge_needs_concrete_verbs"] and not has_concrete:
        if not (lemma in WORDS["offering_verbs"] and objs):
            return
    if lemma in WORDS["commitment_verbs"] and not objs and xcomps:
        for x in xcomps:
            pledged(r, x, x.lemma_.lower(), sent, sources or r.subjects(verb), rule or f"pledge-verb:{lemma}")
        if any(x.lemma_.lower() in LEXICON.verbs["PLEDGED"] for x in xcomps):
            return
    sources = sources if sources is not None else r.subjects(verb)
    if lemma in WORDS["goal_commitment_verbs"] and not objs:  # "committed to the target": the body whose target it is
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in WORDS["commitment_preps"]:
                for q in pobjs(c):
                    if q.lemma_.lower() in WORDS["body_goals"] and not r.owner_actors(q):
                        body = r.body_meant_before(q.i)
                        if body and sources and not negated(verb):
                            for a in sources:
                                r.add(a, RelationType.PLEDGED, body, sent, f"committed-to-goal:{lemma}", 0.6,
                                      what=phrase(q))
                            return
    targets: list[str] = []
    for child in verb.children:
        if child.dep_ == "dative":
            targets += r.actors(child) if child.pos_ != "ADP" else [a for p in pobjs(child) for a in r.actors(p)]
        if child.dep_ == "prep" and child.lower_ in WORDS["pledge_target_preps"]:
            for p in pobjs(child):  # "for Kenya", "for Moldova's reconstruction"
                targets += r.actors(p) or r.actors(p, territory=True)
    for o in objs:
        for sub in o.subtree:
            if sub.dep_ == "prep" and sub.lower_ == "with":
                targets += [a for p in pobjs(sub) for a in r.actors(p)]
        targets += recipients(r, o)
    for child in verb.children:  # "announced $2 billion in new military aid for Kyiv"
        if child.dep_ == "prep" and child.lower_ == "in":
            targets += recipients(r, child)
    for x in xcomps + (purposes if objs and has_concrete else []):
        # "pledged forces to reassure Ukraine", "$20 million to help rebuild the Palestinian enclave"
        if x in purposes:
            targets += recipients(r, x)
        for c in x.subtree:
            if c.dep_ in OBJ and c.head.pos_ in ("VERB", "AUX"):
                targets += [a for a in r.actors(c, territory=True) if r.kind(a) is NodeKind.STATE]
    what = phrase(objs[0]) if objs else None
    named_recipient = any(sub.dep_ in ("prep", "dative") and sub.lower_ in WORDS["recipient_preps"]
                          for o in [verb, *objs] for sub in o.children)
    if not targets and sources and not named_recipient:  # "for African countries": a recipient, not a state
        r.pending.append((sources, sent, (rule or f"pledge-verb:{lemma}") + ":beneficiary", what))
        return
    for a in sources:
        for t in targets:
            if r.kind(t) in (NodeKind.STATE, NodeKind.ORGANIZATION) and t not in sources:
                r.add(a, RelationType.PLEDGED, t, sent, rule or f"pledge-verb:{lemma}", 0.8, what=what)


def recipients(r: Reading, root: Token) -> list[str]:
    """Who a pledge is for, inside a phrase: "aid for Kyiv", "$20 million for reconstruction in Lebanon"."""
    out: list[str] = []
    for sub in root.subtree:
        if sub.dep_ == "prep" and sub.lower_ in WORDS["recipient_preps"]:
            for p in pobjs(sub):
                found = r.actors(p, territory=True)
                if not found:
                    found = [a for q in p.children if q.dep_ == "prep" and q.lower_ in WORDS["recipient_place_preps"]
                             for pp in pobjs(q) for a in r.actors(pp, territory=True)]
                if not found and p.lemma_.lower() in WORDS["group_nouns"]:  # "to SCO member states"
                    found = [e for t in p.subtree if t.i < p.i for e in [r.entity_at(t)]
                             if e and r.kind(e) is NodeKind.ORGANIZATION]
                out += found
    return out


def pledges_to_beneficiary(r: Reading) -> None:
    """Pledges that name no recipient go to the state the article is about, once the whole
    article is read (so that its attackers can be ruled out)."""
    for sources, sent, rule, what in r.pending:
        for t in beneficiary(r, sources):
            for a in sources:
                r.add(a, RelationType.PLEDGED, t, sent, rule, 0.45, what=what)


def beneficiary(r: Reading, sources: list[str]) -> list[str]:
    """The most mentioned state, if it clearly dominates; never one the article shows attacking."""
    attackers = {r.ra.person_state.get(f.source, f.source) for f in r.found if f.type is RelationType.ATTACKED}
    counts = Counter({eid: len(ix) for eid, ix in r.ra.mentions_of.items()
                      if r.kind(eid) is NodeKind.STATE and eid not in sources and eid not in attackers})
    source_states = {r.ra.person_state.get(s, s) for s in sources}
    ranked = [(eid, n) for eid, n in counts.most_common() if eid not in source_states]
    if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[0][1] < 1.25 * ranked[1][1]:
        return []  # no state dominates the article: better no edge than a guessed one
    return [ranked[0][0]]


def readiness(r: Reading, adj: Token, sent: Span) -> bool:
    """"ready to offer guarantees", "open to sending peacekeepers", "open to participating".
    The adjective is handled here, whatever it finds."""
    sources = r.subjects(adj)
    if not sources and adj.dep_ in ("amod", "acomp", "advcl") and adj.head.pos_ in ("NOUN", "PROPN"):
        sources = r.actors(adj.head)
    for child in adj.children:
        if child.dep_ in ("xcomp", "advcl") or child.dep_ == "prep" and child.lower_ == "to":
            for verb in [child] + [c for c in child.children if c.dep_ in ("pcomp", "pobj")]:
                if verb.pos_ in ("VERB", "NOUN") and verb.lemma_.lower() in LEXICON.verbs["PLEDGED"] | WORDS["joining_verbs"]:
                    lemma = verb.lemma_.lower()
                    if lemma in WORDS["joining_verbs"]:
                        r.pending.append((sources, sent, f"readiness:{lemma}:beneficiary", phrase(verb)))
                    else:
                        pledged(r, verb, lemma, sent, sources, f"readiness:{adj.lower_}-to-{lemma}")
    return True


def readiness_noun(r: Reading, noun: Token, sent: Span) -> None:
    """"the coalition's readiness to regenerate Ukraine's army", "Japan's pledge of $5bn to Kenya"."""
    sources = [a for c in noun.children if c.dep_ == "poss" for a in r.actors(c)]
    if not sources:
        return
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            targets = [a for o in c.children if o.dep_ in OBJ for a in r.owner_actors(o) + r.possessors(o)]
            targets = [t for t in targets if r.kind(t) in (NodeKind.STATE, NodeKind.ORGANIZATION)]
            for a in sources:
                for t in targets:
                    r.add(a, RelationType.PLEDGED, t, sent, f"readiness-noun:{noun.lemma_.lower()}", 0.6,
                          what=phrase(c))


def signed_agreement(r: Reading, verb: Token, sent: Span) -> bool:
    """ "A and B signed a peace agreement", "A signed a trade deal with B": each party to a signed
    agreement pledged it to the other (`what` = the agreement). True when the object is an agreement."""
    deals = [c for c in verb.children if c.dep_ in OBJ | {"nsubjpass"} and c.lemma_.lower() in WORDS["agreement_nouns"]]
    if not deals:
        return False
    if planned_context(verb):  # "wants to sign a deal": no pledge yet (but the verb is read)
        return True
    parties = [a for c in verb.children if c.dep_ in SUBJ for a in r.actors(c)]
    parties += [a for c in verb.children if c.dep_ == "agent" for p in pobjs(c) for a in r.actors(p)]
    parties = parties or r.subjects(verb)  # "agreed to sign": the subjects of "agreed"
    counterparties = [a for c in [*verb.children, *(t for d in deals for t in d.subtree)]  # "a deal with B", "between A and B"
                      if c.dep_ == "prep" and c.head in [verb, *(t for d in deals for t in d.subtree)]
                      and c.lower_ in WORDS["counterparty_preps"] for p in pobjs(c) for a in r.actors(p)]
    if not parties:  # "an agreement between A and B was signed": the listed are the parties
        parties, counterparties = counterparties, []
    if counterparties:  # the listed counterparties are one side: they pledge the signers, not each other
        pairs = [(a, t) for a in parties for t in counterparties] + [(t, a) for a in parties for t in counterparties]
    else:  # "A and B signed": each signer is a side
        pairs = [(a, t) for a in parties for t in parties if a != t]
    deal = deals[0]  # "trade agreements with Malaysia": what was signed, without its parties
    cut = [c for c in deal.children if c.dep_ == "prep" and c.lower_ in WORDS["counterparty_preps"]]
    what = phrase(deal) if not cut else " ".join(
        t.text for t in deal.subtree if not any(t.i >= c.left_edge.i and t.i <= c.right_edge.i for c in cut)
        and t.dep_ != "det")
    for a, t in pairs:
        party = r.ra.person_state.get(t, t)
        if r.kind(party) in (NodeKind.STATE, NodeKind.ORGANIZATION) and party != r.ra.person_state.get(a, a):
            r.add(a, RelationType.PLEDGED, party, sent, f"signed-agreement:{verb.lemma_.lower()}", 0.7, what=what)
    return True


def supplied_with(r: Reading, verb: Token, sent: Span) -> bool:
    """ "will provide Tunisia with patrol boats", "equip Kyiv with air defences": the object is the
    recipient, the "with" phrase what is pledged. True when it read the verb so."""
    recipients_ = [a for c in verb.children if c.dep_ in OBJ for a in r.actors(c)
                   if r.kind(a) in (NodeKind.STATE, NodeKind.ORGANIZATION)]
    given = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in WORDS["supply_with_preps"]
             for p in pobjs(c) if concrete(p)]
    if not recipients_ or not given:
        return False
    sources = r.subjects(verb)
    for a in sources:
        for t in recipients_:
            if t not in sources:
                r.add(a, RelationType.PLEDGED, t, sent, f"supplied-with:{verb.lemma_.lower()}", 0.75, what=phrase(given[0]))
    return True


def pledge_noun(r: Reading, noun: Token, sent: Span) -> None:
    """ "made a contribution of $3m to Samoa", "announced a $50 million package for Haiti": a pledge
    noun carried by a light verb; its recipients are the "to"/"for" phrases of the noun or the verb."""
    verb = noun.head
    if noun.dep_ not in OBJ or verb.lemma_.lower() not in WORDS["pledge_carriers"] or negated(verb) \
            or hypothetical(verb) or not concrete(noun):
        return
    sources = r.subjects(verb)
    targets = recipients(r, noun) + [a for c in verb.children if c.dep_ == "prep" and c.lower_ in WORDS["recipient_preps"]
                                     for p in pobjs(c) for a in r.actors(p, territory=True)]
    for a in sources:
        for t in targets:
            if r.kind(t) in (NodeKind.STATE, NodeKind.ORGANIZATION) and t not in sources \
                    and r.ra.person_state.get(a) != t:
                r.add(a, RelationType.PLEDGED, t, sent, f"pledge-noun:{noun.lemma_.lower()}", 0.7, what=phrase(noun))
