"""Stage 1, mentions: every span of a parsed article that names a state, a body or a person.

spaCy's NER is corrected by the gazetteer (PhraseMatchers over every country name, demonym,
capital, body and known office-holder), and office titles around a person's name ("Latvian Prime
Minister Evika Siliņa", "Rustem Umerov, Ukraine's chief negotiator", "Trump's envoy Steve Witkoff")
give the person's role and the state or body it is held for.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from graphkit.extract.lexicon import WORDS
from graphkit.gazetteer import Gazetteer, fold_accents
from graphkit.model import NodeKind

_PERSON_NER = {"PERSON"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A span naming an entity: its kind, its gazetteer id (None for a person not in the gazetteer).
    Frozen: a later stage that learns more about a mention makes a new one (dataclasses.replace)."""

    start: int
    end: int
    kind: NodeKind
    key: str | None
    text: str
    how: str  # name | demonym | metonym | acronym | person | surname | descriptor
    role: str | None = None
    role_level: str | None = None
    affiliation: str | None = None  # iso3 or organization id the role is held for
    affiliation_person: int | None = None  # start token of a person whose state the role serves ("Trump's envoy")
    former: bool = False
    title_start: int | None = None
    title_end: int | None = None
    title_of: bool = False  # a state or body named in someone's title ("NATO" in "NATO Secretary-General")
    described_state: str | None = None  # "the Ukrainian president": a person described by the state they serve

    @property
    def root(self) -> int:
        return self.end - 1


def fold(text: str) -> str:
    """Accent- and case-insensitive form used for matching names (the gazetteer's folding)."""
    return fold_accents(text).replace("’", "'").casefold()


class MentionFinder:
    """Builds the gazetteer matchers once; call it on each parsed Doc."""

    def __init__(self, nlp, gazetteer: Gazetteer):
        self.gz = gazetteer
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="NORM")
        self.labels: dict[str, tuple[str, str]] = {}
        exact, folded = {}, {}
        self.capitalised: set[str] = set()
        for text, kind, ident in gazetteer.surface_forms():
            if not text or not text.strip():
                continue
            label = f"{kind}|{ident}"
            policy = gazetteer.case_policy(text)
            if policy == "exact" or _case_sensitive(text):
                exact.setdefault(label, set()).add(text)
            else:
                folded.setdefault(label, set()).add(fold(text))
                if policy == "capitalised":
                    self.capitalised.add(fold(text))
        # Phrases that contain a country's name but are not the country ("South China Sea"):
        # matched as blockers so the longest match hides the inner name.
        for phrase in getattr(gazetteer, "non_state_phrases", ()):
            folded.setdefault("Block|", set()).add(fold(phrase))
        make = nlp.make_doc
        for label, texts in exact.items():
            self.exact.add(label, [make(t) for t in sorted(texts)])
        for label, texts in folded.items():
            self.folded.add(label, [_norm_doc(make(t)) for t in sorted(texts)])

    def __call__(self, doc: Doc) -> tuple[Mention, ...]:
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(_norm_doc(doc) if matcher is self.folded else doc):
                span = Span(doc, start, end, label=match_id)
                if fold(span.text) in self.capitalised and not span.text[:1].isupper():
                    continue  # "polish the draft" is not Poland
                spans.append(span)
        for ent in doc.ents:
            if ent.label_ in _PERSON_NER:
                ent = _trim_person(ent)
                if ent is not None:
                    ent = self._without_leading_title(ent)
                if ent is not None:
                    spans.append(Span(doc, ent.start, ent.end, label="Person|"))
        # Longest span wins; on equal length, a gazetteer match beats a bare NER person.
        spans.sort(key=lambda s: (s.end - s.start, s.label_ != "Person|"), reverse=True)
        mentions = [self._mention(doc, s) for s in filter_spans(spans) if not s.label_.startswith("Block|")]
        mentions = [m for m in mentions if m is not None]
        mentions.sort(key=lambda m: m.start)
        self._attach_titles(doc, mentions)
        return tuple(mentions)

    def _without_leading_title(self, ent: Span) -> Span:
        """NER often takes the title into the name ("Emir Tamim bin Hamad Al Thani", "Mr Ruto"):
        the name starts after it, and the title is read as the person's office like any other."""
        doc, start = ent.doc, ent.start
        while ent.end - start > 1:
            if doc[start].lower_.rstrip(".") in WORDS["honorifics"]:
                start += 1
                continue
            width = next((k for k in (3, 2, 1) if ent.end - start > k
                          and self.gz.office_for(doc[start:start + k].text) is not None), 0)
            if not width:
                break
            start += width
        return doc[start:ent.end]

    def _mention(self, doc: Doc, span: Span) -> Mention | None:
        kind_name, _, ident = span.label_.partition("|")
        kind = NodeKind(kind_name)
        text = span.text
        if kind is NodeKind.PERSON:
            if not ident:
                holders = self.gz.people_named(text)
                ident = holders[0].id if len(holders) == 1 else None
                how = "person" if len(span) > 1 else "surname"
            else:
                how = "person"
            return Mention(span.start, span.end, kind, ident or None, text, how)
        if kind is NodeKind.STATE:
            how = self.gz.how_named(text) or "name"
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is not None and nxt.text in {"-", "–"} and how in ("demonym", "metonym"):
                return None  # "Ukrainian-held territory", "a Prague-based expert": modifiers, not actors
            if how == "metonym" and nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() \
                    and doc[span.end - 1].dep_ == "compound":
                return None  # "the Budapest Memorandum", "the Minsk agreements": names of things
            if how == "metonym" and nxt is not None and nxt.lower_ in WORDS["named_thing_nouns"]:
                return None
            return Mention(span.start, span.end, kind, ident, text, how)
        how = "acronym" if text.isupper() else "name"
        return Mention(span.start, span.end, kind, ident, text, how)

    def _attach_titles(self, doc: Doc, mentions: list[Mention]) -> None:
        """Find an office title before (or in apposition after) each person and what it serves."""
        by_end = {m.end: i for i, m in enumerate(mentions)}
        # How many mentions cover each token, counted once: "covered by another mention" is then
        # a lookup, not a set rebuilt per person (quadratic on long articles). Spans never change here.
        covering = [0] * (len(doc) + 1)
        for m in mentions:
            for t in range(m.start, m.end):
                covering[t] += 1
        person_starts = {m.start for m in mentions if m.kind is NodeKind.PERSON}
        by_start: dict[int, int] = {}
        for i, m in enumerate(mentions):
            by_start.setdefault(m.start, i)  # the first mention starting there, as a scan would find
        for i, m in enumerate(mentions):
            if m.kind is not NodeKind.PERSON:
                continue
            if not self._title_before(doc, mentions, by_end, i, covering):
                self._title_after(doc, mentions, i, person_starts, by_start)

    def _title_before(self, doc: Doc, mentions: list[Mention], by_end: dict[int, int], i: int,
                      covering: list[int]) -> bool:
        m = mentions[i]

        def covered(t: int) -> bool:  # by a mention other than m
            return covering[t] - (m.start <= t < m.end) > 0

        name_start = _skip_honorifics_back(doc, m.start, covered)
        office, start = self._office_ending_at(doc, name_start, covered)
        if office is None and name_start > 1 and doc[name_start - 1].text == ",":
            # "the Ukrainian president, Volodymyr Zelenskiy," / "Italy's prime minister, Giorgia Meloni"
            office, start = self._office_ending_at(doc, name_start - 1, covered)
            before = doc[start - 1] if office is not None and start > 0 else None
            if before is None or not (before.lower_ in WORDS["definite_determiners"] or covered(before.i)
                                      or before.text in WORDS["name_noise"]):
                office = None
        if office is None:
            return self._title_of_before(doc, mentions, by_end, i, covered)
        mentions[i] = replace(m, role=office.canonical, role_level=office.level, title_start=start, title_end=m.start)
        self._affiliation_ending_at(doc, mentions, by_end, start, i)
        if mentions[i].affiliation is None and mentions[i].affiliation_person is None:
            self._affiliation_of_after(doc, mentions, i)
        return True

    def _title_of_before(self, doc: Doc, mentions: list[Mention], by_end: dict[int, int], i: int,
                         covered: Callable[[int], bool]) -> bool:
        """"the President of Venezuela, Nicolás Maduro", "Minister of Foreign Affairs of Egypt Sameh
        Shoukry": a title "of" a state or body, right before the name."""
        m = mentions[i]
        j = _skip_honorifics_back(doc, m.start, covered)
        if j > 0 and doc[j - 1].text == ",":
            j -= 1
        k = by_end.get(j)
        if k is None or mentions[k].kind not in (NodeKind.STATE, NodeKind.ORGANIZATION) \
                or mentions[k].how in ("demonym", "descriptor"):
            return False
        of = mentions[k].start - 1
        while of >= 0 and doc[of].lower_ in WORDS["articles"]:
            of -= 1
        if of > 0 and doc[of].lower_ in WORDS["list_joiners"]:
            # "the foreign ministers of Spain, José Albares, and the United Kingdom, David Lammy": the same title
            while of > 0 and doc[of].lower_ in WORDS["list_joiners"]:
                of -= 1
            p = by_end.get(of + 1)
            prev = mentions[p] if p is not None else None
            if prev is None or prev.kind is not NodeKind.PERSON or prev.role is None or prev.affiliation is None \
                    or prev.title_end != prev.start or doc[prev.start - 1].text != ",":
                return False
            mentions[i] = replace(m, role=prev.role, role_level=prev.role_level, former=prev.former)
            self._set_affiliation(mentions, k, i)
            return True
        if of <= 0 or doc[of].lower_ not in WORDS["of_words"]:
            return False
        office, start = self._office_ending_at(doc, of, covered)
        if office is None:
            return False
        mentions[i] = replace(m, role=office.canonical, role_level=office.level, title_start=start, title_end=m.start)
        self._set_affiliation(mentions, k, i)
        if start > 0 and any(doc[t].lower_.rstrip("-") in WORDS["former"] for t in range(max(0, start - 3), start)):
            mentions[i] = replace(mentions[i], former=True)
        return True

    def _affiliation_of_after(self, doc: Doc, mentions: list[Mention], i: int) -> None:
        """"President Everiste Ndayishimiye of Burundi": the state or body named by "of" after the name."""
        m = mentions[i]
        j = m.end
        if j >= len(doc) or doc[j].lower_ not in WORDS["of_words"]:
            return
        j += 1
        while j < len(doc) and doc[j].lower_ in WORDS["articles"]:
            j += 1
        k = next((k for k in range(i + 1, min(i + 3, len(mentions))) if mentions[k].start == j), None)
        if k is not None and mentions[k].kind in (NodeKind.STATE, NodeKind.ORGANIZATION) \
                and mentions[k].how not in ("demonym", "descriptor"):
            self._set_affiliation(mentions, k, i)

    def _title_after(self, doc: Doc, mentions: list[Mention], i: int, person_starts: set[int],
                     by_start: dict[int, int]) -> None:
        """"Rustem Umerov, Ukraine's chief negotiator," / "Mark Rutte, the NATO secretary-general"."""
        m = mentions[i]
        j = m.end
        if j >= len(doc) or doc[j].text != "," or (m.how == "surname" and m.key is None):
            return  # a lone unknown word ("the Canal, the head of Washington's diplomacy") is no introduced name
        j += 1
        while j < len(doc) and doc[j].lower_ in WORDS["articles"]:
            j += 1
        aff = by_start.get(j)
        if aff is not None:
            j = mentions[aff].end
            if j < len(doc) and doc[j].text in WORDS["name_noise"]:
                j += 1
        end = j
        while end < len(doc) and end - j < 6 and doc[end].text not in {",", ".", ";", "—", "–"} \
                and doc[end].lower_ not in WORDS["title_enders"]:
            end += 1
        for stop in range(end, j, -1):
            words = [t for t in doc[j:stop] if t.pos_ != "ADJ" or t.lower_ in WORDS["title_words"]]
            office = self.gz.office_for(" ".join(t.text for t in words)) if words else None
            if office is not None:
                if _skip_honorifics(doc, stop) in person_starts:
                    return  # "King Abdullah II, Qatari Emir Tamim ...": the next person's title, not apposition
                if stop < len(doc) and doc[stop].pos_ in ("VERB", "AUX"):
                    return  # "the meeting with Rubio, the Panamanian president reaffirmed": a new subject
                mentions[i] = replace(m, role=office.canonical, role_level=office.level, title_start=m.end, title_end=stop)
                if aff is not None:
                    self._set_affiliation(mentions, aff, i)
                return

    def _office_ending_at(self, doc: Doc, end: int, covered: Callable[[int], bool]):
        """The longest office title (skipping adjectives like "powerful") that ends right before `end`;
        a state or body named before it ("NATO Secretary-General") is its affiliation, not part of it."""
        best = (None, end)
        words: list[Token] = []
        j = end - 1
        while j >= 0 and end - j <= 6 and not covered(j):
            tok = doc[j]
            if tok.text in {",", ".", ";", ":", "(", ")", "“", "”", '"'} or tok.ent_type_ in {"GPE", "NORP"} and tok.pos_ == "PROPN":
                break
            words.insert(0, tok)
            if tok.pos_ == "ADJ" and tok.lower_ not in WORDS["title_words"]:
                j -= 1
                continue
            kept = [t for t in words if not (t.pos_ == "ADJ" and t.lower_ not in WORDS["title_words"])]
            office = self.gz.office_for(" ".join(t.text for t in kept))
            if office is None and kept and kept[-1].tag_ in ("NNS", "NNPS"):  # "the foreign ministers of Spain, X"
                office = self.gz.office_for(" ".join([*(t.text for t in kept[:-1]), kept[-1].lemma_]))
            if office is not None:
                best = (office, j)
            j -= 1
        return best

    def _affiliation_ending_at(self, doc: Doc, mentions: list[Mention], by_end: dict[int, int],
                               start: int, i: int) -> None:
        j = start
        if j > 0 and doc[j - 1].text in WORDS["name_noise"]:
            j -= 1
        k = by_end.get(j)
        if k is not None and k != i:
            self._set_affiliation(mentions, k, i)
            j = mentions[k].start
        if j > 0 and doc[j - 1].lower_.rstrip("-") in WORDS["former"]:
            mentions[i] = replace(mentions[i], former=True)
        elif start > 0 and any(doc[t].lower_ in WORDS["former"] for t in range(max(0, start - 3), start)):
            mentions[i] = replace(mentions[i], former=True)

    @staticmethod
    def _set_affiliation(mentions: list[Mention], k: int, i: int) -> None:
        """Mention k names what person i's title serves: a state or body, or another person."""
        other = mentions[k]
        if other.kind in (NodeKind.STATE, NodeKind.ORGANIZATION):
            mentions[i] = replace(mentions[i], affiliation=other.key)
            mentions[k] = replace(other, title_of=True)
        elif other.kind is NodeKind.PERSON:
            mentions[i] = replace(mentions[i], affiliation_person=other.start)


def _skip_honorifics_back(doc: Doc, end: int, covered: Callable[[int], bool]) -> int:
    """Where a title would end before a name, past "HH Sheikh", "His Majesty", "Dr"."""
    while end > 0 and not covered(end - 1) and _honorific(doc[end - 1]):
        end -= 1
    return end


def _skip_honorifics(doc: Doc, start: int) -> int:
    while start < len(doc) and _honorific(doc[start]):
        start += 1
    return start


def _honorific(tok: Token) -> bool:
    """A capitalised honorific ("HE", "Sheikh"), never the pronoun "he"."""
    return tok.lower_ in WORDS["honorifics_between_title_and_name"] and tok.text[:1].isupper()


def _case_sensitive(text: str) -> bool:
    """Acronyms and short capitalised forms ("US", "UK", "EU", "U.S.") must match as written."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and (all(c.isupper() for c in letters) and len(letters) <= 6 or "." in text and len(text) <= 6)


def _norm_doc(doc: Doc) -> Doc:
    """Put the folded form of each token in NORM so the matcher is case- and accent-insensitive."""
    for tok in doc:
        tok.norm_ = fold(tok.text)
    return doc


def _trim_person(ent: Span) -> Span | None:
    """Drop possessive endings and stray punctuation from an NER person span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (doc[end - 1].text in WORDS["name_noise"] or doc[end - 1].is_punct):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].lower_ in WORDS["leading_articles"]):
        start += 1
    if start >= end or doc[start:end].text.lower() in WORDS["pronoun_skip"]:
        return None
    if not any(t.text[:1].isupper() for t in doc[start:end]):
        return None
    return doc[start:end]
