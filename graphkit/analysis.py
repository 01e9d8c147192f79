"""Analysis helpers: plain functions over the store's MultiDiGraph (`EmbeddedStore.networkx()` or
`graphkit.convert.to_networkx(graph)`).

Nodes carry `kind` and `name` (plus `state` on a Person, `date` on a Summit); edges are keyed by
relation type. Article nodes and MENTIONS edges are provenance, not diplomacy: every function
here leaves them out.
"""
from __future__ import annotations

import networkx as nx

from graphkit.model import ACTOR_KINDS, NodeKind, RelationType

_ACTOR_KINDS = frozenset(k.value for k in ACTOR_KINDS)
_PRESENCE = frozenset({RelationType.ATTENDED.value, RelationType.HOSTED.value})
STANCE_SIGNS: dict[str, int] = {
    RelationType.SUPPORTED.value: +1,
    RelationType.PLEDGED.value: +1,
    RelationType.OPPOSED.value: -1,
    RelationType.ATTACKED.value: -1,
}


def diplomacy_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """`g` without Article nodes and MENTIONS edges (a view, not a copy).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a.txt", kind="Article"); g.add_node("FRA", kind="State")
    >>> _ = g.add_edge("a.txt", "FRA", key="MENTIONS")
    >>> list(diplomacy_graph(g))
    ['FRA']
    """
    return nx.subgraph_view(g, filter_node=lambda n: g.nodes[n].get("kind") != NodeKind.ARTICLE.value,
                            filter_edge=lambda u, v, k: k != RelationType.MENTIONS.value)


def actor_centrality(g: nx.MultiDiGraph) -> list[tuple[str, str, int, float]]:
    """(id, name, degree, betweenness) for every Person, State and Organization, most central first.

    `degree` counts relations (each relation type between two nodes once, any direction);
    `betweenness` is normalised betweenness on the undirected simple graph, Summits included,
    so actors that bridge summits and camps rank high. Sorted by degree, then betweenness.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for n, kind in [("FRA", "State"), ("UKR", "State"), ("RUS", "State")]:
    ...     g.add_node(n, kind=kind, name=n)
    >>> _ = g.add_edge("FRA", "UKR", key="SUPPORTED"); _ = g.add_edge("RUS", "UKR", key="ATTACKED")
    >>> actor_centrality(g)[0]
    ('UKR', 'UKR', 2, 1.0)
    """
    d = diplomacy_graph(g)
    simple = nx.Graph(d.to_undirected(as_view=True))
    betweenness = nx.betweenness_centrality(simple) if simple.number_of_nodes() else {}
    rows = [(n, str(a.get("name", n)), d.degree(n), round(betweenness.get(n, 0.0), 6))
            for n, a in d.nodes(data=True) if a.get("kind") in _ACTOR_KINDS]
    return sorted(rows, key=lambda r: (-r[2], -r[3], r[1]))


def state_of(g: nx.MultiDiGraph, node: str) -> str | None:
    """The State a node acts for: itself for a State, its `state` for a Person, else None.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("FRA", kind="State"); g.add_node("emmanuel-macron", kind="Person", state="FRA")
    >>> state_of(g, "emmanuel-macron")
    'FRA'
    """
    attrs = g.nodes[node]
    if attrs.get("kind") == NodeKind.STATE.value:
        return node
    state = attrs.get("state") if attrs.get("kind") == NodeKind.PERSON.value else None
    return state if state in g and g.nodes[state].get("kind") == NodeKind.STATE.value else None


def co_attendance(g: nx.MultiDiGraph) -> nx.Graph:
    """States joined by the number of Summits both attended (`weight`; `summits` lists them).

    A State attends a Summit when it, or a Person acting for it (`state`), ATTENDED or HOSTED.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for n in ("FRA", "GBR"):
    ...     g.add_node(n, kind="State", name=n)
    >>> g.add_node("starmer", kind="Person", state="GBR"); g.add_node("s1", kind="Summit")
    >>> _ = g.add_edge("FRA", "s1", key="ATTENDED"); _ = g.add_edge("starmer", "s1", key="HOSTED")
    >>> co = co_attendance(g)
    >>> co["FRA"]["GBR"]["weight"], co["FRA"]["GBR"]["summits"]
    (1, ['s1'])
    """
    attendees: dict[str, set[str]] = {}
    for u, v, key in g.edges(keys=True):
        if key in _PRESENCE and g.nodes[v].get("kind") == NodeKind.SUMMIT.value:
            state = state_of(g, u)
            if state is not None:
                attendees.setdefault(v, set()).add(state)
    co = nx.Graph()
    co.add_nodes_from((n, {"name": a.get("name", n)}) for n, a in g.nodes(data=True)
                      if a.get("kind") == NodeKind.STATE.value)
    for summit in sorted(attendees):
        states = sorted(attendees[summit])
        for i, a in enumerate(states):
            for b in states[i + 1:]:
                if co.has_edge(a, b):
                    co[a][b]["weight"] += 1
                    co[a][b]["summits"].append(summit)
                else:
                    co.add_edge(a, b, weight=1, summits=[summit])
    return co


def stance_network(g: nx.MultiDiGraph) -> nx.Graph:
    """The signed graph of who backs and who opposes whom, rolled up to States.

    Each relation counts once: +1 for SUPPORTED or PLEDGED, -1 for OPPOSED or ATTACKED. A
    Person with a `state` is replaced by that State; Organizations stay themselves; ties of an
    actor with itself (a leader backing their own country) are dropped. Edge attributes:
    `weight` (the sum), `positive` and `negative` (the counts) and `sign` (+1, -1 or 0).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for n in ("FRA", "UKR", "RUS"):
    ...     g.add_node(n, kind="State", name=n)
    >>> g.add_node("macron", kind="Person", state="FRA")
    >>> _ = g.add_edge("macron", "UKR", key="SUPPORTED"); _ = g.add_edge("FRA", "UKR", key="PLEDGED")
    >>> _ = g.add_edge("RUS", "UKR", key="ATTACKED")
    >>> s = stance_network(g)
    >>> s["FRA"]["UKR"]["weight"], s["RUS"]["UKR"]["sign"]
    (2, -1)
    """
    signed = nx.Graph()
    for u, v, key in g.edges(keys=True):
        sign = STANCE_SIGNS.get(key)
        if sign is None:
            continue
        a, b = (state_of(g, n) or n for n in (u, v))
        if a == b:
            continue
        for n in (a, b):
            if n not in signed:
                signed.add_node(n, name=g.nodes[n].get("name", n), kind=g.nodes[n].get("kind"))
        if not signed.has_edge(a, b):
            signed.add_edge(a, b, weight=0, positive=0, negative=0)
        data = signed[a][b]
        data["weight"] += sign
        data["positive" if sign > 0 else "negative"] += 1
    for _, _, data in signed.edges(data=True):
        data["sign"] = (data["weight"] > 0) - (data["weight"] < 0)
    return signed


def stance_blocs(signed: nx.Graph) -> list[set[str]]:
    """Blocs of actors that back each other: communities of the positive part of a signed graph.

    Greedy modularity (Clauset-Newman-Moore, deterministic) on the edges whose `weight` is
    positive, weighted by it; negative ties never join a bloc, they only stay between blocs.
    Actors with no positive tie are their own bloc. Largest bloc first.

    >>> import networkx as nx
    >>> s = nx.Graph()
    >>> s.add_edge("FRA", "UKR", weight=2); s.add_edge("RUS", "BLR", weight=1)
    >>> s.add_edge("RUS", "UKR", weight=-3)
    >>> sorted(map(sorted, stance_blocs(s)))
    [['BLR', 'RUS'], ['FRA', 'UKR']]
    """
    positive = nx.Graph()
    positive.add_nodes_from(signed)
    positive.add_edges_from((u, v, {"weight": w}) for u, v, w in signed.edges(data="weight", default=0) if w > 0)
    if positive.number_of_edges() == 0:
        blocs = [{n} for n in positive]
    else:
        blocs = [set(c) for c in nx.community.greedy_modularity_communities(positive, weight="weight")]
    return sorted(blocs, key=lambda c: (-len(c), sorted(map(str, c))))


def summit_timeline(g: nx.MultiDiGraph) -> list[tuple[str | None, str, int]]:
    """(date, summit name, number of attendees) for every Summit, by date; undated ones last.

    Attendees are the distinct actors with an ATTENDED or HOSTED edge to it (a leader and
    their State both count, as the text names both).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("s1", kind="Summit", name="London summit", date="2025-03-02")
    >>> g.add_node("GBR", kind="State"); g.add_node("FRA", kind="State")
    >>> _ = g.add_edge("GBR", "s1", key="HOSTED"); _ = g.add_edge("FRA", "s1", key="ATTENDED")
    >>> summit_timeline(g)
    [('2025-03-02', 'London summit', 2)]
    """
    rows = []
    for n, a in g.nodes(data=True):
        if a.get("kind") != NodeKind.SUMMIT.value:
            continue
        present = {u for u, _, key in g.in_edges(n, keys=True) if key in _PRESENCE}
        rows.append((a.get("date") or None, str(a.get("name", n)), len(present)))
    return sorted(rows, key=lambda r: (r[0] is None, r[0] or "", r[1]))
