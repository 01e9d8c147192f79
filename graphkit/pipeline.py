"""The pipeline end to end: articles -> mentions -> entities -> relations -> Graph -> store.

`Extractor` owns the loaded spaCy model and gazetteer matchers (built once); `extract_articles`
batches with `nlp.pipe` and can fan out to processes; `ingest_paths` reads files, skips the
unchanged ones, and replaces each changed article's contribution in a store.
"""
from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pydantic import BaseModel, Field

from graphkit.model import Article, Graph, merge_graphs
from graphkit.sources import (MAX_LINE_CHARS, STDIN_SOURCE, ArticleError, iter_article_paths, iter_articles,
                              overlong_lines, prose_of)
from graphkit.stores.base import GraphStore


class ExtractionError(Exception):
    """The extractor failed on an article; the message names it."""


class Extractor:
    """spaCy + the gazetteer, loaded once; turns parsed articles into graphs."""

    def __init__(self) -> None:
        from graphkit.extract.mentions import MentionFinder
        from graphkit.extract.nlp import load_nlp
        from graphkit.gazetteer import load_gazetteer

        self.nlp = load_nlp()
        self.gazetteer = load_gazetteer()
        self.find_mentions = MentionFinder(self.nlp, self.gazetteer)

    def extract(self, article: Article) -> Graph:
        return self.graph_of(article, self.nlp(prose_of(article.text)))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16,
                     failures: dict[str, str] | None = None) -> Iterator[Graph]:
        """Graphs in input order; spaCy parses in batches (nlp.pipe), which is what makes it fast.

        With `failures`, an article the extractor fails on is recorded there (by path) and
        skipped, so one bad article does not stop the others; without it, ExtractionError."""
        pending = list(articles)
        docs = self.nlp.pipe((prose_of(a.text) for a in pending), batch_size=batch_size)
        for article, doc in zip(pending, docs):
            try:
                yield self.graph_of(article, doc)
            except Exception as exc:  # noqa: BLE001 - reported per article, with its name
                where = _where(article)
                message = f"{where}: extraction failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
                if failures is None:
                    raise ExtractionError(message) from exc
                failures[article.id] = message

    def graph_of(self, article: Article, doc) -> Graph:
        from graphkit.extract.pipeline import extract_graph

        return extract_graph(article, doc, self.gazetteer, self.find_mentions)


@cache
def default_extractor() -> Extractor:
    return Extractor()


def _extract_chunk(articles: list[Article], keep_going: bool) -> tuple[list[Graph], dict[str, str]]:
    failures: dict[str, str] = {}
    graphs = list(default_extractor().extract_many(articles, failures=failures if keep_going else None))
    return graphs, failures


def extract_articles(articles: list[Article], jobs: int = 1, batch_size: int = 16,
                     progress: Callable[[int], None] | None = None,
                     failures: dict[str, str] | None = None) -> list[Graph]:
    """One graph per article, in order; `jobs` > 1 splits large inputs over processes.
    `progress(n)` is told each time n more articles are done; with `failures`, articles the
    extractor fails on are recorded there and left out instead of raising ExtractionError."""
    if jobs <= 1 or len(articles) < 2 * batch_size:
        graphs = []
        for graph in default_extractor().extract_many(articles, batch_size=batch_size, failures=failures):
            graphs.append(graph)
            if progress is not None:
                progress(1)
        return graphs
    chunk = max(batch_size, len(articles) // (jobs * 4) or 1)
    parts = [articles[i:i + chunk] for i in range(0, len(articles), chunk)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        graphs = []
        for part, part_failures in pool.map(_extract_chunk, parts, [failures is not None] * len(parts)):
            graphs.extend(part)
            if failures is not None:
                failures.update(part_failures)
            if progress is not None:
                progress(len(part) + len(part_failures))
        return graphs


class IngestReport(BaseModel):
    """What an ingest did with every input: each article read is added, updated, unchanged or
    the same article as another input of this run (`same`); each unreadable input is in `failed`."""

    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    same: list[str] = Field(default_factory=list)
    failed: dict[str, str] = Field(default_factory=dict)


def read_articles(paths: list[str | Path], strict: bool = False,
                  on_error: Callable[[str, str], None] | None = None,
                  on_warning: Callable[[str, str], None] | None = None,
                  progress: bool = False) -> tuple[list[Article], dict[str, str]]:
    """Every article under `paths` (files, folders, `-` for stdin; one per .json/.jsonl record).
    Unreadable files and records are collected in `failed` (input -> one-line reason) and passed
    to `on_error`, or raised at the first one when strict; warnings go to `on_warning`.
    `progress` shows a bar over the files on stderr."""
    articles: list[Article] = []
    failed: dict[str, str] = {}

    def fail(where: str, problem: str) -> None:
        failed[where] = problem
        if on_error:
            on_error(where, problem)

    found: list[Path] = []
    for raw in paths:
        try:
            found.extend(iter_article_paths([raw]))
        except ArticleError as exc:
            if strict:
                raise
            fail(str(raw), str(exc))
    with _progress_bar(progress, len(found), "reading", "file") as bar:
        for path in found:
            try:
                articles.extend(iter_articles(path, on_error=None if strict else fail, on_warning=on_warning))
            except ArticleError as exc:
                if strict:
                    raise
                fail(str(path), str(exc))
            bar.update(1)
    if on_warning:
        for a in articles:
            for line, length in overlong_lines(a.text):
                where = _where(a)
                on_warning(where, f"{where}: line {line} has {length:,} characters without a break (over "
                                  f"{MAX_LINE_CHARS:,}); not read as prose, the rest of the article is")
    return articles, failed


def ingest_paths(paths: list[str | Path], store: GraphStore, jobs: int = 1, strict: bool = False,
                 on_error: Callable[[str, str], None] | None = None,
                 on_warning: Callable[[str, str], None] | None = None,
                 progress: bool = False) -> IngestReport:
    """Read, extract and merge articles into `store`; unchanged articles are skipped, edited
    ones replace what they contributed before. All changes land in one atomic write.
    `progress` shows bars on stderr over the files read and the articles extracted."""
    articles, failed = read_articles(paths, strict=strict, on_error=on_error, on_warning=on_warning,
                                     progress=progress)
    if not progress or not articles:
        return ingest_articles(articles, store, jobs=jobs, failed=failed, on_warning=on_warning)
    with _progress_bar(True, len(articles), "extracting", "article") as bar:
        return ingest_articles(articles, store, jobs=jobs, failed=failed, progress=bar.update,
                               on_warning=on_warning)


def _progress_bar(show: bool, total: int, desc: str, unit: str):
    """A tqdm bar on stderr (disabled, so a no-op, unless `show`)."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=f" {unit}s", disable=not show, file=sys.stderr,
                dynamic_ncols=True, mininterval=0.5)


def ingest_articles(articles: list[Article], store: GraphStore, jobs: int = 1,
                    failed: dict[str, str] | None = None,
                    progress: Callable[[int], None] | None = None,
                    on_warning: Callable[[str, str], None] | None = None) -> IngestReport:
    """Merge `articles` into `store`. An article is known by its id (its URL or text), so the
    same text read twice is one article with both sources, and two texts are two articles
    whatever their file names. A file that held another text before retires that text's
    article when no other source still holds it: an edited file replaces what it gave."""
    report = IngestReport(failed=dict(failed or {}))
    stored = store.stored_articles()
    latest: dict[str, Article] = {}
    for a in articles:
        seen = latest.get(a.id)
        if seen is not None:
            report.same.append(_where(a))
            if seen.sha256 != a.sha256 and on_warning:  # one URL, two texts: the last one read wins
                on_warning(_where(a), f"{_where(a)}: same URL as {_where(seen)} ({a.url}) with another text; "
                                      "keeping the one read last")
            a = a.model_copy(update={"sources": _unique([*seen.sources, *a.sources])})
        latest[a.id] = a
    # Where each place read now points; stdin is no place, so it never retires anything.
    now_at = {src: a.id for a in latest.values() for src in a.sources if src != STDIN_SOURCE}
    before = {src: sid for sid, info in stored.items() for src in info.sources}
    legacy = {sid: info for sid, info in stored.items() if not info.sources and not sid.startswith("art-")}
    legacy_of = {a.id: _legacy_versions(a, legacy) for a in latest.values()} if legacy else {}
    retired_legacy = {old for olds in legacy_of.values() for old in olds}
    sources: dict[str, list[str]] = {}
    for sid, info in stored.items():
        keep = [] if sid in retired_legacy else [s for s in info.sources if now_at.get(s, sid) == sid]
        if sid in latest:
            keep = _unique([*keep, *latest[sid].sources])
        if keep != info.sources:
            sources[sid] = keep
    changed: list[Article] = []
    for a in latest.values():
        known = stored.get(a.id)
        if known is not None and known.sha256 == a.sha256:
            report.unchanged.append(a.id)
            continue
        if known is not None:
            a = a.model_copy(update={"sources": sources.pop(a.id, known.sources)})
        replaced = known is not None or bool(legacy_of.get(a.id)) or any(
            before.get(src, a.id) != a.id for src in a.sources if src != STDIN_SOURCE)
        (report.updated if replaced else report.added).append(a.id)
        changed.append(a)
    if progress is not None and len(articles) > len(changed):
        progress(len(articles) - len(changed))  # unchanged (or read twice): done without extracting
    graph = Graph()
    if changed:
        failures: dict[str, str] = {}
        graph = merge_graphs(extract_articles(changed, jobs=jobs, progress=progress, failures=failures))
        if failures:  # what a failed article contributed before stays as it was
            report.failed.update({(a.sources or [_where(a)])[0]: failures[a.id] for a in changed if a.id in failures})
            bad = {a.id for a in changed if a.id in failures}
            report.added = [i for i in report.added if i not in bad]
            report.updated = [i for i in report.updated if i not in bad]
            changed = [a for a in changed if a.id not in bad]
            graph = graph.without_articles(bad)
    gone = [sid for sid, keep in sources.items() if not keep and sid not in latest] + sorted(retired_legacy)
    kept = {sid: keep for sid, keep in sources.items() if keep}
    if changed or gone or kept:
        store.replace_articles(graph, [a.id for a in changed] + gone, sources=kept)
    return report


def _where(article: Article) -> str:
    return article.path or (article.sources[0] if article.sources else article.id)


def _legacy_versions(article: Article, legacy: dict) -> list[str]:
    """The articles of `legacy` (a store written before ids came from content: id = file name,
    no sources) that this input is a version of: the same name, and the same text or file."""
    found = []
    for src in article.sources:
        path, _, record = src.partition("#")
        names = {Path(path).name + (f"#{record}" if record else ""), record} - {""}
        for name in names:
            old = legacy.get(name)
            if old is None:
                continue
            same_file = bool(old.path) and str(Path(old.path).resolve()) == path
            if old.sha256 == article.sha256 or same_file:
                found.append(name)
    return found


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
