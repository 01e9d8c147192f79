"""The one small interface every store implements, so the CLI and notebooks never care which."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from pydantic import BaseModel, Field

from graphkit.model import Graph


class StoreError(Exception):
    """A store could not do what was asked; the message names the store and the cause."""


class UnsupportedQuery(StoreError):
    """The embedded engine cannot run this Cypher construct (Neo4j can)."""


class QueryResult(BaseModel):
    """Rows of a Cypher query, with the column order the query asked for."""

    columns: list[str] = Field(default_factory=list)
    rows: list[dict[str, Any]] = Field(default_factory=list)


class StoredArticle(BaseModel):
    """What a store knows of an article it holds: enough to skip it, update it or retire it."""

    id: str
    sha256: str = ""
    sources: list[str] = Field(default_factory=list)
    path: str | None = None


class GraphStore(ABC):
    """Where graphs live between runs: the embedded NetworkX file or a Neo4j server."""

    location: str  # a path or a URI, for messages (never with a password)

    @abstractmethod
    def stored_articles(self) -> dict[str, StoredArticle]:
        """Every article already stored, by id (to skip unchanged ones and follow edited files)."""

    def article_fingerprints(self) -> dict[str, str]:
        """Article id -> sha256 of its text, for every article already stored."""
        return {i: a.sha256 for i, a in self.stored_articles().items()}

    @abstractmethod
    def replace_articles(self, graph: Graph, article_ids: list[str],
                         sources: dict[str, list[str]] | None = None) -> None:
        """Withdraw what these articles contributed, then merge `graph` in, and set the `sources`
        of stored articles that gained or lost a place they were read from: all or nothing."""

    @abstractmethod
    def read_graph(self) -> Graph:
        """The whole stored graph."""

    @abstractmethod
    def query(self, cypher: str, params: dict[str, Any] | None = None, write: bool = False) -> QueryResult:
        """Run Cypher; read-only unless `write` is true."""

    def stats(self) -> dict[str, dict[str, int]]:
        """Counts of nodes by kind and relations by type."""
        return self.read_graph().counts()

    def close(self) -> None:
        """Release connections or locks."""

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
