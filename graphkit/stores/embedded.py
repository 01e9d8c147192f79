"""The default store: one JSON file holding the Graph, queried as a NetworkX MultiDiGraph.

Writes are atomic (temp file, fsync, rename) and guarded by a lock file, and the previous good
file is kept as `<store>.bak`, so an interrupted or concurrent ingest never corrupts the store.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import stat
import tempfile
import time
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

import networkx as nx
from pydantic import ValidationError

from graphkit.model import Graph, NodeKind
from graphkit.stores.base import GraphStore, QueryResult, StoreError, StoredArticle
from graphkit.stores.embedded_cypher import run_query
from graphkit.convert import to_networkx

FORMAT = "graphkit"
VERSION = 1


class EmbeddedStore(GraphStore):
    """A graph persisted in one file (default ./graphkit.json)."""

    def __init__(self, path: str | os.PathLike[str], wait: float = 0.0,
                 on_wait: Callable[[str], None] | None = None):
        """`wait`: seconds a writer waits for another process's write to finish (0: refuse at
        once); `on_wait(message)` is told once when it starts waiting."""
        self.path = Path(path)
        self.wait = wait
        self.on_wait = on_wait
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
        except RecursionError:
            raise self._corrupted("nested too deep to be a graphkit store") from None
        except (ValueError, KeyError, ValidationError, UnicodeDecodeError) as exc:
            raise self._corrupted(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None

    def _corrupted(self, why: str) -> StoreError:
        """The error for a store file that cannot be read, naming its last good copy if there is one."""
        backup = self.path.with_name(self.path.name + ".bak")
        hint = f"; the last good copy is {backup}" if backup.exists() else ""
        return StoreError(f"store {self.path}: corrupted ({why}){hint}")

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
        """Temp file, fsync, rename; the old file kept as .bak. The store keeps its mode, a read-only
        store is refused, and every OS error names the file and what was being done to it."""
        doc = {"format": FORMAT, "version": VERSION, "graph": graph.model_dump(mode="json", exclude_defaults=True)}
        mode = self._mode_to_keep()
        folder = self.path.parent
        step, target = "create the folder", folder
        tmp = ""
        try:
            folder.mkdir(parents=True, exist_ok=True)
            step, target = "create a temporary file in", folder
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
            step, target = "write", Path(tmp)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(doc, fh, ensure_ascii=False, separators=(",", ":"))
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, mode)
            if self.path.exists():
                backup = self.path.with_name(self.path.name + ".bak")
                step, target = "copy the previous store to", backup
                shutil.copyfile(self.path, tmp + ".bak")
                os.chmod(tmp + ".bak", mode)
                os.replace(tmp + ".bak", backup)
            step, target = "replace", self.path
            os.replace(tmp, self.path)
        except OSError as exc:
            raise StoreError(f"store {self.path}: cannot {step} {target} ({exc.strerror or exc}); "
                             "the store is unchanged") from None
        finally:
            for leftover in (tmp, tmp + ".bak"):
                if leftover and os.path.exists(leftover):
                    os.unlink(leftover)

    def _mode_to_keep(self) -> int:
        """The store's permission bits, to give the new file; refuses a store nobody may write."""
        try:
            mode = stat.S_IMODE(self.path.stat().st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            return 0o666 & ~umask
        except OSError as exc:
            raise StoreError(f"store {self.path}: cannot read its permissions ({exc.strerror or exc})") from None
        if not mode & 0o222:
            raise StoreError(f"store {self.path}: read-only (mode {mode:04o}); not replaced. "
                             f"Make it writable (chmod u+w) or use another --store")
        return mode

    def _locked(self) -> "_StoreLock":
        return _StoreLock(self.path, wait=self.wait, on_wait=self.on_wait)


def _with_sources(graph: Graph, sources: dict[str, list[str]]) -> Graph:
    """The graph with these Article nodes' `sources` replaced."""
    nodes = [n.model_copy(update={"properties": {**n.properties, "sources": sources[n.id]}})
             if n.kind is NodeKind.ARTICLE and n.id in sources else n for n in graph.nodes]
    return Graph.model_construct(nodes=nodes, relations=graph.relations)


class _StoreLock:
    """An exclusive lock beside the store file. A second writer waits up to `wait` seconds for it
    (telling `on_wait` once), then is refused with a clear message. The kernel drops an flock when
    its process dies, so a killed writer never leaves a stale lock behind; the file keeps the
    holder's pid only to name it."""

    def __init__(self, path: Path, wait: float = 0.0, on_wait: Callable[[str], None] | None = None):
        self.lock_path = path.with_name(path.name + ".lock")
        self.wait = wait
        self.on_wait = on_wait
        self.fh: Any = None

    def __enter__(self) -> "_StoreLock":
        store = self.lock_path.with_suffix("")
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            self.fh = open(self.lock_path, "a+")
        except OSError as exc:
            raise StoreError(f"store {store}: cannot open its lock file {self.lock_path} "
                             f"({exc.strerror or exc})") from None
        deadline = time.monotonic() + max(self.wait, 0.0)
        told = False
        while True:
            try:
                fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = self._holder()
                if time.monotonic() >= deadline:
                    self.fh.close()
                    waited = f" after waiting {self.wait:g} s" if self.wait > 0 else ""
                    raise StoreError(f"store {store}: another graphkit process{holder} is writing to it{waited}; "
                                     "try again when it has finished (or give --wait SECONDS)") from None
                if not told and self.on_wait:
                    self.on_wait(f"store {store}: another graphkit process{holder} is writing to it; "
                                 f"waiting up to {self.wait:g} s")
                    told = True
                time.sleep(0.2)
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"{os.getpid()}\n")
        self.fh.flush()
        # Holding the lock, any temp file beside the store is a killed writer's leftover.
        for leftover in store.parent.glob(f".{store.name}.*.tmp*"):
            leftover.unlink(missing_ok=True)
        return self

    def _holder(self) -> str:
        try:
            pid = self.lock_path.read_text().strip()
        except OSError:
            return ""
        return f" (pid {pid})" if pid.isdigit() else ""

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()
