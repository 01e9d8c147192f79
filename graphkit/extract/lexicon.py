"""The relation lexicon (extract/data/lexicon.json) as sets, loaded once."""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files


@dataclass(frozen=True)
class Lexicon:
    meeting_nouns: frozenset[str]
    remote_words: frozenset[str]
    planned_words: frozenset[str]
    group_nouns: frozenset[str]
    group_preps: frozenset[str]
    speech_verbs: frozenset[str]
    verbs: dict[str, frozenset[str]]
    nouns: dict[str, frozenset[str]]
    pledge_objects: frozenset[str]
    punitive_objects: frozenset[str]
    readiness: frozenset[str]
    remote_markers: tuple[str, ...]
    delegation_nouns: frozenset[str]
    manner_nouns: frozenset[str]  # "attended in person", "joined by video": how, not what
    event_nouns: dict[str, frozenset[str]]  # "the proposal" -> the verbs whose subject proposed it

    def verb_types(self, lemma: str) -> list[str]:
        return [t for t, words in self.verbs.items() if lemma in words]

    def noun_types(self, lemma: str) -> list[str]:
        return [t for t, words in self.nouns.items() if lemma in words]


def _load() -> Lexicon:
    raw = json.loads(files("graphkit.extract").joinpath("data/lexicon.json").read_text(encoding="utf-8"))
    sets = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list) and k != "remote_markers"}
    return Lexicon(**sets, verbs={k: frozenset(v) for k, v in raw["verbs"].items()},
                   nouns={k: frozenset(v) for k, v in raw["nouns"].items()},
                   event_nouns={k: frozenset(v) for k, v in raw["event_nouns"].items() if not k.startswith("_")},
                   remote_markers=tuple(raw["remote_markers"]))


LEXICON = _load()
