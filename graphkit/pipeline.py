"""The pipeline end to end: articles -> mentions -> entities -> relations -> Graph -> store.

`Extractor` owns the loaded spaCy model and gazetteer matchers (built once); `extract_articles`
batches with `nlp.pipe` and can fan out to processes; `ingest_paths` reads files, skips the
unchanged ones, and replaces each changed article's contribution in a store.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pydantic import BaseModel, Field

from graphkit.model import Article, Graph, Node, NodeKind, Relation, RelationType, merge_graphs
from graphkit.sources import ArticleError, iter_article_paths, read_article
from graphkit.stores.base import GraphStore


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
        return self.graph_of(article, self.nlp(article.text))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Graph]:
        """Graphs in input order; spaCy parses in batches (nlp.pipe), which is what makes it fast."""
        pending = list(articles)
        docs = self.nlp.pipe((a.text for a in pending), batch_size=batch_size)
        for article, doc in zip(pending, docs):
            yield self.graph_of(article, doc)

    def graph_of(self, article: Article, doc) -> Graph:
        from graphkit.extract.relations import read_relations
        from graphkit.extract.resolve import resolve

        resolved = resolve(article, doc, self.find_mentions(doc), self.gazetteer)
        relations = read_relations(resolved)
        used = {r.source for r in relations} | {r.target for r in relations}
        nodes = [n for n in resolved.nodes.values() if _worth_a_node(n, used, resolved)]
        keep = {n.id for n in nodes}
        article_node = article.as_node()
        mentions = [Relation(source=article.id, type=RelationType.MENTIONS, target=n.id) for n in nodes]
        return Graph(nodes=[article_node, *nodes],
                     relations=[r for r in relations if r.source in keep and r.target in keep] + mentions)


def _worth_a_node(node: Node, used: set[str], resolved) -> bool:
    """States and bodies named as actors, people with a known office or a relation, and meetings.

    A capital named only as a venue ("a summit in London") and an unknown name with nothing
    asserted about it are left out: they are noise in the graph."""
    if node.id in used:
        return True
    if node.kind in (NodeKind.STATE, NodeKind.ORGANIZATION):
        idx = resolved.mentions_of.get(node.id, [])
        return any(not resolved.mentions[i].extra.get("venue") for i in idx)
    if node.kind is NodeKind.PERSON:
        return bool(node.properties.get("office")) or node.id in resolved.person_state
    return node.kind is NodeKind.SUMMIT


@cache
def default_extractor() -> Extractor:
    return Extractor()


def _extract_chunk(articles: list[Article]) -> list[Graph]:
    return list(default_extractor().extract_many(articles))


def extract_articles(articles: list[Article], jobs: int = 1, batch_size: int = 16) -> list[Graph]:
    """One graph per article, in order; `jobs` > 1 splits large inputs over processes."""
    if jobs <= 1 or len(articles) < 2 * batch_size:
        return list(default_extractor().extract_many(articles, batch_size=batch_size))
    chunk = max(batch_size, len(articles) // (jobs * 4) or 1)
    parts = [articles[i:i + chunk] for i in range(0, len(articles), chunk)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return [g for graphs in pool.map(_extract_chunk, parts) for g in graphs]


class IngestReport(BaseModel):
    """What an ingest did, per article, and which inputs failed and why."""

    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    failed: dict[str, str] = Field(default_factory=dict)


def read_articles(paths: list[str | Path], strict: bool = False,
                  on_error: Callable[[str, str], None] | None = None) -> tuple[list[Article], dict[str, str]]:
    """Every article under `paths`; unreadable ones are reported (or raised when strict)."""
    articles: list[Article] = []
    failed: dict[str, str] = {}
    for raw in paths:
        try:
            for path in iter_article_paths([raw]):
                try:
                    articles.append(read_article(path))
                except ArticleError as exc:
                    if strict:
                        raise
                    failed[str(path)] = str(exc)
                    if on_error:
                        on_error(str(path), str(exc))
        except ArticleError as exc:
            if strict:
                raise
            failed[str(raw)] = str(exc)
            if on_error:
                on_error(str(raw), str(exc))
    return articles, failed


def ingest_paths(paths: list[str | Path], store: GraphStore, jobs: int = 1, strict: bool = False,
                 on_error: Callable[[str, str], None] | None = None) -> IngestReport:
    """Read, extract and merge articles into `store`; unchanged articles are skipped, edited
    ones replace what they contributed before. All changes land in one atomic write."""
    articles, failed = read_articles(paths, strict=strict, on_error=on_error)
    return ingest_articles(articles, store, jobs=jobs, failed=failed)


def ingest_articles(articles: list[Article], store: GraphStore, jobs: int = 1,
                    failed: dict[str, str] | None = None) -> IngestReport:
    report = IngestReport(failed=dict(failed or {}))
    known = store.article_fingerprints()
    latest: dict[str, Article] = {}
    for a in articles:
        latest[a.id] = a  # the same file name twice: the last one read wins
    changed = []
    for a in latest.values():
        if known.get(a.id) == a.sha256:
            report.unchanged.append(a.id)
        else:
            (report.updated if a.id in known else report.added).append(a.id)
            changed.append(a)
    if changed:
        graph = merge_graphs(extract_articles(changed, jobs=jobs))
        store.replace_articles(graph, [a.id for a in changed])
    return report


def default_jobs() -> int:
    return max(1, (os.cpu_count() or 1))
