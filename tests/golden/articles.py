"""The articles the golden test pins, and how their stored output is produced.

Each article is built with an explicit id (its file name) and path, so the golden outputs test
extraction, not how article ids are derived from paths."""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent
ARTICLES = sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/dev/articles/*.txt")])


def article_of(path: Path):
    from graphkit.sources import article_from_text

    rel = path.relative_to(ROOT).as_posix()
    return article_from_text(path.read_text(encoding="utf-8"), article_id=path.name, path=rel)


def extraction_json(path: Path) -> str:
    """What `graphkit extract PATH --format json` prints for this article (run from the repo root)."""
    from graphkit.model import merge_graphs
    from graphkit.pipeline import extract_articles

    graph = merge_graphs(extract_articles([article_of(path)]))
    return json.dumps(graph.to_prediction(), ensure_ascii=False, indent=1) + "\n"


def golden_path(path: Path) -> Path:
    return GOLDEN / f"{path.stem}.json"
