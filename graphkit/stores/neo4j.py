"""The Neo4j backend: the same flat records as the embedded store, written with batched UNWIND.

Every write is one transaction: the articles being replaced are withdrawn (their evidence leaves
each relationship, relationships left without evidence go, their Article nodes go, and so do the
entities they mentioned that no other article mentions), then the new graph is merged in. Merging
reads the stored nodes and relationships it touches and combines them with the model's own
`Node.merged_with` / `Relation.merged_with`, so Neo4j holds exactly what the embedded store holds
for the same ingests. Values always travel as parameters; only labels and relationship types,
taken from the model's enums, are written into the Cypher text.

>>> with Neo4jStore("bolt://127.0.0.1:7687", "neo4j", "secret") as store:   # doctest: +SKIP
...     store.replace_articles(graph, ["a1.txt"])
...     store.query("MATCH (s:State) RETURN s.name AS name").rows
"""
from __future__ import annotations

import gc
import os
import queue
import re
import threading
from collections import defaultdict
from contextlib import closing, contextmanager
from typing import Any, Callable, Iterable, Iterator, Sequence

import neo4j
from neo4j import exceptions as neo4j_errors
from pydantic import ValidationError

from graphkit.model import (Graph, Node, NodeKind, Relation, RelationProperties, RelationType,
                            merge_graphs)
from graphkit.stores.base import GraphStore, QueryResult, StoreError, StoredArticle
from graphkit.convert import (RELATION_PROPERTY_KEYS, RELATION_RECORD_KEYS, evidence_from_record,
                                            node_record, relation_record)

# The schema, kept here so an installed package has it; cypher/schema.cypher is the same text
# (tests/test_neo4j_store.py asserts they are identical). Labels = NodeKind values.
SCHEMA_CYPHER = """\
// graphkit schema for Neo4j 5: one uniqueness constraint on `id` per node label (which also
// gives the index every MERGE and lookup by id uses), and indexes on the properties the
// queries in cypher/ filter or sort on. Idempotent: safe to apply on every connect.
// params: none
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT state_id IF NOT EXISTS FOR (n:State) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT summit_id IF NOT EXISTS FOR (n:Summit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
// One node graphkit's writers lock in turn, so concurrent ingests cannot overwrite each other's merges.
CREATE CONSTRAINT graphkit_write_lock_id IF NOT EXISTS FOR (n:GraphkitWriteLock) REQUIRE n.id IS UNIQUE;
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX state_name IF NOT EXISTS FOR (n:State) ON (n.name);
CREATE INDEX state_iso3 IF NOT EXISTS FOR (n:State) ON (n.iso3);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX summit_name IF NOT EXISTS FOR (n:Summit) ON (n.name);
CREATE INDEX summit_date IF NOT EXISTS FOR (n:Summit) ON (n.date);
CREATE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date);
"""

DEFAULT_BATCH_SIZE = 2_000
_NODE_KEYS = {"id", "kind", "name", "aliases"}
# Each record key set by name (a null removes it), not `SET r = row.props`: a map of unknown keys
# makes the planner add an Eager operator (it cannot rule out a write to the `id` the index seeks
# read), which holds every row of the batch before writing any; naming the keys avoids that.
_ENDS = "MATCH (s) WHERE id(s) = row.s MATCH (t) WHERE id(t) = row.t "
_SET_RELATION = "SET " + ", ".join(f"r.{key} = row.props.{key}" for key in RELATION_RECORD_KEYS)


def schema_statements(text: str = SCHEMA_CYPHER) -> list[str]:
    """The statements of a schema script: `//` comment lines dropped, split on `;`."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in body.split(";") if s.strip()]


class Neo4jStore(GraphStore):
    """A graph in a Neo4j 5 database, reached over Bolt.

    Credentials come from the arguments, else NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD
    (and NEO4J_DATABASE); the password never appears in `location` or in error messages.
    """

    def __init__(self, uri: str | None = None, user: str | None = None, password: str | None = None,
                 database: str | None = None, batch_size: int = DEFAULT_BATCH_SIZE):
        uri = uri or os.environ.get("NEO4J_URI")
        if not uri:
            raise StoreError("neo4j: no server URI given (pass --neo4j bolt://host:7687 or set NEO4J_URI)")
        self.uri = uri
        self.location = re.sub(r"//[^/@]*@", "//", uri)  # drop any user:password@ part
        self.user = user or os.environ.get("NEO4J_USERNAME") or "neo4j"
        self._password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        if batch_size < 1:
            raise StoreError(f"neo4j {self.location}: batch_size must be at least 1, got {batch_size}")
        self.batch_size = batch_size
        self._schema_applied = False
        self._connected = False
        auth = (self.user, self._password) if self._password is not None else None
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=auth, notifications_min_severity="OFF",
                connection_timeout=10.0, max_transaction_retry_time=10.0)
        except (ValueError, neo4j_errors.DriverError) as exc:
            raise StoreError(f"neo4j {self.location}: cannot use this URI ({self._scrub(exc)})") from None

    # -- plumbing ------------------------------------------------------------------------------

    def close(self) -> None:
        self._driver.close()

    def _scrub(self, exc: BaseException | str) -> str:
        """One line of an error message, without the password."""
        if isinstance(exc, neo4j_errors.Neo4jError):
            text = getattr(exc, "message", None) or str(exc)
        elif isinstance(exc, ValidationError) and exc.errors():
            first = exc.errors()[0]
            where = ".".join(map(str, first["loc"]))
            text = f"not a valid {exc.title}: {where + ': ' if where else ''}{first['msg']}"
        else:
            text = str(exc)
        text = (text.strip().splitlines() or [type(exc).__name__])[0] if text.strip() else type(exc).__name__
        if self._password:
            text = text.replace(self._password, "***")
        return text

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn driver and server errors into one-line StoreErrors naming the URI and the cause."""
        where = f"neo4j {self.location}"
        try:
            yield
        except StoreError:
            raise
        except neo4j_errors.AuthError:
            raise StoreError(f"{where}: authentication failed for user {self.user!r} "
                             "(wrong user name or password)") from None
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as exc:
            raise StoreError(f"{where}: cannot reach the server, is it running? ({self._scrub(exc)})") from None
        except neo4j_errors.CypherSyntaxError as exc:
            raise StoreError(f"{where}: invalid Cypher: {self._scrub(exc)}") from None
        except neo4j_errors.ConstraintError as exc:
            raise StoreError(f"{where}: constraint violated, nothing was written: {self._scrub(exc)}") from None
        except neo4j_errors.Neo4jError as exc:
            code = getattr(exc, "code", None) or "error"
            if code == "Neo.ClientError.Statement.AccessMode":
                raise StoreError(f"{where}: this query writes, and queries are read-only unless "
                                 "write=True (--write) is given") from None
            raise StoreError(f"{where}: {code}: {self._scrub(exc)}") from None
        except neo4j_errors.DriverError as exc:
            raise StoreError(f"{where}: {type(exc).__name__}: {self._scrub(exc)}") from None
        except (ValueError, ValidationError) as exc:  # the model refused a merge or a stored record
            raise StoreError(f"{where}: {self._scrub(exc)}") from None

    def _session(self) -> neo4j.Session:
        if not self._connected:
            self._driver.verify_connectivity()  # fails fast on a wrong password or a down server
            self._connected = True
        return self._driver.session(database=self.database)

    def _read(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        with self._errors(), self._session() as session:
            return session.execute_read(work)

    def _write(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        with self._errors(), self._session() as session:
            return session.execute_write(work)

    # -- schema --------------------------------------------------------------------------------

    def apply_schema(self) -> None:
        """Create the constraints and indexes of SCHEMA_CYPHER that do not exist yet."""
        with self._errors(), self._session() as session:
            for statement in schema_statements():
                session.run(statement).consume()
        self._schema_applied = True

    def _ensure_schema(self) -> None:
        if not self._schema_applied:
            self.apply_schema()

    # -- GraphStore ----------------------------------------------------------------------------

    def stored_articles(self) -> dict[str, StoredArticle]:
        rows = self._read(lambda tx: tx.run(
            "MATCH (a:Article) RETURN a.id AS id, a.sha256 AS sha256, a.sources AS sources, a.path AS path").data())
        return {r["id"]: StoredArticle(id=r["id"], sha256=str(r["sha256"] or ""), sources=list(r["sources"] or []),
                                       path=r["path"]) for r in rows}

    def replace_articles(self, graph: Graph, article_ids: list[str],
                         sources: dict[str, list[str]] | None = None) -> None:
        self._ensure_schema()
        with _gc_paused():
            incoming = merge_graphs([graph])  # folds duplicate ids the way the embedded store does
            self._write(lambda tx: self._replace(tx, incoming, list(dict.fromkeys(article_ids)), sources or {}))

    def write_graph(self, graph: Graph) -> None:
        """Merge a graph in without withdrawing anything (what `graphkit push` does)."""
        self.replace_articles(graph, [])

    def read_graph(self) -> Graph:
        def work(tx: neo4j.ManagedTransaction) -> tuple[list[dict], list[dict]]:
            nodes = tx.run(f"MATCH (n) WHERE {_any_label('n')} "
                           "RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id").data()
            rels = tx.run(f"MATCH (s)-[r]->(t) WHERE type(r) IN $types AND {_any_label('s')} AND {_any_label('t')} "
                          "RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props "
                          "ORDER BY source, type, target",
                          types=[t.value for t in RelationType]).data()
            return nodes, rels

        nodes, rels = self._read(work)
        with self._errors():
            return Graph(nodes=[_node_from_record(r["labels"], r["props"]) for r in nodes],
                         relations=[_relation_from_record(r["source"], r["type"], r["target"], r["props"])
                                    for r in rels])

    def query(self, cypher: str, params: dict[str, Any] | None = None, write: bool = False) -> QueryResult:
        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            result = tx.run(cypher, params or {})
            columns = list(result.keys())
            rows = [{key: _plain(value) for key, value in record.items()} for record in result]
            return QueryResult(columns=columns, rows=rows)

        return self._write(work) if write else self._read(work)

    def stats(self) -> dict[str, dict[str, int]]:
        parts = [f"MATCH (n:{k.value}) RETURN 'nodes' AS what, '{k.value}' AS name, count(n) AS count"
                 for k in NodeKind]
        parts += [f"MATCH ()-[r:{t.value}]->() RETURN 'relations' AS what, '{t.value}' AS name, count(r) AS count"
                  for t in RelationType]
        rows = self._read(lambda tx: tx.run(" UNION ALL ".join(parts)).data())
        counts: dict[str, dict[str, int]] = {"nodes": {}, "relations": {}}
        for row in rows:
            if row["count"]:
                counts[row["what"]][row["name"]] = row["count"]
        return {key: dict(sorted(value.items())) for key, value in counts.items()}

    # -- helpers for tests and the benchmark ----------------------------------------------------

    def delete_all(self) -> None:
        """Empty the database (nodes and relationships; the schema stays), in chunks."""
        with self._errors(), self._session() as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()

    def write_graph_per_row(self, graph: Graph, nodes: bool = True, relations: bool = True) -> None:
        """The naive loader, for the benchmark only: one auto-commit MERGE per node and per relation,
        properties overwritten rather than merged. `nodes` / `relations` let it time each part."""
        self._ensure_schema()
        kinds = {n.id: n.kind for n in graph.nodes}
        with self._errors(), self._session() as session:
            for node in graph.nodes if nodes else []:
                session.run(f"MERGE (n:{_label(node.kind)} {{id: $id}}) SET n += $props",
                            id=node.id, props=_node_props(node)).consume()
            for rel in graph.relations if relations else []:
                session.run(f"MATCH (s:{_label(kinds[rel.source])} {{id: $source}}) "
                            f"MATCH (t:{_label(kinds[rel.target])} {{id: $target}}) "
                            f"MERGE (s)-[r:{_rel_type(rel.type)}]->(t) SET r += $props",
                            source=rel.source, target=rel.target, props=relation_record(rel)).consume()

    # -- the write transaction -----------------------------------------------------------------

    def _replace(self, tx: neo4j.ManagedTransaction, graph: Graph, gone: list[str],
                 sources: dict[str, list[str]] | None = None) -> None:
        # Writers take turns: each merge reads what is stored and writes the combination, so two at
        # once would overwrite each other's aliases and evidence. The lock lasts until commit.
        tx.run("MERGE (lock:GraphkitWriteLock {id: 'graphkit'}) SET lock.taken = timestamp()").consume()
        if gone:
            self._withdraw(tx, gone)
        handles, created = self._merge_nodes(tx, graph.nodes)
        self._merge_relations(tx, graph.relations, handles, created)
        if sources:
            tx.run("UNWIND $rows AS row MATCH (a:Article {id: row.id}) SET a.sources = row.sources",
                   rows=[{"id": i, "sources": list(s)} for i, s in sources.items()]).consume()

    def _withdraw(self, tx: neo4j.ManagedTransaction, gone: list[str]) -> None:
        """Graph.without_articles, in the database: evidence, Article nodes, orphaned entities."""
        touched = tx.run(
            "MATCH (s)-[r]->(t) "
            "WHERE (s:Article AND s.id IN $gone) OR any(a IN r.articles WHERE a IN $gone) "
            "RETURN elementId(r) AS eid, s.id AS source, type(r) AS type, t.id AS target, "
            "labels(t) AS target_labels, (s:Article AND s.id IN $gone) AS from_gone, properties(r) AS props",
            gone=gone).data()
        gone_set = set(gone)
        deleted: list[str] = []
        updated: list[dict[str, Any]] = []
        orphans: dict[NodeKind, set[str]] = defaultdict(set)
        for row in touched:
            if row["from_gone"]:
                deleted.append(row["eid"])
                if row["type"] == RelationType.MENTIONS.value:
                    orphans[_kind_of(row["target_labels"])].add(row["target"])
                continue
            rel = _relation_from_record(row["source"], row["type"], row["target"], row["props"])
            kept = [e for e in rel.evidence if e.article not in gone_set]
            if not kept and rel.evidence:
                deleted.append(row["eid"])
            elif len(kept) != len(rel.evidence):
                updated.append({"eid": row["eid"], "props": relation_record(rel.keeping(kept))})
        for batch in _batches(deleted, self.batch_size):
            tx.run("UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r", eids=batch).consume()
        for batch in _batches(updated, self.batch_size):
            tx.run("UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props",
                   rows=batch).consume()
        tx.run("MATCH (a:Article) WHERE a.id IN $gone DETACH DELETE a", gone=gone).consume()
        for kind, ids in orphans.items():
            if kind is NodeKind.ARTICLE:
                continue
            for batch in _batches(sorted(ids), self.batch_size):
                tx.run(f"UNWIND $ids AS id MATCH (n:{_label(kind)} {{id: id}}) "
                       "WHERE NOT EXISTS { MATCH (:Article)-[:MENTIONS]->(n) } DETACH DELETE n",
                       ids=batch).consume()

    def _merge_nodes(self, tx: neo4j.ManagedTransaction,
                     nodes: list[Node]) -> tuple[dict[str, int], set[str]]:
        """Write nodes merged with what is stored; return each written node's internal id (a handle
        valid in this transaction) and the ids that were not stored before (no stored relationship
        can touch those)."""
        handles: dict[str, int] = {}
        created: set[str] = set()
        for batch in _batches(nodes, self.batch_size):
            ids = [n.id for n in batch]
            stored: dict[str, Node] = {}
            for kind in NodeKind:
                for row in tx.run(f"UNWIND $ids AS id MATCH (n:{_label(kind)} {{id: id}}) "
                                  "RETURN labels(n) AS labels, properties(n) AS props", ids=ids):
                    node = _node_from_record(row["labels"], row["props"])
                    stored[node.id] = node
            rows_by_kind: dict[NodeKind, list[dict[str, Any]]] = defaultdict(list)
            for node in batch:
                if node.id in stored:
                    merged = stored[node.id].merged_with(node)
                else:
                    merged = node
                    created.add(node.id)
                rows_by_kind[merged.kind].append({"id": merged.id, "props": _node_props(merged)})
            for kind, rows in rows_by_kind.items():
                for row in tx.run(f"UNWIND $rows AS row MERGE (n:{_label(kind)} {{id: row.id}}) SET n = row.props "
                                  "RETURN row.id AS id, id(n) AS handle", rows=rows):
                    handles[row["id"]] = row["handle"]
        return handles, created

    def _merge_relations(self, tx: neo4j.ManagedTransaction, relations: list[Relation],
                         handles: dict[str, int], created: set[str]) -> None:
        """Write relations merged with what is stored, their ends found by internal id.

        What is stored is read first; then a helper thread flattens batch k+1 while the server
        writes batch k (the driver waits on the socket with the GIL released), so the server is
        not left idle while Python builds rows.

        `id()` is deprecated in favour of `elementId()`, but its handles are used only inside the
        transaction that read them (the use Neo4j documents as safe), and an integer seek is the
        cheapest way to find a node: measured on 50,000 relationships, about 15% faster than the
        `{id: ...}` index seeks and 20% faster than matching on `elementId()` strings."""
        groups: dict[RelationType, list[Relation]] = defaultdict(list)
        for rel in relations:
            for end in (rel.source, rel.target):
                if end not in handles:
                    raise StoreError(f"neo4j {self.location}: relation {rel.key}: no node with id {end!r} "
                                     "in the graph being written")
            groups[rel.type].append(rel)
        stored = self._stored_relations(tx, groups, handles, created)
        with closing(_prefetched(self._relation_batches(groups, handles, created, stored))) as batches:
            for cypher, rows in batches:
                self._write_relation_batch(tx, cypher, rows)

    def _stored_relations(self, tx: neo4j.ManagedTransaction, groups: dict[RelationType, list[Relation]],
                          handles: dict[str, int], created: set[str]) -> dict[tuple[str, str, str], Relation]:
        """The stored relations the graph being written will merge with, by key."""
        stored: dict[tuple[str, str, str], Relation] = {}
        for rel_type, rels in groups.items():
            # A node created by this transaction has no stored relationship to merge with.
            keys = [{"s": handles[r.source], "t": handles[r.target]} for r in rels
                    if r.source not in created and r.target not in created]
            for batch in _batches(keys, self.batch_size):
                for row in tx.run(f"UNWIND $rows AS row {_ENDS}MATCH (s)-[r:{_rel_type(rel_type)}]->(t) "
                                  "RETURN s.id AS source, t.id AS target, properties(r) AS props", rows=batch):
                    rel = _relation_from_record(row["source"], rel_type.value, row["target"], row["props"])
                    stored[rel.key] = rel
        return stored

    def _relation_batches(self, groups: dict[RelationType, list[Relation]], handles: dict[str, int],
                          created: set[str], stored: dict[tuple[str, str, str], Relation]
                          ) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """(Cypher, rows) for each batch: pure Python, so it can run beside the driver."""
        for rel_type, rels in groups.items():
            create = _ENDS + f"CREATE (s)-[r:{_rel_type(rel_type)}]->(t) {_SET_RELATION}"
            merge = _ENDS + f"MERGE (s)-[r:{_rel_type(rel_type)}]->(t) {_SET_RELATION}"
            for batch in _batches(rels, self.batch_size):
                fresh, known = [], []
                for rel in batch:
                    old = stored.get(rel.key)
                    merged = old.merged_with(rel) if old else rel
                    row = {"s": handles[rel.source], "t": handles[rel.target], "props": relation_record(merged)}
                    # An end created in this transaction cannot have the relationship yet: CREATE, not MERGE.
                    (fresh if rel.source in created or rel.target in created else known).append(row)
                if fresh:
                    yield create, fresh
                if known:
                    yield merge, known

    def _write_relation_batch(self, tx: neo4j.ManagedTransaction, cypher: str, rows: list[dict[str, Any]]) -> None:
        """One round trip: `UNWIND $rows AS row ...` (a seam the tests use to fail mid-transaction)."""
        tx.run("UNWIND $rows AS row " + cypher, rows=rows)  # not consumed: Python prepares the next batch meanwhile


# -- records <-> model --------------------------------------------------------------------------

def _label(kind: NodeKind) -> str:
    """A node label for Cypher text: only NodeKind values ever get here."""
    return NodeKind(kind).value


def _rel_type(rel_type: RelationType) -> str:
    """A relationship type for Cypher text: only RelationType values ever get here."""
    return RelationType(rel_type).value


def _any_label(var: str) -> str:
    return "(" + " OR ".join(f"{var}:{k.value}" for k in NodeKind) + ")"


def _kind_of(labels: Iterable[str]) -> NodeKind:
    for label in labels:
        if label in NodeKind._value2member_map_:
            return NodeKind(label)
    raise ValueError(f"a node with labels {sorted(labels)} is not a graphkit node")


def _node_props(node: Node) -> dict[str, Any]:
    return {k: v for k, v in node_record(node).items() if v is not None}


def _node_from_record(labels: Sequence[str], props: dict[str, Any]) -> Node:
    kind = NodeKind(props["kind"]) if props.get("kind") in NodeKind._value2member_map_ else _kind_of(labels)
    own = {k: v for k, v in props.items() if k not in _NODE_KEYS}
    return Node(id=props["id"], kind=kind, name=props.get("name") or props["id"],
                aliases=list(props.get("aliases") or []), properties=own)


def _relation_from_record(source: str, rel_type: str, target: str, props: dict[str, Any]) -> Relation:
    return Relation(
        source=source, type=RelationType(rel_type), target=target,
        confidence=props.get("confidence", 1.0),
        properties=RelationProperties(**{k: props[k] for k in RELATION_PROPERTY_KEYS if props.get(k) is not None}),
        evidence=evidence_from_record(props))


def _prefetched(items: Iterator[Any], depth: int = 4) -> Iterator[Any]:
    """`items`, produced by a helper thread up to `depth` ahead of the consumer; an exception in
    the producer is raised in the consumer, and a consumer that stops early stops the producer."""
    slots: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def offer(entry: tuple[Any, BaseException | None]) -> bool:
        """Put unless the consumer has gone; False if it has."""
        while not stop.is_set():
            try:
                slots.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not offer((item, None)):
                    return
            offer((done, None))
        except BaseException as exc:  # handed to the consumer, which raises it
            offer((done, exc))

    producer = threading.Thread(target=produce, name="graphkit-neo4j-rows", daemon=True)
    producer.start()
    try:
        while True:
            item, error = slots.get()
            if error is not None:
                raise error
            if item is done:
                return
            yield item
    finally:
        stop.set()
        producer.join()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a large graph is flattened and packed.

    Flattening allocates a few small containers per relation, and each allocation burst makes the
    collector walk every live model object again: with 50,000 relations that walk took about twice
    as long as the flattening itself. Nothing written here forms reference cycles worth collecting
    mid-write; collection resumes (and catches up) afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _batches(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _plain(value: Any) -> Any:
    """Driver values as plain Python: nodes and relationships become their property dicts."""
    if isinstance(value, (neo4j.graph.Node, neo4j.graph.Relationship)):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [_plain(n) for n in value.nodes],
                "relationships": [{"type": r.type, **_plain(r)} for r in value.relationships]}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):  # neo4j.time Date, Time, DateTime, Duration
        return value.iso_format()
    return value
