"""The embedded store: idempotent merges, article replacement, atomic writes, locks, corruption."""
import json
import os
import subprocess
import sys
import textwrap

import pytest

from graphkit.model import Article, Evidence, Graph, Node, Relation
from graphkit.stores.base import StoreError, UnsupportedQuery
from graphkit.stores.embedded import EmbeddedStore


def article_graph(article_id, text, facts):
    """A graph as the extractor would give it for one article: facts are (person, state) LEADS pairs."""
    art = Article(id=article_id, text=text, sha256=str(hash(text)))
    nodes, rels = {art.id: art.as_node()}, []
    for pid, iso3 in facts:
        nodes[pid] = Node(id=pid, kind="Person", name=pid.replace("-", " ").title())
        nodes[iso3] = Node(id=iso3, kind="State", name=iso3, properties={"iso3": iso3})
        rels.append(Relation(source=pid, type="LEADS", target=iso3,
                             evidence=[Evidence(article=article_id, sentence=text, start=0, end=len(text))]))
    mentions = [Relation(source=article_id, type="MENTIONS", target=n) for n in nodes if n != article_id]
    return Graph(nodes=list(nodes.values()), relations=rels + mentions)


def test_same_article_twice_changes_nothing(tmp_path):
    store = EmbeddedStore(tmp_path / "g.json")
    g = article_graph("a.txt", "Starmer leads Britain.", [("keir-starmer", "GBR")])
    store.replace_articles(g, ["a.txt"])
    first = (tmp_path / "g.json").read_bytes()
    EmbeddedStore(tmp_path / "g.json").replace_articles(g, ["a.txt"])
    assert (tmp_path / "g.json").read_bytes() == first
    assert store.stats() == {"nodes": {"Article": 1, "Person": 1, "State": 1}, "relations": {"LEADS": 1, "MENTIONS": 2}}


def test_one_entity_many_articles_is_one_node_with_every_article(tmp_path):
    store = EmbeddedStore(tmp_path / "g.json")
    store.replace_articles(article_graph("a.txt", "A", [("keir-starmer", "GBR")]), ["a.txt"])
    store.replace_articles(article_graph("b.txt", "B", [("keir-starmer", "GBR")]), ["b.txt"])
    g = EmbeddedStore(tmp_path / "g.json").read_graph()
    assert sum(1 for n in g.nodes if n.id == "keir-starmer") == 1
    (leads,) = [r for r in g.relations if r.type.value == "LEADS"]
    assert leads.articles == ["a.txt", "b.txt"]


def test_edited_article_replaces_its_contribution(tmp_path):
    store = EmbeddedStore(tmp_path / "g.json")
    store.replace_articles(article_graph("a.txt", "v1", [("keir-starmer", "GBR"), ("emmanuel-macron", "FRA")]), ["a.txt"])
    store.replace_articles(article_graph("b.txt", "B", [("keir-starmer", "GBR")]), ["b.txt"])
    store.replace_articles(article_graph("a.txt", "v2", [("olaf-scholz", "DEU")]), ["a.txt"])
    g = EmbeddedStore(tmp_path / "g.json").read_graph()
    ids = {n.id for n in g.nodes}
    assert "emmanuel-macron" not in ids and "FRA" not in ids  # only a.txt v1 said so
    assert {"keir-starmer", "GBR", "olaf-scholz", "DEU"} <= ids
    starmer = next(r for r in g.relations if r.source == "keir-starmer")
    assert starmer.articles == ["b.txt"]


def test_interrupted_write_leaves_the_previous_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "g.json"
    store = EmbeddedStore(path)
    store.replace_articles(article_graph("a.txt", "A", [("keir-starmer", "GBR")]), ["a.txt"])
    before = path.read_bytes()

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed mid-write")

    monkeypatch.setattr(json, "dump", crash)
    with pytest.raises(KeyboardInterrupt):
        EmbeddedStore(path).replace_articles(article_graph("b.txt", "B", [("x-y", "FRA")]), ["b.txt"])
    assert path.read_bytes() == before
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_killed_process_mid_ingest_leaves_store_readable(tmp_path):
    """A real SIGKILL during the write: the file is the old or the new graph, never half of one."""
    path = tmp_path / "g.json"
    EmbeddedStore(path).replace_articles(article_graph("a.txt", "A", [("keir-starmer", "GBR")]), ["a.txt"])
    script = textwrap.dedent(f"""
        import os, signal, json
        from graphkit.stores.embedded import EmbeddedStore
        from tests.test_embedded_store import article_graph
        real = json.dump
        def dump_then_die(doc, fh, **kw):
            fh.write(json.dumps(doc)[:100]); fh.flush(); os.kill(os.getpid(), signal.SIGKILL)
        json.dump = dump_then_die
        EmbeddedStore({str(path)!r}).replace_articles(article_graph("b.txt", "B", [("x-y", "FRA")]), ["b.txt"])
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=os.path.dirname(os.path.dirname(__file__)))
    assert proc.returncode != 0
    g = EmbeddedStore(path).read_graph()
    assert {n.id for n in g.nodes} == {"a.txt", "keir-starmer", "GBR"}


def test_second_writer_is_told_the_store_is_busy(tmp_path):
    from graphkit.stores.embedded import _StoreLock

    path = tmp_path / "g.json"
    with _StoreLock(path):
        with pytest.raises(StoreError, match=r"another graphkit process \(pid \d+\) is writing"):
            EmbeddedStore(path).replace_articles(article_graph("a.txt", "A", []), ["a.txt"])


def test_corrupted_file_is_detected_and_last_good_copy_named(tmp_path):
    path = tmp_path / "g.json"
    store = EmbeddedStore(path)
    store.replace_articles(article_graph("a.txt", "A", [("keir-starmer", "GBR")]), ["a.txt"])
    store.replace_articles(article_graph("b.txt", "B", [("keir-starmer", "GBR")]), ["b.txt"])
    path.write_text('{"format": "graphkit", "graph": {"nodes": [', encoding="utf-8")
    with pytest.raises(StoreError, match=r"corrupted .*last good copy is .*g\.json\.bak"):
        EmbeddedStore(path).read_graph()
    good = json.loads((tmp_path / "g.json.bak").read_text())
    assert good["format"] == "graphkit"


def test_query_refuses_writes_and_names_unsupported_constructs(tmp_path):
    store = EmbeddedStore(tmp_path / "g.json")
    store.replace_articles(article_graph("a.txt", "A", [("keir-starmer", "GBR")]), ["a.txt"])
    rows = store.query("MATCH (p:Person)-[r:LEADS]->(s:State) WHERE s.iso3 = 'GBR' RETURN p.name, type(r)").rows
    assert rows == [{"p.name": "Keir Starmer", "type(r)": "LEADS"}]
    with pytest.raises(UnsupportedQuery, match="read-only: CREATE"):
        store.query("CREATE (n:Person {name: 'x'})")
    with pytest.raises(UnsupportedQuery, match="OPTIONAL MATCH.*Neo4j backend"):
        store.query("OPTIONAL MATCH (n) RETURN n")


def test_a_killed_writers_temp_file_is_cleaned_by_the_next_write(tmp_path):
    path = tmp_path / "g.json"
    stray = tmp_path / ".g.json.abc123.tmp"
    stray.write_text("half a graph", encoding="utf-8")
    EmbeddedStore(path).replace_articles(article_graph("a.txt", "A", [("keir-starmer", "GBR")]), ["a.txt"])
    assert not stray.exists() and path.exists()
