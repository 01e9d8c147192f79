"""The HTML view without a browser: styles cover the model, filters pick the right sub-graph,
the page is self-contained."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graphkit import view
from graphkit.model import Evidence, Graph, Node, NodeKind, Relation, RelationProperties, RelationType
from graphkit.view import EDGE_STYLES, NODE_STYLES, render_html, select_view

A1, A2 = "001_london.txt", "002_paris.txt"


def _ev(article: str, sentence: str) -> list[Evidence]:
    return [Evidence(article=article, sentence=sentence, start=0, end=len(sentence))]


def diplomacy_graph() -> Graph:
    """A small hand-made graph: six states, five leaders, two bodies, three summits, two articles."""
    states = {"UKR": "Ukraine", "RUS": "Russia", "FRA": "France", "GBR": "United Kingdom",
              "USA": "United States", "DEU": "Germany"}
    nodes = [Node(id=iso, kind=NodeKind.STATE, name=name, properties={"iso3": iso}) for iso, name in states.items()]
    nodes[3] = nodes[3].model_copy(update={"aliases": ["UK", "Britain"]})
    people = [("volodymyr-zelenskyy", "Volodymyr Zelenskyy", ["Zelensky"], "President", "UKR"),
              ("vladimir-putin", "Vladimir Putin", ["Putin"], "President", "RUS"),
              ("emmanuel-macron", "Emmanuel Macron", ["Macron"], "President", "FRA"),
              ("keir-starmer", "Keir Starmer", ["Starmer"], "Prime Minister", "GBR"),
              ("donald-trump", "Donald Trump", ["Trump"], "President", "USA")]
    nodes += [Node(id=pid, kind=NodeKind.PERSON, name=name, aliases=aliases,
                   properties={"office": office, "state": state}) for pid, name, aliases, office, state in people]
    nodes += [Node(id="NATO", kind=NodeKind.ORGANIZATION, name="NATO", aliases=["North Atlantic Treaty Organization"]),
              Node(id="coalition-of-the-willing", kind=NodeKind.ORGANIZATION, name="Coalition of the Willing")]
    nodes += [Node(id="summit-london-2025-03", kind=NodeKind.SUMMIT, name="London security summit",
                   aliases=["London summit"], properties={"city": "London", "date": "2025-03-02"}),
              Node(id="summit-paris-2026-01", kind=NodeKind.SUMMIT, name="Paris meeting",
                   properties={"city": "Paris", "date": "2026-01"}),
              Node(id="summit-video-2025-12", kind=NodeKind.SUMMIT, name="emergency video conference",
                   properties={"city": None, "date": "2025-12-11"})]
    nodes += [Node(id=A1, kind=NodeKind.ARTICLE, name="Allies gather in London"),
              Node(id=A2, kind=NodeKind.ARTICLE, name="Paris talks")]

    def rel(source, rtype, target, sentence, article=A1, confidence=0.9, **props):
        return Relation(source=source, type=rtype, target=target, properties=RelationProperties(**props),
                        evidence=_ev(article, sentence), confidence=confidence)

    R = RelationType
    relations = [
        rel("volodymyr-zelenskyy", R.LEADS, "UKR", "Ukrainian President Volodymyr Zelenskyy arrived.", role="President"),
        rel("vladimir-putin", R.LEADS, "RUS", "Russian President Vladimir Putin said no.", role="President"),
        rel("emmanuel-macron", R.LEADS, "FRA", "French President Emmanuel Macron spoke.", role="President"),
        rel("keir-starmer", R.LEADS, "GBR", "British Prime Minister Keir Starmer hosted.", role="Prime Minister"),
        rel("donald-trump", R.LEADS, "USA", "US President Donald Trump called.", role="President"),
        *[rel(s, R.MEMBER_OF, "NATO", f"{s} is a NATO member.") for s in ("FRA", "GBR", "DEU", "USA")],
        rel("keir-starmer", R.HOSTED, "summit-london-2025-03", "Starmer hosted the London summit."),
        rel("volodymyr-zelenskyy", R.ATTENDED, "summit-london-2025-03", "Zelenskyy joined the London summit."),
        rel("emmanuel-macron", R.ATTENDED, "summit-london-2025-03", "Macron was in London.", mode="in person"),
        *[rel(s, R.ATTENDED, "summit-london-2025-03", f"{s} attended in London.") for s in ("GBR", "FRA", "UKR")],
        rel("emmanuel-macron", R.HOSTED, "summit-paris-2026-01", "Macron convened the Paris meeting.", article=A2),
        *[rel(s, R.ATTENDED, "summit-paris-2026-01", f"{s} came to Paris.", article=A2) for s in ("FRA", "DEU", "UKR")],
        rel("volodymyr-zelenskyy", R.ATTENDED, "summit-paris-2026-01", "Zelenskyy joined by video.", article=A2,
            mode="remote"),
        *[rel(s, R.ATTENDED, "summit-video-2025-12", f"{s} joined the video call.")
          for s in ("coalition-of-the-willing", "GBR", "FRA")],
        rel("GBR", R.PLEDGED, "UKR", "Britain will provide 5,000 air defence missiles to Ukraine.",
            what="5,000 air defence missiles"),
        rel("FRA", R.PLEDGED, "UKR", "France is ready to send troops to Ukraine.", what="troops"),
        rel("coalition-of-the-willing", R.PLEDGED, "UKR", "The coalition offered security guarantees.",
            what="security guarantees"),
        rel("FRA", R.SUPPORTED, "UKR", "France stands with Ukraine.", article=A2),
        rel("GBR", R.SUPPORTED, "UKR", "Britain backs Kyiv <firmly> & fully."),
        rel("donald-trump", R.OPPOSED, "volodymyr-zelenskyy", "Trump criticised Zelenskyy."),
        rel("UKR", R.OPPOSED, "RUS", "Kyiv says surrendering those lands would be a mistake."),
        rel("RUS", R.ATTACKED, "UKR", "Russia's war against Ukraine goes on."),
        rel("RUS", R.OPPOSED, "coalition-of-the-willing", "Moscow rejected the coalition's plan."),
        rel("emmanuel-macron", R.MET_WITH, "volodymyr-zelenskyy", "Macron met Zelenskyy in Paris.", article=A2),
        rel("keir-starmer", R.MET_WITH, "donald-trump", "Starmer met Trump at the White House."),
        *[Relation(source=A1, type=R.MENTIONS, target=t) for t in ("UKR", "GBR", "keir-starmer", "DEU")],
        Relation(source=A2, type=R.MENTIONS, target="FRA"),
    ]
    return Graph(nodes=nodes, relations=relations)


def _edges(g) -> set[tuple[str, str, str]]:
    return {(u, k, v) for u, v, k in g.edges(keys=True)}


def test_every_kind_and_type_has_one_style():
    assert set(NODE_STYLES) == set(NodeKind)
    assert set(EDGE_STYLES) == set(RelationType)
    assert len({s.shape for s in NODE_STYLES.values()}) == len(NODE_STYLES)
    assert len({s.color for s in NODE_STYLES.values()}) == len(NODE_STYLES)
    assert len({s.color for s in EDGE_STYLES.values()}) == len(EDGE_STYLES)
    assert [t for t in EDGE_STYLES if not view.has_arrow(t)] == [RelationType.MET_WITH]
    families = {t.value: s.family for t, s in EDGE_STYLES.items()}
    assert {t for t, f in families.items() if f == "cooperation"} == {"SUPPORTED", "PLEDGED", "MET_WITH"}
    assert {t for t, f in families.items() if f == "conflict"} == {"OPPOSED", "ATTACKED"}


def test_colour_families_look_like_their_meaning():
    def rgb(c):
        return tuple(int(c[i:i + 2], 16) for i in (1, 3, 5))
    for t in ("SUPPORTED", "PLEDGED", "MET_WITH"):
        r, g, b = rgb(EDGE_STYLES[RelationType(t)].color)
        assert g > r and g > b, t
    for t in ("OPPOSED", "ATTACKED"):
        r, g, b = rgb(EDGE_STYLES[RelationType(t)].color)
        assert r > 2 * g and r > 2 * b, t
    for t in ("ATTENDED", "HOSTED"):
        r, g, b = rgb(EDGE_STYLES[RelationType(t)].color)
        assert r == g == b, t
    for t in ("LEADS", "MEMBER_OF"):
        r, g, b = rgb(EDGE_STYLES[RelationType(t)].color)
        assert b > r and b > g, t


def test_default_view_leaves_articles_and_mentions_out():
    g = select_view(diplomacy_graph())
    kinds = {k for _, k in g.nodes(data="kind")}
    assert kinds == {"State", "Person", "Organization", "Summit"}
    assert "MENTIONS" not in {k for _, _, k in g.edges(keys=True)}
    assert g.number_of_nodes() == 16 and g.number_of_edges() == 34


def test_mentions_type_brings_articles_back():
    g = select_view(diplomacy_graph(), types={"MENTIONS"})
    assert {n for n, k in g.nodes(data="kind") if k == "Article"} == {A1, A2}
    assert _edges(g) == {(A1, "MENTIONS", t) for t in ("UKR", "GBR", "keir-starmer", "DEU")} | {(A2, "MENTIONS", "FRA")}


def test_focus_keeps_the_neighbourhood_by_name_alias_or_id():
    by_name = select_view(diplomacy_graph(), focus="france")
    assert set(by_name) == {"FRA", "emmanuel-macron", "NATO", "UKR", "summit-london-2025-03",
                            "summit-paris-2026-01", "summit-video-2025-12"}
    assert ("UKR", "ATTENDED", "summit-paris-2026-01") in _edges(by_name)  # induced: edges among neighbours too
    assert set(select_view(diplomacy_graph(), focus="FRA")) == set(by_name)
    alias = select_view(diplomacy_graph(), focus="britain", depth=0)
    assert set(alias) == {"GBR"} and alias.number_of_edges() == 0


def test_focus_depth_two_reaches_further():
    one = set(select_view(diplomacy_graph(), focus="Putin", depth=1))
    two = set(select_view(diplomacy_graph(), focus="Putin", depth=2))
    assert one == {"vladimir-putin", "RUS"}
    assert two == {"vladimir-putin", "RUS", "UKR", "coalition-of-the-willing"}


def test_unknown_focus_or_summit_raises_with_the_name():
    with pytest.raises(ValueError, match=r"^focus 'Atlantis': no node with that id or name$"):
        select_view(diplomacy_graph(), focus="Atlantis")
    with pytest.raises(ValueError, match=r"^summit 'France': no Summit with that id or name$"):
        render_html(diplomacy_graph(), Path("/nonexistent/never-written.html"), summit="France")
    with pytest.raises(ValueError, match=r"^types 'FRIENDS': not a relation type"):
        select_view(diplomacy_graph(), types={"FRIENDS"})
    with pytest.raises(ValueError, match=r"^since '2025/01': expected YYYY"):
        select_view(diplomacy_graph(), since="2025/01")


def test_summit_keeps_attendees_hosts_and_their_commitments():
    g = select_view(diplomacy_graph(), summit="London summit")
    assert set(g) == {"summit-london-2025-03", "keir-starmer", "volodymyr-zelenskyy", "emmanuel-macron",
                      "GBR", "FRA", "UKR"}
    assert _edges(g) == {
        ("keir-starmer", "HOSTED", "summit-london-2025-03"),
        *{(a, "ATTENDED", "summit-london-2025-03")
          for a in ("volodymyr-zelenskyy", "emmanuel-macron", "GBR", "FRA", "UKR")},
        ("GBR", "PLEDGED", "UKR"), ("FRA", "PLEDGED", "UKR"),
        ("GBR", "SUPPORTED", "UKR"), ("FRA", "SUPPORTED", "UKR"),
    }


def test_types_filter_keeps_only_those_relations():
    g = select_view(diplomacy_graph(), types={"supported", RelationType.OPPOSED})
    assert _edges(g) == {("FRA", "SUPPORTED", "UKR"), ("GBR", "SUPPORTED", "UKR"),
                         ("donald-trump", "OPPOSED", "volodymyr-zelenskyy"), ("UKR", "OPPOSED", "RUS"),
                         ("RUS", "OPPOSED", "coalition-of-the-willing")}
    assert set(g) == {"FRA", "GBR", "UKR", "RUS", "donald-trump", "volodymyr-zelenskyy", "coalition-of-the-willing"}
    assert _edges(select_view(diplomacy_graph(), types="LEADS,MET_WITH")) == _edges(
        select_view(diplomacy_graph(), types=["LEADS", "MET_WITH"]))


def test_dates_filter_summits_and_their_edges():
    december = select_view(diplomacy_graph(), since="2025-12", until="2025-12")
    summits = {n for n, k in december.nodes(data="kind") if k == "Summit"}
    assert summits == {"summit-video-2025-12"}
    assert not any(v in ("summit-london-2025-03", "summit-paris-2026-01") for _, v in december.edges())
    assert ("RUS", "ATTACKED", "UKR") in _edges(december)  # undated relations stay
    later = select_view(diplomacy_graph(), since="2026")
    assert {n for n, k in later.nodes(data="kind") if k == "Summit"} == {"summit-paris-2026-01"}
    early = select_view(diplomacy_graph(), until="2025-06-30")
    assert {n for n, k in early.nodes(data="kind") if k == "Summit"} == {"summit-london-2025-03"}


def test_stance_keeps_support_opposition_and_attacks_between_states():
    g = select_view(diplomacy_graph(), stance=True)
    assert _edges(g) == {("FRA", "SUPPORTED", "UKR"), ("GBR", "SUPPORTED", "UKR"),
                         ("UKR", "OPPOSED", "RUS"), ("RUS", "ATTACKED", "UKR")}
    assert set(g) == {"FRA", "GBR", "UKR", "RUS"}


def test_filters_combine():
    g = select_view(diplomacy_graph(), focus="Ukraine", stance=True)
    assert set(g) == {"UKR", "FRA", "GBR", "RUS"}
    g = select_view(diplomacy_graph(), summit="summit-london-2025-03", types={"PLEDGED"})
    assert _edges(g) == {("GBR", "PLEDGED", "UKR"), ("FRA", "PLEDGED", "UKR")}
    assert "summit-london-2025-03" in g  # the summit itself stays, even without an edge


def _page_data(html: str) -> dict:
    match = re.search(r'<script id="gk-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no data block"
    return json.loads(match.group(1))


def test_html_is_self_contained(tmp_path):
    out = tmp_path / "graph.html"
    summary = render_html(diplomacy_graph(), out, title="Seeds")
    html = out.read_text(encoding="utf-8")
    for needle in ('src="http', "src='http", 'href="http', "href='http", "//cdn", "<link", "<script src"):
        assert needle not in html, needle
    assert "vis-network" in html and "@license" in html  # inlined with its licence header
    assert "window.graphkitNetwork" in html and "<title>Seeds</title>" in html
    assert summary.nodes == 16 and summary.edges == 34 and summary.layout == "physics"
    assert summary.path == out
    assert summary.node_kinds == {"Organization": 2, "Person": 5, "State": 6, "Summit": 3}


def test_page_carries_styles_tooltips_and_toggles(tmp_path):
    out = tmp_path / "graph.html"
    render_html(diplomacy_graph(), out)
    html = out.read_text(encoding="utf-8")
    data = _page_data(html)
    nodes = {n["id"]: n for n in data["nodes"]}
    edges = {e["id"]: e for e in data["edges"]}
    assert nodes["FRA"]["shape"] == NODE_STYLES[NodeKind.STATE].shape
    assert nodes["FRA"]["color"]["background"] == NODE_STYLES[NodeKind.STATE].color
    assert nodes["summit-london-2025-03"]["shape"] == "star"
    assert nodes["UKR"]["size"] > nodes["DEU"]["size"]  # size follows degree
    assert "office: President" in nodes["emmanuel-macron"]["title"]
    assert "state: FRA (France)" in nodes["emmanuel-macron"]["title"]
    assert "iso3: GBR" in nodes["GBR"]["title"]
    assert "city: London" in nodes["summit-london-2025-03"]["title"]
    assert "date: 2025-03-02" in nodes["summit-london-2025-03"]["title"]

    pledge = edges["GBR|PLEDGED|UKR"]
    assert pledge["color"]["color"] == EDGE_STYLES[RelationType.PLEDGED].color
    assert pledge["arrows"] == "to"
    for line in ("type: PLEDGED", "what: 5,000 air defence missiles", "confidence: 0.90",
                 "• “Britain will provide 5,000 air defence missiles to Ukraine.” — Allies gather in London"):
        assert line in pledge["title"].splitlines()
    assert edges["emmanuel-macron|MET_WITH|volodymyr-zelenskyy"]["arrows"] == ""
    assert "mode: remote" in edges["volodymyr-zelenskyy|ATTENDED|summit-paris-2026-01"]["title"]
    assert "role: Prime Minister" in edges["keir-starmer|LEADS|GBR"]["title"]

    boxes = set(re.findall(r'data-relation="([A-Z_]+)"', html))
    assert boxes == {t.value for t in RelationType} - {"MENTIONS"}
    assert data["options"]["physics"]["enabled"] is True


def test_text_from_articles_cannot_close_the_script(tmp_path):
    out = tmp_path / "graph.html"
    render_html(diplomacy_graph(), out)
    html = out.read_text(encoding="utf-8")
    assert "<firmly>" not in html
    titles = {e["id"]: e["title"] for e in _page_data(html)["edges"]}
    assert "Britain backs Kyiv <firmly> & fully." in titles["GBR|SUPPORTED|UKR"]


def test_large_graph_gets_precomputed_positions(tmp_path, monkeypatch):
    monkeypatch.setattr(view, "LAYOUT_THRESHOLD", 10)
    out = tmp_path / "graph.html"
    summary = render_html(diplomacy_graph(), out)
    data = _page_data(out.read_text(encoding="utf-8"))
    assert summary.layout == "precomputed"
    assert data["options"]["physics"]["enabled"] is False
    xs = [(n["x"], n["y"]) for n in data["nodes"]]
    assert len(xs) == 16 and len(set(xs)) == 16


def test_empty_view_still_writes_a_page(tmp_path):
    summary = render_html(Graph(), tmp_path / "empty.html")
    assert summary.nodes == 0 and summary.edges == 0
    assert "graphkitNetwork" in (tmp_path / "empty.html").read_text(encoding="utf-8")


# -- graphkit.analysis (kept here with the view's sample graph) -------------------------------

def test_analysis_docstring_examples_run():
    import doctest

    from graphkit import analysis

    result = doctest.testmod(analysis, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 20 and result.failed == 0


def test_actor_centrality_ranks_ukraine_first():
    from graphkit.analysis import actor_centrality
    from graphkit.convert import to_networkx

    rows = actor_centrality(to_networkx(diplomacy_graph()))
    assert rows[0][:3] == ("UKR", "Ukraine", 10)
    assert {r[0] for r in rows} == {"UKR", "RUS", "FRA", "GBR", "USA", "DEU", "NATO", "coalition-of-the-willing",
                                    "volodymyr-zelenskyy", "vladimir-putin", "emmanuel-macron", "keir-starmer",
                                    "donald-trump"}
    assert all(0.0 <= r[3] <= 1.0 for r in rows)
    assert [r[2] for r in rows] == sorted((r[2] for r in rows), reverse=True)


def test_co_attendance_counts_shared_summits_through_leaders():
    from graphkit.analysis import co_attendance
    from graphkit.convert import to_networkx

    co = co_attendance(to_networkx(diplomacy_graph()))
    weights = {frozenset((u, v)): d["weight"] for u, v, d in co.edges(data=True)}
    assert weights == {frozenset(("FRA", "GBR")): 2, frozenset(("FRA", "UKR")): 2, frozenset(("GBR", "UKR")): 1,
                       frozenset(("FRA", "DEU")): 1, frozenset(("DEU", "UKR")): 1}
    assert co["FRA"]["GBR"]["summits"] == ["summit-london-2025-03", "summit-video-2025-12"]


def test_stance_network_rolls_people_up_and_blocs_split_the_camps():
    from graphkit.analysis import stance_blocs, stance_network
    from graphkit.convert import to_networkx

    signed = stance_network(to_networkx(diplomacy_graph()))
    assert signed["UKR"]["RUS"]["weight"] == -2  # OPPOSED + ATTACKED
    assert signed["UKR"]["USA"]["sign"] == -1  # Trump opposed Zelenskyy, rolled up
    assert signed["FRA"]["UKR"] == {"weight": 2, "positive": 2, "negative": 0, "sign": 1}
    blocs = stance_blocs(signed)
    assert blocs[0] == {"UKR", "FRA", "GBR", "coalition-of-the-willing"}
    assert {"RUS"} in blocs and {"USA"} in blocs


def test_summit_timeline_is_in_date_order():
    from graphkit.analysis import summit_timeline
    from graphkit.convert import to_networkx

    assert summit_timeline(to_networkx(diplomacy_graph())) == [
        ("2025-03-02", "London security summit", 6),
        ("2025-12-11", "emergency video conference", 3),
        ("2026-01", "Paris meeting", 5),
    ]


def test_notebook_view_embeds_the_same_page_in_an_iframe():
    from html import unescape

    from graphkit.view import notebook_view

    shown = notebook_view(diplomacy_graph(), focus="France", height=500)
    html = shown._repr_html_()
    assert html.startswith('<iframe srcdoc="') and "height:500px" in html and 'sandbox="allow-scripts"' in html
    assert "<script" not in html.split('srcdoc="', 1)[1].split('"', 1)[0]  # escaped inside the attribute
    page = unescape(html.split('srcdoc="', 1)[1].rsplit('" style=', 1)[0])
    assert page.startswith("<!DOCTYPE html>") and "window.graphkitNetwork" in page
    assert shown.summary.nodes == 7 and shown.summary.path is None
    assert repr(shown) == "<graphkit view: 7 nodes, 11 edges>"
