"""The default store: one JSON file holding the Graph, queried as a NetworkX MultiDiGraph.

Writes are atomic (temp file, fsync, rename) and guarded by a lock file, and the previous good
file is kept as `<store>.bak`, so an interrupted or concurrent ingest never corrupts the store.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from functools import cached_property
from pathlib import Path
from typing import Any

import networkx as nx
from pydantic import ValidationError

from graphkit.model import Graph, NodeKind
from graphkit.stores.base import GraphStore, QueryResult, StoreError, StoredArticle
from graphkit.stores.embedded_cypher import run_query
from graphkit.stores.property_graph import to_networkx

FORMAT = "graphkit"
VERSION = 1


class EmbeddedStore(GraphStore):
    """A graph persisted in one file (default ./graphkit.json)."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self.location = str(self.path)
        self._lock_file: Any = None

    @cached_property
    def _graph(self) -> Graph:
        if not self.path.exists():
            return Graph()
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError("not a graphkit store (no \"format\": \"graphkit\")")
            return Graph.model_validate(doc["graph"])
        except (ValueError, KeyError, ValidationError, UnicodeDecodeError) as exc:
            backup = self.path.with_name(self.path.name + ".bak")
            hint = f"; the last good copy is {backup}" if backup.exists() else ""
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreError(f"store {self.path}: corrupted ({first}){hint}") from None

    def read_graph(self) -> Graph:
        return self._graph

    def networkx(self) -> nx.MultiDiGraph:
        """The stored graph as a MultiDiGraph (for Cypher, analysis and views)."""
        return self._networkx

    @cached_property
    def _networkx(self) -> nx.MultiDiGraph:
        return to_networkx(self._graph)

    def stored_articles(self) -> dict[str, StoredArticle]:
        return {n.id: StoredArticle(id=n.id, sha256=str(n.properties.get("sha256", "")),
                                    sources=list(n.properties.get("sources") or []),
                                    path=n.properties.get("path"))
                for n in self._graph.nodes if n.kind is NodeKind.ARTICLE}

    def replace_articles(self, graph: Graph, article_ids: list[str],
                         sources: dict[str, list[str]] | None = None) -> None:
        with self._locked():
            # Re-read under the lock: another process may have written since we loaded.
            self.__dict__.pop("_graph", None)
            current = self._graph
            updated = current.without_articles(article_ids).merged_with(graph)
            if sources:
                updated = _with_sources(updated, sources)
            self._write(updated)
            self.__dict__["_graph"] = updated
            self.__dict__.pop("_networkx", None)

    def query(self, cypher: str, params: dict[str, Any] | None = None, write: bool = False) -> QueryResult:
        if write:
            raise StoreError(f"store {self.path}: the embedded store does not run Cypher writes; "
                             "use `graphkit ingest` to change it, or the Neo4j backend")
        return run_query(self.networkx(), cypher, params)

    def _write(self, graph: Graph) -> None:
        doc = {"format": FORMAT, "version": VERSION, "graph": graph.model_dump(mode="json", exclude_defaults=True)}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(doc, fh, ensure_ascii=False, separators=(",", ":"))
                fh.flush()
                os.fsync(fh.fileno())
            if self.path.exists():
                backup = self.path.with_name(self.path.name + ".bak")
                shutil.copyfile(self.path, tmp + ".bak")
                os.replace(tmp + ".bak", backup)
            os.replace(tmp, self.path)
        finally:
            for leftover in (tmp, tmp + ".bak"):
                if os.path.exists(leftover):
                    os.unlink(leftover)

    def _locked(self) -> "_StoreLock":
        return _StoreLock(self.path)


def _with_sources(graph: Graph, sources: dict[str, list[str]]) -> Graph:
    """The graph with these Article nodes' `sources` replaced."""
    nodes = [n.model_copy(update={"properties": {**n.properties, "sources": sources[n.id]}})
             if n.kind is NodeKind.ARTICLE and n.id in sources else n for n in graph.nodes]
    return Graph.model_construct(nodes=nodes, relations=graph.relations)


class _StoreLock:
    """An exclusive, non-blocking lock beside the store file; a second writer is told, not queued."""

    def __init__(self, path: Path):
        self.lock_path = path.with_name(path.name + ".lock")
        self.fh: Any = None

    def __enter__(self) -> "_StoreLock":
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.lock_path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.close()
            raise StoreError(f"store {self.lock_path.with_suffix('')}: another graphkit process is writing "
                             "to it; try again when it has finished") from None
        # Holding the lock, any temp file beside the store is a killed writer's leftover.
        store = self.lock_path.with_suffix("")
        for leftover in store.parent.glob(f".{store.name}.*.tmp*"):
            leftover.unlink(missing_ok=True)
        return self

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()
