"""The graph model: validation names the field, merges keep evidence, withdrawals are clean."""
import pytest
from pydantic import ValidationError

from graphkit.model import Article, Evidence, Graph, Node, NodeKind, Relation, RelationType, merge_graphs


def state(iso3, name):
    return Node(id=iso3, kind="State", name=name, properties={"iso3": iso3})


def person(pid, name):
    return Node(id=pid, kind="Person", name=name)


def ev(article, start=0, end=10, sentence="s"):
    return Evidence(article=article, sentence=sentence, start=start, end=end)


def test_state_is_keyed_by_iso3_and_bad_codes_name_the_field():
    assert state("GBR", "United Kingdom").id == "GBR"
    with pytest.raises(ValidationError, match="properties.iso3"):
        Node(id="GB", kind="State", name="UK", properties={"iso3": "GB"})
    with pytest.raises(ValidationError, match="id: a State is keyed by its iso3"):
        Node(id="uk", kind="State", name="UK", properties={"iso3": "GBR"})


def test_invalid_values_are_rejected_with_the_field_name():
    with pytest.raises(ValidationError, match="confidence"):
        Relation(source="a", type="LEADS", target="b", confidence=1.5)
    with pytest.raises(ValidationError, match="mode"):
        Relation(source="a", type="ATTENDED", target="b", properties={"mode": "by pigeon"})
    with pytest.raises(ValidationError, match="type"):
        Relation(source="a", type="LIKES", target="b")
    with pytest.raises(ValidationError, match="properties.date"):
        Node(id="s", kind="Summit", name="x", properties={"date": "4 Sept"})
    with pytest.raises(ValidationError, match="end"):
        Evidence(article="a", sentence="s", start=5, end=2)


def test_graph_rejects_dangling_ends_and_wrong_kinds():
    with pytest.raises(ValidationError, match=r"relations\[0\].target: no node with id 'GBR'"):
        Graph(nodes=[person("p", "P")], relations=[Relation(source="p", type="LEADS", target="GBR")])
    with pytest.raises(ValidationError, match="LEADS cannot join a State to a Person"):
        Graph(nodes=[person("p", "P"), state("GBR", "UK")],
              relations=[Relation(source="GBR", type="LEADS", target="p")])


def test_met_with_is_stored_in_canonical_order():
    r = Relation(source="zelensky", type="MET_WITH", target="trump")
    assert (r.source, r.target) == ("trump", "zelensky")
    assert Relation(source="b", type="OPPOSED", target="a").source == "b"


def test_merge_unions_evidence_aliases_and_keeps_max_confidence():
    a = Graph(nodes=[person("p", "Keir Starmer"), state("GBR", "United Kingdom")],
              relations=[Relation(source="p", type="LEADS", target="GBR", confidence=0.6, evidence=[ev("a.txt")])])
    b = Graph(nodes=[Node(id="p", kind="Person", name="Starmer", properties={"office": "Prime Minister"}),
                     state("GBR", "Britain")],
              relations=[Relation(source="p", type="LEADS", target="GBR", confidence=0.9,
                                  properties={"role": "Prime Minister"}, evidence=[ev("b.txt"), ev("a.txt")])])
    g = merge_graphs([a, b])
    assert len(g.nodes) == 2 and len(g.relations) == 1
    rel = g.relations[0]
    assert rel.articles == ["a.txt", "b.txt"]
    assert rel.confidence == 0.9 and rel.properties.role == "Prime Minister"
    p = g.node("p")
    assert p.name == "Keir Starmer" and "Starmer" in p.aliases and p.properties["office"] == "Prime Minister"


def test_without_articles_drops_only_what_those_articles_alone_contributed():
    art_a, art_b = Article(id="a.txt", text="x"), Article(id="b.txt", text="y")
    nodes = [art_a.as_node(), art_b.as_node(), person("p", "P"), state("GBR", "UK"), state("FRA", "France")]
    rels = [Relation(source="p", type="LEADS", target="GBR", evidence=[ev("a.txt"), ev("b.txt")]),
            Relation(source="GBR", type="SUPPORTED", target="FRA", evidence=[ev("a.txt")]),
            Relation(source="a.txt", type="MENTIONS", target="p"), Relation(source="a.txt", type="MENTIONS", target="GBR"),
            Relation(source="a.txt", type="MENTIONS", target="FRA"), Relation(source="b.txt", type="MENTIONS", target="p"),
            Relation(source="b.txt", type="MENTIONS", target="GBR")]
    g = Graph(nodes=nodes, relations=rels).without_articles(["a.txt"])
    assert {n.id for n in g.nodes} == {"b.txt", "p", "GBR"}
    leads = [r for r in g.relations if r.type is RelationType.LEADS]
    assert len(leads) == 1 and leads[0].articles == ["b.txt"]
    assert not any(r.type is RelationType.SUPPORTED for r in g.relations)
    Graph.model_validate(g.model_dump())  # still a valid graph


def test_prediction_format_matches_the_guideline():
    g = Graph(nodes=[person("p", "Keir Starmer"), state("GBR", "United Kingdom")],
              relations=[Relation(source="p", type="LEADS", target="GBR", properties={"role": "Prime Minister"},
                                  evidence=[ev("001.txt", 3, 40, "British Prime Minister Keir Starmer has...")])])
    pred = g.to_prediction()
    assert pred["nodes"][1] == {"id": "GBR", "kind": "State", "name": "United Kingdom", "aliases": [],
                                "properties": {"iso3": "GBR"}}
    edge = pred["edges"][0]
    assert edge["type"] == "LEADS" and edge["properties"] == {"role": "Prime Minister"}
    assert edge["evidence"] == [{"article": "001.txt", "sentence": "British Prime Minister Keir Starmer has...",
                                 "start": 3, "end": 40}]
    assert NodeKind.ARTICLE.value == "Article"


def test_withdrawing_an_article_also_withdraws_what_it_said():
    from graphkit.model import RelationProperties

    art_a, art_b = Article(id="a.txt", text="x"), Article(id="b.txt", text="y")
    said = {a: Evidence(article=a, sentence="s", start=0, end=1, properties=RelationProperties(what=w))
            for a, w in (("a.txt", "tanks"), ("b.txt", "jets"))}
    nodes = [art_a.as_node(), art_b.as_node(), state("GBR", "UK"), state("UKR", "Ukraine")]
    pledge = Relation(source="GBR", type="PLEDGED", target="UKR", properties={"what": "tanks"}, evidence=[said["a.txt"]])
    pledge = pledge.merged_with(Relation(source="GBR", type="PLEDGED", target="UKR", properties={"what": "jets"},
                                         evidence=[said["b.txt"]]))
    mentions = [Relation(source=a, type="MENTIONS", target=t) for a in ("a.txt", "b.txt") for t in ("GBR", "UKR")]
    g = Graph(nodes=nodes, relations=[pledge, *mentions]).without_articles(["a.txt"])
    (left,) = [r for r in g.relations if r.type is RelationType.PLEDGED]
    assert left.properties.what == "jets" and left.articles == ["b.txt"]
