"""Neo4j-style Cypher on the embedded engine: quoting, parameters, count(*), labels(), type()."""
import pytest

from graphkit.model import Evidence, Graph, Node, Relation
from graphkit.stores.base import StoreError, UnsupportedQuery
from graphkit.stores.embedded_cypher import run_query, translate
from graphkit.convert import to_networkx


@pytest.fixture(scope="module")
def g():
    nodes = [Node(id="keir-starmer", kind="Person", name="Keir Starmer"),
             Node(id="emmanuel-macron", kind="Person", name="Emmanuel Macron"),
             Node(id="GBR", kind="State", name="United Kingdom", properties={"iso3": "GBR"}),
             Node(id="summit-london-2025-03-02", kind="Summit", name="London summit",
                  properties={"city": "London", "date": "2025-03-02"})]
    ev = [Evidence(article="a.txt", sentence="s", start=0, end=1)]
    rels = [Relation(source="keir-starmer", type="ATTENDED", target="summit-london-2025-03-02", evidence=ev),
            Relation(source="emmanuel-macron", type="ATTENDED", target="summit-london-2025-03-02", evidence=ev),
            Relation(source="GBR", type="HOSTED", target="summit-london-2025-03-02", evidence=ev),
            Relation(source="keir-starmer", type="LEADS", target="GBR", properties={"role": "Prime Minister"}, evidence=ev)]
    return to_networkx(Graph(nodes=nodes, relations=rels))


def test_single_and_double_quotes_give_the_same_rows(g):
    q1 = run_query(g, "MATCH (p:Person)-[:ATTENDED]->(s:Summit) WHERE p.name = 'Keir Starmer' RETURN p.name, s.name")
    q2 = run_query(g, 'MATCH (p:Person)-[:ATTENDED]->(s:Summit) WHERE p.name = "Keir Starmer" RETURN p.name, s.name')
    assert q1.rows == q2.rows == [{"p.name": "Keir Starmer", "s.name": "London summit"}]


def test_parameters_are_literals_not_code(g):
    rows = run_query(g, "MATCH (p:Person) WHERE p.name = $name RETURN p.id", {"name": 'Keir Starmer'}).rows
    assert rows == [{"p.id": "keir-starmer"}]
    # a value that looks like Cypher stays a string
    assert run_query(g, "MATCH (p:Person) WHERE p.name = $name RETURN p.id",
                     {"name": '" OR 1=1 RETURN p.id //'}).rows == []
    with pytest.raises(StoreError, match=r"\$missing"):
        run_query(g, "MATCH (p) WHERE p.name = $missing RETURN p.id")


def test_count_star_labels_and_type(g):
    rows = run_query(g, "MATCH (a)-[r:ATTENDED]->(s:Summit) RETURN s.name, count(*) AS n").rows
    assert rows == [{"s.name": "London summit", "n": 2}]
    rows = run_query(g, "MATCH (a)-[r]->(s:Summit) RETURN labels(a), type(r)").rows
    assert sorted((tuple(r["labels(a)"]), r["type(r)"]) for r in rows) == [
        (("Person",), "ATTENDED"), (("Person",), "ATTENDED"), (("State",), "HOSTED")]
    rows = run_query(g, "MATCH (p:Person)-[r:LEADS]->(s) RETURN p.name, r.role").rows
    assert rows == [{"p.name": "Keir Starmer", "r.role": "Prime Minister"}]


def test_unsupported_constructs_get_one_clear_line(g):
    for cypher, construct in [("MATCH (a) WITH a RETURN a", "WITH"),
                              ("MATCH (a)-[r]-(b) RETURN a.name", "undirected"),
                              ("MATCH p = shortestPath((a)-[*]->(b)) RETURN p", "shortestPath"),
                              ("MATCH (a) RETURN a.name UNION MATCH (b) RETURN b.name", "UNION")]:
        with pytest.raises(UnsupportedQuery) as info:
            run_query(g, cypher)
        message = str(info.value)
        assert construct in message and "Neo4j" in message and "\n" not in message


def test_translation_leaves_string_contents_alone():
    assert translate("MATCH (n) WHERE n.name = 'count(*) and labels(n)' RETURN n.name") == \
        'MATCH (n) WHERE n.name = "count(*) and labels(n)" RETURN n.name'
