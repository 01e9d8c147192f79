"""Every question in cypher/ gives the same rows on the embedded store and on a real Neo4j server,
or, when its header says `// embedded: unsupported (...)`, the embedded store refuses it clearly.

Two corpora go through both stores: seeds/, read and extracted by the real pipeline
(`graphkit.pipeline.ingest_paths`), and the hand-made three-article graph of tests/neo4j_fixture.py,
whose answers are known exactly (and which covers relations the seeds may lack).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from graphkit.model import merge_graphs
from graphkit.pipeline import ingest_paths
from graphkit.stores.base import UnsupportedQuery
from graphkit.stores.embedded import EmbeddedStore
from graphkit.stores.neo4j import Neo4jStore
from tests.neo4j_fixture import article_id, sample_article_graphs

REPO = Path(__file__).resolve().parent.parent
CYPHER_DIR = REPO / "cypher"
NOT_QUERIES = {"schema.cypher"}

# One value per parameter any query file declares, per corpus; each names something present in it.
PARAMS = {
    "seeds": {
        "summit": "summit-paris-2025-09-04",
        "actor": "UKR",
        "state": "Ukraine",
        "from_date": "2025-09",
        "to_date": "2025-09-30",
        "from_actor": "Donald Trump",
        "to_actor": "nato",
    },
    "hand-made": {
        "summit": "London Defence Summit",
        "actor": "UKR",
        "state": "Ukraine",
        "from_date": "2025-03",
        "to_date": "2025-03-31",
        "from_actor": "Donald Trump",
        "to_actor": "nato",
    },
}


@dataclass(frozen=True)
class QueryFile:
    path: Path
    text: str
    description: list[str]
    params: list[str]
    unsupported: list[str]  # constructs named by `// embedded: unsupported (...)`, empty if it runs

    @property
    def ordered(self) -> bool:
        return bool(re.search(r"\bORDER\s+BY\b", self.text, re.IGNORECASE))


def read_query_file(path: Path) -> QueryFile:
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        header.append(line[2:].strip())
    params = next((h.split(":", 1)[1] for h in header if h.startswith("params:")), None)
    unsupported = next((h for h in header if h.startswith("embedded:")), None)
    constructs = []
    if unsupported:
        m = re.fullmatch(r"embedded: unsupported \((.+)\)", unsupported)
        assert m, f"{path.name}: malformed header line {unsupported!r}"
        constructs = [c.strip() for c in m.group(1).split(",")]
    return QueryFile(
        path=path, text=text,
        description=[h for h in header if not h.startswith(("params:", "embedded:"))],
        params=re.findall(r"\$([A-Za-z_]\w*)", params or ""),
        unsupported=constructs)


QUERY_FILES = sorted(p for p in CYPHER_DIR.glob("*.cypher") if p.name not in NOT_QUERIES)


def canonical(rows: list[dict], ordered: bool) -> list[str]:
    as_text = [json.dumps(row, sort_keys=True) for row in rows]
    return as_text if ordered else sorted(as_text)


@pytest.fixture(scope="module", params=sorted(PARAMS))
def both_stores(request, neo4j_server, tmp_path_factory):
    """(corpus name, embedded store, Neo4j store), the corpus ingested into each from empty."""
    embedded = EmbeddedStore(tmp_path_factory.mktemp("parity") / "graphkit.json")
    neo4j_store = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    neo4j_store.delete_all()
    if request.param == "seeds":
        for store in (embedded, neo4j_store):
            first = ingest_paths([REPO / "seeds"], store)
            assert len(first.added) == 5 and not first.failed
            again = ingest_paths([REPO / "seeds"], store)  # fingerprints: nothing to redo
            assert sorted(again.unchanged) == sorted(first.added) and not again.added + again.updated
    else:
        for graph in sample_article_graphs():
            embedded.replace_articles(graph, [article_id(graph)])
            neo4j_store.replace_articles(graph, [article_id(graph)])
        assert neo4j_store.stats() == merge_graphs(sample_article_graphs()).counts()
    assert embedded.stats() == neo4j_store.stats()
    yield request.param, embedded, neo4j_store
    neo4j_store.close()


def test_there_are_questions_to_check():
    assert len(QUERY_FILES) >= 9


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_header_says_what_it_answers_and_its_params(path):
    query = read_query_file(path)
    assert query.description, f"{path.name}: no `//` line saying what it answers"
    assert any(line.startswith("params:") for line in
               (h[2:].strip() for h in query.text.splitlines() if h.startswith("//"))), \
        f"{path.name}: no `// params:` line"
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("//"))
    used = set(re.findall(r"\$([A-Za-z_]\w*)", body))
    assert used == set(query.params), f"{path.name}: uses {sorted(used)}, header declares {query.params}"
    for corpus, values in PARAMS.items():
        assert set(query.params) <= set(values), f"{path.name}: add its params to PARAMS[{corpus!r}]"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_same_rows_on_both_backends(path, both_stores):
    corpus, embedded, neo4j_store = both_stores
    query = read_query_file(path)
    params = {name: PARAMS[corpus][name] for name in query.params}
    on_neo4j = neo4j_store.query(query.text, params)
    assert on_neo4j.rows, f"{path.name}: no rows on Neo4j for {corpus}, so the comparison would prove nothing"
    if query.unsupported:
        with pytest.raises(UnsupportedQuery) as refused:
            embedded.query(query.text, params)
        message = str(refused.value)
        assert "Neo4j" in message
        assert any(c.split()[0].lower() in message.lower() for c in query.unsupported), \
            f"{path.name}: the refusal {message!r} names none of {query.unsupported}"
        return
    on_embedded = embedded.query(query.text, params)
    assert on_embedded.columns == on_neo4j.columns
    assert canonical(on_embedded.rows, query.ordered) == canonical(on_neo4j.rows, query.ordered)


@pytest.mark.parametrize("both_stores", ["hand-made"], indirect=True)
def test_some_answers_are_what_the_articles_say(both_stores):
    """Spot checks, so that parity is not two backends agreeing on something wrong."""
    _, _, neo4j_store = both_stores
    pledges = neo4j_store.query((CYPHER_DIR / "pledges_to_state.cypher").read_text(), {"state": "UKR"}).rows
    assert [(r["pledger"], r["what"], r["sources"]) for r in pledges] == [
        ("Germany", "Patriot batteries", ["a2-london.txt"]),
        ("United Kingdom", "air defence systems", ["a1-paris.txt", "a2-london.txt"])]
    chain = neo4j_store.query((CYPHER_DIR / "shortest_chain.cypher").read_text(),
                              {"from_actor": "Donald Trump", "to_actor": "nato"}).rows
    assert len(chain) == 1 and chain[0]["chain"][0] == "Donald Trump" and chain[0]["chain"][-1] == "NATO"
    # e.g. Trump -LEADS-> United States -SUPPORTED-> Ukraine <-ATTACKED- Russia -OPPOSED-> NATO
    assert chain[0]["hops"] == len(chain[0]["relations"]) == 4
    profile = neo4j_store.query((CYPHER_DIR / "actor_profile.cypher").read_text(), {"actor": "UKR"}).rows
    assert {(r["relation"], r["direction"], r["other_id"]) for r in profile} >= {
        ("ATTACKED", "incoming", "RUS"), ("PLEDGED", "incoming", "GBR"), ("ATTENDED", "outgoing", "paris-summit-2025")}
    pairs = neo4j_store.query((CYPHER_DIR / "co_attendance.cypher").read_text()).rows
    assert (pairs[0]["state_a"], pairs[0]["state_b"], pairs[0]["summits"]) == ("DEU", "GBR", 2)


@pytest.mark.parametrize("cypher", [
    "MATCH (s:Summit) RETURN s.id AS id, s.date AS date ORDER BY date, id",
    "MATCH (s:Summit) RETURN s.id AS id, s.date AS date ORDER BY s.date DESC, id LIMIT 3",
    "MATCH (s:Summit) RETURN s.id, s.date ORDER BY s.date DESC, s.id SKIP 1",
])
def test_ordering_by_a_property_some_rows_lack_matches_neo4j(cypher, both_stores):
    """grand-cypher cannot compare a missing value with a present one; the embedded store then
    sorts the rows itself, nulls last ascending and first descending, as Neo4j does."""
    _, embedded, neo4j_store = both_stores
    dates = [row["date"] for row in neo4j_store.query("MATCH (s:Summit) RETURN s.date AS date").rows]
    assert None in dates and set(dates) - {None}, "the corpus needs dated and undated summits"
    on_neo4j = neo4j_store.query(cypher).rows
    assert embedded.query(cypher).rows == on_neo4j
