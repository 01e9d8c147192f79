"""Rewrite tests/golden/*.json from the current extractor.

Only for an INTENTIONAL change of extraction output: run it, then read `git diff tests/golden`
and commit the new outputs with the change that explains them. A refactoring must never need it.

    PYTHONPATH=. python3 tests/golden/regenerate.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.golden.articles import ARTICLES, extraction_json, golden_path  # noqa: E402


def main() -> None:
    for path in ARTICLES:
        golden_path(path).write_text(extraction_json(path), encoding="utf-8")
        print(f"wrote {golden_path(path)}")


if __name__ == "__main__":
    main()
