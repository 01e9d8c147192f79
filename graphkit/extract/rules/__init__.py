"""The relation rules, one module per family, and the small generic code that runs them.

Which rule reads which word is data (extract/data/triggers.json): for each token, the first table
it enters (verbs, nouns) lists its rules in order, each with the words that trigger it. Adding a
pattern is one function in a family module, one line in that table and one test.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from importlib.resources import files
from typing import Callable

from spacy.tokens import Span, Token

from graphkit.extract.lexicon import LEXICON, WORDS
from graphkit.extract.reading import Found, Reading, hypothetical, negated, phrasal

Rule = Callable[[Reading, Token, Span], "bool | None"]
GATES: dict[str, Callable[[Token], bool]] = {"negated": negated, "hypothetical": hypothetical}


@dataclass(frozen=True)
class Condition:
    """All of these hold for the token (None: not asked)."""

    pos: frozenset[str] | None = None
    lemma: frozenset[str] | None = None
    word: frozenset[str] | None = None
    type: str | None = None
    phrasal: frozenset | None = None

    def holds_for_word(self, pos: str, lemma: str, word: str, types: list[str]) -> bool:
        """Everything but the phrasal particle, which depends on the token's parse, not its word."""
        return (self.pos is None or pos in self.pos) and (self.lemma is None or lemma in self.lemma) \
            and (self.word is None or word in self.word) and (self.type is None or self.type in types)

    def holds_in_parse(self, tok: Token) -> bool:
        return self.phrasal is None or phrasal(tok) in self.phrasal


@dataclass(frozen=True)
class Trigger:
    """A rule and when it runs: any of `when` (always if empty), unless one of the `unless` gates holds."""

    name: str
    rule: Rule
    when: tuple[Condition, ...]
    unless: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """The rules for one kind of word (verbs, nouns), in the order they run."""

    name: str
    enter: tuple[Condition, ...]
    types: dict[str, frozenset[str]]
    types_by_word: bool
    triggers: tuple[Trigger, ...]
    _plans: dict = field(default_factory=dict, compare=False, repr=False)

    def plan(self, tok: Token, lemma: str) -> list[tuple[Trigger, tuple[Condition, ...]]]:
        """The triggers this word may fire, each with the conditions left to check on the parse
        (none: it fires). Worked out once per (POS, lemma, word): a table run is then a short loop."""
        key = (tok.pos_, lemma, tok.lower_)
        plan = self._plans.get(key)
        if plan is None:
            types = [t for t, words in self.types.items() if lemma in words]
            if not types and self.types_by_word:
                types = [t for t, words in self.types.items() if tok.lower_ in words]
            plan = []
            for trigger in self.triggers:
                fits = [c for c in trigger.when if c.holds_for_word(tok.pos_, lemma, tok.lower_, types)]
                if not trigger.when or any(c.phrasal is None for c in fits):
                    plan.append((trigger, ()))
                elif fits:
                    plan.append((trigger, tuple(fits)))
            self._plans[key] = plan
        return plan


def _words(value) -> frozenset:
    if isinstance(value, str):
        if not value.startswith("@") or value[1:] not in WORDS:
            raise ValueError(f"triggers.json: unknown word set {value!r}; known: {', '.join(sorted(WORDS))}")
        return WORDS[value[1:]]
    return frozenset(value)


def _condition(raw: dict) -> Condition:
    unknown = set(raw) - {"pos", "lemma", "word", "type", "phrasal"}
    if unknown:
        raise ValueError(f"triggers.json: unknown condition key(s) {sorted(unknown)} in {raw}")
    return Condition(pos=frozenset(raw["pos"]) if "pos" in raw else None,
                     lemma=_words(raw["lemma"]) if "lemma" in raw else None,
                     word=_words(raw["word"]) if "word" in raw else None,
                     type=raw.get("type"),
                     phrasal=_words(raw["phrasal"]) if "phrasal" in raw else None)


def rule_named(name: str) -> Callable:
    """ "attendance.hosted" -> graphkit.extract.rules.attendance.hosted, or a clear error."""
    module, _, function = name.partition(".")
    try:
        return getattr(import_module(f"graphkit.extract.rules.{module}"), function)
    except (ImportError, AttributeError):
        raise ValueError(f"triggers.json: no rule {name!r} (expected module.function in graphkit/extract/rules/)") from None


def load_triggers() -> tuple[tuple[Table, ...], tuple[tuple[str, Callable], ...]]:
    raw = json.loads(files("graphkit.extract").joinpath("data/triggers.json").read_text(encoding="utf-8"))
    tables = []
    for t in raw["tables"]:
        triggers = []
        for row in t["rules"]:
            bad = set(row.get("unless", [])) - set(GATES)
            if bad:
                raise ValueError(f"triggers.json: unknown gate(s) {sorted(bad)} for {row['rule']}; known: {sorted(GATES)}")
            triggers.append(Trigger(row["rule"], rule_named(row["rule"]), tuple(_condition(c) for c in row.get("when", [])),
                                    tuple(row.get("unless", []))))
        tables.append(Table(t["name"], tuple(_condition(c) for c in t["enter"]), getattr(LEXICON, t["types"]),
                            bool(t.get("types_by_word")), tuple(triggers)))
    return tuple(tables), tuple((name, rule_named(name)) for name in raw["document"])


TABLES, DOCUMENT_RULES = load_triggers()


def read_found(r: Reading) -> list[Found]:
    """Run every table over every sentence, then the document rules; what they found, in order."""
    for sent in r.doc.sents:
        if sent.text.rstrip().endswith("?") and not any(q in sent.text for q in "“\"'"):
            continue  # a question asserts nothing (a quoted one still has its reporting clause)
        for tok in sent:
            lemma = tok.lemma_.lower()
            table = table_for(tok.pos_, lemma, tok.lower_)
            if table is not None:
                run_table(r, table, tok, lemma, sent)
    for _name, rule in DOCUMENT_RULES:
        rule(r)
    return r.found


@cache
def table_for(pos: str, lemma: str, word: str) -> Table | None:
    """The first table a word enters (None: no rule reads it)."""
    return next((t for t in TABLES if any(c.holds_for_word(pos, lemma, word, ()) for c in t.enter)), None)


def run_table(r: Reading, table: Table, tok: Token, lemma: str, sent: Span) -> None:
    gates: dict[str, bool] = {}  # each gate asked once per token
    for trigger, in_parse in table.plan(tok, lemma):
        if in_parse and not any(c.holds_in_parse(tok) for c in in_parse):
            continue
        if any(gates[g] if g in gates else gates.setdefault(g, GATES[g](tok)) for g in trigger.unless):
            continue
        if trigger.rule(r, tok, sent):
            return
