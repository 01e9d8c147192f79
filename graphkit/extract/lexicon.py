"""The extractor's words as data (extract/data/*.json), loaded once.

`WORDS` maps every flat list in lexicon.json and words.json to a frozenset by its key, so a new
word set is a new key and no code change; `LEXICON` adds the structured parts of lexicon.json:
the verbs and nouns that signal each relation type, and the act nouns' verbs ("the proposal")."""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from typing import Mapping

from graphkit.model import RelationType

WORD_FILES = ("lexicon.json", "words.json")
_STRUCTURED = {"verbs", "nouns", "event_nouns"}


class WordSets(dict):
    """name -> frozenset of words; an unknown name says which sets there are."""

    def __missing__(self, name: str) -> frozenset[str]:
        raise KeyError(f"no word set {name!r} in graphkit/extract/data/{{{','.join(WORD_FILES)}}}; "
                       f"known: {', '.join(sorted(self))}")


@dataclass(frozen=True)
class Lexicon:
    verbs: Mapping[str, frozenset[str]]  # relation type -> lemmas of the verbs that signal it
    nouns: Mapping[str, frozenset[str]]
    event_nouns: Mapping[str, frozenset[str]]  # "the proposal" -> the verbs whose subject proposed it

    def verb_types(self, lemma: str) -> list[str]:
        return [t for t, words in self.verbs.items() if lemma in words]


def read_word_files() -> dict[str, dict]:
    """Each data file as stored (file name -> its JSON object), for the loader and its tests."""
    data = files("graphkit.extract").joinpath("data")
    return {name: json.loads(data.joinpath(name).read_text(encoding="utf-8")) for name in WORD_FILES}


def _load() -> tuple[WordSets, Lexicon]:
    words = WordSets()
    raw_files = read_word_files()
    for name, raw in raw_files.items():
        for key, value in raw.items():
            if key.startswith("_") or key in _STRUCTURED:
                continue
            if key in words:
                raise ValueError(f"graphkit/extract/data/{name}: word set {key!r} is defined twice")
            words[key] = frozenset(value)
    lex = raw_files["lexicon.json"]
    sets = lambda d: {k: frozenset(v) for k, v in d.items() if not k.startswith("_")}  # noqa: E731
    return words, Lexicon(verbs=_by_relation_type(lex["verbs"], "verbs"), nouns=_by_relation_type(lex["nouns"], "nouns"),
                          event_nouns=sets(lex["event_nouns"]))


def _by_relation_type(raw: dict[str, list[str]], part: str) -> dict[str, frozenset[str]]:
    """Words per relation type; a type the model declares and the lexicon does not list has none
    (rules may still produce it), a lexicon key that is no declared type is an error."""
    declared = [t.value for t in RelationType]
    unknown = sorted(t for t in raw if t not in declared and not t.startswith("_"))
    if unknown:
        raise ValueError(f"graphkit/extract/data/lexicon.json: {part}: {', '.join(unknown)} is no relation type "
                         f"declared in graphkit/model.py (known: {', '.join(declared)})")
    return {**{t: frozenset(v) for t, v in raw.items() if not t.startswith("_")},
            **{t: frozenset() for t in declared if t not in raw}}


WORDS, LEXICON = _load()
