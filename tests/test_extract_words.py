"""The extractor's word sets (graphkit/extract/data/*.json): no word listed twice in a set, no set
that no code reads, and relation words only for relation types the model declares."""
import re
from pathlib import Path

from graphkit.extract.lexicon import LEXICON, WORDS, read_word_files
from graphkit.model import RelationType

PACKAGE = Path(__file__).resolve().parents[1] / "graphkit"


def _lists(value, where):
    if isinstance(value, list):
        yield where, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if not key.startswith("_"):
                yield from _lists(inner, f"{where}.{key}")


def test_no_word_is_listed_twice_in_a_set():
    repeated = {}
    for name, raw in read_word_files().items():
        for where, words in _lists(raw, name):
            twice = sorted({w for w in words if words.count(w) > 1})
            if twice:
                repeated[where] = twice
    assert not repeated


def test_every_word_set_is_read_by_some_code():
    code = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    triggers = (PACKAGE / "extract" / "data" / "triggers.json").read_text(encoding="utf-8")
    read = set(re.findall(r'WORDS\["(\w+)"\]', code)) | set(re.findall(r'"@(\w+)"', triggers))
    assert sorted(set(WORDS) - read) == []
    assert sorted(read - set(WORDS)) == []


def test_relation_words_are_for_declared_relation_types():
    assert set(LEXICON.verbs) | set(LEXICON.nouns) <= set(RelationType.__members__)
