"""Load the gazetteer data files and answer look-ups on them.

The data (countries, organizations, office titles, office holders) is general world knowledge kept as
JSON under ``data/`` so that it can be reviewed and corrected without touching code.  Everything is read
once per process (``load_gazetteer`` is cached) and all look-up tables are built up front, so each query
is a couple of dict probes.

Normalisation (shared by every look-up, see ``normalize``):

* accents are dropped and a few non-decomposing letters folded (``Élysée`` == ``Elysee``, ``Łódź`` == ``Lodz``);
* curly quotes become ``'``, dashes become ``-``, then ``-`` counts as a space and ``.`` is ignored
  (``U.S.`` == ``US``, ``Secretary General`` == ``Secretary-General``);
* a leading ``the`` is ignored (``the Kremlin``), and a trailing possessive ``'s`` is tried away
  (``Britain's``);
* letters are compared case-insensitively, except that forms written entirely in capitals (``US``, ``UK``,
  ``WHO``, ``PM``) match only in capitals, so the pronoun "us" never means the United States, and
  forms listed as ``capitalised_only`` (``Turkey``, ``Chad``, ``Polish``...) match only when the text
  starts with a capital letter.
"""

from __future__ import annotations

import functools
import json
import re
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Literal, Optional

__all__ = [
    "Country",
    "Gazetteer",
    "Office",
    "OfficeHolder",
    "OfficeTerm",
    "Organization",
    "load_gazetteer",
    "normalize",
]

Kind = Literal["name", "demonym", "metonym"]
CasePolicy = Literal["exact", "capitalised", "any"]

_DATA_PACKAGE = "graphkit.gazetteer"
_FILES = {
    "countries": "countries.json",
    "organizations": "organizations.json",
    "offices": "offices.json",
    "office_holders": "office_holders.json",
}

# --------------------------------------------------------------------------------------------------
# normalisation

_CHAR_MAP = str.maketrans(
    {
        "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "′": "'",
        "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-",
        "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
        "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ı": "i",
        "\u00a0": " ",
    }
)
_SPACE_RE = re.compile(r"\s+")
_POSSESSIVE_RE = re.compile(r"(?:'s|s')$")


def fold_accents(text: str) -> str:
    """Strip diacritics but keep case: 'Élysée' -> 'Elysee' (used to emit ASCII surface forms too)."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_CHAR_MAP))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _key(text: str) -> str:
    """Case-preserving normal form: accents folded, '.' dropped, '-' as space, no leading 'the'."""
    t = fold_accents(text).replace(".", "").replace("-", " ")
    t = _SPACE_RE.sub(" ", t).strip(" ,;:")
    if t[:4].lower() == "the " and len(t) > 4:
        t = t[4:]
    return t


def normalize(text: str) -> str:
    """The case-insensitive look-up key used for every surface form (exposed for the extractor)."""
    return _key(text).casefold()


def _is_acronym(form: str) -> bool:
    """All-capital forms (US, UK, WHO, OPEC+, U.S.) are matched case-sensitively."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _starts_upper(text: str) -> bool:
    for ch in _key(text):
        if ch.isalpha():
            return ch.isupper()
    return False


def _parse_date(value: str | date | None, *, where: str = "") -> Optional[date]:
    """YYYY, YYYY-MM or YYYY-MM-DD -> the first day it denotes."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    parts = str(value).split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 1, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        pass
    raise ValueError(f"{where}: invalid date {value!r} (want YYYY, YYYY-MM or YYYY-MM-DD)")


# --------------------------------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True)
class Country:
    """A state (or a listed territory) and every way news names it."""

    iso3: str
    iso2: str
    name: str
    official_name: str
    status: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: Optional[str]
    metonyms: tuple[str, ...]
    sovereign: Optional[str] = None
    note: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Organization:
    """An intergovernmental body, alliance, institution or (type='non_state_actor') armed group."""

    id: str
    name: str
    type: str
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    head_title: Optional[str] = None
    note: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Office:
    """A canonical role; equality ignores the title variants so Office('PM', 'state') compares simply."""

    canonical: str
    level: str
    titles: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class OfficeTerm:
    """One holding of one office; `start`/`end` keep the file's (possibly partial) dates."""

    role: str
    state: Optional[str]
    organization: Optional[str]
    start: Optional[str]
    end: Optional[str]
    to: Optional[str] = None
    note: Optional[str] = None
    start_date: Optional[date] = field(default=None, compare=False, repr=False)
    end_date: Optional[date] = field(default=None, compare=False, repr=False)

    def current_on(self, on: date) -> bool:
        """start <= on < end (open ends are unbounded)."""
        if self.start_date is not None and on < self.start_date:
            return False
        return self.end_date is None or on < self.end_date


@dataclass(frozen=True, slots=True)
class OfficeHolder:
    """A person with the offices they held or hold."""

    id: str
    name: str
    surname: str
    variants: tuple[str, ...]
    offices: tuple[OfficeTerm, ...]
    note: Optional[str] = None


# --------------------------------------------------------------------------------------------------
# the gazetteer


class _FormIndex:
    """Surface form -> (id, kind) with the case policy applied; records collisions between ids."""

    __slots__ = ("exact", "folded", "capitalised", "collisions", "label")

    def __init__(self, label: str, capitalised_only: set[str]):
        self.label = label
        self.exact: dict[str, tuple[str, str]] = {}
        self.folded: dict[str, tuple[str, str]] = {}
        self.capitalised = capitalised_only  # normalized keys
        self.collisions: list[tuple[str, str, str]] = []

    def add(self, form: str, ident: str, kind: str) -> None:
        key = _key(form)
        if not key:
            return
        table, k = (self.exact, key) if _is_acronym(form) else (self.folded, key.casefold())
        prev = table.get(k)
        if prev is None:
            table[k] = (ident, kind)
        elif prev[0] != ident:
            self.collisions.append((form, prev[0], ident))

    def get(self, text: str) -> Optional[tuple[str, str]]:
        if not text or not text.strip():
            return None
        candidates = [text]
        stripped = _POSSESSIVE_RE.sub("", text.strip())
        if stripped != text.strip():
            candidates.append(stripped)
        for cand in candidates:
            key = _key(cand)
            hit = self.exact.get(key)
            if hit is not None:
                return hit
            folded = key.casefold()
            hit = self.folded.get(folded)
            if hit is not None and (folded not in self.capitalised or _starts_upper(cand)):
                return hit
        return None


class Gazetteer:
    """In-memory gazetteer; build it with ``load_gazetteer()``."""

    def __init__(self, raw: dict[str, dict]):
        self.load_seconds = 0.0
        self.offices: list[Office] = []
        self.countries: dict[str, Country] = {}
        self.organizations: dict[str, Organization] = {}
        self.office_holders: dict[str, OfficeHolder] = {}
        self._build_offices(raw["offices"])
        self._build_countries(raw["countries"])
        self._build_organizations(raw["organizations"])
        self._build_people(raw["office_holders"])
        self._surface_cache: dict[bool, list[tuple[str, str, str]]] = {}

    # ---------------------------------------------------------------- building + validation
    def _build_offices(self, doc: dict) -> None:
        fname = _FILES["offices"]
        self._office_index = _FormIndex("offices", set())
        self._office_by_role: dict[str, Office] = {}
        for i, rec in enumerate(_required(doc, "offices", fname, "top level")):
            canonical = _required(rec, "canonical", fname, f"entry {i}")
            level = _required(rec, "level", fname, canonical)
            if level not in ("state", "organization"):
                raise ValueError(f"{fname}: office {canonical!r} field 'level': must be 'state' or 'organization', got {level!r}")
            if canonical in self._office_by_role:
                raise ValueError(f"{fname}: office {canonical!r} field 'canonical': duplicate canonical role")
            # "portfolios": a minister's field, giving "<field> minister", "minister of/for <field>"
            portfolio_titles = [form for field in rec.get("portfolios", ())
                                for form in (f"{field} minister", f"minister of {field}", f"minister for {field}")]
            office = Office(canonical, level, tuple(rec.get("titles", ())) + tuple(portfolio_titles))
            self.offices.append(office)
            self._office_by_role[canonical] = office
            for title in (canonical, *office.titles):
                self._office_index.add(title, canonical, "title")
        if self._office_index.collisions:
            form, a, b = self._office_index.collisions[0]
            raise ValueError(f"{fname}: title {form!r} field 'titles': listed under both {a!r} and {b!r}")

    def _build_countries(self, doc: dict) -> None:
        fname = _FILES["countries"]
        cap = {normalize(f) for f in doc.get("capitalised_only", ())}
        self.non_state_phrases: tuple[str, ...] = tuple(doc.get("non_state_phrases", ()))
        self._state_index = _FormIndex("states", cap)
        self._state_case: dict[str, CasePolicy] = {}
        for iso3, rec in _required(doc, "countries", fname, "top level").items():
            if not (len(iso3) == 3 and iso3.isalpha() and iso3.isupper()):
                raise ValueError(f"{fname}: country {iso3!r}: key must be an ISO 3166-1 alpha-3 code")
            c = Country(
                iso3=iso3,
                iso2=_required(rec, "iso2", fname, iso3),
                name=_required(rec, "name", fname, iso3),
                official_name=rec.get("official_name") or rec["name"],
                status=_required(rec, "status", fname, iso3),
                names=tuple(rec.get("names", ())),
                demonyms=tuple(rec.get("demonyms", ())),
                capital=rec.get("capital"),
                metonyms=tuple(rec.get("metonyms", ())),
                sovereign=rec.get("sovereign"),
                note=rec.get("note"),
            )
            self.countries[iso3] = c
        for c in self.countries.values():
            if c.sovereign is not None and c.sovereign not in self.countries:
                raise ValueError(f"{fname}: country {c.iso3!r} field 'sovereign': unknown ISO3 {c.sovereign!r}")
            # names first so that a form listed under two kinds of the same state reads as a name
            for kind, forms in (("name", (c.name, *c.names)), ("demonym", c.demonyms), ("metonym", c.metonyms)):
                for form in forms:
                    self._state_index.add(form, c.iso3, kind)
        self.collisions: list[tuple[str, str, str]] = list(self._state_index.collisions)

    def _build_organizations(self, doc: dict) -> None:
        fname = _FILES["organizations"]
        cap = {normalize(f) for f in doc.get("capitalised_only", ())}
        self._org_index = _FormIndex("organizations", cap)
        for i, rec in enumerate(_required(doc, "organizations", fname, "top level")):
            oid = _required(rec, "id", fname, f"entry {i}")
            if oid in self.organizations:
                raise ValueError(f"{fname}: organization {oid!r} field 'id': duplicate id")
            members = tuple(rec.get("members", ()))
            for m in members:
                if m not in self.countries:
                    raise ValueError(f"{fname}: organization {oid!r} field 'members': unknown ISO3 {m!r}")
            head = rec.get("head_title")
            self.organizations[oid] = Organization(
                id=oid,
                name=_required(rec, "name", fname, oid),
                type=rec.get("type", "intergovernmental"),
                acronyms=tuple(rec.get("acronyms", ())),
                aliases=tuple(rec.get("aliases", ())),
                members=members,
                head_title=head,
                note=rec.get("note"),
            )
        for o in self.organizations.values():
            for kind, forms in (("name", (o.name,)), ("acronym", o.acronyms), ("alias", o.aliases)):
                for form in forms:
                    self._org_index.add(form, o.id, kind)
        self.collisions.extend(self._org_index.collisions)

    def _build_people(self, doc: dict) -> None:
        fname = _FILES["office_holders"]
        self._person_full = _MultiIndex()
        self._person_surname = _MultiIndex()
        self._terms_by_role: dict[str, list[tuple[OfficeTerm, str]]] = {}
        for i, rec in enumerate(_required(doc, "office_holders", fname, "top level")):
            pid = _required(rec, "id", fname, f"entry {i}")
            if pid in self.office_holders:
                raise ValueError(f"{fname}: office holder {pid!r} field 'id': duplicate id")
            terms = []
            for j, t in enumerate(rec.get("offices", ())):
                where = f"{fname}: office holder {pid!r} offices[{j}]"
                role = t.get("role")
                if role not in self._office_by_role:
                    raise ValueError(f"{where} field 'role': unknown canonical role {role!r}")
                state, org, to = t.get("state"), t.get("organization"), t.get("to")
                if state is None and org is None:
                    raise ValueError(f"{where} fields 'state'/'organization': one is required")
                if state is not None and state not in self.countries:
                    raise ValueError(f"{where} field 'state': unknown ISO3 {state!r}")
                if org is not None and org not in self.organizations:
                    raise ValueError(f"{where} field 'organization': unknown organization id {org!r}")
                if to is not None and to not in self.countries and to not in self.organizations:
                    raise ValueError(f"{where} field 'to': unknown ISO3 or organization id {to!r}")
                sd = _parse_date(t.get("start"), where=f"{where} field 'start'")
                ed = _parse_date(t.get("end"), where=f"{where} field 'end'")
                if sd and ed and ed < sd:
                    raise ValueError(f"{where} field 'end': {t.get('end')!r} is before start {t.get('start')!r}")
                term = OfficeTerm(role, state, org, t.get("start"), t.get("end"), to, t.get("note"), sd, ed)
                terms.append(term)
                self._terms_by_role.setdefault(role, []).append((term, pid))
            holder = OfficeHolder(
                id=pid,
                name=_required(rec, "name", fname, pid),
                surname=rec.get("surname") or rec["name"].split()[-1],
                variants=tuple(rec.get("variants", ())),
                offices=tuple(terms),
                note=rec.get("note"),
            )
            self.office_holders[pid] = holder
            for form in (holder.name, *holder.variants):
                self._person_full.add(form, pid)
            self._person_surname.add(holder.surname, pid)

    # ---------------------------------------------------------------- look-ups
    def state_for(self, text: str) -> Optional[str]:
        """ISO3 for a country name, short form, demonym, capital or seat of government; None if unknown."""
        hit = self._state_index.get(text)
        return hit[0] if hit else None

    def how_named(self, text: str) -> Optional[Kind]:
        """Which kind of surface form `text` is for its state: 'name', 'demonym' or 'metonym'."""
        hit = self._state_index.get(text)
        return hit[1] if hit else None  # type: ignore[return-value]

    def organization_for(self, text: str) -> Optional[str]:
        """Organization id for a name, acronym or alias; None if unknown."""
        hit = self._org_index.get(text)
        return hit[0] if hit else None

    def people_named(self, text: str) -> list[OfficeHolder]:
        """People whose full name or a variant is `text`; failing that, everyone with that surname."""
        ids = self._person_full.get(text) or self._person_surname.get(text)
        return [self.office_holders[i] for i in ids]

    def office_for(self, title_text: str) -> Optional[Office]:
        """Canonical Office for a title ('Taoiseach' -> Prime Minister); also 'US Secretary of State', 'acting PM'."""
        text = title_text.strip()
        for _ in range(4):
            hit = self._office_index.get(text)
            if hit is not None:
                return self._office_by_role[hit[0]]
            stripped = self._strip_title_prefix(text)
            if stripped is None:
                return None
            text = stripped
        return None

    def _strip_title_prefix(self, text: str) -> Optional[str]:
        """Drop a leading qualifier ('acting') or state/organization form ('US', 'NATO', 'British')."""
        words = text.split()
        if len(words) < 2:
            return None
        if words[0].lower() in ("acting", "interim", "caretaker", "the"):
            return " ".join(words[1:])
        for n in (3, 2, 1):
            if len(words) > n:
                head = " ".join(words[:n])
                head = _POSSESSIVE_RE.sub("", head)
                if self._state_index.get(head) or self._org_index.get(head):
                    return " ".join(words[n:])
        return None

    def offices_held(self, holder_id: str, on: date | str | None = None) -> list[OfficeTerm]:
        """Terms of `holder_id` current on `on` (today if None); unknown id -> KeyError."""
        holder = self.office_holders[holder_id]
        day = _parse_date(on, where="offices_held") if on is not None else date.today()
        return [t for t in holder.offices if t.current_on(day)]

    def holders_of(
        self,
        role: str,
        state: Optional[str] = None,
        organization: Optional[str] = None,
        on: date | str | None = None,
    ) -> list[OfficeHolder]:
        """Who held canonical `role` for `state`/`organization` on `on` (today if None)."""
        day = _parse_date(on, where="holders_of") if on is not None else date.today()
        out: list[OfficeHolder] = []
        for term, pid in self._terms_by_role.get(role, ()):
            if state is not None and term.state != state:
                continue
            if organization is not None and term.organization != organization:
                continue
            if term.current_on(day) and self.office_holders[pid] not in out:
                out.append(self.office_holders[pid])
        return out

    def case_policy(self, form: str) -> CasePolicy:
        """How the extractor should match `form`: 'exact' case, only 'capitalised', or 'any' case."""
        if _is_acronym(form):
            return "exact"
        key = normalize(form)
        if key in self._state_index.capitalised or key in self._org_index.capitalised:
            return "capitalised"
        return "any"

    def surface_forms(self, include_surnames: bool = False) -> list[tuple[str, str, str]]:
        """(surface text, 'State'|'Organization'|'Person', id) for every listed form, plus ASCII-folded copies.

        Surnames alone are left out by default ('Martin', 'Lee', 'Costa' are too ambiguous for a
        phrase matcher); pass include_surnames=True to add them. A text may map to several people.
        """
        cached = self._surface_cache.get(include_surnames)
        if cached is not None:
            return list(cached)
        seen: set[tuple[str, str, str]] = set()
        out: list[tuple[str, str, str]] = []

        def emit(form: str, kind: str, ident: str) -> None:
            for text in (form, fold_accents(form)):
                item = (text, kind, ident)
                if text and item not in seen:
                    seen.add(item)
                    out.append(item)

        for c in self.countries.values():
            for form in (c.name, *c.names, *c.demonyms, *c.metonyms):
                emit(form, "State", c.iso3)
        for o in self.organizations.values():
            for form in (o.name, *o.acronyms, *o.aliases):
                emit(form, "Organization", o.id)
        for p in self.office_holders.values():
            for form in (p.name, *p.variants):
                emit(form, "Person", p.id)
            if include_surnames:
                emit(p.surname, "Person", p.id)
        self._surface_cache[include_surnames] = out
        return list(out)


class _MultiIndex:
    """Normalised form -> ordered list of ids (people may share a name or surname)."""

    __slots__ = ("exact", "folded")

    def __init__(self) -> None:
        self.exact: dict[str, list[str]] = {}
        self.folded: dict[str, list[str]] = {}

    def add(self, form: str, ident: str) -> None:
        key = _key(form)
        if not key:
            return
        table, k = (self.exact, key) if _is_acronym(form) else (self.folded, key.casefold())
        ids = table.setdefault(k, [])
        if ident not in ids:
            ids.append(ident)

    def get(self, text: str) -> list[str]:
        if not text or not text.strip():
            return []
        key = _key(text)
        return list(self.exact.get(key) or self.folded.get(key.casefold()) or ())


def _required(rec: dict, name: str, fname: str, entry: str):
    if not isinstance(rec, dict) or name not in rec or rec[name] in (None, ""):
        raise ValueError(f"{fname}: {entry} field {name!r}: missing")
    return rec[name]


def _no_duplicate_keys(fname: str):
    def hook(pairs):
        obj = {}
        for k, v in pairs:
            if k in obj:
                raise ValueError(f"{fname}: duplicate key {k!r}")
            obj[k] = v
        return obj

    return hook


def _read(fname: str) -> dict:
    text = resources.files(_DATA_PACKAGE).joinpath("data", fname).read_text(encoding="utf-8")
    return json.loads(text, object_pairs_hook=_no_duplicate_keys(fname))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Read and validate the packaged data once per process."""
    started = time.perf_counter()
    gz = Gazetteer({name: _read(fname) for name, fname in _FILES.items()})
    gz.load_seconds = time.perf_counter() - started
    return gz
