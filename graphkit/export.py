"""Files other tools open: GraphML and GEXF (Gephi, Cytoscape) and graphkit's own JSON."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graphkit.model import Graph
from graphkit.convert import to_networkx

FORMATS = ("graphml", "gexf", "json")


def export_graph(graph: Graph, out: Path, fmt: str) -> Path:
    """Write `graph` to `out` in `fmt`; list values become "; "-joined text, which both formats accept."""
    if fmt not in FORMATS:
        raise ValueError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        out.write_text(json.dumps(graph.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False, indent=1),
                       encoding="utf-8")
        return out
    g = _flat(to_networkx(graph))
    if fmt == "graphml":
        nx.write_graphml(g, out)
    else:
        nx.write_gexf(g, out)
    return out


def _flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        flat.add_node(node, **_scalars(data), label=data.get("name", node))
    for u, v, key, data in g.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **_scalars(data), label=data.get("type", key))
    return flat


def _scalars(data: dict) -> dict:
    out = {}
    for k, v in data.items():
        if k.startswith("_") or v is None:
            continue
        if isinstance(v, (list, tuple, set)):
            v = "; ".join(str(x) for x in v)
        out[k] = v
    return out
