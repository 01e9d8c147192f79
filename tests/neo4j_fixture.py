"""pytest plugin: one real Neo4j server per test session, and a clean Neo4jStore per test.

Enable with `pytest_plugins = ["tests.neo4j_fixture"]` (tests/conftest.py) or `-p tests.neo4j_fixture`.
The server is started from tests/neo4j_server (Java 17 + Maven, no Docker). Without them the
tests that need it fail and say what is missing; `-m "not neo4j"` deselects those tests.
Set GRAPHKIT_TEST_NEO4J_URI (+ _USER, _PASSWORD) to use a server of your own instead; it is
emptied by every test that uses `neo4j_store`, so never point it at data you care about.

Also here: `sample_article_graphs()`, a small hand-made corpus (three articles) used by the
Neo4j store and Cypher parity tests until the extractor can build the graph from seeds/.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterator

import pytest

from graphkit.model import Article, Evidence, Graph, Node, NodeKind, Relation, RelationProperties, RelationType
from graphkit.stores.neo4j import Neo4jStore
from tests.neo4j_server.server import Neo4jServerUnavailable, Neo4jTestServer


@dataclass(frozen=True)
class Neo4jServerInfo:
    uri: str
    user: str
    password: str


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "neo4j: needs the real Neo4j test server (started once per session)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the server is marked `neo4j`, so `-m "not neo4j"` skips the JVM."""
    for item in items:
        if {"neo4j_server", "neo4j_store"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServerInfo]:
    """A running Neo4j 5 server with auth on: `.uri`, `.user`, `.password`."""
    external = os.environ.get("GRAPHKIT_TEST_NEO4J_URI")
    if external:
        yield Neo4jServerInfo(external, os.environ.get("GRAPHKIT_TEST_NEO4J_USER", "neo4j"),
                              os.environ.get("GRAPHKIT_TEST_NEO4J_PASSWORD", ""))
        return
    server = Neo4jTestServer()
    problem = None
    try:
        server.start()
    except Neo4jServerUnavailable as exc:
        problem = str(exc)
    if problem:
        pytest.fail(f"cannot start the Neo4j test server: {problem}\n"
                    "(deselect these tests with -m 'not neo4j', or set GRAPHKIT_TEST_NEO4J_URI)", pytrace=False)
    try:
        yield Neo4jServerInfo(server.uri, server.user, server.password)
    finally:
        server.stop()


@pytest.fixture
def neo4j_store(neo4j_server: Neo4jServerInfo) -> Iterator[Neo4jStore]:
    """A Neo4jStore on an emptied database with the schema applied."""
    store = Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    store.delete_all()
    store.apply_schema()
    try:
        yield store
    finally:
        store.close()


# -- a small hand-made corpus -------------------------------------------------------------------

def _state(iso3: str, name: str, *aliases: str) -> Node:
    return Node(id=iso3, kind=NodeKind.STATE, name=name, aliases=list(aliases), properties={"iso3": iso3})


def _person(pid: str, name: str, **props: str) -> Node:
    return Node(id=pid, kind=NodeKind.PERSON, name=name, properties=props)


FRA, UKR, GBR, DEU = (_state("FRA", "France"), _state("UKR", "Ukraine", "Kyiv"),
                      _state("GBR", "United Kingdom", "Britain", "UK"), _state("DEU", "Germany", "Berlin"))
RUS, POL, USA, HUN = (_state("RUS", "Russia", "Moscow"), _state("POL", "Poland"),
                      _state("USA", "United States", "Washington"), _state("HUN", "Hungary"))
MACRON = _person("emmanuel-macron", "Emmanuel Macron", office="President", state="FRA")
ZELENSKYY = _person("volodymyr-zelenskyy", "Volodymyr Zelenskyy", office="President", state="UKR")
STARMER = _person("keir-starmer", "Keir Starmer", office="Prime Minister", state="GBR")
TRUMP = _person("donald-trump", "Donald Trump")
EU = Node(id="european-union", kind=NodeKind.ORGANIZATION, name="European Union", aliases=["EU"])
NATO = Node(id="nato", kind=NodeKind.ORGANIZATION, name="NATO", aliases=["North Atlantic Treaty Organization"])
PARIS = Node(id="paris-summit-2025", kind=NodeKind.SUMMIT, name="Paris Coalition Summit",
             properties={"city": "Paris", "date": "2025-03-02", "format": "in person"})
LONDON = Node(id="london-summit-2025", kind=NodeKind.SUMMIT, name="London Defence Summit",
              properties={"city": "London", "date": "2025-03-10"})
WHITE_HOUSE = Node(id="white-house-talks", kind=NodeKind.SUMMIT, name="White House talks",
                   properties={"city": "Washington"})  # undated on purpose


def article_graph(article_id: str, title: str, date: str, sentences: list[str], entities: list[Node],
                  facts: list[tuple[str, str, str, int, dict, float]]) -> Graph:
    """One article's graph: its Article node, MENTIONS of every entity, and one relation per fact
    (source, type, target, index of the sentence that says it, relation properties, confidence)."""
    text = " ".join(sentences)
    article = Article(id=article_id, text=text, title=title, date=date, sha256=f"sha256-of-{article_id}")
    spans, pos = [], 0
    for sentence in sentences:
        spans.append((pos, pos + len(sentence)))
        pos += len(sentence) + 1
    relations = [Relation(source=source, type=RelationType(rel_type), target=target, confidence=confidence,
                          properties=RelationProperties(**props),
                          evidence=[Evidence(article=article_id, sentence=sentences[i], start=spans[i][0],
                                             end=spans[i][1], rule=f"test-{rel_type.lower()}")])
                 for source, rel_type, target, i, props, confidence in facts]
    relations += [Relation(source=article_id, type=RelationType.MENTIONS, target=n.id) for n in entities]
    return Graph(nodes=[article.as_node(), *entities], relations=relations)


def paris_article(variant: str = "original") -> Graph:
    """The Paris article; the "edited" variant drops the German and British parts and adds Poland."""
    sentences = [
        "France hosted the Paris Coalition Summit, attended by Ukraine, the United Kingdom and Germany.",
        "Emmanuel Macron, the French president, met Volodymyr Zelenskyy.",
        "Britain pledged air defence systems to Ukraine.",
        "France opposed Russia's demands while supporting Ukraine.",
        "Russia attacked Ukraine overnight.",
        "Germany joined by video link.",
    ]
    entities = [FRA, UKR, GBR, DEU, RUS, MACRON, ZELENSKYY, PARIS]
    facts = [
        ("FRA", "HOSTED", PARIS.id, 0, {}, 0.9), ("UKR", "ATTENDED", PARIS.id, 0, {"mode": "in person"}, 0.8),
        ("GBR", "ATTENDED", PARIS.id, 0, {}, 0.8), ("DEU", "ATTENDED", PARIS.id, 5, {"mode": "remote"}, 0.7),
        (MACRON.id, "MET_WITH", ZELENSKYY.id, 1, {}, 0.9), (MACRON.id, "LEADS", "FRA", 1, {"role": "President"}, 0.95),
        ("GBR", "PLEDGED", "UKR", 2, {"what": "air defence systems"}, 0.85), ("FRA", "OPPOSED", "RUS", 3, {}, 0.6),
        ("FRA", "SUPPORTED", "UKR", 3, {}, 0.7), ("RUS", "ATTACKED", "UKR", 4, {}, 0.9),
    ]
    if variant == "edited":
        sentences = sentences[:2] + ["Poland attended as an observer.", sentences[3], sentences[4]]
        entities = [FRA, UKR, POL, RUS, MACRON, ZELENSKYY, PARIS]
        facts = [f for f in facts if "GBR" not in f[:3] and "DEU" not in f[:3]]
        facts.append(("POL", "ATTENDED", PARIS.id, 2, {}, 0.6))
    return article_graph("a1-paris.txt", "Coalition meets in Paris", "2025-03-02", sentences, entities, facts)


def london_article() -> Graph:
    return article_graph("a2-london.txt", "London defence summit", "2025-03-10", [
        "The United Kingdom hosted the London Defence Summit with France, Germany, Poland and Ukraine.",
        "Keir Starmer, the prime minister, met Volodymyr Zelenskyy and Emmanuel Macron.",
        "Britain pledged 1.6 billion pounds to Ukraine and Germany pledged Patriot batteries to Ukraine.",
        "France and Britain opposed Russia's annexations; Hungary opposed the European Union's sanctions.",
        "France and Germany are members of the European Union; Poland is a member of NATO.",
        "Russia opposed NATO.",
    ], [GBR, FRA, DEU, POL, UKR, RUS, HUN, EU, NATO, STARMER, ZELENSKYY, MACRON, LONDON], [
        ("GBR", "HOSTED", LONDON.id, 0, {}, 0.9), ("FRA", "ATTENDED", LONDON.id, 0, {}, 0.8),
        ("DEU", "ATTENDED", LONDON.id, 0, {}, 0.8), ("POL", "ATTENDED", LONDON.id, 0, {}, 0.8),
        ("UKR", "ATTENDED", LONDON.id, 0, {"mode": "in person"}, 0.8), ("GBR", "ATTENDED", LONDON.id, 0, {}, 0.5),
        (STARMER.id, "MET_WITH", ZELENSKYY.id, 1, {}, 0.9), (ZELENSKYY.id, "MET_WITH", MACRON.id, 1, {}, 0.95),
        (STARMER.id, "MET_WITH", MACRON.id, 1, {}, 0.8), (STARMER.id, "LEADS", "GBR", 1, {"role": "Prime Minister"}, 0.9),
        ("GBR", "PLEDGED", "UKR", 2, {"what": "1.6 billion pounds"}, 0.9),
        ("DEU", "PLEDGED", "UKR", 2, {"what": "Patriot batteries"}, 0.8),
        ("FRA", "OPPOSED", "RUS", 3, {}, 0.75), ("GBR", "OPPOSED", "RUS", 3, {}, 0.7),
        ("HUN", "OPPOSED", EU.id, 3, {}, 0.6), ("FRA", "MEMBER_OF", EU.id, 4, {}, 1.0),
        ("DEU", "MEMBER_OF", EU.id, 4, {}, 1.0), ("POL", "MEMBER_OF", NATO.id, 4, {}, 1.0),
        ("RUS", "OPPOSED", NATO.id, 5, {}, 0.6),
    ])


def washington_article() -> Graph:
    return article_graph("a3-washington.txt", "Talks in Washington", "2025-02-28", [
        "Donald Trump met Volodymyr Zelenskyy at the White House.",
        "The United States supported a ceasefire proposal backed by Ukraine.",
        "Russia attacked Ukraine again.",
        "Donald Trump hosted the White House talks, which Ukraine attended.",
    ], [USA, UKR, RUS, TRUMP, ZELENSKYY, WHITE_HOUSE], [
        (TRUMP.id, "MET_WITH", ZELENSKYY.id, 0, {}, 0.9), ("USA", "SUPPORTED", "UKR", 1, {}, 0.5),
        ("RUS", "ATTACKED", "UKR", 2, {}, 0.85), (TRUMP.id, "LEADS", "USA", 0, {"role": "President"}, 0.6),
        (TRUMP.id, "HOSTED", WHITE_HOUSE.id, 3, {}, 0.8), ("UKR", "ATTENDED", WHITE_HOUSE.id, 3, {}, 0.8),
    ])


def sample_article_graphs() -> list[Graph]:
    """Three articles' graphs, each to be ingested with replace_articles(g, [its article id])."""
    return [paris_article(), london_article(), washington_article()]


def article_id(graph: Graph) -> str:
    return next(n.id for n in graph.nodes if n.kind is NodeKind.ARTICLE)
