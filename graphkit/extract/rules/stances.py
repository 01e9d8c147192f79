"""SUPPORTED and OPPOSED: stance verbs and nouns ("backed", "voiced support for"), feelings
("not thrilled with Putin"), verdicts ("called the decision a mistake") and hostile speech."""
from __future__ import annotations

from spacy.tokens import Span, Token

from graphkit.extract.lexicon import WORDS
from graphkit.extract.reading import OBJ, Reading, SUBJ, hypothetical, negated, phrasal, pobjs, unique
from graphkit.model import NodeKind, RelationType

FEELINGS = WORDS["positive_feelings"] | WORDS["negative_feelings"]


def sentiment(r: Reading, tok: Token, sent: Span) -> None:
    """"not thrilled with Putin", "disappointed in Kyiv", "happy with Trump"."""
    adjectives = [tok] if tok.pos_ == "ADJ" or tok.lower_ in FEELINGS else [c for c in tok.children if c.dep_ == "acomp"]
    for adj in adjectives:
        word = adj.lower_
        denied = negated(adj) or negated(adj.head) if adj.head is not adj else negated(adj)
        if word in WORDS["positive_feelings"]:
            rtype = RelationType.OPPOSED if denied else RelationType.SUPPORTED
        elif word in WORDS["negative_feelings"] and not denied:
            rtype = RelationType.OPPOSED
        else:
            continue
        targets = [a for c in adj.children if c.dep_ == "prep" and (c.lower_ in WORDS["feeling_target_preps"] or
                   c.lower_ in WORDS["to_feeling_preps"] and word in WORDS["to_feelings"])  # not "critical to"
                   for p in pobjs(c) for a in r.owner_actors(p)]
        sources = r.subjects(adj) or [a for c in adj.children if c.dep_ == "nsubjpass" for a in r.actors(c)]
        for a in sources:
            for t in targets:
                r.add(a, rtype, t, sent, f"feeling:{'not-' if denied else ''}{word}", 0.7)


def speech_stance(r: Reading, verb: Token, sent: Span) -> None:
    """"warned that Russia would remain a threat", "said Putin cannot be trusted"."""
    for comp in verb.children:
        if comp.dep_ != "ccomp":
            continue
        if comp.lemma_.lower() in WORDS["respecting_verbs"] and not negated(comp):
            # "said that Congo's sovereignty and territorial integrity must be respected by all"
            owners = [a for c in comp.children if c.dep_ in SUBJ | {"nsubjpass"}
                      and c.lemma_.lower() in WORDS["sovereign_goods"] for a in r.owner_actors(c)]
            for a in r.subjects(verb):
                for t in unique(owners):
                    if a != t:
                        r.add(a, RelationType.SUPPORTED, t, sent, "speech-sovereignty", 0.65)
        subjects = [a for c in comp.children if c.dep_ in SUBJ | {"nsubjpass"} for a in r.actors(c)]
        owners = [a for c in comp.children if c.dep_ in SUBJ | {"nsubjpass"} and not r.actors(c)
                  and c.lemma_.lower() in WORDS["possessed_stance"] | WORDS["policy_nouns"] for a in r.owner_actors(c)]
        if owners and not hypothetical(comp) and not negated(comp) and any(
                c.dep_ in ("attr", "acomp") and c.lemma_.lower() in WORDS["negative_verdicts"] for c in comp.children):
            for a in r.subjects(verb):  # "said Azerbaijan's demands were unacceptable"
                for t in unique(owners):
                    if a != t:
                        r.add(a, RelationType.OPPOSED, t, sent, f"speech-verdict:{verb.lemma_.lower()}", 0.65)
        if not subjects:
            continue
        predicates = [c for c in comp.children if c.dep_ in ("attr", "acomp", "dobj")]
        predicates += [p for c in predicates if c.lower_ in WORDS["partitive_heads"] for q in c.children
                       if q.dep_ == "prep" and q.lower_ == "of" for p in pobjs(q)]  # "one of the most serious threats"
        hostile = any(c.lemma_.lower() in WORDS["hostile_predicates"] for c in predicates) \
            or (comp.lemma_.lower() == "trust" and negated(comp))
        if comp.lemma_.lower() == "want" and negated(comp) and any(c.lemma_ == "peace" for c in comp.children):
            hostile = True
        if hostile:
            for a in r.subjects(verb):
                for t in subjects:
                    r.add(a, RelationType.OPPOSED, t, sent, f"speech-hostile:{verb.lemma_.lower()}", 0.7)


def appraisal(r: Reading, verb: Token, sent: Span) -> None:
    """"called Uganda's decision a mistake", "described France as a reliable partner",
    "deemed Iran's proposal unacceptable": the judgement's polarity gives the stance."""
    if negated(verb):
        return
    judged: list[Token] = []
    verdicts: list[Token] = []
    for c in verb.children:
        if c.dep_ == "dobj":
            judged.append(c)
        elif c.dep_ in ("oprd", "acomp", "attr") and r.actors(c) and not any(x.dep_ == "dobj" for x in verb.children):
            judged.append(c)  # "called Lula "corrupt"", parsed with Lula as the predicate and the verdict on it
            verdicts += [x for x in c.children if x.dep_ in ("amod", "appos", "conj", "acl")]
        elif c.dep_ in ("oprd", "acomp", "attr"):
            verdicts.append(c)
        elif c.dep_ == "prep" and c.lower_ == "as":
            verdicts += pobjs(c)
        elif c.dep_ in ("ccomp", "xcomp"):  # "considers Pakistan's claims absurd" (a small clause)
            judged += [g for g in c.children if g.dep_ in SUBJ]
            verdicts.append(c)
    if not verdicts:  # "called Milei "corrupt"": the verdict parsed as a modifier of the name
        verdicts = [x for j in judged if r.actors(j) for x in j.children
                    if x.dep_ in ("amod", "appos") and any(r.quote_mask[t.i] for t in x.subtree)]
    polarity = 0
    for v in verdicts:
        words = {t.lemma_.lower() for t in v.subtree} | {t.lower_ for t in v.subtree}
        if words & WORDS["negative_verdicts"]:
            polarity = -1
        elif words & WORDS["positive_verdicts"] and polarity == 0:
            polarity = 1
    if not polarity:
        return
    rtype = RelationType.OPPOSED if polarity < 0 else RelationType.SUPPORTED
    targets = [a for j in judged for a in r.owner_actors(j)]
    for a in r.subjects(verb):
        for t in unique(targets):
            if a != t:
                r.add(a, rtype, t, sent, f"appraisal:{verb.lemma_.lower()}", 0.65)


def supported_verb(r: Reading, verb: Token, sent: Span) -> None:
    """ "backed Ukraine", "praised Ghana's leadership", "stood with Kyiv"."""
    stance(r, verb, RelationType.SUPPORTED, sent)


def opposed_verb(r: Reading, verb: Token, sent: Span) -> None:
    """ "condemned the strikes", "imposed sanctions on Russia", "hit back at Macron"."""
    stance(r, verb, RelationType.OPPOSED, sent)


def stance(r: Reading, verb: Token, rtype: RelationType, sent: Span) -> None:
    """A stance verb: its subjects support or oppose the actors of its objects and prepositions
    ("backed Kyiv", "stood with Ukraine", "imposed sanctions on Russia")."""
    lemma = verb.lemma_.lower()
    sources = r.subjects(verb)
    if not sources:
        return
    targets: list[str] = []
    judged_people: list[str] = []
    for child in verb.children:
        if child.dep_ in OBJ or child.dep_ == "nsubjpass":
            named = r.actors(child)
            if lemma in WORDS["greeting_verbs"] and child.lemma_.lower() in WORDS["greeting_objects"]:
                continue  # "welcomed the Ukrainian delegation": hospitality
            if not named and child.lemma_.lower() in WORDS["not_members"]:
                continue  # "thanked Iraq's partners": the partners, not Iraq
            found = named or targets_of(r, child)
            if not named and child.lemma_.lower() not in WORDS["greeting_objects"]:
                judged_people += found  # "welcomed Trump's willingness": a stance on his position, not his visit
            if not found:  # "commended the leadership shown by Modi"
                found = [a for c in child.children if c.dep_ == "acl" for g in c.children if g.dep_ == "agent"
                         for p in pobjs(g) for a in r.actors(p)]
            if not found and child.lemma_.lower() in WORDS["ideas"]:
                found = [a for t in child.subtree if t.dep_ in OBJ | {"pobj"} and t is not child
                         for a in r.actors(t)]
            targets += found
        elif child.dep_ == "prep" and child.lower_ in WORDS["stance_target_preps"]:
            if lemma in WORDS["siding_verbs"] and child.lower_ not in WORDS["siding_preps"]:
                continue
            for p in pobjs(child):
                targets += targets_of(r, p)
        elif child.dep_ == "ccomp" and lemma in WORDS["accusing_verbs"]:
            for c in child.children:
                if c.dep_ in SUBJ | {"nsubjpass"}:
                    targets += r.actors(c)
    if lemma in WORDS["imposing_verbs"]:
        punitive = [c for c in verb.children if c.dep_ in OBJ and c.lemma_.lower() in WORDS["punitive_objects"]]
        if not punitive:
            return  # "imposed a curfew", "froze talks" say nothing of whom
        targets = [a for o in punitive for p in o.children if p.dep_ == "prep" and p.lower_ in WORDS["pressure_preps"]
                   for q in pobjs(p) for a in r.actors(q)]
        targets += [a for c in verb.children if c.dep_ == "prep" and c.lower_ in WORDS["pressure_preps"]
                    for q in pobjs(c) for a in r.actors(q)]
    if not targets and phrasal(verb) in WORDS["hostile_phrasals"]:
        # "Trump hit back, writing that the 'publicity seeking' Macron had 'no idea'"
        for c in verb.children:
            if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in WORDS["speech_verbs"]:
                targets += [a for comp in c.children if comp.dep_ == "ccomp" for s_ in comp.children
                            if s_.dep_ in SUBJ for a in r.actors(s_)]
    if lemma in WORDS["greeting_verbs"]:  # "welcomed at the airport, Museveni's visit ...": a host's courtesy
        targets = [t for t in targets if r.kind(t) is not NodeKind.PERSON or t in judged_people]
    if lemma in WORDS["siding_verbs"] and not targets:
        return
    if lemma in WORDS["demanding_verbs"]:
        rtype = RelationType.OPPOSED
        if lemma in WORDS["refusing_verbs"]:
            return  # a refusal is at most an optional OPPOSED, and seldom names a target
    for a in sources:
        for t in unique(targets):
            if t not in sources and r.ra.person_state.get(a) != t:  # not one's own country
                r.add(a, rtype, t, sent, f"stance-verb:{lemma}", 0.75)


def supported_noun(r: Reading, noun: Token, sent: Span) -> None:
    """ "X's support for Y", "voiced support for Y"."""
    stance_noun(r, noun, RelationType.SUPPORTED, sent)


def opposed_noun(r: Reading, noun: Token, sent: Span) -> None:
    """ "China expressed opposition to Japan's remarks", "Hungary's criticism of the EU"."""
    stance_noun(r, noun, RelationType.OPPOSED, sent)


def stance_noun(r: Reading, noun: Token, rtype: RelationType, sent: Span) -> None:
    """"X's support for Y", "support from X" for what Y received, "X voiced support for Y",
    "China expressed opposition to Japan's remarks", "Hungary's criticism of the EU"."""
    if negated(noun.head) and noun.dep_ in OBJ:
        return
    if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in WORDS["waning"]:
        return  # "a decline in Washington's support for Kyiv" reports support fading, not given
    sources = [a for c in noun.children if c.dep_ == "poss" for a in r.actors(c)]
    carried = noun.dep_ in OBJ and noun.head.lemma_.lower() in WORDS["stance_carriers"]
    if sources and carried:
        sources = speaking_for(r, noun.head, sources)
    if not sources and carried:
        sources = r.subjects(noun.head)  # "voiced support for", "expressed opposition to"
    if not sources and noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in WORDS["stance_commitment_nouns"]:
        holder = noun.head.head  # "reaffirmed its commitment for all possible support to Sri Lanka"
        sources = [a for c in holder.children if c.dep_ == "poss" for a in r.actors(c)]
        if holder.dep_ in OBJ and holder.head.lemma_.lower() in WORDS["stance_carriers"]:
            sources = speaking_for(r, holder.head, sources) if sources else r.subjects(holder.head)
    target_preps = WORDS["stance_noun_target_preps"] | (WORDS["opposing_noun_target_preps"]
                                                        if rtype is RelationType.OPPOSED else frozenset())
    worry = noun.lower_ in WORDS["worry_nouns"]
    if worry:  # "concern over Iran's programme" opposes Iran; "concern for Haiti's civilians" does not
        target_preps = WORDS["worry_preps"]
    targets: list[str] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            for p in pobjs(child):
                sources += r.actors(p)
        if child.dep_ == "prep" and child.lower_ in target_preps:
            if child.lower_ == "of" and rtype is RelationType.SUPPORTED:
                continue  # "assurances of support" names no one
            for p in pobjs(child):
                if not (worry and p.lemma_.lower() in WORDS["cared_for_nouns"]):
                    targets += r.owner_actors(p)
    if not targets and carried:  # "took a swipe at Macron": the preposition hangs on the verb; "promised Dili support"
        targets += [a for c in noun.head.children if c.dep_ == "dative" for a in r.actors(c)]
        for child in noun.head.children:
            if child.dep_ == "prep" and child.lower_ in target_preps and child.i > noun.i:
                if child.lower_ == "of" and rtype is RelationType.SUPPORTED:
                    continue
                for p in pobjs(child):
                    if not (worry and p.lemma_.lower() in WORDS["cared_for_nouns"]):
                        targets += r.owner_actors(p)
    if not targets and noun.dep_ in OBJ and noun.head.lemma_ in WORDS["receiving_verbs"]:
        for c in noun.head.children:
            if c.dep_ in SUBJ:
                targets += r.owner_actors(c)
        if not targets and noun.head.dep_ == "relcl":
            targets += r.owner_actors(noun.head.head)
    for a in unique(sources):
        for t in unique(targets):
            if a != t:
                r.add(a, rtype, t, sent, f"stance-noun:{noun.lemma_.lower()}", 0.65)


def pressure_on(r: Reading, noun: Token, sent: Span) -> None:
    """ "urging the G7 to keep up the pressure on Moscow", "step up pressure on Israel": whoever
    calls for or applies pressure on X opposes X."""
    targets = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in WORDS["pressure_preps"]
               for p in pobjs(c) for a in r.owner_actors(p)]
    if not targets or noun.dep_ not in OBJ | {"pobj"} or negated(noun.head):
        return
    sources = [a for c in noun.children if c.dep_ == "poss" for a in r.actors(c)] or r.subjects(noun.head)
    for a in unique(sources):
        for t in unique(targets):
            if a != t and r.kind(t) in (NodeKind.STATE, NodeKind.ORGANIZATION, NodeKind.PERSON):
                r.add(a, RelationType.OPPOSED, t, sent, "pressure-on", 0.65)


def prep_stance(r: Reading, verb: Token, sent: Span) -> None:
    """A verb whose preposition says whom it is for or against: "voted against von der Leyen and in
    favour of Costa", "campaigned for Ghana's bid", "rallied behind Kyiv" (frames in words.json)."""
    lemma = verb.lemma_.lower()
    sources = r.subjects(verb)
    if not sources:
        return
    for phrase_, heads in prep_phrases(verb):
        frame = f"{lemma} {phrase_}"
        if frame in WORDS["opposing_prep_frames"]:
            rtype = RelationType.OPPOSED
        elif frame in WORDS["supporting_prep_frames"]:
            rtype = RelationType.SUPPORTED
        else:
            continue
        for t in unique(a for h in heads for a in r.owner_actors(h)):
            for a in sources:
                if a != t and r.ra.person_state.get(a) != t:
                    r.add(a, rtype, t, sent, f"prep-frame:{frame}", 0.7)


def prep_phrases(verb: Token) -> list[tuple[str, list[Token]]]:
    """The verb's prepositions with their objects, a complex one as one phrase: ("against", [X]),
    ("in favour of", [Y]); also those of a verb it is coordinated with ("voted against A and in favour of B")."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    preps += [p for c in preps for p in c.children if p.dep_ == "conj" and p.pos_ == "ADP"]
    out = []
    for c in preps:
        out.append((c.lower_, [p for p in c.children if p.dep_ in ("pobj", "pcomp")]))
        for q in c.children:
            if q.dep_ == "pobj":
                for d in q.children:
                    if d.dep_ == "prep":
                        out.append((f"{c.lower_} {q.lower_} {d.lower_}", pobjs(d)))
    return out


def holder_noun(r: Reading, noun: Token, sent: Span) -> None:
    """A noun naming who holds a stance toward whom: "Qatar has been a fierce critic of the Assad
    government", "Hungary, a staunch supporter of Serbia": the subject or the appositive's head holds it."""
    lemma = noun.lemma_.lower()
    rtype = RelationType.OPPOSED if lemma in WORDS["opposing_holder_nouns"] else RelationType.SUPPORTED
    if noun.dep_ == "attr" and not negated(noun.head):
        sources = [a for c in noun.head.children if c.dep_ in SUBJ for a in r.actors(c)]
    elif noun.dep_ == "appos":
        sources = r.actors(noun.head)
    else:
        return
    targets = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in WORDS["holder_target_preps"]
               for p in pobjs(c) for a in targets_of(r, p)]
    for a in unique(sources):
        for t in unique(targets):
            if a != t:
                r.add(a, rtype, t, sent, f"holder-noun:{lemma}", 0.7)


def idiom_stance(r: Reading, verb: Token, sent: Span) -> None:
    """An idiom of verb, object and preposition: "threw its weight behind Paraguay", "took aim at
    Belarus", "took issue with Ottawa's plan" (idioms in words.json as 'verb object preposition')."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in OBJ]
    for o in objects:
        for p in [c for c in verb.children if c.dep_ == "prep"] + [c for c in o.children if c.dep_ == "prep"]:
            idiom = f"{lemma} {o.lemma_.lower()} {p.lower_}"
            if idiom in WORDS["supporting_idioms"]:
                rtype = RelationType.SUPPORTED
            elif idiom in WORDS["opposing_idioms"]:
                rtype = RelationType.OPPOSED
            else:
                continue
            sources = r.subjects(verb)
            for t in unique(a for q in pobjs(p) for a in r.owner_actors(q)):
                for a in sources:
                    if a != t and r.ra.person_state.get(a) != t:
                        r.add(a, rtype, t, sent, f"idiom:{idiom}", 0.7)


def targets_of(r: Reading, tok: Token) -> list[str]:
    """Whom a stance on this phrase is toward: its actors or owner ("Russia's demands"), or for "the
    Assad government" / "the Milei administration" the leader named and the state he leads."""
    found = r.owner_actors(tok)
    if found or tok.lemma_.lower() not in WORDS["government_nouns"]:
        return found
    leaders = [e for c in tok.children if c.dep_ in ("compound", "amod", "nmod") for e in [r.entity_at(c)] if e]
    return unique(leaders + [r.ra.person_state[p] for p in leaders if p in r.ra.person_state])


def speaking_for(r: Reading, verb: Token, owners: list[str]) -> list[str]:
    """ "Modi reaffirmed India's commitment": the person who voices his own state's stance holds it."""
    speakers = r.subjects(verb)
    if speakers and all(r.ra.person_state.get(p) in owners for p in speakers):
        return speakers
    return owners
