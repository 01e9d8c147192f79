"""Load test: 2,000 generated diplomatic articles (leaders and states from the gazetteer) ingested
into the embedded store, and into Neo4j when the test server is available; the two backends must
hold the same numbers of nodes and relationships. Prints articles per second for each."""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from graphkit.gazetteer import load_gazetteer
from graphkit.pipeline import ingest_paths
from graphkit.stores.embedded import EmbeddedStore

# The session's Neo4j server comes from the tests.neo4j_fixture plugin (enabled in tests/conftest.py).

N_ARTICLES = 2_000
JOBS = 2
pytestmark = pytest.mark.slow

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_PLEDGES = ["air defence systems", "humanitarian aid", "2 billion euros", "ammunition", "reconstruction funds"]
_TEMPLATES = [
    "{a}, the {a_role} of {a_state}, met {b} in {venue} on {day}.",
    "{a_state} pledged {what} to {b_state}.",
    "{a} and {b} held talks in {venue}; {a_state} supported {b_state}'s proposal.",
    "{b_state} opposed the plan put forward by {a}.",
    "{a_state} hosted a summit in {venue} on {day}, attended by {b_state} and {c_state}.",
    "{a} spoke with {b} by telephone.",
]


def generate_articles(folder: Path, n: int, seed: int = 6) -> dict[str, set[str]]:
    """n short articles as .txt files; returns the ids of the states and people they name."""
    gz = load_gazetteer()
    leaders = sorted(((h.id, h.name, t.role, t.state) for h in gz.office_holders.values() for t in h.offices
                      if t.state in gz.countries and t.end is None and gz.countries[t.state].status == "un_member"
                      and t.role in ("President", "Prime Minister", "Foreign Minister") and h.name.isascii()),
                     key=lambda x: x[0])
    states = sorted({s for *_, s in leaders})
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    named_states: set[str] = set()
    named_people: set[str] = set()
    for i in range(n):
        (a_id, a, a_role, a_iso), (b_id, b, _, b_iso) = rng.sample(leaders, 2)
        c_iso = rng.choice(states)
        venue_iso = rng.choice([a_iso, b_iso])
        venue = gz.countries[venue_iso].capital or gz.countries[venue_iso].name
        fill = {"a": a, "b": b, "a_role": a_role.lower(), "a_state": gz.countries[a_iso].name,
                "b_state": gz.countries[b_iso].name, "c_state": gz.countries[c_iso].name, "venue": venue,
                "day": rng.choice(_WEEKDAYS), "what": rng.choice(_PLEDGES)}
        sentences = [t.format(**fill) for t in rng.sample(_TEMPLATES, 3)]
        day = 1 + i % 28
        text = f"Diplomatic roundup {i}\nDate: 2025-03-{day:02d}\n\n" + " ".join(s[0].upper() + s[1:] for s in sentences)
        (folder / f"load-{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
        named_states |= {a_iso, b_iso, c_iso}
        named_people |= {a_id, b_id}
    return {"states": named_states, "people": named_people}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, set[str]]]:
    folder = tmp_path_factory.mktemp("load") / "articles"
    return folder, generate_articles(folder, N_ARTICLES)


@pytest.fixture(scope="module")
def embedded(corpus, tmp_path_factory):
    """The corpus ingested into a fresh embedded store: (store, report, seconds)."""
    folder, _ = corpus
    store = EmbeddedStore(tmp_path_factory.mktemp("store") / "load.json")
    started = time.perf_counter()
    report = ingest_paths([folder], store, jobs=JOBS)
    return store, report, time.perf_counter() - started


def test_load_into_the_embedded_store(corpus, embedded):
    folder, named = corpus
    store, report, seconds = embedded
    print(f"\nembedded: {N_ARTICLES} articles in {seconds:.1f}s = {N_ARTICLES / seconds:.0f} articles/s "
          f"(jobs={JOBS}); {store.stats()}; store file {store.path.stat().st_size / 1e6:.1f} MB")
    assert (len(report.added), report.updated, report.unchanged, report.failed) == (N_ARTICLES, [], [], {})
    graph = EmbeddedStore(store.path).read_graph()  # what is on disk, read back and validated
    counts = graph.counts()
    assert counts["nodes"]["Article"] == N_ARTICLES
    kinds = {n.id: n.kind.value for n in graph.nodes}
    assert {i for i, k in kinds.items() if k == "State"} <= named["states"]
    assert {i for i, k in kinds.items() if k == "Person"} <= named["people"]
    assert counts["nodes"]["State"] >= 0.8 * len(named["states"])
    assert counts["nodes"]["Person"] >= 0.8 * len(named["people"])
    mentioning = {r.source for r in graph.relations if r.type.value == "MENTIONS"}
    assert len(mentioning) >= 0.99 * N_ARTICLES  # nearly every article names someone the graph keeps
    typed = sum(v for k, v in counts["relations"].items() if k != "MENTIONS")
    assert typed >= N_ARTICLES // 4, counts  # templated sentences do yield relations
    read_from = {n.id: n.properties["path"] for n in graph.nodes if n.kind.value == "Article"}
    texts = {i: Path(p).read_text(encoding="utf-8") for i, p in read_from.items()}
    for rel in graph.relations:
        for ev in rel.evidence:
            assert ev.sentence in texts[ev.article][ev.start:ev.end]

    again = ingest_paths([folder], store, jobs=JOBS)  # fingerprints: nothing is extracted again
    assert (again.added, again.updated, len(again.unchanged)) == ([], [], N_ARTICLES)


def test_load_into_neo4j_matches_the_embedded_store(corpus, embedded, request):
    from graphkit.stores.neo4j import Neo4jStore

    server = request.getfixturevalue("neo4j_server")
    folder, _ = corpus
    emb_store, _, _ = embedded
    with Neo4jStore(server.uri, server.user, server.password) as store:
        store.delete_all()
        store.apply_schema()
        started = time.perf_counter()
        report = ingest_paths([folder], store, jobs=JOBS)
        seconds = time.perf_counter() - started
        neo_counts = store.stats()
        print(f"\nneo4j: {N_ARTICLES} articles in {seconds:.1f}s = {N_ARTICLES / seconds:.0f} articles/s "
              f"(jobs={JOBS}); {neo_counts}")
        assert len(report.added) == N_ARTICLES and report.failed == {}
        assert neo_counts == emb_store.stats()
        rows = store.query("MATCH (n) WHERE NOT n:GraphkitWriteLock RETURN count(n) AS nodes").rows
        assert store.query("MATCH (n:GraphkitWriteLock) RETURN count(n) AS locks").rows == [{"locks": 1}]
        rels = store.query("MATCH ()-[r]->() RETURN count(r) AS relationships").rows
        emb = emb_store.read_graph()
        assert (rows[0]["nodes"], rels[0]["relationships"]) == (len(emb.nodes), len(emb.relations))
        store.delete_all()
