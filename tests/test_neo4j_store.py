"""Neo4jStore against a real Neo4j 5 server (tests/neo4j_server, started once per session)."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from graphkit.bench.load import bench_load, synthetic_graph
from graphkit.model import Evidence, Graph, Node, NodeKind, Relation, RelationType, merge_graphs
from graphkit.stores.base import StoreError
from graphkit.stores.embedded import EmbeddedStore
from graphkit.stores.neo4j import SCHEMA_CYPHER, Neo4jStore, schema_statements
from graphkit.convert import relation_record
from tests.neo4j_fixture import article_id, london_article, paris_article, sample_article_graphs

pytestmark = pytest.mark.neo4j
REPO = Path(__file__).resolve().parent.parent


def ingest(store, graphs: list[Graph]) -> None:
    for graph in graphs:
        store.replace_articles(graph, [article_id(graph)])


def canonical(graph: Graph) -> tuple[list[str], list[str]]:
    """Order-insensitive form of a graph (evidence order inside a relation still counts)."""
    return (sorted(json.dumps(n.model_dump(mode="json"), sort_keys=True) for n in graph.nodes),
            sorted(json.dumps(r.model_dump(mode="json"), sort_keys=True) for r in graph.relations))


def relation(graph: Graph, source: str, rel_type: str, target: str) -> Relation | None:
    return next((r for r in graph.relations if r.key == (source, rel_type, target)), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- schema -------------------------------------------------------------------------------------

def test_schema_file_is_the_schema_the_store_applies():
    assert (REPO / "cypher" / "schema.cypher").read_text(encoding="utf-8") == SCHEMA_CYPHER


def test_schema_is_applied_idempotently(neo4j_store):
    neo4j_store.apply_schema()
    neo4j_store.apply_schema()
    constraints = neo4j_store.query("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type").rows
    unique_ids = {row["labelsOrTypes"][0] for row in constraints
                  if "UNIQUENESS" in row["type"] and row["properties"] == ["id"]}
    assert unique_ids == {k.value for k in NodeKind} | {"GraphkitWriteLock"}
    assert len(constraints) == len(NodeKind) + 1
    indexes = {row["name"] for row in neo4j_store.query("SHOW INDEXES YIELD name").rows}
    assert {"person_name", "state_iso3", "summit_date", "article_date"} <= indexes
    assert len(schema_statements()) == len(NodeKind) + 1 + 7


# -- writing ------------------------------------------------------------------------------------

def test_writing_the_same_articles_twice_changes_nothing(neo4j_store):
    ingest(neo4j_store, sample_article_graphs())
    first = neo4j_store.stats()
    graph = neo4j_store.read_graph()
    ingest(neo4j_store, sample_article_graphs())
    assert neo4j_store.stats() == first == merge_graphs(sample_article_graphs()).counts()
    assert canonical(neo4j_store.read_graph()) == canonical(graph)


def test_read_graph_round_trips_what_was_written(neo4j_store):
    ingest(neo4j_store, sample_article_graphs())
    assert canonical(neo4j_store.read_graph()) == canonical(merge_graphs(sample_article_graphs()))
    assert neo4j_store.article_fingerprints() == {
        "a1-paris.txt": "sha256-of-a1-paris.txt", "a2-london.txt": "sha256-of-a2-london.txt",
        "a3-washington.txt": "sha256-of-a3-washington.txt"}


def test_relationships_hold_the_same_flat_records_as_the_embedded_store(neo4j_store):
    """Property for property, what Cypher sees on a Neo4j relationship is what it sees on the
    embedded store's edge: each sentence stored once, evidence pointing into `sentences`."""
    graphs = sample_article_graphs()
    ingest(neo4j_store, graphs)
    rows = neo4j_store.query("MATCH (s)-[r]->(t) WHERE type(r) <> 'MENTIONS' "
                             "RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props").rows
    stored = {(row["source"], row["type"], row["target"]): row["props"] for row in rows}
    expected = {r.key: relation_record(r) for r in merge_graphs(graphs).relations
                if r.type is not RelationType.MENTIONS}
    assert stored == expected
    some = next(props for props in stored.values() if props["evidence"])
    assert all("sentence_index" in json.loads(e) and "sentence" not in json.loads(e) for e in some["evidence"])


def test_reingesting_an_edited_article_replaces_its_contribution(neo4j_store, tmp_path):
    embedded = EmbeddedStore(tmp_path / "graphkit.json")
    for store in (neo4j_store, embedded):
        ingest(store, sample_article_graphs())
        ingest(store, [paris_article("edited")])
    graph = neo4j_store.read_graph()
    assert canonical(graph) == canonical(embedded.read_graph())
    assert relation(graph, "DEU", "ATTENDED", "paris-summit-2025") is None
    assert relation(graph, "POL", "ATTENDED", "paris-summit-2025") is not None
    pledge = relation(graph, "GBR", "PLEDGED", "UKR")
    assert pledge.articles == ["a2-london.txt"]
    assert len(pledge.evidence) == 1 and "air defence" not in " ".join(e.sentence for e in pledge.evidence)
    opposed = relation(graph, "FRA", "OPPOSED", "RUS")  # its a1 evidence moved: the sentence offsets changed
    assert opposed.articles == ["a2-london.txt", "a1-paris.txt"] and len(opposed.evidence) == 2


def test_withdrawing_an_article_removes_entities_only_it_mentioned(neo4j_store, tmp_path):
    embedded = EmbeddedStore(tmp_path / "graphkit.json")
    for store in (neo4j_store, embedded):
        ingest(store, [paris_article(), paris_article("edited")])
    ids = {n.id for n in neo4j_store.read_graph().nodes}
    assert "DEU" not in ids and "GBR" not in ids and "POL" in ids
    assert canonical(neo4j_store.read_graph()) == canonical(embedded.read_graph())
    neo4j_store.replace_articles(Graph(), ["a1-paris.txt"])
    assert neo4j_store.stats() == {"nodes": {}, "relations": {}}


def test_evidence_and_aliases_merge_without_duplicates(neo4j_store):
    paris = paris_article()
    neo4j_store.replace_articles(paris, ["a1-paris.txt"])
    neo4j_store.write_graph(paris)  # the same evidence again, not withdrawn first
    graph = neo4j_store.read_graph()
    assert canonical(graph) == canonical(paris)
    assert all(len(r.evidence) <= 1 for r in graph.relations)

    ukraine = Node(id="UKR", kind=NodeKind.STATE, name="Ukraina", aliases=["Kiev", "Kyiv"],
                   properties={"iso3": "UKR", "capital": "Kyiv"})
    # the same sentence span again (another rule), plus a new article's evidence given twice
    again = relation(paris, "RUS", "ATTACKED", "UKR").evidence[0].model_copy(update={"rule": "another-rule"})
    extra = Evidence(article="a9-other.txt", sentence="Russia attacked Ukraine.", start=0, end=24)
    attack = Relation(source="RUS", type=RelationType.ATTACKED, target="UKR", confidence=0.99,
                      evidence=[again, extra, extra])
    update = Graph(nodes=[ukraine, Node(id="RUS", kind=NodeKind.STATE, name="Russia", properties={"iso3": "RUS"})],
                   relations=[attack])
    neo4j_store.write_graph(update)
    graph = neo4j_store.read_graph()
    expected = paris.merged_with(update)
    assert canonical(graph) == canonical(expected)
    node = graph.node("UKR")
    assert node.name == "Ukraine" and node.aliases == ["Kyiv", "Ukraina", "Kiev"]
    assert node.properties == {"iso3": "UKR", "capital": "Kyiv"}
    stored = relation(graph, "RUS", "ATTACKED", "UKR")
    assert [e.article for e in stored.evidence] == ["a1-paris.txt", "a9-other.txt"]
    assert stored.confidence == 0.99 and stored.articles == ["a1-paris.txt", "a9-other.txt"]


def test_met_with_is_stored_in_canonical_order(neo4j_store):
    ingest(neo4j_store, [london_article()])  # written as Zelenskyy MET_WITH Macron
    rows = neo4j_store.query("MATCH (a)-[:MET_WITH]->(b) RETURN a.id AS a, b.id AS b ORDER BY a, b").rows
    assert {"a": "emmanuel-macron", "b": "volodymyr-zelenskyy"} in rows
    assert all(row["a"] < row["b"] for row in rows)


# -- queries ------------------------------------------------------------------------------------

def test_queries_are_read_only_unless_write_is_given(neo4j_store):
    with pytest.raises(StoreError, match="write=True"):
        neo4j_store.query("CREATE (:Person {id: 'x', name: 'X', kind: 'Person'})")
    assert neo4j_store.stats() == {"nodes": {}, "relations": {}}
    result = neo4j_store.query("CREATE (p:Person {id: $id, name: 'X', kind: 'Person'}) RETURN p", {"id": "x"},
                               write=True)
    assert result.columns == ["p"] and result.rows == [{"p": {"id": "x", "name": "X", "kind": "Person"}}]
    assert neo4j_store.stats()["nodes"] == {"Person": 1}


def test_query_values_come_back_as_plain_python(neo4j_store):
    ingest(neo4j_store, [paris_article()])
    row = neo4j_store.query(
        "MATCH p = (a:State {id: 'RUS'})-[r:ATTACKED]->(b) RETURN a, r, p, [a.name, b.name] AS names, "
        "{n: 1} AS map, date('2025-03-02') AS day").rows[0]
    assert row["a"]["iso3"] == "RUS" and row["r"]["articles"] == ["a1-paris.txt"]
    assert row["p"]["nodes"][1]["id"] == "UKR" and row["p"]["relationships"][0]["type"] == "ATTACKED"
    assert row["names"] == ["Russia", "Ukraine"] and row["map"] == {"n": 1} and row["day"] == "2025-03-02"


def test_load_csv_cannot_read_the_hosts_files(neo4j_store, tmp_path):
    """The launcher refuses file URLs in LOAD CSV, for reads and for --write alike."""
    secret = tmp_path / "secret.csv"
    secret.write_text("name\nhunter2\n", encoding="utf-8")
    for url in ("file:///etc/passwd", secret.as_uri()):
        for write in (False, True):
            with pytest.raises(StoreError) as error:
                neo4j_store.query(f"LOAD CSV FROM '{url}' AS line RETURN line", write=write)
            assert "hunter2" not in str(error.value) and "root:" not in str(error.value)
    assert neo4j_store.stats() == {"nodes": {}, "relations": {}}


def test_the_launcher_listens_on_loopback_only_with_auth(neo4j_server):
    import socket

    assert neo4j_server.uri.startswith("bolt://127.0.0.1:")
    port = int(neo4j_server.uri.rsplit(":", 1)[1])
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    for address in addresses - {"127.0.0.1"}:  # the machine's other addresses: nothing listens there
        with socket.socket() as probe:
            probe.settimeout(2)
            assert probe.connect_ex((address, port)) != 0, f"Bolt answers on {address}"
    with Neo4jStore(neo4j_server.uri, neo4j_server.user, "wrong-password-1") as store:
        with pytest.raises(StoreError, match="authentication failed"):
            store.stats()


def test_bad_cypher_is_a_one_line_store_error(neo4j_store):
    with pytest.raises(StoreError) as error:
        neo4j_store.query("MATCH (n RETURN n")
    assert str(error.value).startswith(f"neo4j {neo4j_store.location}: invalid Cypher")
    assert "\n" not in str(error.value)


# -- failures -----------------------------------------------------------------------------------

def test_wrong_password_names_the_uri_but_not_the_password(neo4j_server):
    wrong = "not-the-password-123"
    with Neo4jStore(neo4j_server.uri, neo4j_server.user, wrong) as store:
        with pytest.raises(StoreError) as error:
            store.stats()
    message = str(error.value)
    assert neo4j_server.uri in message and "authentication failed" in message
    assert wrong not in message and neo4j_server.password not in message


def test_server_down_is_a_store_error(neo4j_server):
    uri = f"bolt://127.0.0.1:{free_port()}"
    with Neo4jStore(uri, "neo4j", neo4j_server.password) as store:
        with pytest.raises(StoreError) as error:
            store.replace_articles(paris_article(), ["a1-paris.txt"])
    assert uri in str(error.value) and "cannot reach" in str(error.value)
    assert neo4j_server.password not in str(error.value)


def test_credentials_come_from_the_environment(neo4j_server, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USERNAME", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    with Neo4jStore() as store:
        assert store.location == neo4j_server.uri
        store.stats()
    monkeypatch.delenv("NEO4J_URI")
    with pytest.raises(StoreError, match="NEO4J_URI"):
        Neo4jStore()


def test_a_failure_mid_transaction_leaves_the_database_unchanged(neo4j_store, neo4j_server, monkeypatch):
    ingest(neo4j_store, sample_article_graphs())
    before, graph_before = neo4j_store.stats(), canonical(neo4j_store.read_graph())

    store = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password, batch_size=2)
    real_write = Neo4jStore._write_relation_batch
    calls = []

    def fail_on_third_batch(self, tx, cypher, rows):
        calls.append(len(rows))
        real_write(self, tx, cypher, rows)  # earlier batches really reach the server
        if len(calls) == 3:
            tx.run("RETURN 1 / 0").consume()  # a server-side error inside the same transaction

    monkeypatch.setattr(Neo4jStore, "_write_relation_batch", fail_on_third_batch)
    with store, pytest.raises(StoreError, match="ArithmeticError|divide by zero|/ by zero"):
        store.replace_articles(paris_article("edited"), ["a1-paris.txt"])  # withdraws first, then writes
    assert len(calls) == 3
    assert neo4j_store.stats() == before
    assert canonical(neo4j_store.read_graph()) == graph_before


def test_a_graph_that_conflicts_with_the_stored_one_is_refused_whole(neo4j_store):
    ingest(neo4j_store, sample_article_graphs())
    before, graph_before = neo4j_store.stats(), canonical(neo4j_store.read_graph())
    conflicting = paris_article("edited").model_copy(deep=True)
    conflicting.nodes.append(Node(id="european-union", kind=NodeKind.PERSON, name="A person, not the EU"))
    with pytest.raises(StoreError, match="european-union"):
        neo4j_store.replace_articles(conflicting, ["a1-paris.txt"])
    with pytest.raises(StoreError, match="constraint"):
        neo4j_store.query("CREATE (:State {id: 'FRA', name: 'France again', kind: 'State'})", write=True)
    assert neo4j_store.stats() == before
    assert canonical(neo4j_store.read_graph()) == graph_before


# -- the load benchmark (counts only: timings are never asserted) ---------------------------------

def test_synthetic_graph_has_the_requested_relationships():
    graph = synthetic_graph(2_000, seed=1)
    assert len(graph.relations) == 2_000 == len({r.key for r in graph.relations})
    assert Graph.model_validate(graph.model_dump()).counts() == graph.counts()


def test_bench_load_loads_everything_both_ways(neo4j_store):
    result = bench_load(neo4j_store, n_relationships=400, per_row_limit=100, warm_up=False, repeat=2)
    assert result["relationships"] == result["batched_relationships_stored"] == 400
    assert len(result["batched_seconds_runs"]) == len(result["per_row_seconds_runs"]) == 2
    assert min(result["batched_seconds_runs"]) <= result["batched_seconds"] <= max(result["batched_seconds_runs"])
    assert result["per_row_relationships_measured"] == result["per_row_relationships_stored"] == 100
    assert result["per_row_extrapolated"] is True
    assert neo4j_store.stats() == {"nodes": {}, "relations": {}}


@pytest.mark.neo4j
@pytest.mark.slow
def test_server_killed_mid_load_leaves_all_or_nothing(tmp_path):
    """A real server SIGKILLed during a large load: the loader reports one line naming the URI, and
    after restart on the same data the load is either wholly there or wholly absent, never a part."""
    import threading
    import time

    from tests.neo4j_server.server import DEFAULT_PASSWORD, DEFAULT_USER, Neo4jTestServer

    graph = synthetic_graph(30_000, seed=3)
    server = Neo4jTestServer(home=tmp_path / "neo4j-home").start()
    outcome: dict[str, object] = {}
    try:
        uri = server.uri
        with Neo4jStore(uri, DEFAULT_USER, DEFAULT_PASSWORD) as store:
            store.apply_schema()

            def load() -> None:
                try:
                    store.write_graph(graph)
                    outcome["result"] = "committed"
                except StoreError as exc:
                    outcome["result"] = str(exc)

            writer = threading.Thread(target=load)
            writer.start()
            time.sleep(1.5)  # the single write transaction is under way (the load takes several seconds)
            server.kill()
            writer.join(timeout=120)
        assert not writer.is_alive()
        if outcome["result"] != "committed":
            message = str(outcome["result"])
            assert message.startswith(f"neo4j {uri}") and "\n" not in message and DEFAULT_PASSWORD not in message
        server.start()  # same data directory: Neo4j recovers its transaction log
        with Neo4jStore(server.uri, DEFAULT_USER, DEFAULT_PASSWORD) as store:
            stored = sum(store.stats()["relations"].values())
        assert stored in (0, len(graph.relations)), f"{stored} of {len(graph.relations)} relationships: a partial load"
        if outcome["result"] != "committed":
            assert stored == 0
    finally:
        server.stop()


def test_concurrent_writers_lose_no_evidence(neo4j_store, neo4j_server):
    """Two ingests at once into the same database, each adding evidence to the same relations:
    graphkit's writers take turns, so neither overwrites what the other merged in."""
    import threading

    def article(name: str) -> Graph:
        ev = Evidence(article=name, sentence=f"In {name}, France backed Ukraine.", start=0, end=30)
        rels = [Relation(source="FRA", type=RelationType.SUPPORTED, target="UKR", evidence=[ev])]
        rels += [Relation(source=f"p{i}", type=RelationType.ATTENDED, target="summit-x", evidence=[ev]) for i in range(300)]
        nodes = [Node(id="FRA", kind=NodeKind.STATE, name="France", aliases=[f"France of {name}"], properties={"iso3": "FRA"}),
                 Node(id="UKR", kind=NodeKind.STATE, name="Ukraine", properties={"iso3": "UKR"}),
                 Node(id="summit-x", kind=NodeKind.SUMMIT, name="X summit")]
        nodes += [Node(id=f"p{i}", kind=NodeKind.PERSON, name=f"Person {i}") for i in range(300)]
        return Graph(nodes=nodes, relations=rels)

    neo4j_store.write_graph(article("a0.txt"))
    names = [f"a{i}.txt" for i in range(1, 7)]
    errors: list[BaseException] = []

    def write(name: str) -> None:
        try:
            with Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password) as store:
                store.write_graph(article(name))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    graph = neo4j_store.read_graph()
    assert sorted(relation(graph, "FRA", "SUPPORTED", "UKR").articles) == ["a0.txt", *names]
    assert all(len(r.evidence) == 7 for r in graph.relations if r.type is RelationType.ATTENDED)
    assert sorted(graph.node("FRA").aliases) == sorted(f"France of {n}" for n in ["a0.txt", *names])
