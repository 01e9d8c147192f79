"""An interactive HTML view of a Graph: one self-contained, offline page drawn with vis-network.

pyvis builds the network (nodes, edges, options); the page around it is our own template in
`graphkit/view_assets/`, with vis-network's JavaScript inlined from the copy pyvis ships, so the
file opens from a laptop, an e-mail attachment or a CI artefact with no network at all.

Colours and shapes are declared once below, one entry per node kind and relation type of
`graphkit.model`; the legend, the type checkboxes and the tests read the same dicts.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Iterable, Literal

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pydantic import BaseModel
from pyvis.network import Network

from graphkit.model import (RELATION_SPECS, SYMMETRIC_TYPES, Graph, NodeKind, RelationFamily, RelationSpec,
                            RelationType)
from graphkit.convert import evidence_from_record, to_networkx

ASSETS = Path(__file__).with_name("view_assets")
VIS_VERSION = "9.1.2"

# Above this many nodes the browser would spend many seconds on physics: positions are
# computed here instead and physics is off from the start.
LAYOUT_THRESHOLD = 1000


@dataclass(frozen=True)
class NodeStyle:
    color: str
    shape: str  # a vis-network shape that is sized by `size` (label drawn below)


@dataclass(frozen=True)
class EdgeStyle:
    color: str
    family: RelationFamily
    dashes: bool = False  # arrows are not a style: they follow the model (see has_arrow)


NODE_STYLES: dict[NodeKind, NodeStyle] = {
    NodeKind.STATE: NodeStyle(color="#4C78A8", shape="dot"),
    NodeKind.PERSON: NodeStyle(color="#F58518", shape="triangle"),
    NodeKind.ORGANIZATION: NodeStyle(color="#9467BD", shape="square"),
    NodeKind.SUMMIT: NodeStyle(color="#E3B505", shape="star"),
    NodeKind.ARTICLE: NodeStyle(color="#A0A0A0", shape="diamond"),
}

# Hand-picked colours per relation type; a type declared in the model without one here is drawn
# in its family's colour (a shade of the family that no type above uses).
_EDGE_COLORS: dict[RelationType, str] = {
    RelationType.SUPPORTED: "#2E7D32",
    RelationType.PLEDGED: "#66BB6A",
    RelationType.MET_WITH: "#A5C940",
    RelationType.OPPOSED: "#E53935",
    RelationType.ATTACKED: "#8E0000",
    RelationType.ATTENDED: "#9E9E9E",
    RelationType.HOSTED: "#5F5F5F",
    RelationType.LEADS: "#1E88E5",
    RelationType.MEMBER_OF: "#4DB6D0",
    RelationType.MENTIONS: "#CFCFCF",
}
FAMILY_COLORS: dict[str, str] = {"cooperation": "#1B5E20", "conflict": "#C62828", "attendance": "#7A7A7A",
                                 "structure": "#3949AB", "provenance": "#B0B0B0"}


def edge_styles(specs: dict[RelationType, RelationSpec]) -> dict[RelationType, EdgeStyle]:
    """One style per declared relation type: its colour, or its family's; provenance is dashed.
    In the order of the colours above (the legend's order), then any other declared type."""
    order = [t for t in _EDGE_COLORS if t in specs] + [t for t in specs if t not in _EDGE_COLORS]
    return {t: EdgeStyle(color=_EDGE_COLORS.get(t) or FAMILY_COLORS[specs[t].family], family=specs[t].family,
                         dashes=specs[t].family == "provenance")
            for t in order}


EDGE_STYLES = edge_styles(RELATION_SPECS)

# Small SVG glyphs for the legend, one per vis shape used above (viewBox 0 0 20 20).
_SHAPE_GLYPHS = {
    "dot": '<circle cx="10" cy="10" r="7"/>',
    "triangle": '<polygon points="10,2 18,17 2,17"/>',
    "square": '<rect x="3" y="3" width="14" height="14"/>',
    "star": '<polygon points="10,1 12.4,7.2 19,7.5 13.8,11.6 15.6,18 10,14.3 4.4,18 6.2,11.6 1,7.5 7.6,7.2"/>',
    "diamond": '<polygon points="10,1 19,10 10,19 1,10"/>',
}

STANCE_TYPES = (RelationType.SUPPORTED, RelationType.OPPOSED, RelationType.ATTACKED)
SUMMIT_ISSUE_TYPES = (RelationType.PLEDGED, RelationType.OPPOSED, RelationType.SUPPORTED)
_PRESENCE_TYPES = (RelationType.ATTENDED, RelationType.HOSTED)
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_MAX_TOOLTIP_SENTENCES = 5


def has_arrow(rtype: RelationType) -> bool:
    """Whether edges of this type are drawn with an arrow head (all but the symmetric types)."""
    return rtype not in SYMMETRIC_TYPES


class ViewSummary(BaseModel):
    """What was written: the file, and how much of the graph it shows."""

    nodes: int
    edges: int
    node_kinds: dict[str, int]
    relation_types: dict[str, int]
    layout: Literal["physics", "precomputed"]
    path: Path | None = None  # None for a notebook view


def select_view(graph: Graph, *, focus: str | None = None, depth: int = 1, summit: str | None = None,
                types: Iterable[str | RelationType] | None = None, since: str | None = None,
                until: str | None = None, stance: bool = False) -> nx.MultiDiGraph:
    """The part of `graph` a view shows, as a MultiDiGraph (see `render_html` for the filters).

    Relation filters (types, dates, stance) apply first, then `summit`, then `focus`. When any
    filter is given, nodes left without an edge are dropped (except the focus or summit itself).
    """
    if depth < 0:
        raise ValueError(f"depth {depth}: must be 0 or more")
    wanted = parse_types(types)
    start, end = _date_bounds(since, "since")[0], _date_bounds(until, "until")[1]
    full = to_networkx(graph)
    focus_id = find_node(full, focus, what="focus") if focus is not None else None
    summit_id = find_node(full, summit, what="summit", kind=NodeKind.SUMMIT) if summit is not None else None

    anchor_attrs = {n: dict(full.nodes[n]) for n in (focus_id, summit_id) if n is not None}
    g = full  # a fresh graph from to_networkx: filtered in place
    if wanted is None or RelationType.MENTIONS.value not in wanted:
        g.remove_nodes_from([n for n, k in g.nodes(data="kind") if k == NodeKind.ARTICLE.value])
    if since is not None or until is not None:
        g.remove_nodes_from([n for n, a in g.nodes(data=True) if a["kind"] == NodeKind.SUMMIT.value
                             and n != summit_id and not _date_in(a.get("date"), start, end)])
    # Attendance of the summit is read before the type filters.
    presence = {t.value for t in _PRESENCE_TYPES}
    present = ({u for u, _, key in g.in_edges(summit_id, keys=True) if key in presence}
               if summit_id is not None and summit_id in g else set())
    stance_types = {t.value for t in STANCE_TYPES}
    drop = []
    for u, v, key in g.edges(keys=True):
        if wanted is not None and key not in wanted:
            drop.append((u, v, key))
        elif stance and (key not in stance_types
                         or g.nodes[u]["kind"] != NodeKind.STATE.value
                         or g.nodes[v]["kind"] != NodeKind.STATE.value):
            drop.append((u, v, key))
    g.remove_edges_from(drop)

    if summit_id is not None:
        issues = {t.value for t in SUMMIT_ISSUE_TYPES}
        keep_edges = [(u, v, key) for u, v, key in g.edges(keys=True)
                      if (v == summit_id and u in present and key in presence)
                      or (u in present and v in present and key in issues)]
        g = g.edge_subgraph(keep_edges).copy()
        g.add_node(summit_id, **anchor_attrs[summit_id])

    if focus_id is not None:
        if focus_id not in g:
            g.add_node(focus_id, **anchor_attrs[focus_id])
        near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), focus_id, cutoff=depth)
        g = g.subgraph(near).copy()

    filtered = any(x is not None for x in (focus, summit, types, since, until)) or stance
    if filtered:
        anchors = {focus_id, summit_id}
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0 and n not in anchors])
    return g


def render_html(graph: Graph, out: Path | str, *, focus: str | None = None, depth: int = 1,
                summit: str | None = None, types: Iterable[str | RelationType] | None = None,
                since: str | None = None, until: str | None = None, stance: bool = False,
                title: str | None = None) -> ViewSummary:
    """Write an interactive, offline HTML view of `graph` to `out`.

    - `focus`: a node id, name or alias (case-insensitive); keeps it and its neighbours up to
      `depth` hops, whatever the edge direction.
    - `summit`: one Summit (id, name or alias) with the actors that attended or hosted it and
      the PLEDGED/OPPOSED/SUPPORTED edges among those actors.
    - `types`: relation types to keep (MENTIONS brings the Article nodes back in; they are left
      out by default).
    - `since` / `until`: keep the Summits whose date (YYYY, YYYY-MM or YYYY-MM-DD) overlaps the
      period, and drop the others with their edges.
    - `stance`: keep only SUPPORTED/OPPOSED/ATTACKED edges between States.

    An unknown focus or summit raises ValueError naming it.
    """
    html, summary = _render(graph, title=title, focus=focus, depth=depth, summit=summit, types=types,
                            since=since, until=until, stance=stance)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return summary.model_copy(update={"path": out})


class InlineView:
    """A view shown inside a Jupyter notebook: the same offline page in an iframe (`srcdoc`)."""

    def __init__(self, html: str, summary: ViewSummary, height: int = 640):
        self.html, self.summary, self.height = html, summary, height

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{escape(self.html, quote=True)}" style="width:100%;height:{self.height}px;'
                f'border:1px solid #ddd" sandbox="allow-scripts"></iframe>')

    def __repr__(self) -> str:
        s = self.summary
        return f"<graphkit view: {s.nodes} nodes, {s.edges} edges>"


def notebook_view(graph: Graph, *, height: int = 640, focus: str | None = None, depth: int = 1,
                  summit: str | None = None, types: Iterable[str | RelationType] | None = None,
                  since: str | None = None, until: str | None = None, stance: bool = False,
                  title: str | None = None) -> InlineView:
    """The view of `render_html` for a notebook cell: display the returned object."""
    html, summary = _render(graph, title=title, focus=focus, depth=depth, summit=summit, types=types,
                            since=since, until=until, stance=stance)
    return InlineView(html, summary, height=height)


def _render(graph: Graph, *, title: str | None, **filters) -> tuple[str, ViewSummary]:
    view = select_view(graph, **filters)
    names = {n.id: n.name for n in graph.nodes}
    precomputed = view.number_of_nodes() > LAYOUT_THRESHOLD
    net = _build_network(view, names, precomputed)
    html = _page(net, view, title=title or "graphkit view", filters=_describe_filters(**filters),
                 precomputed=precomputed)
    summary = ViewSummary(nodes=view.number_of_nodes(), edges=view.number_of_edges(),
                          node_kinds=_count(k for _, k in view.nodes(data="kind")),
                          relation_types=_count(k for _, _, k in view.edges(keys=True)),
                          layout="precomputed" if precomputed else "physics")
    return html, summary


def parse_types(types: Iterable[str | RelationType] | str | None) -> set[str] | None:
    """Relation type names, upper-cased and checked; a comma-separated string is accepted."""
    if types is None:
        return None
    if isinstance(types, (str, RelationType)):
        types = [types]
    names: set[str] = set()
    for item in types:
        for part in (item.value if isinstance(item, RelationType) else str(item)).split(","):
            name = part.strip().upper()
            if not name:
                continue
            if name not in RelationType.__members__:
                known = ", ".join(t.value for t in RelationType)
                raise ValueError(f"types {part.strip()!r}: not a relation type (one of {known})")
            names.add(name)
    return names


def find_node(g: nx.MultiDiGraph, query: str, *, what: str = "focus", kind: NodeKind | None = None) -> str:
    """The id of the node whose id, name or alias is `query` (case-insensitive)."""
    wanted = query.strip().casefold()
    candidates = [(n, a) for n, a in g.nodes(data=True) if kind is None or a["kind"] == kind.value]
    for n, _ in candidates:
        if str(n).casefold() == wanted:
            return n
    by_name = [n for n, a in candidates if str(a.get("name", "")).casefold() == wanted]
    by_alias = [n for n, a in candidates if any(str(x).casefold() == wanted for x in a.get("aliases") or [])]
    for found in (by_name, by_alias):
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ValueError(f"{what} {query!r}: several nodes have that name ({', '.join(sorted(found))}); "
                             "give an id")
    noun = f"no {kind.value}" if kind is not None else "no node"
    raise ValueError(f"{what} {query!r}: {noun} with that id or name")


def precompute_layout(g: nx.Graph, *, iterations: int = 60, seed: int = 7, scale: float = 60.0,
                      radius: float = 3.0, gravity: float = 0.002) -> dict[str, tuple[float, float]]:
    """Pixel positions for a large graph, computed here so the browser needs no physics.

    A ForceAtlas2-style model (linear springs on edges; repulsion (deg u + 1)(deg v + 1) / d,
    which keeps hubs' neighbourhoods apart) whose repulsion acts only within `radius`, the
    close pairs being found with a k-d tree: each step is near-linear in the number of nodes.
    `nx.spring_layout` computes every pair's force (or, from 500 nodes on, loops over the
    nodes in Python) and takes about a minute for 10,000 nodes; this takes a few seconds.
    """
    import numpy as np
    try:
        from scipy.spatial import cKDTree
    except ImportError as exc:  # scipy is a dependency; say so plainly if an install lacks it
        raise ImportError(f"view of {g.number_of_nodes()} nodes: laying it out needs scipy "
                          "(pip install scipy)") from exc

    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in nx.Graph(g.to_undirected(as_view=True)).edges() if u != v],
                     dtype=np.int64).reshape(-1, 2)
    mass = np.bincount(edges.ravel(), minlength=n) + 1.0
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)  # unit density at the start
    pos = rng.uniform(0.0, side, size=(n, 2))
    centre = np.array([side / 2, side / 2])
    temperature = side / 8

    def spread(index_pairs, vectors):
        """Add each vector to the first node of its pair and subtract it from the second."""
        out = np.empty_like(pos)
        for axis in (0, 1):
            out[:, axis] = (np.bincount(index_pairs[:, 0], vectors[:, axis], minlength=n)
                            - np.bincount(index_pairs[:, 1], vectors[:, axis], minlength=n))
        return out

    for _ in range(iterations):
        disp = (centre - pos) * gravity
        pairs = cKDTree(pos).query_pairs(radius, output_type="ndarray")
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist2 = np.maximum(np.einsum("ij,ij->i", delta, delta), 1e-4)
            disp += spread(pairs, delta * (mass[pairs[:, 0]] * mass[pairs[:, 1]] / dist2)[:, None])
        if len(edges):
            disp -= spread(edges, pos[edges[:, 0]] - pos[edges[:, 1]])
        length = np.maximum(np.sqrt(np.einsum("ij,ij->i", disp, disp)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature = max(temperature * 0.93, 0.05)
    pos = (pos - pos.mean(axis=0)) * scale
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, pos)}


# -- building the network -------------------------------------------------------------------

def _build_network(view: nx.MultiDiGraph, names: dict[str, str], precomputed: bool) -> Network:
    """The pyvis network of a view; `names` maps every node id of the whole graph (articles
    and states outside the view included) to its name, for tooltips."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    degree = dict(view.degree())
    positions = precompute_layout(view) if precomputed else {}
    for node, attrs in view.nodes(data=True):
        style = NODE_STYLES[NodeKind(attrs["kind"])]
        extra = {"x": positions[node][0], "y": positions[node][1]} if node in positions else {}
        net.add_node(node, label=str(attrs.get("name") or node), shape=style.shape,
                     color={"background": style.color, "border": _darker(style.color),
                            "highlight": {"background": style.color, "border": "#222222"},
                            "hover": {"background": style.color, "border": "#222222"}},
                     size=round(9 + 4 * math.sqrt(degree.get(node, 0)), 1),
                     title=_node_tooltip(node, attrs, view, names), kind=attrs["kind"], **extra)

    pair_count: dict[frozenset, int] = {}
    for u, v, key, attrs in view.edges(keys=True, data=True):
        rtype = RelationType(key)
        style = EDGE_STYLES[rtype]
        pair = frozenset((u, v))
        nth = pair_count.get(pair, 0)
        pair_count[pair] = nth + 1
        options = {
            "id": f"{u}|{key}|{v}",
            "type": key,
            "title": _edge_tooltip(u, v, key, attrs, names),
            "color": {"color": style.color, "highlight": style.color, "hover": style.color,
                      "opacity": round(0.45 + 0.55 * float(attrs.get("confidence", 1.0)), 2)},
            "width": round(min(1.5 + 0.75 * (len(attrs.get("articles") or []) - 1), 5.0), 2),
            "arrows": "to" if has_arrow(rtype) else "",
            "dashes": style.dashes,
        }
        if nth:  # bend parallel edges apart; the first one stays straight
            options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.2 * nth, 2)}
        net.add_edge(u, v, **options)

    n = view.number_of_nodes()
    net.options = {
        "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "Helvetica, Arial, sans-serif",
                                              "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "selectionWidth": 2, "hoverWidth": 1.5},
        "interaction": {"hover": True, "tooltipDelay": 120, "multiselect": True,
                        "hideEdgesOnDrag": n > 300, "hideEdgesOnZoom": n > LAYOUT_THRESHOLD},
        "layout": {"randomSeed": 7, "improvedLayout": n <= 150},
        "physics": {
            "enabled": not precomputed,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "centralGravity": 0.012,
                                 "springLength": 110, "springConstant": 0.08, "damping": 0.5,
                                 "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": 400 if n <= 200 else 200,
                              "updateInterval": 20, "fit": True},
        },
    }
    return net


def _node_tooltip(node: str, attrs: dict, view: nx.MultiDiGraph, names: dict[str, str]) -> str:
    lines = [str(attrs.get("name") or node), f"{attrs['kind']} · id {node}"]
    kind = attrs["kind"]
    if kind == NodeKind.PERSON.value:
        if attrs.get("office"):
            lines.append(f"office: {attrs['office']}")
        if attrs.get("state"):
            state = attrs["state"]
            name = names.get(state)
            lines.append(f"state: {state}" + (f" ({name})" if name and name != state else ""))
    elif kind == NodeKind.STATE.value:
        lines.append(f"iso3: {attrs.get('iso3', node)}")
    elif kind == NodeKind.SUMMIT.value:
        lines.append(f"city: {attrs.get('city') or '—'}")
        lines.append(f"date: {attrs.get('date') or '—'}")
    elif kind == NodeKind.ARTICLE.value:
        for key in ("date", "url"):
            if attrs.get(key):
                lines.append(f"{key}: {attrs[key]}")
    aliases = [a for a in attrs.get("aliases") or [] if a != attrs.get("name")]
    if aliases:
        lines.append("also: " + ", ".join(aliases[:8]) + (" …" if len(aliases) > 8 else ""))
    lines.append(f"relations shown: {view.degree(node)}")
    return "\n".join(lines)


def _edge_tooltip(u: str, v: str, key: str, attrs: dict, names: dict[str, str]) -> str:
    name_u, name_v = names.get(u, u), names.get(v, v)
    arrow = "↔" if RelationType(key) in SYMMETRIC_TYPES else "→"
    lines = [f"{name_u} {arrow} {name_v}", f"type: {key}"]
    for prop in ("role", "what", "mode"):
        if attrs.get(prop):
            lines.append(f"{prop}: {attrs[prop]}")
    lines.append(f"confidence: {float(attrs.get('confidence', 1.0)):.2f}")
    evidence = evidence_from_record(attrs)
    if evidence:
        n_articles = len({e.article for e in evidence})
        lines.append(f"evidence ({len(evidence)} sentence{'s' * (len(evidence) != 1)}, "
                     f"{n_articles} article{'s' * (n_articles != 1)}):")
        for e in evidence[:_MAX_TOOLTIP_SENTENCES]:
            lines.append(f"• “{e.sentence.strip()}” — {names.get(e.article, e.article)}")
        if len(evidence) > _MAX_TOOLTIP_SENTENCES:
            lines.append(f"… and {len(evidence) - _MAX_TOOLTIP_SENTENCES} more")
    else:
        lines.append("evidence: none recorded")
    return "\n".join(lines)


# -- the page --------------------------------------------------------------------------------

def _page(net: Network, view: nx.MultiDiGraph, *, title: str, filters: str, precomputed: bool) -> str:
    nodes, edges, _, _, _, options = net.get_network_data()
    kinds = _count(k for _, k in view.nodes(data="kind"))
    rtypes = _count(k for _, _, k in view.edges(keys=True))
    legend_kinds = [{"kind": kind.value, "count": kinds.get(kind.value, 0), "color": style.color,
                     "glyph": Markup(_SHAPE_GLYPHS[style.shape])}
                    for kind, style in NODE_STYLES.items()
                    if kind is not NodeKind.ARTICLE or kinds.get(kind.value)]
    families: dict[str, list[dict]] = {}
    for rtype, style in EDGE_STYLES.items():
        if rtypes.get(rtype.value):
            families.setdefault(style.family, []).append(
                {"type": rtype.value, "count": rtypes[rtype.value], "color": style.color,
                 "arrow": has_arrow(rtype), "dashes": style.dashes})
    env = _templates()
    return env.get_template("view.html.j2").render(
        title=title, filters=filters, n_nodes=view.number_of_nodes(), n_edges=view.number_of_edges(),
        legend_kinds=legend_kinds, families=families, precomputed=precomputed,
        vis_js=Markup(_vis_js()), page_css=Markup((ASSETS / "view.css").read_text(encoding="utf-8")),
        page_js=Markup((ASSETS / "view.js").read_text(encoding="utf-8")),
        data=Markup(_script_json({"nodes": nodes, "edges": edges, "options": json.loads(options),
                                  "precomputed": precomputed})),
    )


@lru_cache(maxsize=1)
def _templates() -> Environment:
    return Environment(loader=FileSystemLoader(ASSETS), autoescape=select_autoescape(["j2", "html"]),
                       trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network's standalone build as shipped inside pyvis (licence header included)."""
    import pyvis

    path = Path(pyvis.__file__).parent / "lib" / f"vis-{VIS_VERSION}" / "vis-network.min.js"
    if not path.exists():
        raise FileNotFoundError(f"{path}: vis-network {VIS_VERSION} is not in this pyvis install; "
                                "reinstall pyvis 0.3.2")
    return path.read_text(encoding="utf-8")


def _script_json(value: object) -> str:
    """JSON safe inside a <script> element: no `</script>`, `<!--` or line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _describe_filters(*, focus, depth, summit, types, since, until, stance) -> str:
    parts = []
    if focus is not None:
        parts.append(f"focus {focus} ({depth} hop{'s' * (depth != 1)})")
    if summit is not None:
        parts.append(f"summit {summit}")
    wanted = parse_types(types)
    if wanted is not None:
        parts.append("types " + ", ".join(t.value for t in RelationType if t.value in wanted))
    if since is not None:
        parts.append(f"since {since}")
    if until is not None:
        parts.append(f"until {until}")
    if stance:
        parts.append("stance between States")
    return " · ".join(parts)


# -- small helpers ---------------------------------------------------------------------------

def _date_bounds(value: str | None, what: str) -> tuple[str, str]:
    """The first and last day a partial ISO date stands for, as comparable strings."""
    if value is None:
        return "0000-00-00", "9999-99-99"
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise ValueError(f"{what} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    value = value.strip()
    return (value + "-01-01"[len(value) - 4:] if len(value) < 10 else value,
            value + "-12-31"[len(value) - 4:] if len(value) < 10 else value)


def _date_in(date: object, start: str, end: str) -> bool:
    """Whether a Summit's (possibly partial) date overlaps [start, end]; undated Summits do not."""
    if not isinstance(date, str) or not _ISO_DATE.match(date):
        return False
    first, last = _date_bounds(date, "date")
    return last >= start and first <= end


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))


def _darker(hex_color: str, factor: float = 0.7) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02X}{:02X}{:02X}".format(int(r * factor), int(g * factor), int(b * factor))
