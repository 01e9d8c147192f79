"""Shared parse helpers for the relation rules: who the actors of a phrase are, the logical subject
of a verb, negation, modality, lists and companions, and who speaks a quote.

A `Reading` holds one resolved article while its rules run; rules ask it questions
(`r.subjects(verb)`, `r.actors(np)`) and report what they find with `r.add(...)`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from graphkit.extract.lexicon import LEXICON, WORDS
from graphkit.extract.types import ResolvedArticle
from graphkit.model import ACTOR_KINDS, Node, NodeKind, RelationType

SUBJ = {"nsubj", "csubj"}
OBJ = {"dobj", "dative", "attr", "oprd", "obj"}


@dataclass
class Found:
    """One relation a rule found, before it becomes a model Relation."""

    source: str
    type: RelationType
    target: str
    sent: Span
    rule: str
    confidence: float
    props: dict


class Reading:
    """One resolved article while the rules read it: parse helpers, the relations found so far, and
    the nodes they imply (its own copy of the article's nodes: the resolved article is not edited)."""

    def __init__(self, ra: ResolvedArticle):
        self.ra = ra
        self.doc = ra.doc
        self.nodes: dict[str, Node] = dict(ra.nodes)
        self.found: list[Found] = []
        self.pending: list[tuple[list[str], Span, str, str | None]] = []
        self._speakers: dict[int, list[str]] = {}
        self.quote_mask = quoted_tokens(self.doc)
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

    def entity_at(self, tok: Token) -> str | None:
        i = self.ra.mention_at(tok.i)
        if i is None:
            return None
        if i in self.ra.venues:
            return None
        return self.ra.entity_of[i]

    def actors(self, tok: Token, depth: int = 0, territory: bool = False) -> list[str]:
        """The actors an NP headed by `tok` stands for: itself, its conjuncts, groups' members."""
        if depth > 40:  # long lists are chains of conjuncts
            return []
        out: list[str] = []
        eid = self.entity_at(tok)
        if eid is None and tok.lower_ in WORDS["pronoun_person"]:
            eid = self.pronoun(tok)
        if eid is None and tok.lower_ in WORDS["reported_pronouns"] and not self.quote_mask[tok.i]:
            reporter = reporting_verb(tok)  # "Germany and Poland said they are ready"
            if reporter is not None:
                out += [a for c in reporter.children if c.dep_ in SUBJ for a in self.actors(c, depth + 1)]
                if out:
                    return unique(out)
        if eid is None and tok.lower_ in WORDS["speaker_pronouns"] and self.quote_mask[tok.i]:
            speakers = self.speakers(tok.sent)
            eid = speakers[0] if speakers else None
        if eid is None and tok.lower_ in WORDS["pair_nouns"] and any(c.lower_ == "two" for c in tok.children) \
                and any(c.lower_ == "the" for c in tok.children):
            out += self.last_people(tok.i, 2)  # "the two prime ministers": the two people just named
            if out:
                return unique(out)
        if eid is not None:
            out.append(eid)
        elif tok.lower_ == "co" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == "-":
            # "Trump co-chaired": the tokenizer splits "co-" off and the parser makes it the subject
            out += [a for c in tok.children if c.dep_ in ("compound", "appos") for a in self.actors(c, depth + 1)]
        elif tok.lemma_.lower() in WORDS["group_nouns"] or tok.pos_ == "NUM" or territory and (
                tok.lower_ in WORDS["territory"] or tok.pos_ == "NOUN"):  # "strikes on Afghan border posts"
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in WORDS["group_preps"] | WORDS["together_preps"] \
                        and not (child.lower_ == "of" and tok.lemma_.lower() in WORDS["not_members"]):  # "allies of Ukraine"
                    for pobj in pobjs(child):
                        out += self.actors(pobj, depth + 1, territory)
                elif child.dep_ in ("amod", "compound", "nmod", "npadvmod"):
                    ce = self.entity_at(child)
                    if ce and self.kind(ce) in (NodeKind.STATE, NodeKind.ORGANIZATION):
                        out.append(ce)
                elif child.dep_ == "poss" and tok.lemma_.lower() not in WORDS["not_members"]:
                    ce = self.entity_at(child)
                    if ce and self.kind(ce) in (NodeKind.STATE, NodeKind.ORGANIZATION) and territory:
                        out.append(ce)
                elif child.dep_ == "appos":
                    out += self.actors(child, depth + 1, territory)
        for child in tok.children:
            if child.dep_ == "conj" or child.dep_ == "appos" and eid is not None and (
                    self.entity_at(child) and self.kind(self.entity_at(child)) is self.kind(eid)
                    or child.lemma_.lower() in WORDS["group_nouns"]):  # a list misparsed as apposition
                out += self.actors(child, depth + 1, territory)
            elif child.dep_ == "prep" and child.lower_ in WORDS["accompanying_preps"]:
                for sub in child.subtree:
                    if sub.dep_ == "pobj":
                        out += self.actors(sub, depth + 1, territory)
                        break
        return unique(out)

    def last_people(self, before: int, n: int) -> list[str]:
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

    def relative_antecedent(self, tok: Token) -> list[str]:
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
            if child.dep_ == "poss" and child.lower_ == "whose" and tok.lemma_.lower() in WORDS["state_of_person"]:
                # "Abiy Ahmed, whose government hosted the summit": his state
                return unique(self.ra.person_state.get(a, a) for a in self.relative_antecedent(tok))
        for child in tok.children:  # "blocked the EU's aid package", "praised Ghana's leadership"
            if child.dep_ == "poss":
                return self.actors(child) or [b for b in [self.body_meant(child)] if b]  # "the alliance's goal"
        if tok.lemma_.lower() in WORDS["policy_nouns"]:  # "defended the Israeli campaign", "the Russian proposal"
            found = [e for c in tok.children if c.dep_ in ("amod", "compound") for e in [self.entity_at(c)]
                     if e and self.kind(e) in (NodeKind.STATE, NodeKind.ORGANIZATION)]
            if found:
                return found
        if tok.lemma_.lower() in WORDS["possessed_stance"] or tok.lower_ in WORDS["possessed_stance"] \
                or tok.lemma_.lower() in LEXICON.nouns["ATTACKED"]:  # "condemned the strikes by Israel on Iran"
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in WORDS["owner_preps"]:
                    for pobj in pobjs(child):
                        return self.actors(pobj)
        return self.authors_of_act(tok)

    def authors_of_act(self, noun: Token) -> list[str]:
        """Whose act a definite act noun refers back to: "Trump threatened tariffs ... Lula rejected
        the threat" -> Trump. The nearest earlier verb of that act (its subjects), or the nearest
        earlier mention of the same noun with a possessor ("Moscow's demands ... the demands")."""
        verbs = LEXICON.event_nouns.get(noun.lower_) or LEXICON.event_nouns.get(noun.lemma_.lower())
        if not verbs or not any(c.dep_ == "det" and c.lower_ in WORDS["definite_determiners"]
                                for c in noun.children):
            return []
        for t in reversed(self.doc[:noun.i]):
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in verbs and not negated(t) and not hypothetical(t):
                found = self.subjects(t)
                if found:
                    return found
            elif t.pos_ == "NOUN" and t.lemma_.lower() == noun.lemma_.lower():
                found = [a for c in t.children if c.dep_ == "poss" for a in self.actors(c)]
                if found:
                    return found
        return []

    def pronoun(self, tok: Token) -> str | None:
        """A he/she: at the head of a sentence, the person the previous sentence was about ("Trump
        held talks with Carney ... He later met Starmer"); elsewhere the last person named."""
        sent = tok.sent
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.i - sent.start <= 3 and sent.start > 0:
            previous = self.doc[sent.start - 1].sent
            subject = self._subject_person.get(previous.start)
            if subject is not None:
                return subject
        return self._last_person_before.get(tok.i - 1) if tok.i > 0 else None

    def kind(self, eid: str) -> NodeKind | None:
        node = self.nodes.get(eid)
        return node.kind if node else None

    def subjects(self, verb: Token) -> list[str]:
        """The logical subject: nsubj, a passive's agent, or climbed from xcomp/conj/relcl/acl."""
        seen = 0
        tok = verb
        while tok is not None and seen < 6:
            seen += 1
            for child in tok.children:
                if child.dep_ in SUBJ:
                    if child.lower_ in WORDS["relative_pronouns"] and tok.dep_ == "relcl":
                        found = self.actors(tok.head)  # "Trump, who joined the summit by phone"
                        if not found and tok.head.lemma_.lower() in WORDS["group_nouns"]:
                            found = self.listed_among(tok.head)
                        return found
                    found = self.actors(child) or self.owner_actors(child)
                    return unique(found + self.companions(tok))
                if child.dep_ == "agent":
                    for pobj in pobjs(child):
                        return self.actors(pobj)
            if tok.dep_ in ("relcl", "acl") and tok.head is not tok:
                found = self.actors(tok.head)
                if found:
                    return found
            if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "acomp", "dobj", "ccomp", "acl") \
                    and tok.head is not tok:
                if tok.dep_ == "ccomp" and tok.head.lemma_ in WORDS["speech_verbs"]:
                    return []
                tok = tok.head
                continue
            if tok.dep_ == "amod" and tok.head is not tok:  # "Rutte, present in Paris"
                return self.actors(tok.head)
            if tok.dep_ == "appos":
                return self.actors(tok.head)
            break
        return []

    def listed_among(self, group: Token) -> list[str]:
        """ "A, B and C were among the leaders who ...": the subjects of the copula the group hangs on."""
        prep = group.head
        if group.dep_ == "pobj" and prep.lower_ in WORDS["listing_preps"] and prep.head.lemma_ == "be":
            return [a for c in prep.head.children if c.dep_ in SUBJ for a in self.actors(c)]
        return []

    def listed(self, prep: Token) -> list[str]:
        """Every actor named in a prepositional phrase, in order, whatever the parse made of the list
        (nationality adjectives in titles and possessors are not members)."""
        out: list[str] = []
        for t in prep.subtree:
            i = self.ra.mention_at(t.i)
            if i is None or t.i != self.ra.mentions[i].end - 1 or t.dep_ == "poss":
                continue
            m = self.ra.mentions[i]
            if m.title_of or i in self.ra.venues:
                continue
            eid = self.ra.entity_of[i]
            if eid:
                out.append(eid)
        return unique(out)

    def companions(self, verb: Token) -> list[str]:
        """"X, along with Y, joined": Y shares the subject's role."""
        out: list[str] = []
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in WORDS["accompanying_preps"]:
                for p in pobjs(c):
                    out += self.actors(p)
            elif c.dep_ == "prep" and c.lower_ == "with" and any(a.lower_ == "together" for a in c.children):
                out += [a for p in pobjs(c) for a in self.actors(p)]  # "convened the meeting together with Schoof"
        return out

    def speakers(self, sent: Span) -> list[str]:
        """Who speaks in a sentence with a quote: the subject of a speech verb outside the quote."""
        if sent.start in self._speakers:
            return self._speakers[sent.start]
        found: list[str] = []
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in WORDS["speech_verbs"] and not self.quote_mask[tok.i]:
                for child in tok.children:
                    if child.dep_ in SUBJ and not self.quote_mask[child.i]:
                        found = [a for a in self.actors(child) if self.kind(a) is NodeKind.PERSON] or self.actors(child)
                if found:
                    break
            if tok.lower_ == "according" and tok.i + 2 < len(self.doc):
                found = self.actors(self.doc[tok.i + 2])
                if found:
                    break
        if not found and sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            if any(self.quote_mask[t.i] for t in sent[:3]) and prev.start != sent.start:
                found = self.speakers(prev)
        self._speakers[sent.start] = found
        return found

    def imply_node(self, eid: str) -> None:
        """A state or body no mention named but a title implies ("Trump's envoy": the USA)."""
        gz = self.ra.gazetteer
        if eid in gz.countries:
            self.nodes[eid] = Node(id=eid, kind=NodeKind.STATE, name=gz.countries[eid].name, properties={"iso3": eid})
        elif eid in gz.organizations:
            self.nodes[eid] = Node(id=eid, kind=NodeKind.ORGANIZATION, name=gz.organizations[eid].name)

    def add(self, source: str, rtype: RelationType, target: str, sent: Span, rule: str,
            confidence: float, **props: str | None) -> None:
        if not source or not target or source == target:
            return
        self.found.append(Found(source, rtype, target, sent, rule, confidence,
                                {k: v for k, v in props.items() if v}))

    def named_after(self, tok: Token) -> list[str]:
        """ "his Brazilian counterpart, Luiz Inácio Lula da Silva," when the parser does not make the name
        an apposition: the person named right after the noun."""
        j = tok.i + 1
        while j < len(self.doc) and self.doc[j].text == ",":
            j += 1
        e = self.entity_at(self.doc[j]) if j < len(self.doc) else None
        return [e] if e and self.kind(e) is NodeKind.PERSON else []

    def summit_up(self, tok: Token) -> str | None:
        """The meeting a participle hangs on, even when the parser attached it to the noun after it
        ("a call of the coalition, co-chaired by ...": on "coalition", not "call")."""
        for _ in range(3):
            sid = self.ra.summit_of_token.get(tok.i)
            if sid or tok.dep_ not in ("pobj", "prep"):
                return sid
            tok = tok.head
        return self.ra.summit_of_token.get(tok.i)

    def listed_after(self, end: int, sent: Span) -> list[str]:
        """The actors named in ", among them A, B and C" / ", including A and B" right after token
        `end`, read off the text because the parser attaches such lists anywhere."""
        j = end + 1
        while j < sent.end and self.doc[j].text == ",":
            j += 1
        if j >= sent.end:
            return []
        word, following = self.doc[j].lower_, self.doc[j + 1].lower_ if j + 1 < sent.end else ""
        if word == "among" and following in WORDS["among_pronouns"]:
            j += 2
        elif word in WORDS["list_openers"]:
            j += 1
        else:
            return []
        return [e for e in self.named_from(j, sent.end, WORDS["listed_after_stops"])
                if self.kind(e) in ACTOR_KINDS]

    def named_from(self, start: int, end: int, stops: set[str], through_verbs: bool = False) -> list[str]:
        """The entities named from token `start` on, in order, until a stop word (or a verb, unless
        `through_verbs`): a list the parser may have attached anywhere, read off the text."""
        out: list[str] = []
        for t in self.doc[start:end]:
            if t.lower_ in stops or t.text in stops or not through_verbs and t.pos_ in ("VERB", "AUX"):
                break
            eid = self.entity_at(t)
            if eid:
                out.append(eid)
        return unique(out)

    def summit_in(self, tok: Token, through_people: bool = True) -> str | None:
        for t in tok.subtree:
            sid = self.ra.summit_of_token.get(t.i)
            if sid:
                return sid
        return None

    def possessors(self, tok: Token) -> list[str]:
        return [a for c in tok.children if c.dep_ == "poss" for a in self.actors(c)]

    def other_event(self, tok: Token) -> bool:
        """An object naming something other than a meeting or its participants ("participate in a mission")."""
        if self.actors(tok) or self.summit_in(tok) or tok.pos_ == "PRON" or tok.lower_ in WORDS["manner_nouns"] \
                or tok.lemma_.lower() in WORDS["audiences"]:  # "joined his ASEAN counterparts by video link"
            return False
        return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in WORDS["group_nouns"]

    def recent_summit(self, sent: Span) -> str | None:
        """The meeting an unspecific "also attended" means: the last one named in this sentence or
        the one before ("... joined a separate summit on Tuesday. Kuwait's crown prince also
        attended."), else the article's main meeting."""
        previous = self.doc[sent.start - 1].sent if sent.start > 0 else sent
        for i in range(sent.end - 1, previous.start - 1, -1):
            sid = self.ra.summit_of_token.get(i)
            if sid:
                return sid
        return self.ra.main_summit

    def in_person(self, verb: Token) -> bool:
        return any(c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "person" for p in pobjs(c))
                   for c in verb.children)

    def remote(self, verb: Token) -> bool:
        window = self.doc[verb.i: min(len(self.doc), verb.right_edge.i + 1)].text.lower()
        window = f"{self.doc[verb.i - 1].text.lower() if verb.i else ''} {window}"
        return any(marker in window for marker in WORDS["remote_markers"]) or verb.lemma_ == "dial"

    def body_meant_before(self, i: int) -> str | None:
        for t in reversed(self.doc[:i]):
            eid = self.entity_at(t)
            if eid and self.kind(eid) is NodeKind.ORGANIZATION:
                return eid
        return None

    def body_meant(self, tok: Token) -> str | None:
        """ "the bloc", "the alliance": the body last named before it. Not "its", which as often means
        a state ("Rwanda would defend its borders")."""
        return self.body_meant_before(tok.i) if tok.lemma_.lower() in WORDS["body_nouns"] else None


def planned_context(tok: Token) -> bool:
    """An event only proposed, wished for or refused ("dismissed the idea of meeting Zelenskyy")."""
    head, steps = tok, 0
    while head.head is not head and steps < 4:
        head, steps = head.head, steps + 1
        if head.lower_ in WORDS["planning"] or head.lemma_.lower() in WORDS["planning"]:
            return True
        if head.pos_ == "VERB" and head.dep_ in ("ROOT",):
            break
    return False


def particle(verb: Token) -> str:
    """The verb's particle, also when parsed as an adverb ("hit back", "lashed out")."""
    return next((c.lower_ for c in verb.children
                 if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in WORDS["adverb_particles"]), "")


def phrasal(verb: Token) -> str:
    """ "hit back", "lash out", "rail": the verb's lemma with its particle, as word sets list phrasal verbs."""
    return " ".join(w for w in (verb.lemma_.lower(), particle(verb)) if w)


def same_place(a: str, b: str) -> bool:
    strip = lambda x: x.lower().removeprefix("the ").strip()  # noqa: E731
    return strip(a) == strip(b)


def reporting_verb(pronoun: Token) -> Token | None:
    """The speech verb whose reported clause this pronoun is the subject of."""
    clause = pronoun.head
    if pronoun.dep_ not in SUBJ | {"nsubjpass"} or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    return verb if verb.lemma_.lower() in WORDS["speech_verbs"] else None


def subject_token(verb: Token) -> Token | None:
    """The nsubj of a verb, or of the verb it is coordinated with ("The meeting, dubbed X, brought ...")."""
    tok, steps = verb, 0
    while steps < 4:
        for child in tok.children:
            if child.dep_ in SUBJ:
                return child
        if tok.dep_ in ("conj", "xcomp") and tok.head is not tok:
            tok, steps = tok.head, steps + 1
            continue
        return None
    return None


def pobjs(prep: Token) -> list[Token]:
    out = []
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            out.append(c)
        elif c.dep_ == "prep":
            out += pobjs(c)
    return out


def negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in WORDS["negations"] and c.dep_ in ("advmod", "neg") for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ in ("xcomp",) and any(c.dep_ == "neg" for c in head.children):
        return True
    if verb.dep_ in ("xcomp", "ccomp", "pcomp", "dobj") and head.lemma_.lower() in WORDS["denials"]:
        return True  # "Rwanda denied backing M23", "refused to send troops"
    return False


def hypothetical(verb: Token) -> bool:
    """ "could send", "might attend"; but "announced that Beijing would provide" is a future, reported."""
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in WORDS["hypothetical"]:
            reported = c.lower_ == "would" and verb.dep_ == "ccomp" and \
                verb.head.lemma_.lower() in WORDS["reporting_verbs_of_future"] \
                and not any(m.lower_ == "if" for m in verb.children)
            if not reported:
                return True
    return False


def concrete(obj: Token) -> bool:
    return any(t.lemma_.lower() in WORDS["pledge_objects"] or t.like_num or t.text in {"£", "$", "€"}
               for t in obj.subtree)


def phrase(tok: Token) -> str:
    words = [t for t in tok.subtree if t.dep_ not in ("det",) and not t.is_punct or t.text in {"$", "€", "£", "%"}]
    parts = []
    for k, t in enumerate(words):  # spaced as in the text: "$20 million", not "$ 20 million"
        parts.append(t.text)
        if k + 1 < len(words) and (t.whitespace_ or words[k + 1].i != t.i + 1):
            parts.append(" ")
    return "".join(parts)[:120]


def quoted_tokens(doc) -> list[bool]:
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


def unique(items) -> list:
    return list(dict.fromkeys(i for i in items if i))
