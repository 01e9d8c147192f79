"""ATTENDED and HOSTED: who was at a meeting, who hosted it, read off verbs ("attended",
"joined by video", "hosted", passives), meeting nouns ("a summit with Putin") and presence ("was at the table")."""
from __future__ import annotations

from spacy.tokens import Span, Token

from graphkit.extract.lexicon import LEXICON, WORDS
from graphkit.extract.reading import (OBJ, Reading, SUBJ, hypothetical, negated, planned_context, pobjs,
                                      same_place, subject_token, unique)
from graphkit.model import ACTOR_KINDS, NodeKind, RelationType


def addressed_meeting(r: Reading, verb: Token, sent: Span) -> None:
    """ "Sisi told the summit", "Guterres told delegates", "addressed the leaders": the speaker was there."""
    lemma = verb.lemma_.lower()
    if negated(verb) or planned_context(verb) or hypothetical(verb):
        return
    for c in verb.children:
        if c.dep_ not in OBJ | {"dative"} and not (c.dep_ == "prep" and c.lower_ == "to" and lemma in WORDS["speaking_to_verbs"]):
            continue
        for t in ([c] if c.dep_ != "prep" else pobjs(c)):
            summit = r.ra.summit_of_token.get(t.i)
            if summit is None and t.lemma_.lower() in WORDS["audiences"] and not r.actors(t):
                summit = r.recent_summit(sent)
            if summit:
                for a in r.subjects(verb):
                    if r.kind(a) in ACTOR_KINDS:
                        r.add(a, RelationType.ATTENDED, summit, sent, f"addressed-meeting:{lemma}", 0.7)
                return


def present_at(r: Reading, verb: Token, sent: Span) -> None:
    """ "Also at the table were Orsi, Pena and Arce", "Guterres was at the summit"."""
    if negated(verb) or planned_context(verb):
        return
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "at":
            for p in pobjs(c):
                summit = r.ra.summit_of_token.get(p.i) or (r.recent_summit(sent) if p.lower_ == "table" else None)
                if summit:
                    present = [a for s_ in verb.children if s_.dep_ in SUBJ | {"attr"} for a in r.actors(s_)]
                    if c.i < verb.i:  # "Also at the table were A, attending ..., B and C": read the list off the text
                        present = unique(present + r.named_from(verb.i + 1, sent.end, WORDS["present_list_stops"],
                                                                through_verbs=True))
                    for a in present:
                        if r.kind(a) in ACTOR_KINDS:
                            r.add(a, RelationType.ATTENDED, summit, sent, "present-at-table", 0.7)


def arrived_in_summit_city(r: Reading, verb: Token, sent: Span) -> None:
    """ "Zelensky arrived in Kananaskis on Tuesday": arriving where a summit of the article is held."""
    if planned_context(verb) or hypothetical(verb):
        return
    places = [r.doc[p.left_edge.i:p.i + 1].text for c in verb.children
              if c.dep_ == "prep" and c.lower_ in WORDS["arrival_preps"] for p in pobjs(c)]
    if not places:
        return
    for sid in {r.ra.summit_of_token[i] for i in r.ra.summit_of_token}:
        city = r.nodes[sid].properties.get("city") if sid in r.nodes else None
        if city and any(same_place(str(city), p) for p in places):
            for a in r.subjects(verb):
                if r.kind(a) in ACTOR_KINDS:
                    r.add(a, RelationType.ATTENDED, sid, sent, f"arrived-in-summit-city:{verb.lemma_.lower()}", 0.65)
            return


def made_the_trip(r: Reading, verb: Token, sent: Span) -> None:
    """ "Only a handful of leaders made the trip, among them A, B and C": they came to the meeting."""
    if not any(c.dep_ in OBJ and c.lemma_.lower() in WORDS["trip_nouns"] for c in verb.children) \
            or negated(verb) or hypothetical(verb) or planned_context(verb):
        return
    summit = r.recent_summit(sent)
    if summit is None:
        return
    travellers = r.subjects(verb)
    for c in verb.children:
        if c.dep_ in OBJ and c.lemma_.lower() in WORDS["trip_nouns"]:
            travellers += r.listed_after(c.i, sent)
    for a in unique(travellers):
        if r.kind(a) in ACTOR_KINDS:
            r.add(a, RelationType.ATTENDED, summit, sent, "made-the-trip", 0.7)


def passive_event(r: Reading, verb: Token, sent: Span) -> bool:
    """A meeting, or someone at one, in the passive: "the summit was hosted by Carney", "the
    two-day meeting, which was attended by 40 heads of state, among them Ruto, ...", "a summit
    attended by 20 leaders", "Xi ... was joined by Putin and Modi". True when handled."""
    lemma = verb.lemma_.lower()
    agents = [a for c in verb.children if c.dep_ == "agent" for p in pobjs(c)
              for a in r.actors(p) + r.listed_after(p.right_edge.i, sent)]
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is not None:  # the parser hangs "among them A, B and C" on the relative pronoun
        agents += [a for c in patient.children if c.dep_ == "appos" for a in r.actors(c)]
    agents = [a for a in unique(agents) if r.kind(a) in ACTOR_KINDS]
    if not agents:
        return False
    summit = None
    if patient is not None:
        summit = r.ra.summit_of_token.get(patient.i)
        if summit is None and patient.lower_ in WORDS["relative_object_pronouns"] and verb.dep_ == "relcl":
            summit = r.ra.summit_of_token.get(verb.head.i)
    elif verb.dep_ == "acl" and verb.tag_ == "VBN":
        summit = r.summit_up(verb.head)
    hosting = "HOSTED" in LEXICON.verb_types(lemma) and lemma not in WORDS["welcoming_verbs"]
    if summit is not None:
        for a in agents:
            if hosting:
                r.add(a, RelationType.HOSTED, summit, sent, f"passive-host:{lemma}", 0.8)
            if r.kind(a) is NodeKind.PERSON or not hosting:
                r.add(a, RelationType.ATTENDED, summit, sent, f"passive-{'host' if hosting else 'attend'}:{lemma}",
                      0.7 if hosting else 0.85, mode="remote" if r.remote(verb) else None)
        return True
    if lemma == "join" and patient is not None and not planned_context(verb):
        # "Xi, who hosted the gathering, was joined by Putin": they attended what he attended
        host = r.actors(patient)
        summit = r.recent_summit(sent)
        if host and summit:
            for a in agents + host:
                r.add(a, RelationType.ATTENDED, summit, sent, "passive-join", 0.75)
            return True
    return False


def summit_where(r: Reading, verb: Token, sent: Span) -> None:
    """ "a summit where Trump watched ...": whoever does something there attended it."""
    if verb.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children) \
            and r.ra.summit_of_token.get(verb.head.i):
        for a in r.subjects(verb):
            if r.kind(a) in ACTOR_KINDS:
                r.add(a, RelationType.ATTENDED, r.ra.summit_of_token[verb.head.i], sent, "summit-where", 0.7)


def came_together(r: Reading, verb: Token, sent: Span) -> bool:
    """ "leaders came together in Tianjin": they gathered (and nothing else is read off this verb)."""
    if any(c.lower_ == "together" for c in verb.children):
        attended(r, verb, "gather", sent)
        return True
    return False


def attend_verb(r: Reading, verb: Token, sent: Span) -> None:
    """ "attended the summit", "joined by video", "took part", "led Beijing's delegation"."""
    attended(r, verb, verb.lemma_.lower(), sent)


def attended(r: Reading, verb: Token, lemma: str, sent: Span) -> None:
    """An attendance verb: its subjects (and companions, co-attendees, delegations) attended the meeting
    it names, or the article's meeting when it names none; "Sweden joined NATO" is membership."""
    if lemma == "meet" and not any(c.dep_ == "prep" and c.lower_ in WORDS["meeting_place_preps"] for c in verb.children):
        return
    if lemma == "take":
        if not any(c.dep_ in OBJ and c.lower_ == "part" for c in verb.children):
            return  # only "take part"
        lemma = "participate"
    delegation = None
    if lemma in WORDS["leading_verbs"]:  # "Li Qiang led Beijing's delegation (to the summit)"
        delegation = next((c for c in verb.children if c.dep_ in OBJ
                           and c.lemma_.lower() in WORDS["delegation_nouns"]), None)
        if delegation is None:
            return
    sources = r.subjects(verb)
    if delegation is not None:  # whose delegation it is attends too: "Beijing's", "the Chinese"
        sources = unique(sources + [a for c in delegation.children if c.dep_ in {"poss", "amod", "compound"}
                                    for a in r.actors(c) if r.kind(a) in (NodeKind.STATE, NodeKind.ORGANIZATION)])
    if lemma == "represent":  # "Canada was represented by Prime Minister Mark Carney"
        sources = unique(sources + [a for c in verb.children if c.dep_ == "nsubjpass" for a in r.actors(c)])
    if lemma in WORDS["sending_verbs"]:  # "Italy sent its foreign minister to the meeting"
        sources = unique(sources + [a for c in verb.children if c.dep_ in OBJ for a in r.actors(c)
                                    if r.kind(a) is NodeKind.PERSON])
    summit = None
    co_attendees: list[str] = []
    for child in verb.children:
        if child.dep_ in OBJ and child.lower_ in WORDS["relative_object_pronouns"] and verb.dep_ == "relcl":
            up = verb.head  # "a summit ... on March 2, which Kagame attended": the clause may hang on the date
            for _ in range(3):
                summit = summit or r.ra.summit_of_token.get(up.i)
                up = up.head
        if child.dep_ in OBJ | {"prep", "prt", "advmod", "npadvmod"}:
            summit = summit or r.summit_in(child)
        if lemma == "join" and child.dep_ in OBJ:
            co_attendees += [a for a in r.actors(child) if a not in sources]
            if child.lemma_.lower() in WORDS["group_nouns"]:  # "join leaders from X": PP attached to the verb
                co_attendees += [a for c in verb.children if c.dep_ == "prep" and c.lower_ in WORDS["group_origin_preps"]
                                 for p in pobjs(c) for a in r.actors(p)]
    subj = subject_token(verb)
    subject_summit = r.ra.summit_of_token.get(subj.i) if subj is not None else None
    if subject_summit and lemma in WORDS["meeting_subject_verbs"]:
        for child in verb.children:
            if child.dep_ in OBJ or child.dep_ == "prep" and child.lower_ in WORDS["brought_together_preps"]:
                for p in ([child] if child.dep_ in OBJ else pobjs(child)):
                    for a in r.actors(p):
                        r.add(a, RelationType.ATTENDED, subject_summit, sent, "summit-brought-together", 0.7)
        return
    implicit = False
    if summit is None:
        if lemma in WORDS["membership_joining_verbs"] and any(c.dep_ in OBJ and r.actors(c) and
                                              r.kind(r.actors(c)[0]) is NodeKind.ORGANIZATION for c in verb.children):
            if not planned_context(verb) and not hypothetical(verb):  # "Sweden joined NATO": membership
                for c in verb.children:
                    if c.dep_ in OBJ:
                        for org in r.actors(c):
                            for a in sources:
                                if r.kind(a) is NodeKind.STATE and r.kind(org) is NodeKind.ORGANIZATION:
                                    r.add(a, RelationType.MEMBER_OF, org, sent, "joined-body", 0.8)
            return
        elsewhere = any(r.other_event(t) for c in verb.children if not (c.lower_ == "part" and c.dep_ in OBJ)
                        for t in ([c] if c.dep_ in OBJ else pobjs(c) if c.dep_ == "prep" and c.lower_ in WORDS["event_preps"] else []))
        if lemma in WORDS["implicit_attendance_verbs"] and r.ra.main_summit and not elsewhere:
            summit, implicit = r.recent_summit(sent), True
        else:
            return
    for c in verb.children:  # "... joined the outreach sessions, as did NATO's Mark Rutte"
        if c.dep_ == "advcl" and c.lemma_ == "do" and any(m.lower_ == "as" for m in c.children):
            sources = unique(sources + [a for s_ in c.children if s_.dep_ in SUBJ for a in r.actors(s_)])
    mode = "remote" if r.remote(verb) else "in person" if r.in_person(verb) else None
    conf = 0.6 if implicit else 0.85
    rule = f"attend-verb:{lemma}" + (":main-summit" if implicit else "")
    for a in unique(sources + co_attendees):
        if r.kind(a) in ACTOR_KINDS:
            r.add(a, RelationType.ATTENDED, summit, sent, rule, conf, mode=mode)


def at_summit(r: Reading, verb: Token, sent: Span) -> None:
    """Whoever does something at a summit ("spoke at the summit", "was greeted at the talks") took part."""
    lemma = verb.lemma_.lower()
    if lemma in LEXICON.verbs["ATTENDED"] or lemma in WORDS["not_acting_at_summit_verbs"]:
        return
    if lemma in LEXICON.verbs["ATTACKED"] and any(c.dep_ in OBJ and r.actors(c) for c in verb.children):
        return  # an attack, not something done at the summit ("struck a warmer tone" is)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in WORDS["at_summit_preps"] or \
                child.dep_ == "prep" and child.lower_ == "on" and any(p.lower_ == "sidelines" for p in pobjs(child)):
            for p in pobjs(child):
                summit = r.summit_in(p)
                if summit and not planned_context(verb):
                    for a in r.subjects(verb):
                        r.add(a, RelationType.ATTENDED, summit, sent, f"acted-at-summit:{lemma}", 0.6)
                    if lemma in WORDS["handing_over_verbs"]:
                        # "handed the rotating presidency to his Brazilian counterpart, Lula, at a summit"
                        for c in verb.children:
                            if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                                for a in [a for q in pobjs(c) for a in
                                          [x for x in r.actors(q) if r.kind(x) is NodeKind.PERSON]
                                          or r.named_after(q)]:
                                    if r.kind(a) is NodeKind.PERSON:
                                        r.add(a, RelationType.ATTENDED, summit, sent, f"received-at-summit:{lemma}", 0.6)
                    return


def present(r: Reading, adj: Token, sent: Span) -> bool:
    """ "Rutte, present in Paris": at the meeting. The adjective is handled here, whatever it finds."""
    summit = r.summit_in(adj) or r.ra.main_summit
    if not summit or not any(c.dep_ == "prep" and c.lower_ in WORDS["location_preps"] for c in adj.children):
        return True
    for a in r.subjects(adj):
        r.add(a, RelationType.ATTENDED, summit, sent, "present-at", 0.7, mode="in person")
    return True


def summit_with(r: Reading, noun: Token, sent: Span) -> None:
    """ "a summit in Alaska with Russian President Vladimir Putin": Putin was at that summit."""
    summit = r.ra.summit_of_token.get(noun.i)
    if summit is None or noun.lower_ not in WORDS["summit_with_nouns"]:
        return
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for a in [a for p in pobjs(c) for a in r.actors(p)]:
                if r.kind(a) in ACTOR_KINDS:
                    r.add(a, RelationType.ATTENDED, summit, sent, "summit-with", 0.7)


def attendance_of_states(r: Reading) -> None:
    """A person attending makes their state an attendee too (the guideline's optional edge)."""
    for f in list(r.found):
        if f.type is RelationType.ATTENDED and r.kind(f.source) is NodeKind.PERSON:
            state = r.ra.person_state.get(f.source)
            if state and state in r.nodes:
                r.add(state, RelationType.ATTENDED, f.target, f.sent, "attendee-state", 0.5)
            for i in r.ra.mentions_of.get(f.source, []):  # "NATO Secretary-General Mark Rutte, present"
                m = r.ra.mentions[i]
                if f.sent.start <= m.start < f.sent.end and m.affiliation in r.nodes \
                        and r.kind(m.affiliation) is NodeKind.ORGANIZATION and not m.former:
                    r.add(m.affiliation, RelationType.ATTENDED, f.target, f.sent, "attendee-body", 0.6)


def hosted(r: Reading, verb: Token, sent: Span) -> None:
    """"Carney hosted the summit", "hosted leaders of the SCO in Tianjin": the host (a person host also
    attends), and the guests it names attended."""
    summit = None
    guests = [c for c in verb.children if c.dep_ in OBJ]
    guest_summit = None  # the meeting the hosted guests came to, when the verb names them
    for child in guests:
        summit = r.summit_in(child) if r.ra.summit_of_token.get(child.i) else None
    if summit is None and verb.lemma_.lower() == "host":  # "hosted the Russian leader for three hours of talks"
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in WORDS["hosting_event_preps"] and not planned_context(verb):
                summit = summit or r.summit_in(child)
        guest_summit = summit
    if summit is None and r.ra.summit_of_token.get(verb.i) and not planned_context(verb):
        summit = guest_summit = r.ra.summit_of_token[verb.i]  # "Hassan welcomed Hichilema in Dodoma": a meeting of its own
    acl = verb
    while acl.dep_ == "conj" and acl.head is not acl:  # "hosted by Egypt and co-chaired by Trump"
        acl = acl.head
    acl_summit = r.summit_up(acl.head) if acl.dep_ == "acl" else None
    if acl_summit:  # "a video call of the coalition, co-chaired by Starmer, Macron and Merz"
        summit = acl_summit
        sources = [a for c in verb.children if c.dep_ == "agent" for p in pobjs(c) for a in r.actors(p)]
    else:
        sources = unique(r.subjects(verb) + r.companions(verb))
    if summit is None and r.ra.main_summit and verb.lemma_.lower() in WORDS["hosting_in_city_verbs"]:
        # "Xi hosted leaders of the SCO in Tianjin": hosting the article's summit, named by its city
        city = r.nodes[r.ra.main_summit].properties.get("city")
        places = [r.doc[t.left_edge.i:t.i + 1].text for t in verb.subtree
                  if t.dep_ == "pobj" and t.head.lower_ in WORDS["host_city_preps"]]
        if city and any(same_place(str(city), p) for p in places):
            summit = r.ra.main_summit
        elif any(g.lemma_.lower() in WORDS["audiences"] and not r.actors(g) for g in guests) \
                and not planned_context(verb) and not hypothetical(verb):
            summit = r.recent_summit(sent)  # "Milei, who hosted the leaders at the San Martin Palace"
        guest_summit = summit
    for a in [a for g in guests for a in r.actors(g)] if guest_summit else []:
        r.add(a, RelationType.ATTENDED, guest_summit, sent, "hosted-guest", 0.7)
    if summit:
        for a in sources:
            r.add(a, RelationType.HOSTED, summit, sent, f"host-verb:{verb.lemma_}", 0.8)
            if r.kind(a) is NodeKind.PERSON:
                r.add(a, RelationType.ATTENDED, summit, sent, "host-attends", 0.7)


def meeting_held_with(r: Reading, noun: Token, sent: Span) -> None:
    """ "Modi held talks with Hasina", "Albanese received a phone call from Trump": both took part."""
    summit = r.ra.summit_of_token.get(noun.i)
    if summit is None or noun.dep_ not in OBJ or noun.head.lemma_.lower() not in \
            WORDS["meeting_holding_verbs"] | WORDS["meeting_receiving_verbs"]:
        return
    verb = noun.head
    if negated(verb) or planned_context(verb) or hypothetical(verb):
        return
    if noun.tag_ == "NNS" and any(c.lower_ in WORDS["several_meetings_words"] or c.dep_ == "nummod" for c in noun.lefts):
        return  # "held separate talks with A and B", "two other meetings: with A, and with B": several meetings
    withs = [p for c in list(noun.children) + list(verb.children)  # "received a phone call from Trump"
             if c.dep_ == "prep" and c.lower_ in WORDS["meeting_partner_in_noun_preps"] for p in pobjs(c)]
    mode = "remote" if r.nodes[summit].properties.get("format") == "video" else None
    for a in unique(r.subjects(verb) + [b for p in withs for b in r.actors(p)]):
        if r.kind(a) in ACTOR_KINDS:
            r.add(a, RelationType.ATTENDED, summit, sent, f"held-meeting-with:{noun.lemma_.lower()}", 0.75, mode=mode)


def received_by(r: Reading, verb: Token, sent: Span) -> None:
    """ "Rubio was received by President Mulino", "was welcomed by the president at the palace": the
    receiver hosted the meeting the guest came to, and both were there."""
    if verb.tag_ != "VBN" or planned_context(verb) or hypothetical(verb):
        return
    hosts = [a for c in verb.children if c.dep_ == "agent" for p in pobjs(c) for a in r.actors(p)
             if r.kind(a) is NodeKind.PERSON]
    guests = [a for c in verb.children if c.dep_ == "nsubjpass" for a in r.actors(c) if r.kind(a) is NodeKind.PERSON]
    if not hosts or not guests:
        return
    summit = next((s for c in verb.children if c.dep_ == "prep" for s in [r.summit_in(c)] if s), None) \
        or r.ra.summit_of_token.get(verb.i) or r.recent_summit(sent)
    if summit is None:
        return
    for a in hosts:
        r.add(a, RelationType.HOSTED, summit, sent, f"received-by:{verb.lemma_.lower()}", 0.75)
    for a in unique(hosts + guests):
        r.add(a, RelationType.ATTENDED, summit, sent, f"received-by:{verb.lemma_.lower()}", 0.75)


def welcome_by(r: Reading, noun: Token, sent: Span) -> None:
    """ "Hasina was given a warm welcome by Modi": Modi hosted, both were at the meeting."""
    hosts = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in pobjs(c)
             for a in r.actors(p) if r.kind(a) is NodeKind.PERSON]
    if not hosts or noun.dep_ not in OBJ | {"nsubjpass"} or planned_context(noun.head) or hypothetical(noun.head):
        return
    summit = r.recent_summit(sent)
    if summit is None:
        return
    guests = [a for c in noun.head.children if c.dep_ in ("nsubjpass", "nsubj", "dative") for a in r.actors(c)
              if r.kind(a) is NodeKind.PERSON]
    for a in hosts:
        r.add(a, RelationType.HOSTED, summit, sent, "welcome-by", 0.7)
    for a in unique(hosts + guests):
        r.add(a, RelationType.ATTENDED, summit, sent, "welcome-by", 0.7)


def at_the_invitation_of(r: Reading, noun: Token, sent: Span) -> None:
    """ "at the invitation of President Ruto": the inviter hosted the meeting of the sentence."""
    if not (noun.dep_ == "pobj" and noun.head.lower_ in WORDS["at_summit_preps"] | {"on"}):
        return
    hosts = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)
             for a in r.actors(p) if r.kind(a) in (NodeKind.PERSON, NodeKind.STATE)]
    summit = r.summit_in(noun.head.head) or r.recent_summit(sent)
    if not hosts or summit is None:
        return
    for a in hosts:
        r.add(a, RelationType.HOSTED, summit, sent, "at-the-invitation-of", 0.7)


def hosting_of_states(r: Reading) -> None:
    """A host's state hosted too when the sentence names it ("South African President Cyril Ramaphosa hosted")."""
    for f in list(r.found):
        if f.type is RelationType.HOSTED and r.kind(f.source) is NodeKind.PERSON:
            state = r.ra.person_state.get(f.source)
            if state and state in r.nodes and any(f.sent.start <= r.ra.mentions[i].start < f.sent.end
                                                  for i in r.ra.mentions_of.get(state, [])):
                r.add(state, RelationType.HOSTED, f.target, f.sent, "host-state", 0.6)


def _names_participants(noun: Token) -> bool:
    """ "participants", "attendees", "those present" (but not any "those")."""
    if noun.lower_ in WORDS["pronoun_participants"]:
        return any(a.lower_ == "present" for a in noun.children)
    return noun.lemma_.lower() in WORDS["participant_nouns"] or noun.lower_ in WORDS["participant_nouns"]


def participants_were(r: Reading, verb: Token, sent: Span) -> None:
    """ "Those present were A; B and C", "Among other participants were A, B", "Participants included A":
    the names listed took part in the meeting of the sentence (or the one before, or the article's)."""
    if negated(verb) or planned_context(verb) or hypothetical(verb):
        return
    heads = [c for c in verb.children if c.dep_ in SUBJ] + \
            [p for c in verb.children if c.dep_ == "prep" and c.lower_ in WORDS["listing_preps"] for p in pobjs(c)]
    if not any(_names_participants(h) for h in heads):
        return
    summit = r.recent_summit(sent)
    if summit is None:
        return
    for a in r.named_from(verb.i + 1, sent.end, WORDS["participant_list_stops"], through_verbs=True):
        if r.kind(a) in ACTOR_KINDS:
            r.add(a, RelationType.ATTENDED, summit, sent, "participants-were", 0.7)


def attendees_listed(r: Reading, verb: Token, sent: Span) -> None:
    """ "Six foreign ministers will participate in this meeting: A, B, C": the list after the colon attended."""
    if negated(verb) or hypothetical(verb):
        return
    summit = next((s for c in verb.children if c.dep_ in OBJ | {"prep"} for s in [r.summit_in(c)] if s), None)
    colon = next((t for t in r.doc[verb.i + 1:sent.end] if t.text in WORDS["list_colons"]), None)
    if summit is None or colon is None or r.actors(subject_token(verb) or verb):
        return
    for a in r.named_from(colon.i + 1, sent.end, WORDS["participant_list_stops"], through_verbs=True):
        if r.kind(a) in ACTOR_KINDS:
            r.add(a, RelationType.ATTENDED, summit, sent, "attendees-listed", 0.7)


def meeting_between(r: Reading, noun: Token, sent: Span) -> None:
    """ "the first virtual summit between Modi and Morrison began": both sides took part in it."""
    summit = r.ra.summit_of_token.get(noun.i)
    if summit is None:
        return
    mode = "remote" if r.nodes[summit].properties.get("format") == "video" else None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            for a in r.listed(c):
                if r.kind(a) in ACTOR_KINDS:
                    r.add(a, RelationType.ATTENDED, summit, sent, "meeting-between", 0.75, mode=mode)


def signed_together(r: Reading, verb: Token, sent: Span) -> None:
    """ "Merkel and Macron signed the treaty in Aachen", "Trudeau signed the pact alongside Tusk": the
    signatories were at the signing."""
    summit = r.ra.summit_of_token.get(verb.i)
    if summit is None or planned_context(verb) or hypothetical(verb):
        return
    preps = [c for c in verb.children if c.dep_ == "prep"] + \
            [c for o in verb.children if o.dep_ in OBJ for c in o.children if c.dep_ == "prep"]
    partners = [a for c in preps if c.lower_ in WORDS["signing_partner_preps"] for p in pobjs(c) for a in r.actors(p)]
    for a in unique(r.subjects(verb) + partners):
        if r.kind(a) in ACTOR_KINDS:
            r.add(a, RelationType.ATTENDED, summit, sent, "signed-together", 0.7)
