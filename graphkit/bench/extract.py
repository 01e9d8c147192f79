"""Benchmarks that run the competitor in the same process and report the ratio.

`bench_extract`: graphkit's whole extractor against raw spaCy `nlp.pipe` (the parse alone, the
floor any spaCy-based extractor pays) on the same texts; the target is >= 0.75 of raw throughput.
"""
from __future__ import annotations

import time
from typing import Callable

from pydantic import BaseModel

from graphkit.model import Article


class ExtractBenchmark(BaseModel):
    articles: int
    characters: int
    raw_spacy_articles_per_s: float
    graphkit_articles_per_s: float
    ratio: float
    graphkit_jobs: int = 1


def _best_of(repeat: int, run: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def bench_extract(articles: list[Article], repeat: int = 3, batch_size: int = 16, jobs: int = 1) -> ExtractBenchmark:
    """Articles/s for raw `nlp.pipe` and for graphkit's extractor, best of `repeat` runs each."""
    import spacy

    from graphkit.extract.nlp import MODEL_PACKAGES
    from graphkit.pipeline import extract_articles

    raw = None
    for name in MODEL_PACKAGES:
        try:
            raw = spacy.load(name)
            break
        except OSError:
            continue
    if raw is None:
        raise RuntimeError("no spaCy English model installed")
    texts = [a.text for a in articles]
    extract_articles(articles[:1])  # warm both up outside the timing (imports, first-call allocations)
    list(raw.pipe(texts[:1]))

    raw_s = _best_of(repeat, lambda: [None for _ in raw.pipe(texts, batch_size=batch_size)])
    ours_s = _best_of(repeat, lambda: extract_articles(articles, jobs=jobs, batch_size=batch_size))
    raw_rate, ours_rate = len(texts) / raw_s, len(texts) / ours_s
    return ExtractBenchmark(articles=len(texts), characters=sum(map(len, texts)),
                            raw_spacy_articles_per_s=round(raw_rate, 2), graphkit_articles_per_s=round(ours_rate, 2),
                            ratio=round(ours_rate / raw_rate, 3), graphkit_jobs=jobs)
