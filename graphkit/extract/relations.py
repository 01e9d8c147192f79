"""Stage 4, relations: who did what to whom, read off the dependency parse with a lexicon.

Each trigger (a verb or noun from extract/data/lexicon.json) gets its actors from the parse:
subjects (through coordination, relative clauses, participles, passives' "by" agents and the
speaker of a quote for "we"), objects and prepositional objects (through groups such as "leaders
from Britain, France and Germany" and possessors such as "Russia's demands"). Negation and
hypotheticals drop a relation; every relation keeps its sentence as evidence and the rule's name.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span, Token

from graphkit.extract.lexicon import LEXICON
from graphkit.extract.resolve import ResolvedArticle
from graphkit.model import Evidence, NodeKind, Relation, RelationProperties, RelationType

_SUBJ = {"nsubj", "csubj"}
_OBJ = {"dobj", "dative", "attr", "oprd", "obj"}
_HYPOTHETICAL = {"could", "might", "may", "would"}
_NEGATIONS = {"not", "n't", "never", "no"}
_TERRITORY = {"territory", "territories", "land", "lands", "soil", "city", "cities", "region", "regions",
              "forces", "troops", "army", "people", "civilians", "positions", "infrastructure", "ports",
              "port", "towns", "villages", "border", "airspace", "skies", "oil", "facilities", "capital",
              "targets", "ships", "vessels", "military", "enclave", "strip", "site", "sites", "area", "areas",
              "province", "provinces", "bases", "base", "homes", "cities", "neighbourhoods", "neighborhoods"}
_DISPUTE = {"dispute", "row", "clash", "feud", "spat", "quarrel", "standoff", "tension", "tensions"}
_POSSESSED_STANCE = {"sovereignty", "integrity", "independence", "courage", "bravery", "wisdom", "vision", "role", "work", "resolve", "commitment",
                     "demand", "demands", "plan", "plans", "proposal", "proposals", "approach", "initiative",
                     "position", "policy", "terms", "conditions", "claim", "claims", "decision", "offer",
                     "leadership", "efforts", "effort", "call", "calls", "stance", "idea", "ultimatum", "principle",
                     "peace", "push", "move", "moves", "statement", "remarks", "framework", "strategy",
                     "accusation", "accusations", "allegation", "allegations", "criticism", "comments", "sanctions",
                     "tariffs", "actions", "threats", "threat", "annexation", "bid", "request", "agenda", "vision",
                     "candidacy", "nomination", "leadership", "government", "regime", "rule"}
_VENUE_PREPS = {"in", "at", "to", "from", "near", "outside", "across", "inside", "within", "into"}


@dataclass
class Found:
    source: str
    type: RelationType
    target: str
    sent: Span
    rule: str
    confidence: float
    props: dict


class RelationReader:
    """Reads the relations of one resolved article."""

    def __init__(self, ra: ResolvedArticle):
        self.ra = ra
        self.doc = ra.doc
        self.found: list[Found] = []
        self._pending: list[tuple[list[str], Span, str, str | None]] = []
        self._speakers: dict[int, list[str]] = {}
        self._quote_mask = _quoted_tokens(self.doc)
        self._last_person_before: dict[int, str] = {}
        last = None
        for tok in self.doc:
            i = ra.mention_at(tok.i)
            if i is not None and ra.entity_of[i] and ra.mentions[i].kind is NodeKind.PERSON:
                last = ra.entity_of[i]
            self._last_person_before[tok.i] = last
        self._subject_person: dict[int, str] = {}  # sentence start -> the person its main clause is about
        for sent in self.doc.sents:
            for tok in sent:
                i = ra.mention_at(tok.i)
                if i is not None and ra.entity_of[i] and ra.mentions[i].kind is NodeKind.PERSON \
                        and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ not in ("relcl", "ccomp", "advcl"):
                    self._subject_person[sent.start] = ra.entity_of[i]
                    break

    # -- actors -------------------------------------------------------------------------------
    def entity_at(self, tok: Token) -> str | None:
        i = self.ra.mention_at(tok.i)
        if i is None:
            return None
        m = self.ra.mentions[i]
        if m.extra.get("venue"):
            return None
        return self.ra.entity_of[i]

    def actors(self, tok: Token, depth: int = 0, territory: bool = False) -> list[str]:
        """The actors an NP headed by `tok` stands for: itself, its conjuncts, groups' members."""
        if depth > 40:  # long lists are chains of conjuncts
            return []
        out: list[str] = []
        eid = self.entity_at(tok)
        if eid is None and tok.lower_ in _PRONOUN_PERSON:
            eid = self._pronoun(tok)
        if eid is None and tok.lower_ in {"they", "we", "he", "she"} and not self._quote_mask[tok.i]:
            reporter = _reporting_verb(tok)  # "Germany and Poland said they are ready"
            if reporter is not None:
                out += [a for c in reporter.children if c.dep_ in _SUBJ for a in self.actors(c, depth + 1)]
                if out:
                    return _unique(out)
        if eid is None and tok.lower_ in {"we", "i", "us"} and self._quote_mask[tok.i]:
            speakers = self.speakers(tok.sent)
            eid = speakers[0] if speakers else None
        if eid is None and tok.lower_ in _PAIR_NOUNS and any(c.lower_ == "two" for c in tok.children) \
                and any(c.lower_ == "the" for c in tok.children):
            out += self._last_people(tok.i, 2)  # "the two prime ministers": the two people just named
            if out:
                return _unique(out)
        if eid is not None:
            out.append(eid)
        elif tok.lower_ == "co" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == "-":
            # "Trump co-chaired": the tokenizer splits "co-" off and the parser makes it the subject
            out += [a for c in tok.children if c.dep_ in ("compound", "appos") for a in self.actors(c, depth + 1)]
        elif tok.lemma_.lower() in LEXICON.group_nouns or tok.pos_ == "NUM" or territory and (
                tok.lower_ in _TERRITORY or tok.pos_ == "NOUN"):  # "strikes on Afghan border posts"
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in LEXICON.group_preps | {"along", "together"} \
                        and not (child.lower_ == "of" and tok.lemma_.lower() in _NOT_MEMBERS):  # "allies of Ukraine"
                    for pobj in _pobjs(child):
                        out += self.actors(pobj, depth + 1, territory)
                elif child.dep_ in ("amod", "compound", "nmod", "npadvmod"):
                    ce = self.entity_at(child)
                    if ce and self._kind(ce) in (NodeKind.STATE, NodeKind.ORGANIZATION):
                        out.append(ce)
                elif child.dep_ == "poss" and tok.lemma_.lower() not in _NOT_MEMBERS:
                    ce = self.entity_at(child)
                    if ce and self._kind(ce) in (NodeKind.STATE, NodeKind.ORGANIZATION) and territory:
                        out.append(ce)
                elif child.dep_ == "appos":
                    out += self.actors(child, depth + 1, territory)
        for child in tok.children:
            if child.dep_ == "conj" or child.dep_ == "appos" and eid is not None and (
                    self.entity_at(child) and self._kind(self.entity_at(child)) is self._kind(eid)
                    or child.lemma_.lower() in LEXICON.group_nouns):  # a list misparsed as apposition
                out += self.actors(child, depth + 1, territory)
            elif child.dep_ == "prep" and child.lower_ in {"along", "together", "alongside"}:
                for sub in child.subtree:
                    if sub.dep_ == "pobj":
                        out += self.actors(sub, depth + 1, territory)
                        break
        return _unique(out)

    def _last_people(self, before: int, n: int) -> list[str]:
        """The last n people named before token `before`, leaving out the subjects of its own
        sentence ("Trump praised the two prime ministers": not Trump)."""
        sent = self.doc[before].sent
        subjects = {self.entity_at(x) for x in sent if x.dep_ in ("nsubj", "nsubjpass")}
        found: list[str] = []
        for t in reversed(self.doc[:before]):
            i = self.ra.mention_at(t.i)
            if i is None or not self.ra.entity_of[i] or self.ra.mentions[i].kind is not NodeKind.PERSON:
                continue
            person = self.ra.entity_of[i]
            if (t.i < sent.start or person not in subjects) and person not in found:
                found.append(person)
                if len(found) == n:
                    return found
        return []

    def _relative_antecedent(self, tok: Token) -> list[str]:
        """The actors a relative clause containing `tok` is about ("Putin, whose war ...")."""
        for _ in range(3):
            if tok.dep_ == "relcl":
                return self.actors(tok.head)
            tok = tok.head
        return []

    def owner_actors(self, tok: Token) -> list[str]:
        """Actors of an NP, or of its possessor when the NP is a position ("Russia's demands")."""
        found = self.actors(tok)
        if found:
            return found
        for child in tok.children:
            if child.dep_ == "poss" and child.lower_ == "whose" and tok.lemma_.lower() in _STATE_OF_PERSON:
                # "Abiy Ahmed, whose government hosted the summit": his state
                return _unique(self.ra.person_state.get(a, a) for a in self._relative_antecedent(tok))
        for child in tok.children:  # "blocked the EU's aid package", "praised Ghana's leadership"
            if child.dep_ == "poss":
                return self.actors(child) or [b for b in [self._body_meant(child)] if b]  # "the alliance's goal"
        if tok.lemma_.lower() in _POLICY_NOUNS:  # "defended the Israeli campaign", "the Russian proposal"
            found = [e for c in tok.children if c.dep_ in ("amod", "compound") for e in [self.entity_at(c)]
                     if e and self._kind(e) in (NodeKind.STATE, NodeKind.ORGANIZATION)]
            if found:
                return found
        if tok.lemma_.lower() in _POSSESSED_STANCE or tok.lower_ in _POSSESSED_STANCE \
                or tok.lemma_.lower() in LEXICON.nouns["ATTACKED"]:  # "condemned the strikes by Israel on Iran"
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
                    for pobj in _pobjs(child):
                        return self.actors(pobj)
        return self.authors_of_act(tok)

    def authors_of_act(self, noun: Token) -> list[str]:
        """Whose act a definite act noun refers back to: "Trump threatened tariffs ... Lula rejected
        the threat" -> Trump. The nearest earlier verb of that act (its subjects), or the nearest
        earlier mention of the same noun with a possessor ("Moscow's demands ... the demands")."""
        verbs = LEXICON.event_nouns.get(noun.lower_) or LEXICON.event_nouns.get(noun.lemma_.lower())
        if not verbs or not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those", "such"}
                                for c in noun.children):
            return []
        for t in reversed(self.doc[:noun.i]):
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs and not _negated(t) and not _hypothetical(t):
                found = self.subjects(t)
                if found:
                    return found
            elif t.pos_ == "NOUN" and t.lemma_.lower() == noun.lemma_.lower():
                found = [a for c in t.children if c.dep_ == "poss" for a in self.actors(c)]
                if found:
                    return found
        return []

    def _pronoun(self, tok: Token) -> str | None:
        """A he/she: at the head of a sentence, the person the previous sentence was about ("Trump
        held talks with Carney ... He later met Starmer"); elsewhere the last person named."""
        sent = tok.sent
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.i - sent.start <= 3 and sent.start > 0:
            previous = self.doc[sent.start - 1].sent
            subject = self._subject_person.get(previous.start)
            if subject is not None:
                return subject
        return self._last_person_before.get(tok.i - 1) if tok.i > 0 else None

    def _kind(self, eid: str) -> NodeKind | None:
        node = self.ra.nodes.get(eid)
        return node.kind if node else None

    def subjects(self, verb: Token) -> list[str]:
        """The logical subject: nsubj, a passive's agent, or climbed from xcomp/conj/relcl/acl."""
        seen = 0
        tok = verb
        while tok is not None and seen < 6:
            seen += 1
            for child in tok.children:
                if child.dep_ in _SUBJ:
                    if child.lower_ in {"who", "which", "that"} and tok.dep_ == "relcl":
                        found = self.actors(tok.head)  # "Trump, who joined the summit by phone"
                        if not found and tok.head.lemma_.lower() in LEXICON.group_nouns:
                            found = self._listed_among(tok.head)
                        return found
                    found = self.actors(child) or self.owner_actors(child)
                    return _unique(found + self._companions(tok))
                if child.dep_ == "agent":
                    for pobj in _pobjs(child):
                        return self.actors(pobj)
            if tok.dep_ in ("relcl", "acl") and tok.head is not tok:
                found = self.actors(tok.head)
                if found:
                    return found
            if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "acomp", "dobj", "ccomp", "acl") \
                    and tok.head is not tok:
                if tok.dep_ == "ccomp" and tok.head.lemma_ in LEXICON.speech_verbs:
                    return []
                tok = tok.head
                continue
            if tok.dep_ == "amod" and tok.head is not tok:  # "Rutte, present in Paris"
                return self.actors(tok.head)
            if tok.dep_ == "appos":
                return self.actors(tok.head)
            break
        return []

    def _listed_among(self, group: Token) -> list[str]:
        """ "A, B and C were among the leaders who ...": the subjects of the copula the group hangs on."""
        prep = group.head
        if group.dep_ == "pobj" and prep.lower_ in {"among", "including"} and prep.head.lemma_ == "be":
            return [a for c in prep.head.children if c.dep_ in _SUBJ for a in self.actors(c)]
        return []

    def _listed(self, prep: Token) -> list[str]:
        """Every actor named in a prepositional phrase, in order, whatever the parse made of the list
        (nationality adjectives in titles and possessors are not members)."""
        out: list[str] = []
        for t in prep.subtree:
            i = self.ra.mention_at(t.i)
            if i is None or t.i != self.ra.mentions[i].end - 1 or t.dep_ == "poss":
                continue
            m = self.ra.mentions[i]
            if m.extra.get("title_of") or m.extra.get("venue"):
                continue
            eid = self.ra.entity_of[i]
            if eid:
                out.append(eid)
        return _unique(out)

    def _companions(self, verb: Token) -> list[str]:
        """"X, along with Y, joined": Y shares the subject's role."""
        out: list[str] = []
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in {"along", "alongside", "together"}:
                for p in _pobjs(c):
                    out += self.actors(p)
            elif c.dep_ == "prep" and c.lower_ == "with" and any(a.lower_ == "together" for a in c.children):
                out += [a for p in _pobjs(c) for a in self.actors(p)]  # "convened the meeting together with Schoof"
        return out

    def speakers(self, sent: Span) -> list[str]:
        """Who speaks in a sentence with a quote: the subject of a speech verb outside the quote."""
        if sent.start in self._speakers:
            return self._speakers[sent.start]
        found: list[str] = []
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in LEXICON.speech_verbs and not self._quote_mask[tok.i]:
                for child in tok.children:
                    if child.dep_ in _SUBJ and not self._quote_mask[child.i]:
                        found = [a for a in self.actors(child) if self._kind(a) is NodeKind.PERSON] or self.actors(child)
                if found:
                    break
            if tok.lower_ == "according" and tok.i + 2 < len(self.doc):
                found = self.actors(self.doc[tok.i + 2])
                if found:
                    break
        if not found and sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            if any(self._quote_mask[t.i] for t in sent[:3]) and prev.start != sent.start:
                found = self.speakers(prev)
        self._speakers[sent.start] = found
        return found

    # -- relations ----------------------------------------------------------------------------
    def add(self, source: str, rtype: RelationType, target: str, sent: Span, rule: str,
            confidence: float, **props: str | None) -> None:
        if not source or not target or source == target:
            return
        self.found.append(Found(source, rtype, target, sent, rule, confidence,
                                {k: v for k, v in props.items() if v}))

    def read(self) -> list[Found]:
        for sent in self.doc.sents:
            if sent.text.rstrip().endswith("?") and not any(q in sent.text for q in "“\"'"):
                continue  # a question asserts nothing (a quoted one still has its reporting clause)
            for tok in sent:
                lemma = tok.lemma_.lower()
                if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and lemma in {"present", "ready", "open", "willing", "prepared"}):
                    self._verb(tok, lemma, sent)
                elif tok.pos_ in ("NOUN", "PROPN"):
                    self._noun(tok, lemma, sent)
        self._pledges_to_beneficiary()
        self._memberships()
        self._leads()
        self._leads_by_affiliation()
        self._attendance_of_states()
        return self.found

    def _verb(self, verb: Token, lemma: str, sent: Span) -> None:
        if verb.pos_ == "ADJ" or lemma in {"be", "seem", "feel", "remain", "look", "sound"} or verb.lower_ in _FEELINGS:
            self._sentiment(verb, sent)
        if lemma in LEXICON.speech_verbs or lemma in {"address", "brief"}:
            self._addressed_meeting(verb, lemma, sent)
        if lemma in LEXICON.speech_verbs:
            self._speech_stance(verb, sent)
        if lemma in _APPRAISAL_VERBS and not _negated(verb):
            self._appraisal(verb, sent)
        if _negated(verb):
            return
        self._at_summit(verb, lemma, sent)
        if lemma in {"group", "comprise", "include", "unite", "gather", "bring"} and not _planned_context(verb):
            self._grouping(verb, sent)
        if lemma == "make" and any(c.dep_ in _OBJ and c.lemma_.lower() in {"trip", "journey"} for c in verb.children) \
                and not _negated(verb) and not _hypothetical(verb) and not _planned_context(verb):
            self._made_the_trip(verb, sent)
        if lemma == "be":
            self._present_at(verb, sent)
        if lemma in {"arrive", "travel", "fly", "land", "come"} and not _planned_context(verb) and not _hypothetical(verb):
            self._arrived_in_summit_city(verb, sent)
        if verb.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children) \
                and self.ra.summit_of_token.get(verb.head.i):  # "a summit where Trump watched ..."
            for a in self.subjects(verb):
                if self._kind(a) in (NodeKind.PERSON, NodeKind.STATE, NodeKind.ORGANIZATION):
                    self.add(a, RelationType.ATTENDED, self.ra.summit_of_token[verb.head.i], sent, "summit-where", 0.7)
        if lemma == "come" and any(c.lower_ == "together" for c in verb.children):
            self._attended(verb, "gather", sent)
            return
        hypothetical = _hypothetical(verb)
        types = LEXICON.verb_types(lemma)
        if ("ATTENDED" in types or "HOSTED" in types) and self._passive_event(verb, lemma, sent):
            return
        if lemma in {"ready", "open", "willing", "prepared"} and verb.pos_ == "ADJ":
            self._readiness(verb, sent)
            return
        if lemma == "present" and verb.pos_ == "ADJ":
            self._present(verb, sent)
            return
        if not types and (lemma, _particle(verb)) not in _HOSTILE_PHRASALS:
            return
        if "ATTENDED" in types:
            self._attended(verb, lemma, sent)
        if "HOSTED" in types:
            self._hosted(verb, sent)
        if "MET_WITH" in types:
            self._met(verb, lemma, sent)
        if hypothetical:
            return
        if "PLEDGED" in types or lemma in {"announce", "unveil", "approve"}:
            self._pledged(verb, lemma, sent)
        if "SUPPORTED" in types:
            self._stance(verb, RelationType.SUPPORTED, sent)
        if "OPPOSED" in types or (lemma, _particle(verb)) in _HOSTILE_PHRASALS:
            self._stance(verb, RelationType.OPPOSED, sent)
        if "ATTACKED" in types:
            self._attacked_verb(verb, sent)

    # ATTENDED ---------------------------------------------------------------------------------
    def _addressed_meeting(self, verb: Token, lemma: str, sent: Span) -> None:
        """ "Sisi told the summit", "Guterres told delegates", "addressed the leaders": the speaker was there."""
        if _negated(verb) or _planned_context(verb) or _hypothetical(verb):
            return
        for c in verb.children:
            if c.dep_ not in _OBJ | {"dative"} and not (c.dep_ == "prep" and c.lower_ == "to" and lemma in {"say", "speak"}):
                continue
            for t in ([c] if c.dep_ != "prep" else _pobjs(c)):
                summit = self.ra.summit_of_token.get(t.i)
                if summit is None and t.lemma_.lower() in _AUDIENCES and not self.actors(t):
                    summit = self._recent_summit(sent)
                if summit:
                    for a in self.subjects(verb):
                        if self._kind(a) in (NodeKind.PERSON, NodeKind.STATE, NodeKind.ORGANIZATION):
                            self.add(a, RelationType.ATTENDED, summit, sent, f"addressed-meeting:{lemma}", 0.7)
                    return

    def _present_at(self, verb: Token, sent: Span) -> None:
        """ "Also at the table were Orsi, Pena and Arce", "Guterres was at the summit"."""
        if _negated(verb) or _planned_context(verb):
            return
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "at":
                for p in _pobjs(c):
                    summit = self.ra.summit_of_token.get(p.i) or (self._recent_summit(sent) if p.lower_ == "table" else None)
                    if summit:
                        present = [a for s_ in verb.children if s_.dep_ in _SUBJ | {"attr"} for a in self.actors(s_)]
                        if c.i < verb.i:  # "Also at the table were A, attending ..., B and C": read the list off the text
                            present = _unique(present + self._named_from(verb.i + 1, sent.end, {"whose", "who", "which", ";"},
                                                                         through_verbs=True))
                        for a in present:
                            if self._kind(a) in (NodeKind.PERSON, NodeKind.STATE, NodeKind.ORGANIZATION):
                                self.add(a, RelationType.ATTENDED, summit, sent, "present-at-table", 0.7)

    def _arrived_in_summit_city(self, verb: Token, sent: Span) -> None:
        """ "Zelensky arrived in Kananaskis on Tuesday": arriving where a summit of the article is held."""
        places = [self.doc[p.left_edge.i:p.i + 1].text for c in verb.children
                  if c.dep_ == "prep" and c.lower_ in {"in", "to", "at"} for p in _pobjs(c)]
        if not places:
            return
        for sid in {self.ra.summit_of_token[i] for i in self.ra.summit_of_token}:
            city = self.ra.nodes[sid].properties.get("city") if sid in self.ra.nodes else None
            if city and any(_same_place(str(city), p) for p in places):
                for a in self.subjects(verb):
                    if self._kind(a) in (NodeKind.PERSON, NodeKind.STATE, NodeKind.ORGANIZATION):
                        self.add(a, RelationType.ATTENDED, sid, sent, f"arrived-in-summit-city:{verb.lemma_.lower()}", 0.65)
                return

    def _made_the_trip(self, verb: Token, sent: Span) -> None:
        """ "Only a handful of leaders made the trip, among them A, B and C": they came to the meeting."""
        summit = self._recent_summit(sent)
        if summit is None:
            return
        travellers = self.subjects(verb)
        for c in verb.children:
            if c.dep_ in _OBJ and c.lemma_.lower() in {"trip", "journey"}:
                travellers += self._listed_after(c.i, sent)
        for a in _unique(travellers):
            if self._kind(a) in (NodeKind.PERSON, NodeKind.STATE, NodeKind.ORGANIZATION):
                self.add(a, RelationType.ATTENDED, summit, sent, "made-the-trip", 0.7)

    def _passive_event(self, verb: Token, lemma: str, sent: Span) -> bool:
        """A meeting, or someone at one, in the passive: "the summit was hosted by Carney", "the
        two-day meeting, which was attended by 40 heads of state, among them Ruto, ...", "a summit
        attended by 20 leaders", "Xi ... was joined by Putin and Modi". True when handled."""
        agents = [a for c in verb.children if c.dep_ == "agent" for p in _pobjs(c)
                  for a in self.actors(p) + self._listed_after(p.right_edge.i, sent)]
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if patient is not None:  # the parser hangs "among them A, B and C" on the relative pronoun
            agents += [a for c in patient.children if c.dep_ == "appos" for a in self.actors(c)]
        agents = [a for a in _unique(agents) if self._kind(a) in (NodeKind.PERSON, NodeKind.STATE, NodeKind.ORGANIZATION)]
        if not agents:
            return False
        summit = None
        if patient is not None:
            summit = self.ra.summit_of_token.get(patient.i)
            if summit is None and patient.lower_ in {"which", "that"} and verb.dep_ == "relcl":
                summit = self.ra.summit_of_token.get(verb.head.i)
        elif verb.dep_ == "acl" and verb.tag_ == "VBN":
            summit = self._summit_up(verb.head)
        hosting = "HOSTED" in LEXICON.verb_types(lemma) and lemma not in {"welcome"}
        if summit is not None:
            for a in agents:
                if hosting:
                    self.add(a, RelationType.HOSTED, summit, sent, f"passive-host:{lemma}", 0.8)
                if self._kind(a) is NodeKind.PERSON or not hosting:
                    self.add(a, RelationType.ATTENDED, summit, sent, f"passive-{'host' if hosting else 'attend'}:{lemma}",
                             0.7 if hosting else 0.85, mode="remote" if self._remote(verb) else None)
            return True
        if lemma == "join" and patient is not None and not _planned_context(verb):
            # "Xi, who hosted the gathering, was joined by Putin": they attended what he attended
            host = self.actors(patient)
            summit = self._recent_summit(sent)
            if host and summit:
                for a in agents + host:
                    self.add(a, RelationType.ATTENDED, summit, sent, "passive-join", 0.75)
                return True
        return False

    def _named_after(self, tok: Token) -> list[str]:
        """ "his Brazilian counterpart, Luiz Inácio Lula da Silva," when the parser does not make the name
        an apposition: the person named right after the noun."""
        j = tok.i + 1
        while j < len(self.doc) and self.doc[j].text == ",":
            j += 1
        e = self.entity_at(self.doc[j]) if j < len(self.doc) else None
        return [e] if e and self._kind(e) is NodeKind.PERSON else []

    def _summit_up(self, tok: Token) -> str | None:
        """The meeting a participle hangs on, even when the parser attached it to the noun after it
        ("a call of the coalition, co-chaired by ...": on "coalition", not "call")."""
        for _ in range(3):
            sid = self.ra.summit_of_token.get(tok.i)
            if sid or tok.dep_ not in ("pobj", "prep"):
                return sid
            tok = tok.head
        return self.ra.summit_of_token.get(tok.i)

    def _listed_after(self, end: int, sent: Span) -> list[str]:
        """The actors named in ", among them A, B and C" / ", including A and B" right after token
        `end`, read off the text because the parser attaches such lists anywhere."""
        j = end + 1
        while j < sent.end and self.doc[j].text == ",":
            j += 1
        if j >= sent.end:
            return []
        word, following = self.doc[j].lower_, self.doc[j + 1].lower_ if j + 1 < sent.end else ""
        if word == "among" and following in {"them", "whom", "those"}:
            j += 2
        elif word in {"including", "notably"}:
            j += 1
        else:
            return []
        return [e for e in self._named_from(j, sent.end, {";", ".", "—", "(", "who"})
                if self._kind(e) in (NodeKind.PERSON, NodeKind.STATE, NodeKind.ORGANIZATION)]

    def _named_from(self, start: int, end: int, stops: set[str], through_verbs: bool = False) -> list[str]:
        """The entities named from token `start` on, in order, until a stop word (or a verb, unless
        `through_verbs`): a list the parser may have attached anywhere, read off the text."""
        out: list[str] = []
        for t in self.doc[start:end]:
            if t.lower_ in stops or t.text in stops or not through_verbs and t.pos_ in ("VERB", "AUX"):
                break
            eid = self.entity_at(t)
            if eid:
                out.append(eid)
        return _unique(out)

    def _summit_in(self, tok: Token, through_people: bool = True) -> str | None:
        for t in tok.subtree:
            sid = self.ra.summit_of_token.get(t.i)
            if sid:
                return sid
        return None

    def _attended(self, verb: Token, lemma: str, sent: Span) -> None:
        if lemma == "meet" and not any(c.dep_ == "prep" and c.lower_ in {"at", "in", "for", "on"} for c in verb.children):
            return
        if lemma == "take":
            if not any(c.dep_ in _OBJ and c.lower_ == "part" for c in verb.children):
                return  # only "take part"
            lemma = "participate"
        delegation = None
        if lemma in {"lead", "head"}:  # "Li Qiang led Beijing's delegation (to the summit)"
            delegation = next((c for c in verb.children if c.dep_ in _OBJ
                                and c.lemma_.lower() in LEXICON.delegation_nouns), None)
            if delegation is None:
                return
        sources = self.subjects(verb)
        if delegation is not None:  # whose delegation it is attends too: "Beijing's", "the Chinese"
            sources = _unique(sources + [a for c in delegation.children if c.dep_ in {"poss", "amod", "compound"}
                                         for a in self.actors(c) if self._kind(a) in (NodeKind.STATE, NodeKind.ORGANIZATION)])
        if lemma == "represent":  # "Canada was represented by Prime Minister Mark Carney"
            sources = _unique(sources + [a for c in verb.children if c.dep_ == "nsubjpass" for a in self.actors(c)])
        if lemma in {"send", "dispatch"}:  # "Italy sent its foreign minister to the meeting"
            sources = _unique(sources + [a for c in verb.children if c.dep_ in _OBJ for a in self.actors(c)
                                         if self._kind(a) is NodeKind.PERSON])
        summit = None
        co_attendees: list[str] = []
        for child in verb.children:
            if child.dep_ in _OBJ and child.lower_ in {"which", "that"} and verb.dep_ == "relcl":
                up = verb.head  # "a summit ... on March 2, which Kagame attended": the clause may hang on the date
                for _ in range(3):
                    summit = summit or self.ra.summit_of_token.get(up.i)
                    up = up.head
            if child.dep_ in _OBJ | {"prep", "prt", "advmod", "npadvmod"}:
                summit = summit or self._summit_in(child)
            if lemma == "join" and child.dep_ in _OBJ:
                co_attendees += [a for a in self.actors(child) if a not in sources]
                if child.lemma_.lower() in LEXICON.group_nouns:  # "join leaders from X": PP attached to the verb
                    co_attendees += [a for c in verb.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}
                                     for p in _pobjs(c) for a in self.actors(p)]
        subj = _subject_token(verb)
        subject_summit = self.ra.summit_of_token.get(subj.i) if subj is not None else None
        if subject_summit and lemma in {"gather", "bring", "include", "involve", "feature", "assemble", "draw", "unite"}:
            for child in verb.children:
                if child.dep_ in _OBJ or child.dep_ == "prep" and child.lower_ in {"with", "from", "including"}:
                    for p in ([child] if child.dep_ in _OBJ else _pobjs(child)):
                        for a in self.actors(p):
                            self.add(a, RelationType.ATTENDED, subject_summit, sent, "summit-brought-together", 0.7)
            return
        implicit = False
        if summit is None:
            if lemma in {"join", "attend"} and any(c.dep_ in _OBJ and self.actors(c) and
                                                  self._kind(self.actors(c)[0]) is NodeKind.ORGANIZATION for c in verb.children):
                if not _planned_context(verb) and not _hypothetical(verb):  # "Sweden joined NATO": membership
                    for c in verb.children:
                        if c.dep_ in _OBJ:
                            for org in self.actors(c):
                                for a in sources:
                                    if self._kind(a) is NodeKind.STATE and self._kind(org) is NodeKind.ORGANIZATION:
                                        self.add(a, RelationType.MEMBER_OF, org, sent, "joined-body", 0.8)
                return
            elsewhere = any(self._other_event(t) for c in verb.children if not (c.lower_ == "part" and c.dep_ in _OBJ)
                            for t in ([c] if c.dep_ in _OBJ else _pobjs(c) if c.dep_ == "prep" and c.lower_ in {"in", "at", "on"} else []))
            if lemma in {"attend", "participate", "dial", "join", "gather", "convene", "assemble", "address", "represent",
                         "lead", "head"} and self.ra.main_summit and not elsewhere:
                summit, implicit = self._recent_summit(sent), True
            else:
                return
        for c in verb.children:  # "... joined the outreach sessions, as did NATO's Mark Rutte"
            if c.dep_ == "advcl" and c.lemma_ == "do" and any(m.lower_ == "as" for m in c.children):
                sources = _unique(sources + [a for s_ in c.children if s_.dep_ in _SUBJ for a in self.actors(s_)])
        mode = "remote" if self._remote(verb) else "in person" if self._in_person(verb) else None
        conf = 0.6 if implicit else 0.85
        rule = f"attend-verb:{lemma}" + (":main-summit" if implicit else "")
        for a in _unique(sources + co_attendees):
            if self._kind(a) in (NodeKind.PERSON, NodeKind.STATE, NodeKind.ORGANIZATION):
                self.add(a, RelationType.ATTENDED, summit, sent, rule, conf, mode=mode)

    def _at_summit(self, verb: Token, lemma: str, sent: Span) -> None:
        """Whoever does something at a summit ("spoke at the summit", "was greeted at the talks") took part."""
        if lemma in LEXICON.verbs["ATTENDED"] or lemma in {"host", "miss", "skip", "boycott", "plan", "want",
                                                          "propose", "hope"}:
            return
        if lemma in LEXICON.verbs["ATTACKED"] and any(c.dep_ in _OBJ and self.actors(c) for c in verb.children):
            return  # an attack, not something done at the summit ("struck a warmer tone" is)
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in {"at", "during"} or \
                    child.dep_ == "prep" and child.lower_ == "on" and any(p.lower_ == "sidelines" for p in _pobjs(child)):
                for p in _pobjs(child):
                    summit = self._summit_in(p)
                    if summit and not _planned_context(verb):
                        for a in self.subjects(verb):
                            self.add(a, RelationType.ATTENDED, summit, sent, f"acted-at-summit:{lemma}", 0.6)
                        if lemma in {"hand", "pass", "transfer", "give", "present", "award", "cede"}:
                            # "handed the rotating presidency to his Brazilian counterpart, Lula, at a summit"
                            for c in verb.children:
                                if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                                    for a in [a for q in _pobjs(c) for a in
                                              [x for x in self.actors(q) if self._kind(x) is NodeKind.PERSON]
                                              or self._named_after(q)]:
                                        if self._kind(a) is NodeKind.PERSON:
                                            self.add(a, RelationType.ATTENDED, summit, sent, f"received-at-summit:{lemma}", 0.6)
                        return

    def _sentiment(self, tok: Token, sent: Span) -> None:
        """"not thrilled with Putin", "disappointed in Kyiv", "happy with Trump"."""
        adjectives = [tok] if tok.pos_ == "ADJ" or tok.lower_ in _FEELINGS else [c for c in tok.children if c.dep_ == "acomp"]
        for adj in adjectives:
            word = adj.lower_
            negated = _negated(adj) or _negated(adj.head) if adj.head is not adj else _negated(adj)
            if word in _POSITIVE_FEELINGS:
                rtype = RelationType.OPPOSED if negated else RelationType.SUPPORTED
            elif word in _NEGATIVE_FEELINGS and not negated:
                rtype = RelationType.OPPOSED
            else:
                continue
            targets = [a for c in adj.children if c.dep_ == "prep" and c.lower_ in {"with", "about", "at", "in", "by", "of"}
                       for p in _pobjs(c) for a in self.owner_actors(p)]
            sources = self.subjects(adj) or [a for c in adj.children if c.dep_ == "nsubjpass" for a in self.actors(c)]
            for a in sources:
                for t in targets:
                    self.add(a, rtype, t, sent, f"feeling:{'not-' if negated else ''}{word}", 0.7)

    def _speech_stance(self, verb: Token, sent: Span) -> None:
        """"warned that Russia would remain a threat", "said Putin cannot be trusted"."""
        for comp in verb.children:
            if comp.dep_ != "ccomp":
                continue
            if comp.lemma_.lower() in {"respect", "uphold", "protect", "guarantee", "defend", "preserve", "honour",
                                       "honor", "restore"} and not _negated(comp):
                # "said that Congo's sovereignty and territorial integrity must be respected by all"
                owners = [a for c in comp.children if c.dep_ in _SUBJ | {"nsubjpass"}
                          and c.lemma_.lower() in _SOVEREIGN_GOODS for a in self.owner_actors(c)]
                for a in self.subjects(verb):
                    for t in _unique(owners):
                        if a != t:
                            self.add(a, RelationType.SUPPORTED, t, sent, "speech-sovereignty", 0.65)
            subjects = [a for c in comp.children if c.dep_ in _SUBJ | {"nsubjpass"} for a in self.actors(c)]
            if not subjects:
                continue
            hostile = any(c.dep_ in ("attr", "acomp", "dobj") and c.lemma_.lower() in _HOSTILE_PREDICATES
                          for c in comp.children) or (comp.lemma_.lower() == "trust" and _negated(comp))
            if comp.lemma_.lower() == "want" and _negated(comp) and any(c.lemma_ == "peace" for c in comp.children):
                hostile = True
            if hostile:
                for a in self.subjects(verb):
                    for t in subjects:
                        self.add(a, RelationType.OPPOSED, t, sent, f"speech-hostile:{verb.lemma_.lower()}", 0.7)

    def _appraisal(self, verb: Token, sent: Span) -> None:
        """"called Uganda's decision a mistake", "described France as a reliable partner",
        "deemed Iran's proposal unacceptable": the judgement's polarity gives the stance."""
        judged: list[Token] = []
        verdicts: list[Token] = []
        for c in verb.children:
            if c.dep_ == "dobj":
                judged.append(c)
            elif c.dep_ in ("oprd", "acomp", "attr") and self.actors(c) and not any(x.dep_ == "dobj" for x in verb.children):
                judged.append(c)  # "called Lula "corrupt"", parsed with Lula as the predicate and the verdict on it
                verdicts += [x for x in c.children if x.dep_ in ("amod", "appos", "conj", "acl")]
            elif c.dep_ in ("oprd", "acomp", "attr"):
                verdicts.append(c)
            elif c.dep_ == "prep" and c.lower_ == "as":
                verdicts += _pobjs(c)
            elif c.dep_ in ("ccomp", "xcomp"):  # "considers Pakistan's claims absurd" (a small clause)
                judged += [g for g in c.children if g.dep_ in _SUBJ]
                verdicts.append(c)
        if not verdicts:  # "called Milei "corrupt"": the verdict parsed as a modifier of the name
            verdicts = [x for j in judged if self.actors(j) for x in j.children
                        if x.dep_ in ("amod", "appos") and any(self._quote_mask[t.i] for t in x.subtree)]
        polarity = 0
        for v in verdicts:
            words = {t.lemma_.lower() for t in v.subtree} | {t.lower_ for t in v.subtree}
            if words & _NEGATIVE_VERDICTS:
                polarity = -1
            elif words & _POSITIVE_VERDICTS and polarity == 0:
                polarity = 1
        if not polarity:
            return
        rtype = RelationType.OPPOSED if polarity < 0 else RelationType.SUPPORTED
        targets = [a for j in judged for a in self.owner_actors(j)]
        for a in self.subjects(verb):
            for t in _unique(targets):
                if a != t:
                    self.add(a, rtype, t, sent, f"appraisal:{verb.lemma_.lower()}", 0.65)

    def _readiness_noun(self, noun: Token, sent: Span) -> None:
        """"the coalition's readiness to regenerate Ukraine's army", "Japan's pledge of $5bn to Kenya"."""
        sources = [a for c in noun.children if c.dep_ == "poss" for a in self.actors(c)]
        if not sources:
            return
        for c in noun.children:
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
                targets = [a for o in c.children if o.dep_ in _OBJ for a in self.owner_actors(o) + self._possessors(o)]
                targets = [t for t in targets if self._kind(t) in (NodeKind.STATE, NodeKind.ORGANIZATION)]
                for a in sources:
                    for t in targets:
                        self.add(a, RelationType.PLEDGED, t, sent, f"readiness-noun:{noun.lemma_.lower()}", 0.6,
                                 what=_phrase(c))

    def _possessors(self, tok: Token) -> list[str]:
        return [a for c in tok.children if c.dep_ == "poss" for a in self.actors(c)]

    def _other_event(self, tok: Token) -> bool:
        """An object naming something other than a meeting or its participants ("participate in a mission")."""
        if self.actors(tok) or self._summit_in(tok) or tok.pos_ == "PRON" or tok.lower_ in LEXICON.manner_nouns \
                or tok.lemma_.lower() in _AUDIENCES:  # "joined his ASEAN counterparts by video link"
            return False
        return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in LEXICON.group_nouns

    def _present(self, adj: Token, sent: Span) -> None:
        summit = self._summit_in(adj) or self.ra.main_summit
        if not summit or not any(c.dep_ == "prep" and c.lower_ in {"in", "at"} for c in adj.children):
            return
        for a in self.subjects(adj):
            self.add(a, RelationType.ATTENDED, summit, sent, "present-at", 0.7, mode="in person")

    def _recent_summit(self, sent: Span) -> str | None:
        """The meeting an unspecific "also attended" means: the last one named in this sentence or
        the one before ("... joined a separate summit on Tuesday. Kuwait's crown prince also
        attended."), else the article's main meeting."""
        previous = self.doc[sent.start - 1].sent if sent.start > 0 else sent
        for i in range(sent.end - 1, previous.start - 1, -1):
            sid = self.ra.summit_of_token.get(i)
            if sid:
                return sid
        return self.ra.main_summit

    def _in_person(self, verb: Token) -> bool:
        return any(c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "person" for p in _pobjs(c))
                   for c in verb.children)

    def _remote(self, verb: Token) -> bool:
        window = self.doc[verb.i: min(len(self.doc), verb.right_edge.i + 1)].text.lower()
        window = f"{self.doc[verb.i - 1].text.lower() if verb.i else ''} {window}"
        return any(marker in window for marker in LEXICON.remote_markers) or verb.lemma_ == "dial"

    def _attendance_of_states(self) -> None:
        """A person attending makes their state an attendee too (the guideline's optional edge)."""
        for f in list(self.found):
            if f.type is RelationType.ATTENDED and self._kind(f.source) is NodeKind.PERSON:
                state = self.ra.person_state.get(f.source)
                if state and state in self.ra.nodes:
                    self.add(state, RelationType.ATTENDED, f.target, f.sent, "attendee-state", 0.5)
                for i in self.ra.mentions_of.get(f.source, []):  # "NATO Secretary-General Mark Rutte, present"
                    m = self.ra.mentions[i]
                    if f.sent.start <= m.start < f.sent.end and m.affiliation in self.ra.nodes \
                            and self._kind(m.affiliation) is NodeKind.ORGANIZATION and not m.former:
                        self.add(m.affiliation, RelationType.ATTENDED, f.target, f.sent, "attendee-body", 0.6)

    # HOSTED -----------------------------------------------------------------------------------
    def _hosted(self, verb: Token, sent: Span) -> None:
        summit = None
        guests = [c for c in verb.children if c.dep_ in _OBJ]
        guest_summit = None  # the meeting the hosted guests came to, when the verb names them
        for child in guests:
            summit = self._summit_in(child) if self.ra.summit_of_token.get(child.i) else None
        if summit is None and verb.lemma_.lower() == "host":  # "hosted the Russian leader for three hours of talks"
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ == "for" and not _planned_context(verb):
                    summit = summit or self._summit_in(child)
            guest_summit = summit
        acl = verb
        while acl.dep_ == "conj" and acl.head is not acl:  # "hosted by Egypt and co-chaired by Trump"
            acl = acl.head
        acl_summit = self._summit_up(acl.head) if acl.dep_ == "acl" else None
        if acl_summit:  # "a video call of the coalition, co-chaired by Starmer, Macron and Merz"
            summit = acl_summit
            sources = [a for c in verb.children if c.dep_ == "agent" for p in _pobjs(c) for a in self.actors(p)]
        else:
            sources = _unique(self.subjects(verb) + self._companions(verb))
        if summit is None and self.ra.main_summit and verb.lemma_.lower() in {"host", "convene", "chair", "welcome"}:
            # "Xi hosted leaders of the SCO in Tianjin": hosting the article's summit, named by its city
            city = self.ra.nodes[self.ra.main_summit].properties.get("city")
            places = [self.doc[t.left_edge.i:t.i + 1].text for t in verb.subtree
                      if t.dep_ == "pobj" and t.head.lower_ in {"in", "at", "to"}]
            if city and any(_same_place(str(city), p) for p in places):
                summit = self.ra.main_summit
            elif any(g.lemma_.lower() in _AUDIENCES and not self.actors(g) for g in guests) \
                    and not _planned_context(verb) and not _hypothetical(verb):
                summit = self._recent_summit(sent)  # "Milei, who hosted the leaders at the San Martin Palace"
            guest_summit = summit
        for a in [a for g in guests for a in self.actors(g)] if guest_summit else []:
            self.add(a, RelationType.ATTENDED, guest_summit, sent, "hosted-guest", 0.7)
        if summit:
            for a in sources:
                self.add(a, RelationType.HOSTED, summit, sent, f"host-verb:{verb.lemma_}", 0.8)
                if self._kind(a) is NodeKind.PERSON:
                    self.add(a, RelationType.ATTENDED, summit, sent, "host-attends", 0.7)

    # MET_WITH ---------------------------------------------------------------------------------
    def _met(self, verb: Token, lemma: str, sent: Span) -> None:
        if lemma == "call" and (any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp") for c in verb.children)
                                or sum(c.dep_ in _OBJ for c in verb.children) > 1
                                or any(self._quote_mask[t.i] for t in verb.subtree if t.i > verb.i)):
            return  # "called Lula 'corrupt'", "called Iran the principal source of terror": a verdict, not a call
        if _planned_context(verb) or _hypothetical(verb):
            return
        sources = self.subjects(verb)
        others: list[str] = []
        for child in verb.children:
            if child.dep_ in _OBJ and not self.ra.summit_of_token.get(child.i):
                if lemma in {"hold"}:
                    continue
                others += self.actors(child)
            elif child.dep_ == "npadvmod" and child.i > verb.i and self.entity_at(child):
                others += self.actors(child)  # a named object the parser took for an adverbial
            if child.dep_ == "prep" and child.lower_ in {"with", "to"} and lemma != "host":
                for p in _pobjs(child):
                    others += self.actors(p)
        if lemma in {"talk", "speak", "call", "phone", "confer", "negotiate"} and not any(
                c.dep_ == "prep" and c.lower_ in {"with", "to"} for c in verb.children) and lemma != "call":
            return
        if lemma == "call" and not others:
            return
        if lemma == "visit":
            others = [o for o in others if self._kind(o) is not NodeKind.STATE]
        if lemma == "meet" and not others and len(sources) >= 2:
            for i, a in enumerate(sources):
                for b in sources[i + 1:]:
                    self._met_pair(a, b, sent, "meet-verb:plural-subject")
            return
        for a in sources:
            for b in others:
                self._met_pair(a, b, sent, f"meet-verb:{lemma}")

    def _met_pair(self, a: str, b: str, sent: Span, rule: str, confidence: float = 0.8) -> None:
        if self._kind(a) in (NodeKind.PERSON, NodeKind.STATE) and self._kind(b) in (NodeKind.PERSON, NodeKind.STATE):
            self.add(a, RelationType.MET_WITH, b, sent, rule, confidence)

    # PLEDGED ----------------------------------------------------------------------------------
    def _pledged(self, verb: Token, lemma: str, sent: Span, sources: list[str] | None = None,
                 rule: str | None = None) -> None:
        objs = [c for c in verb.children if c.dep_ in _OBJ]
        xcomps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
        purposes = [c for c in verb.children if c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)]
        concrete = any(_concrete(o) for o in objs)
        if lemma in {"announce", "unveil", "approve", "sign", "give", "offer", "provide", "send", "supply",
                     "deliver", "grant", "fund", "finance", "transfer", "deploy", "allocate"} and not concrete:
            if not (lemma in {"offer", "provide"} and objs):
                return
        if lemma in {"commit", "pledge", "promise"} and not objs and xcomps:
            for x in xcomps:
                self._pledged(x, x.lemma_.lower(), sent, sources or self.subjects(verb), rule or f"pledge-verb:{lemma}")
            if any(x.lemma_.lower() in LEXICON.verbs["PLEDGED"] for x in xcomps):
                return
        sources = sources if sources is not None else self.subjects(verb)
        if lemma in {"commit", "sign"} and not objs:  # "committed to the target": the body whose target it is
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in {"to", "up"}:
                    for q in _pobjs(c):
                        if q.lemma_.lower() in _BODY_GOALS and not self.owner_actors(q):
                            body = self._body_meant_before(q.i)
                            if body and sources and not _negated(verb):
                                for a in sources:
                                    self.add(a, RelationType.PLEDGED, body, sent, f"committed-to-goal:{lemma}", 0.6,
                                             what=_phrase(q))
                                return
        targets: list[str] = []
        for child in verb.children:
            if child.dep_ == "dative":
                targets += self.actors(child) if child.pos_ != "ADP" else [a for p in _pobjs(child) for a in self.actors(p)]
            if child.dep_ == "prep" and child.lower_ in {"to", "for", "with"}:
                for p in _pobjs(child):
                    targets += self.actors(p)
        for o in objs:
            for sub in o.subtree:
                if sub.dep_ == "prep" and sub.lower_ == "with":
                    targets += [a for p in _pobjs(sub) for a in self.actors(p)]
            targets += self._recipients(o)
        for child in verb.children:  # "announced $2 billion in new military aid for Kyiv"
            if child.dep_ == "prep" and child.lower_ == "in":
                targets += self._recipients(child)
        for x in xcomps + (purposes if objs and concrete else []):
            # "pledged forces to reassure Ukraine", "$20 million to help rebuild the Palestinian enclave"
            if x in purposes:
                targets += self._recipients(x)
            for c in x.subtree:
                if c.dep_ in _OBJ and c.head.pos_ in ("VERB", "AUX"):
                    targets += [a for a in self.actors(c, territory=True) if self._kind(a) is NodeKind.STATE]
        what = _phrase(objs[0]) if objs else None
        fallback = False
        named_recipient = any(sub.dep_ in ("prep", "dative") and sub.lower_ in {"to", "for"}
                              for o in [verb, *objs] for sub in o.children)
        if not targets and sources and not named_recipient:  # "for African countries": a recipient, not a state
            self._pending.append((sources, sent, (rule or f"pledge-verb:{lemma}") + ":beneficiary", what))
            return
        for a in sources:
            for t in targets:
                if self._kind(t) in (NodeKind.STATE, NodeKind.ORGANIZATION) and t not in sources:
                    self.add(a, RelationType.PLEDGED, t, sent, (rule or f"pledge-verb:{lemma}") + (":beneficiary" if fallback else ""),
                             0.45 if fallback else 0.8, what=what)

    def _recipients(self, root: Token) -> list[str]:
        """Who a pledge is for, inside a phrase: "aid for Kyiv", "$20 million for reconstruction in Lebanon"."""
        out: list[str] = []
        for sub in root.subtree:
            if sub.dep_ == "prep" and sub.lower_ in {"to", "for"}:
                for p in _pobjs(sub):
                    found = self.actors(p, territory=True)
                    if not found:
                        found = [a for q in p.children if q.dep_ == "prep" and q.lower_ in {"in", "of"}
                                 for pp in _pobjs(q) for a in self.actors(pp, territory=True)]
                    if not found and p.lemma_.lower() in LEXICON.group_nouns:  # "to SCO member states"
                        found = [e for t in p.subtree if t.i < p.i for e in [self.entity_at(t)]
                                 if e and self._kind(e) is NodeKind.ORGANIZATION]
                    out += found
        return out

    def _pledges_to_beneficiary(self) -> None:
        """Pledges that name no recipient go to the state the article is about, once the whole
        article is read (so that its attackers can be ruled out)."""
        for sources, sent, rule, what in self._pending:
            for t in self._beneficiary(sources):
                for a in sources:
                    self.add(a, RelationType.PLEDGED, t, sent, rule, 0.45, what=what)

    def _beneficiary(self, sources: list[str]) -> list[str]:
        """The most mentioned state, if it clearly dominates; never one the article shows attacking."""
        attackers = {self.ra.person_state.get(f.source, f.source) for f in self.found if f.type is RelationType.ATTACKED}
        counts = Counter({eid: len(ix) for eid, ix in self.ra.mentions_of.items()
                          if self._kind(eid) is NodeKind.STATE and eid not in sources and eid not in attackers})
        source_states = {self.ra.person_state.get(s, s) for s in sources}
        ranked = [(eid, n) for eid, n in counts.most_common() if eid not in source_states]
        if not ranked or ranked[0][1] < 3 or len(ranked) > 1 and ranked[0][1] < 1.25 * ranked[1][1]:
            return []  # no state dominates the article: better no edge than a guessed one
        return [ranked[0][0]]

    def _readiness(self, adj: Token, sent: Span) -> None:
        """"ready to offer guarantees", "open to sending peacekeepers", "open to participating"."""
        sources = self.subjects(adj)
        if not sources and adj.dep_ in ("amod", "acomp", "advcl") and adj.head.pos_ in ("NOUN", "PROPN"):
            sources = self.actors(adj.head)
        for child in adj.children:
            if child.dep_ in ("xcomp", "advcl") or child.dep_ == "prep" and child.lower_ == "to":
                for verb in [child] + [c for c in child.children if c.dep_ in ("pcomp", "pobj")]:
                    if verb.pos_ in ("VERB", "NOUN") and verb.lemma_.lower() in LEXICON.verbs["PLEDGED"] | {"participate", "contribute", "join"}:
                        lemma = verb.lemma_.lower()
                        if lemma in {"participate", "join", "contribute"}:
                            self._pending.append((sources, sent, f"readiness:{lemma}:beneficiary", _phrase(verb)))
                        else:
                            self._pledged(verb, lemma, sent, sources, f"readiness:{adj.lower_}-to-{lemma}")

    # SUPPORTED / OPPOSED ----------------------------------------------------------------------
    def _stance(self, verb: Token, rtype: RelationType, sent: Span) -> None:
        lemma = verb.lemma_.lower()
        sources = self.subjects(verb)
        if not sources:
            return
        targets: list[str] = []
        for child in verb.children:
            if child.dep_ in _OBJ or child.dep_ == "nsubjpass":
                found = self.owner_actors(child)
                if not found and child.lemma_.lower() in _IDEAS:
                    found = [a for t in child.subtree if t.dep_ in _OBJ | {"pobj"} and t is not child
                             for a in self.actors(t)]
                targets += found
            elif child.dep_ == "prep" and child.lower_ in {"against", "with", "for", "behind", "by", "on", "of", "at"}:
                if lemma in {"stand", "side"} and child.lower_ not in {"with", "behind", "by"}:
                    continue
                for p in _pobjs(child):
                    targets += self.owner_actors(p)
            elif child.dep_ == "ccomp" and lemma in {"warn", "accuse", "claim", "charge", "deny", "dismiss"}:
                for c in child.children:
                    if c.dep_ in _SUBJ | {"nsubjpass"}:
                        targets += self.actors(c)
        if lemma in {"impose", "slap", "freeze", "suspend", "announce", "extend"}:
            punitive = [c for c in verb.children if c.dep_ in _OBJ and c.lemma_.lower() in LEXICON.punitive_objects]
            if not punitive:
                return  # "imposed a curfew", "froze talks" say nothing of whom
            targets = [a for o in punitive for p in o.children if p.dep_ == "prep" and p.lower_ in {"on", "against"}
                       for q in _pobjs(p) for a in self.actors(q)]
            targets += [a for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "against"}
                        for q in _pobjs(c) for a in self.actors(q)]
        if not targets and (lemma, _particle(verb)) in _HOSTILE_PHRASALS:
            # "Trump hit back, writing that the 'publicity seeking' Macron had 'no idea'"
            for c in verb.children:
                if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in LEXICON.speech_verbs:
                    targets += [a for comp in c.children if comp.dep_ == "ccomp" for s_ in comp.children
                                if s_.dep_ in _SUBJ for a in self.actors(s_)]
        if lemma in {"stand", "side"} and not targets:
            return
        if lemma in {"demand", "urge", "pressure", "refuse", "decline"}:
            rtype = RelationType.OPPOSED
            if lemma in {"refuse", "decline"}:
                return  # a refusal is at most an optional OPPOSED, and seldom names a target
        for a in sources:
            for t in _unique(targets):
                if t not in sources and self.ra.person_state.get(a) != t:  # not one's own country
                    self.add(a, rtype, t, sent, f"stance-verb:{lemma}", 0.75)

    # ATTACKED ---------------------------------------------------------------------------------
    def _attacked_verb(self, verb: Token, sent: Span) -> None:
        sources = [s for s in self.subjects(verb) if self._kind(s) in (NodeKind.STATE, NodeKind.PERSON)]
        targets: list[str] = []
        for child in verb.children:
            if child.dep_ in _OBJ or child.dep_ == "nsubjpass":
                targets += self.actors(child, territory=True)
                for sub in child.subtree:
                    if sub.dep_ == "prep" and sub.lower_ in {"of", "in", "on", "against"}:
                        for p in _pobjs(sub):
                            targets += self.actors(p, territory=True)
            elif child.dep_ == "prep" and child.lower_ in {"on", "against", "in", "into"}:
                for p in _pobjs(child):
                    targets += self.actors(p, territory=True)
        if verb.lemma_.lower() == "launch":  # "launched strikes", "launched a wave of strikes on ..."
            if not any(c.dep_ in _OBJ and (c.lemma_.lower() in LEXICON.nouns["ATTACKED"] or any(
                    p.dep_ == "prep" and p.lower_ == "of" and any(q.lemma_.lower() in LEXICON.nouns["ATTACKED"]
                                                                 or q.lower_ in LEXICON.nouns["ATTACKED"] for q in _pobjs(p))
                    for p in c.children)) for c in verb.children):
                return
        for a in sources:
            for t in _unique(targets):
                if self._kind(t) is NodeKind.STATE and t != self.ra.person_state.get(a, a):
                    self.add(a, RelationType.ATTACKED, t, sent, f"attack-verb:{verb.lemma_.lower()}", 0.8)

    # Nouns ------------------------------------------------------------------------------------
    def _summit_with(self, noun: Token, sent: Span) -> None:
        """ "a summit in Alaska with Russian President Vladimir Putin": Putin was at that summit."""
        summit = self.ra.summit_of_token.get(noun.i)
        if summit is None or noun.lower_ not in {"summit", "summits", "conference"}:
            return
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                for a in [a for p in _pobjs(c) for a in self.actors(p)]:
                    if self._kind(a) in (NodeKind.PERSON, NodeKind.STATE, NodeKind.ORGANIZATION):
                        self.add(a, RelationType.ATTENDED, summit, sent, "summit-with", 0.7)

    def _noun(self, noun: Token, lemma: str, sent: Span) -> None:
        self._summit_with(noun, sent)
        types = LEXICON.noun_types(lemma) or LEXICON.noun_types(noun.lower_)
        if lemma in _READINESS_NOUNS:
            self._readiness_noun(noun, sent)
        if lemma == "pressure":
            self._pressure_on(noun, sent)
        if not types:
            return
        if "ATTACKED" in types:
            self._attack_noun(noun, sent)
        if "MET_WITH" in types:
            self._meeting_noun(noun, sent)
        if "SUPPORTED" in types:
            self._stance_noun(noun, RelationType.SUPPORTED, sent)
        if "OPPOSED" in types:
            self._stance_noun(noun, RelationType.OPPOSED, sent)

    def _attack_noun(self, noun: Token, sent: Span) -> None:
        if any(c.lower_ == "of" and any(p.lower_ == "words" for p in c.children) for c in noun.children):
            return  # "a war of words"
        attackers: list[str] = []
        targets: list[str] = []
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ == "whose":  # "Putin, whose war against Ukraine ..."
                attackers += self._relative_antecedent(noun)
            elif child.dep_ in ("poss", "amod", "compound", "nmod"):
                e = self.entity_at(child)
                if e and self._kind(e) in (NodeKind.STATE, NodeKind.PERSON):
                    attackers.append(e)
            elif child.dep_ == "prep" and child.lower_ in {"against", "on", "of", "in", "into", "upon"}:
                for p in _pobjs(child):
                    targets += self.actors(p, territory=True)
            elif child.dep_ == "prep" and child.lower_ == "by":
                for p in _pobjs(child):
                    attackers += self.actors(p, territory=True)
            elif child.dep_ == "acl":  # "the war launched by Russia"
                for c in child.children:
                    if c.dep_ == "agent":
                        for p in _pobjs(c):
                            attackers += self.actors(p)
        if not attackers and noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ == "VERB" \
                and not _negated(noun.head.head):  # "Iran retaliated with missile barrages on Israeli cities"
            attackers = self.subjects(noun.head.head)
        attackers = [a for a in _unique(attackers) if self._kind(a) in (NodeKind.STATE, NodeKind.PERSON)]
        if not attackers:
            return
        targets = [t for t in _unique(targets) if self._kind(t) is NodeKind.STATE and t not in attackers]
        rule = f"attack-noun:{noun.lemma_.lower()}"
        named_target = any(c.dep_ == "prep" and c.lower_ in {"against", "on", "of", "in", "into", "upon"}
                           for c in noun.children)
        if not targets and not named_target:  # "Since Russia's invasion, Ukraine has endured ...": the one other state
            others = _unique(e for e in (self.entity_at(t) for t in noun.sent
                                         if not (t.dep_ in _SUBJ and t.head.lemma_.lower() in _STANCE_VERBS))
                             if e and self._kind(e) is NodeKind.STATE
                             and e not in attackers and e not in {self.ra.person_state.get(a) for a in attackers})
            if len(others) != 1:
                return
            targets, rule = others, rule + ":sentence-target"
        for a in attackers:
            for t in targets:
                if t != self.ra.person_state.get(a, a):
                    self.add(a, RelationType.ATTACKED, t, sent, rule, 0.75 if "sentence" not in rule else 0.55)

    def _meeting_noun(self, noun: Token, sent: Span) -> None:
        """"the meeting between Trump and Zelenskyy", "US-Russia peace talks", "a dispute between"."""
        members: list[str] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                members += self._listed(child)
            if child.dep_ == "prep" and child.lower_ == "with" and noun.lemma_.lower() in {"call", "talks", "meeting", "conversation"}:
                for p in _pobjs(child):
                    others = self.actors(p)
                    owners = [a for c in noun.children if c.dep_ == "poss" for a in self.actors(c)]
                    for a in owners:
                        for b in others:
                            self._met_pair(a, b, sent, f"meeting-noun:{noun.lemma_.lower()}-with")
        if noun.dep_ in _OBJ and noun.head.lemma_.lower() in {"hold", "have", "conduct", "begin", "open", "start"}:
            # "Modi held talks with Putin", "they had a call with Erdogan"
            verb = noun.head
            withs = [p for c in list(noun.children) + list(verb.children) if c.dep_ == "prep" and c.lower_ == "with"
                     for p in _pobjs(c)]
            if not _negated(verb) and not _planned_context(verb):
                for a in self.subjects(verb):
                    for p in withs:
                        for b in self.actors(p):
                            self._met_pair(a, b, sent, f"meeting-noun:{verb.lemma_.lower()}-{noun.lemma_.lower()}-with")
        hyphen = [self.entity_at(t) for t in self.doc[noun.left_edge.i:noun.i] if self.entity_at(t)]
        if len(_unique(hyphen)) >= 2 and any(t.text in {"-", "–"} for t in self.doc[noun.left_edge.i:noun.i]):
            members += hyphen
        members = _unique(members)
        # "between A and B": the pair; "between A and leaders including B, C": A with each of them
        for b in members[1:]:
            self._met_pair(members[0], b, sent, f"meeting-noun:{noun.lemma_.lower()}-between", 0.75)

    def _stance_noun(self, noun: Token, rtype: RelationType, sent: Span) -> None:
        """"X's support for Y", "support from X" for what Y received, "X voiced support for Y",
        "China expressed opposition to Japan's remarks", "Hungary's criticism of the EU"."""
        if _negated(noun.head) and noun.dep_ in _OBJ:
            return
        if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in _WANING:
            return  # "a decline in Washington's support for Kyiv" reports support fading, not given
        sources = [a for c in noun.children if c.dep_ == "poss" for a in self.actors(c)]
        if not sources and noun.dep_ in _OBJ and noun.head.lemma_.lower() in _STANCE_CARRIERS:
            sources = self.subjects(noun.head)  # "voiced support for", "expressed opposition to"
        targets: list[str] = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                for p in _pobjs(child):
                    sources += self.actors(p)
            if child.dep_ == "prep" and child.lower_ in {"for", "to", "of", "against", "toward", "towards"}:
                if child.lower_ == "of" and rtype is RelationType.SUPPORTED:
                    continue  # "assurances of support" names no one
                for p in _pobjs(child):
                    targets += self.owner_actors(p)
        if not targets and noun.dep_ in _OBJ and noun.head.lemma_ in {"receive", "get", "win", "enjoy", "gain", "secure"}:
            for c in noun.head.children:
                if c.dep_ in _SUBJ:
                    targets += self.owner_actors(c)
            if not targets and noun.head.dep_ == "relcl":
                targets += self.owner_actors(noun.head.head)
        for a in _unique(sources):
            for t in _unique(targets):
                if a != t:
                    self.add(a, rtype, t, sent, f"stance-noun:{noun.lemma_.lower()}", 0.65)

    def _pressure_on(self, noun: Token, sent: Span) -> None:
        """ "urging the G7 to keep up the pressure on Moscow", "step up pressure on Israel": whoever
        calls for or applies pressure on X opposes X."""
        targets = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in {"on", "against"}
                   for p in _pobjs(c) for a in self.owner_actors(p)]
        if not targets or noun.dep_ not in _OBJ | {"pobj"} or _negated(noun.head):
            return
        sources = [a for c in noun.children if c.dep_ == "poss" for a in self.actors(c)] or self.subjects(noun.head)
        for a in _unique(sources):
            for t in _unique(targets):
                if a != t and self._kind(t) in (NodeKind.STATE, NodeKind.ORGANIZATION, NodeKind.PERSON):
                    self.add(a, RelationType.OPPOSED, t, sent, "pressure-on", 0.65)

    # MEMBER_OF --------------------------------------------------------------------------------
    def _memberships(self) -> None:
        """"NATO member Poland", "Hungary, a member of the EU", "admitted as ASEAN's 11th member"."""
        for tok in self.doc:
            if tok.lower_ in {"groups", "comprises", "includes"} and tok.pos_ != "VERB" and tok.i > 0:
                body = self.entity_at(self.doc[tok.i - 1])  # "The Andean Community groups Bolivia, ..." as a noun
                if body and self._kind(body) is NodeKind.ORGANIZATION:
                    for eid in self._named_from(tok.i + 1, tok.sent.end, {"with", "while", ";", "."}):
                        if self._kind(eid) is NodeKind.STATE:
                            self.add(eid, RelationType.MEMBER_OF, body, tok.sent, "body-groups:surface", 0.7)
            if tok.lemma_.lower() != "member":
                continue
            bodies = [a for c in tok.children if c.dep_ in ("compound", "poss", "nmod") for a in self.actors(c)]
            bodies += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in _pobjs(c)
                       for a in self.actors(p)]
            bodies += [b for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in _pobjs(c)
                       for b in [self._body_meant(p)] if b]
            bodies += [b for c in tok.children if c.dep_ == "poss" for b in [self._body_meant(c)] if b]
            whose = any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children)
            if whose and tok.head.dep_ == "relcl":  # "the EFTA, whose members are Switzerland, Norway, ..."
                bodies += self.actors(tok.head.head)
            bodies = [b for b in _unique(bodies) if self._kind(b) is NodeKind.ORGANIZATION]
            if not bodies:
                continue
            states: list[str] = []
            if whose and tok.dep_ == "nsubj":
                states = [a for c in tok.head.children if c.dep_ in ("attr", "acomp") for a in self.actors(c)]
            if tok.dep_ == "compound":  # "NATO member Poland"
                states = self.actors(tok.head)
            elif tok.dep_ == "appos" or tok.dep_ == "attr":  # "Hungary, a member of the EU" / "is a member"
                states = self.actors(tok.head) if tok.dep_ == "appos" else \
                    [a for c in tok.head.children if c.dep_ in _SUBJ for a in self.actors(c)]
            elif tok.dep_ == "pobj" and tok.head.lower_ == "as":  # "admitted as ASEAN's 11th member"
                verb = tok.head.head
                states = [a for c in verb.children if c.dep_ in _SUBJ | {"nsubjpass"} for a in self.actors(c)]
                states += [a for c in verb.children if c.dep_ in _OBJ for a in self.actors(c)]  # "admitted Timor-Leste as"
            for a in states:
                for b in bodies:
                    if self._kind(a) is NodeKind.STATE:
                        self.add(a, RelationType.MEMBER_OF, b, tok.sent, "member-of", 0.8)

    def _body_meant_before(self, i: int) -> str | None:
        for t in reversed(self.doc[:i]):
            eid = self.entity_at(t)
            if eid and self._kind(eid) is NodeKind.ORGANIZATION:
                return eid
        return None

    def _body_meant(self, tok: Token) -> str | None:
        """ "the bloc", "the alliance": the body last named before it. Not "its", which as often means
        a state ("Rwanda would defend its borders")."""
        return self._body_meant_before(tok.i) if tok.lemma_.lower() in _BODY_NOUNS else None

    def _grouping(self, verb: Token, sent: Span) -> None:
        """ "The SCO groups China, Russia, India ...", "ASEAN comprises ten states": membership."""
        bodies = [b for c in verb.children if c.dep_ in _SUBJ or c.dep_ in ("compound", "npadvmod") and c.i < verb.i
                  for b in self.actors(c) or [x for x in [self._body_meant(c)] if x]]  # "The SCO groups" parses oddly
        bodies = [b for b in bodies if self._kind(b) is NodeKind.ORGANIZATION]
        for c in verb.children:
            if c.dep_ in _OBJ or c.dep_ == "appos" and c.i > verb.i:
                for a in self.actors(c):
                    if self._kind(a) is NodeKind.STATE:
                        for b in bodies:
                            self.add(a, RelationType.MEMBER_OF, b, sent, f"body-groups:{verb.lemma_.lower()}", 0.8)

    # LEADS ------------------------------------------------------------------------------------
    def _leads(self) -> None:
        for i, m in enumerate(self.ra.mentions):
            pid = self.ra.entity_of[i]
            if m.kind is not NodeKind.PERSON or not pid or not m.role or m.former or m.how == "descriptor":
                continue
            target = m.affiliation
            rule = "title:explicit"
            if target is None:
                target = self._known_office(pid, m.role)
                rule = "title:gazetteer"
            if target and target not in self.ra.nodes:
                _add_implied_node(self.ra, target)
            if target and target in self.ra.nodes:
                sent = self.doc[m.start].sent
                self.add(pid, RelationType.LEADS, target, sent, rule, 0.95 if rule == "title:explicit" else 0.85,
                         role=m.role)

    def _leads_by_affiliation(self) -> None:
        """No title, but a state named at the name and an office the gazetteer knows: "South Africa's
        Cyril Ramaphosa", "his Cambodian counterpart Hun Manet", "the United States, whose president,
        Donald Trump"."""
        gz = self.ra.gazetteer
        if gz is None:
            return
        for i, m in enumerate(self.ra.mentions):
            pid = self.ra.entity_of[i]
            if m.kind is not NodeKind.PERSON or not pid or m.role or m.former or pid not in gz.office_holders:
                continue
            state = self._state_at_name(m.start)
            if state is None:
                continue
            for term in gz.offices_held(pid, self.ra.article.date):
                if term.state == state:
                    if state not in self.ra.nodes:
                        _add_implied_node(self.ra, state)
                    self.add(pid, RelationType.LEADS, state, self.doc[m.start].sent, "affiliation:gazetteer", 0.8,
                             role=term.role)
                    break

    def _state_at_name(self, start: int) -> str | None:
        j = start - 1
        while j >= 0 and self.doc[j].text in {",", "the"}:
            j -= 1
        if j < 0:
            return None
        tok = self.doc[j]
        if tok.text in {"'s", "’s"} and j > 0:  # "South Africa's Cyril Ramaphosa"
            eid = self.entity_at(self.doc[j - 1])
        elif tok.lemma_.lower() in {"counterpart", "president", "leader", "premier", "minister", "chancellor", "king",
                                    "queen", "emir", "prince", "secretary", "envoy", "chief", "head", "monarch"}:
            # "his Cambodian counterpart Hun Manet", "Italy's prime minister, Giorgia Meloni"
            eid = next((e for c in tok.children if c.dep_ in ("amod", "compound", "poss")
                        for e in [self.entity_at(c)] if e), None)
            if eid is None and any(c.lower_ == "whose" for c in tok.children) and tok.head.dep_ == "relcl":
                eid = self.entity_at(tok.head.head)  # "the United States, whose president, Donald Trump"
        else:
            return None
        return eid if eid and self._kind(eid) is NodeKind.STATE else None

    def _known_office(self, pid: str, role: str) -> str | None:
        gz = self.ra.gazetteer
        if gz is None or pid not in gz.office_holders:
            return None
        terms = gz.offices_held(pid, self.ra.article.date) or gz.offices_held(pid, None)
        for t in terms:
            if t.role == role or role.lower() in t.role.lower() or t.role.lower() in role.lower():
                return t.state or t.organization
        return None


_AUDIENCES = {"delegate", "delegates", "delegation", "delegations", "leader", "leaders", "participant",
              "participants", "counterpart", "counterparts", "gathering", "assembly", "plenary", "audience",
              "attendee", "attendees", "session"}
_POLICY_NOUNS = {"campaign", "policy", "policies", "position", "stance", "plan", "proposal", "offensive",
                 "operation", "strikes", "strike", "war", "effort", "efforts", "push", "demand", "demands", "goal",
                 "approach", "initiative", "bid", "actions", "action", "aggression", "invasion", "occupation",
                 "blockade", "tariffs", "sanctions", "programme", "program", "government", "leadership", "regime",
                 "army", "military", "forces", "troops", "authorities", "navy", "junta", "administration"}
_SOVEREIGN_GOODS = {"sovereignty", "integrity", "independence", "security", "right", "rights", "borders"}
_BODY_GOALS = {"target", "targets", "goal", "goals", "benchmark", "pledge", "commitment"}
_PAIR_NOUNS = {"leaders", "ministers", "presidents", "premiers", "counterparts", "heads"}
_STATE_OF_PERSON = {"government", "country", "nation", "administration", "state", "cabinet"}
_BODY_NOUNS = {"bloc", "alliance", "group", "grouping", "union", "league", "organization", "organisation",
               "club", "coalition", "community", "association", "forum", "body"}
_PRONOUN_PERSON = {"he", "him", "she", "her", "his"}
_DENIALS = {"deny", "refuse", "decline", "reject", "dismiss", "rule"}
_NOT_MEMBERS = {"ally", "partner", "counterpart", "neighbour", "neighbor", "enemy", "adversary", "friend",
                "backer", "supporter", "critic", "rival", "foe", "opponent"}
_WANING = {"decline", "lack", "loss", "end", "cut", "withdrawal", "erosion", "absence", "drop", "fall", "halt",
           "reduction", "waning", "collapse", "suspension", "pause"}
_APPRAISAL_VERBS = {"call", "describe", "deem", "consider", "label", "brand", "term", "dub", "regard", "see", "view",
                    "find", "declare"}
_NEGATIVE_VERDICTS = {"mistake", "error", "threat", "provocation", "failure", "disaster", "unacceptable", "dangerous",
                      "illegal", "violation", "blackmail", "lie", "lies", "nonsense", "absurd", "aggressor",
                      "irresponsible", "reckless", "hostile", "unfriendly", "destabilising", "destabilizing",
                      "illegitimate", "terrorist", "criminal", "propaganda", "escalation", "outrageous", "unjustified",
                      "baseless", "groundless", "betrayal", "farce", "sham", "corrupt", "dictator", "liar", "fascist",
                      "unreasonable", "traitor", "tyrant", "warmonger", "bully", "hypocrite", "puppet", "thug",
                      "disgrace", "disgraceful", "shameful", "unhelpful", "irrelevant", "incompetent"}
_POSITIVE_VERDICTS = {"partner", "friend", "ally", "success", "breakthrough", "reliable", "constructive",
                      "positive", "historic", "good", "great", "important", "valuable", "trustworthy", "leader",
                      "hero", "understands", "wise", "courageous", "brave", "productive", "excellent"}
_STANCE_CARRIERS = {"voice", "express", "reiterate", "offer", "declare", "show", "signal", "pledge", "extend",
                    "reaffirm", "state", "announce", "register", "lodge", "air"}
_STANCE_VERBS = LEXICON.verbs["OPPOSED"] | LEXICON.verbs["SUPPORTED"]
_HOSTILE_PHRASALS = {("lash", "out"), ("hit", "back"), ("speak", "out"), ("push", "back"), ("rail", ""),
                     ("round", "on"), ("turn", "on")}
_READINESS_NOUNS = {"readiness", "willingness", "openness", "pledge", "commitment", "offer", "promise"}
_POSITIVE_FEELINGS = {"happy", "thrilled", "pleased", "satisfied", "impressed", "content", "delighted", "grateful",
                      "comfortable", "confident", "optimistic"}
_NEGATIVE_FEELINGS = {"unhappy", "disappointed", "angry", "frustrated", "furious", "dissatisfied", "displeased",
                      "annoyed", "upset", "concerned", "worried", "alarmed", "outraged", "irritated"}
_FEELINGS = set()  # filled below from the two feeling lists
_HOSTILE_PREDICATES = {"threat", "aggressor", "danger", "enemy", "menace", "adversary", "liar", "criminal",
                       "terrorist", "dictator", "risk", "provocation"}
_IDEAS = {"idea", "proposal", "plan", "notion", "suggestion", "prospect", "possibility", "offer", "demand",
          "demands", "call", "calls", "request", "invitation", "claim", "claims", "accusation", "accusations"}
_PLANNING = {"idea", "proposal", "prospect", "possibility", "plan", "plans", "hope", "hopes", "want", "wants",
             "refuse", "refused", "reject", "rejected", "dismiss", "dismissed", "rule", "offer", "invitation"}


_FEELINGS.update(_POSITIVE_FEELINGS | _NEGATIVE_FEELINGS)


def _planned_context(tok: Token) -> bool:
    """An event only proposed, wished for or refused ("dismissed the idea of meeting Zelenskyy")."""
    head, steps = tok, 0
    while head.head is not head and steps < 4:
        head, steps = head.head, steps + 1
        if head.lower_ in _PLANNING or head.lemma_.lower() in _PLANNING:
            return True
        if head.pos_ == "VERB" and head.dep_ in ("ROOT",):
            break
    return False


def read_relations(ra: ResolvedArticle) -> list[Relation]:
    """All relations of a resolved article, one per (source, type, target), evidence gathered."""
    merged: dict[tuple, Relation] = {}
    text = ra.article.text
    for f in RelationReader(ra).read():
        if f.type is RelationType.LEADS and f.target not in ra.nodes:
            _add_implied_node(ra, f.target)  # "Trump's envoy Steve Witkoff": the USA, though unnamed
        if f.source not in ra.nodes or f.target not in ra.nodes:
            continue
        try:
            props = RelationProperties(**f.props)
        except ValueError:
            continue
        ev = Evidence(article=ra.article.id, sentence=text[f.sent.start_char:f.sent.end_char].strip(),
                      start=f.sent.start_char, end=f.sent.end_char, rule=f.rule,
                      properties=props if f.props else None)
        rel = Relation(source=f.source, type=f.type, target=f.target, confidence=f.confidence,
                       properties=props, evidence=[ev])
        merged[rel.key] = merged[rel.key].merged_with(rel) if rel.key in merged else rel
    return list(merged.values())


def _particle(verb: Token) -> str:
    """The verb's particle, also when parsed as an adverb ("hit back", "lashed out")."""
    return next((c.lower_ for c in verb.children
                 if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in {"back", "out"}), "")


def _same_place(a: str, b: str) -> bool:
    strip = lambda x: x.lower().removeprefix("the ").strip()  # noqa: E731
    return strip(a) == strip(b)


def _reporting_verb(pronoun: Token) -> Token | None:
    """The speech verb whose reported clause this pronoun is the subject of."""
    clause = pronoun.head
    if pronoun.dep_ not in _SUBJ | {"nsubjpass"} or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    return verb if verb.lemma_.lower() in LEXICON.speech_verbs else None


def _add_implied_node(ra: ResolvedArticle, eid: str) -> None:
    from graphkit.model import Node

    gz = ra.gazetteer
    if gz is None:
        return
    if eid in gz.countries:
        c = gz.countries[eid]
        ra.nodes[eid] = Node(id=eid, kind=NodeKind.STATE, name=c.name, properties={"iso3": eid})
    elif eid in gz.organizations:
        ra.nodes[eid] = Node(id=eid, kind=NodeKind.ORGANIZATION, name=gz.organizations[eid].name)


def _subject_token(verb: Token) -> Token | None:
    """The nsubj of a verb, or of the verb it is coordinated with ("The meeting, dubbed X, brought ...")."""
    tok, steps = verb, 0
    while steps < 4:
        for child in tok.children:
            if child.dep_ in _SUBJ:
                return child
        if tok.dep_ in ("conj", "xcomp") and tok.head is not tok:
            tok, steps = tok.head, steps + 1
            continue
        return None
    return None


def _pobjs(prep: Token) -> list[Token]:
    out = []
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            out.append(c)
        elif c.dep_ == "prep":
            out += _pobjs(c)
    return out


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in _NEGATIONS and c.dep_ in ("advmod", "neg") for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ in ("xcomp",) and any(c.dep_ == "neg" for c in head.children):
        return True
    if verb.dep_ in ("xcomp", "ccomp", "pcomp", "dobj") and head.lemma_.lower() in _DENIALS:
        return True  # "Rwanda denied backing M23", "refused to send troops"
    return False


def _hypothetical(verb: Token) -> bool:
    """ "could send", "might attend"; but "announced that Beijing would provide" is a future, reported."""
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL:
            reported = c.lower_ == "would" and verb.dep_ == "ccomp" and \
                verb.head.lemma_.lower() in {"announce", "say", "pledge", "promise", "confirm", "declare", "state", "vow"} \
                and not any(m.lower_ == "if" for m in verb.children)
            if not reported:
                return True
    return False


def _concrete(obj: Token) -> bool:
    return any(t.lemma_.lower() in LEXICON.pledge_objects or t.like_num or t.text in {"£", "$", "€"}
               for t in obj.subtree)


def _phrase(tok: Token) -> str:
    words = [t for t in tok.subtree if t.dep_ not in ("det",) and not t.is_punct or t.text in {"$", "€", "£", "%"}]
    parts = []
    for k, t in enumerate(words):  # spaced as in the text: "$20 million", not "$ 20 million"
        parts.append(t.text)
        if k + 1 < len(words) and (t.whitespace_ or words[k + 1].i != t.i + 1):
            parts.append(" ")
    return "".join(parts)[:120]


def _quoted_tokens(doc) -> list[bool]:
    mask = [False] * len(doc)
    inside = False
    for tok in doc:
        if tok.text in {"“", "”", '"'}:
            if tok.text == "“":
                inside = True
            elif tok.text == "”":
                inside = False
            else:
                inside = not inside
            continue
        mask[tok.i] = inside
    return mask


def _unique(items) -> list:
    return list(dict.fromkeys(i for i in items if i))
