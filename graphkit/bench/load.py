"""How much faster the batched Neo4j loader is than one MERGE per row, measured in one run.

A synthetic diplomatic graph (states, people, organizations, summits, articles; at least
`n_relationships` relations, each with one piece of evidence) is loaded into an emptied database
by `Neo4jStore.write_graph` (batched UNWIND in one transaction) and by
`Neo4jStore.write_graph_per_row` (one auto-commit MERGE per node and relation), each after an
untimed warm-up and then `--repeat` times, the median counting. The per-row run
is measured on the first `per_row_limit` relations (and the nodes they join), nodes and relations
timed apart, and extrapolated to the whole graph, since at a few hundred rows per second the full
load would take minutes.

    graphkit bench load --uri bolt://127.0.0.1:7687 --relationships 50000

The database is emptied before, between and after the runs; it refuses a non-empty one unless
--force is given.
"""
from __future__ import annotations

import itertools
import random
import statistics
import time
from typing import Any

from graphkit.model import (RELATION_ENDS, Evidence, Graph, Node, NodeKind, Relation, RelationProperties,
                            RelationType)
from graphkit.stores.neo4j import Neo4jStore

# How often each relation type occurs in the synthetic graph (MENTIONS are added per article).
_TYPE_WEIGHTS = {
    RelationType.ATTENDED: 30, RelationType.MET_WITH: 20, RelationType.SUPPORTED: 10,
    RelationType.OPPOSED: 8, RelationType.PLEDGED: 8, RelationType.HOSTED: 4,
    RelationType.MEMBER_OF: 4, RelationType.LEADS: 2, RelationType.ATTACKED: 2,
}


def synthetic_graph(n_relationships: int = 50_000, seed: int = 0) -> Graph:
    """A valid Graph with exactly `n_relationships` distinct relations (MENTIONS included)."""
    rng = random.Random(seed)
    scale = max(1, n_relationships // 1000)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = ["".join(c) for c in itertools.product(letters, repeat=3)]
    rng.shuffle(codes)
    by_kind: dict[NodeKind, list[Node]] = {
        NodeKind.STATE: [Node(id=c, kind=NodeKind.STATE, name=f"State {c}", properties={"iso3": c})
                         for c in codes[:min(len(codes), 20 * scale)]],
        NodeKind.PERSON: [Node(id=f"person-{i}", kind=NodeKind.PERSON, name=f"Person {i}",
                               aliases=[f"P. {i}"], properties={"office": "Minister"})
                          for i in range(40 * scale)],
        NodeKind.ORGANIZATION: [Node(id=f"org-{i}", kind=NodeKind.ORGANIZATION, name=f"Organization {i}")
                                for i in range(2 * scale)],
        NodeKind.SUMMIT: [Node(id=f"summit-{i}", kind=NodeKind.SUMMIT, name=f"Summit {i}",
                               properties={"city": f"City {i % 97}",
                                           "date": f"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}"})
                          for i in range(10 * scale)],
        NodeKind.ARTICLE: [Node(id=f"bench-{i:06d}.txt", kind=NodeKind.ARTICLE, name=f"Article {i}",
                                properties={"sha256": f"{i:064x}", "date": "2025-01-01"})
                           for i in range(20 * scale)],
    }
    articles = by_kind[NodeKind.ARTICLE]
    types, weights = zip(*_TYPE_WEIGHTS.items())
    relations: dict[tuple[str, str, str], Relation] = {}
    mentioned: dict[str, set[str]] = {a.id: set() for a in articles}
    n_typed = n_relationships * 4 // 5  # the rest are the articles' MENTIONS
    attempts = 0
    while len(relations) < n_typed:
        attempts += 1
        if attempts > 50 * n_relationships:
            raise ValueError(f"n_relationships={n_relationships}: too many for the synthetic node set")
        rel_type = rng.choices(types, weights)[0]
        sources, targets = RELATION_ENDS[rel_type]
        source = rng.choice(by_kind[rng.choice(sorted(sources, key=lambda k: k.value))])
        target = rng.choice(by_kind[rng.choice(sorted(targets, key=lambda k: k.value))])
        if source.id == target.id:
            continue
        article = rng.choice(articles)
        start = rng.randrange(0, 5000)
        props = RelationProperties(
            role="President" if rel_type is RelationType.LEADS else None,
            what=f"{rng.randrange(1, 900)} million euros" if rel_type is RelationType.PLEDGED else None,
            mode=rng.choice(["in person", "remote"]) if rel_type is RelationType.ATTENDED else None)
        rel = Relation(source=source.id, type=rel_type, target=target.id, confidence=round(rng.random(), 3),
                       properties=props,
                       evidence=[Evidence(article=article.id, sentence=f"Sentence {start} of {article.id} "
                                          f"says {source.name} {rel_type.value.lower()} {target.name}.",
                                          start=start, end=start + 60, rule="bench")])
        if rel.key not in relations:
            relations[rel.key] = rel
            mentioned[article.id].update((source.id, target.id))
    mentions = [Relation(source=a, type=RelationType.MENTIONS, target=e)
                for a, entities in mentioned.items() for e in sorted(entities)]
    all_relations = list(relations.values()) + mentions
    entity_ids = {e for entities in mentioned.values() for e in entities}
    while len(all_relations) < n_relationships:  # top up with more mentions
        article, entity = rng.choice(articles), rng.choice(sorted(entity_ids))
        if entity not in mentioned[article.id]:
            mentioned[article.id].add(entity)
            all_relations.append(Relation(source=article.id, type=RelationType.MENTIONS, target=entity))
    all_relations = all_relations[:n_relationships]
    used = {r.source for r in all_relations} | {r.target for r in all_relations}
    nodes = [n for kind_nodes in by_kind.values() for n in kind_nodes if n.id in used]
    rng.shuffle(all_relations)
    return Graph(nodes=nodes, relations=all_relations)


def _subgraph(graph: Graph, n_relationships: int) -> Graph:
    """The first n relations and the nodes they join."""
    relations = graph.relations[:n_relationships]
    used = {r.source for r in relations} | {r.target for r in relations}
    return Graph.model_construct(nodes=[n for n in graph.nodes if n.id in used], relations=relations)


def _timed(action: Any) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def bench_load(store: Neo4jStore, n_relationships: int = 50_000, seed: int = 0,
               per_row_limit: int | None = 5_000, warm_up: bool = True, repeat: int = 3) -> dict[str, Any]:
    """Load the synthetic graph batched and per row into an emptied database; rates and their ratio.

    Each loader runs `repeat` times on an emptied database and its median time counts, so one slow
    run (a JIT recompilation, a GC pause on the server) does not decide the ratio either way. The
    warm-up runs each loader once, untimed, on a graph as large as the timed one: the server's JIT
    needs a full-size batched load before it reaches its steady speed, and giving the per-row loader
    the same chance keeps the comparison fair."""
    if repeat < 1:
        raise ValueError(f"repeat must be at least 1, got {repeat}")
    graph = synthetic_graph(n_relationships, seed)
    per_row_graph = graph if not per_row_limit or per_row_limit >= n_relationships else \
        _subgraph(graph, per_row_limit)
    store.delete_all()
    store.apply_schema()
    if warm_up:  # plan every query shape and JIT the server's hot paths before timing either loader
        store.write_graph(synthetic_graph(n_relationships, seed + 1))
        store.delete_all()
        store.write_graph_per_row(_subgraph(synthetic_graph(n_relationships, seed + 1),
                                            min(2_000, n_relationships)))
        store.delete_all()

    batched_runs, node_runs, rel_runs = [], [], []
    batched_counts = per_row_counts = {}
    for _ in range(repeat):
        batched_runs.append(_timed(lambda: store.write_graph(graph)))
        batched_counts = store.stats()
        store.delete_all()
    for _ in range(repeat):
        # Nodes and relations are timed apart, so that each part extrapolates at its own rate.
        node_runs.append(_timed(lambda: store.write_graph_per_row(per_row_graph, relations=False)))
        rel_runs.append(_timed(lambda: store.write_graph_per_row(per_row_graph, nodes=False)))
        per_row_counts = store.stats()
        store.delete_all()

    batched_seconds = statistics.median(batched_runs)
    per_row_node_seconds, per_row_rel_seconds = statistics.median(node_runs), statistics.median(rel_runs)
    n_rels, n_nodes = len(graph.relations), len(graph.nodes)
    measured_rels, measured_nodes = len(per_row_graph.relations), len(per_row_graph.nodes)
    per_row_total = (n_nodes * per_row_node_seconds / measured_nodes
                     + n_rels * per_row_rel_seconds / measured_rels)
    per_row_totals = [n_nodes * n / measured_nodes + n_rels * r / measured_rels for n, r in zip(node_runs, rel_runs)]
    return {
        "relationships": n_rels,
        "nodes": n_nodes,
        "batch_size": store.batch_size,
        "repeat": repeat,
        "batched_seconds": round(batched_seconds, 3),
        "batched_seconds_runs": [round(t, 3) for t in batched_runs],
        "batched_relationships_per_s": round(n_rels / batched_seconds, 1),
        "batched_relationships_stored": sum(batched_counts["relations"].values()),
        "per_row_relationships_measured": measured_rels,
        "per_row_nodes_measured": measured_nodes,
        "per_row_seconds_measured": round(per_row_node_seconds + per_row_rel_seconds, 3),
        "per_row_relationship_merges_per_s": round(measured_rels / per_row_rel_seconds, 1),
        "per_row_node_merges_per_s": round(measured_nodes / per_row_node_seconds, 1),
        "per_row_relationships_stored": sum(per_row_counts["relations"].values()),
        "per_row_extrapolated": measured_rels < n_rels,
        "per_row_seconds": round(per_row_total, 1),
        "per_row_seconds_runs": [round(t, 1) for t in per_row_totals],
        "per_row_relationships_per_s": round(n_rels / per_row_total, 1),
        "speedup": round(per_row_total / batched_seconds, 1),
        "speedup_range": [round(min(per_row_totals) / max(batched_runs), 1),
                          round(max(per_row_totals) / min(batched_runs), 1)],
    }


def describe(result: dict) -> list[str]:
    """The lines `graphkit bench load` prints for a result of bench_load."""
    lines = [f"synthetic graph: {result['relationships']:,} relationships, {result['nodes']:,} nodes",
             f"batched (UNWIND, {result['batch_size']:,} rows per batch, one transaction, median): "
             f"{result['batched_seconds']:.2f} s, {result['batched_relationships_per_s']:,.0f} relationships/s"]
    if result["per_row_extrapolated"]:
        scope = (f"measured on the first {result['per_row_relationships_measured']:,} relationships and their "
                 f"{result['per_row_nodes_measured']:,} nodes in {result['per_row_seconds_measured']:.1f} s, "
                 "extrapolated to the whole graph")
    else:
        scope = "the whole graph"
    lines.append(f"per row (one auto-commit MERGE each; {scope}): {result['per_row_seconds']:,.1f} s, "
                 f"{result['per_row_relationships_per_s']:,.0f} relationships/s "
                 f"({result['per_row_relationship_merges_per_s']:,.0f} relationship and "
                 f"{result['per_row_node_merges_per_s']:,.0f} node MERGEs/s)")
    lines.append(f"batched is {result['speedup']}x faster (median of {result['repeat']} runs each; "
                 f"batched runs {', '.join(f'{t:.2f}' for t in result['batched_seconds_runs'])} s, "
                 f"per-row runs {', '.join(f'{t:,.1f}' for t in result['per_row_seconds_runs'])} s; "
                 f"ratio range {result['speedup_range'][0]}x-{result['speedup_range'][1]}x)")
    return lines
