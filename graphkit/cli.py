"""The `graphkit` command: parse options, call the library, print. Nothing else lives here."""
from __future__ import annotations

import csv
import io
import json
import logging
import sys
from functools import wraps
from pathlib import Path
from typing import Any, Callable

import click

from graphkit.stores.base import GraphStore, QueryResult

DEFAULT_STORE = "graphkit.json"


class GraphkitError(click.ClickException):
    """Printed as one line, exit status 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"graphkit: error: {self.format_message()}", err=True)


def one_line_errors(func: Callable) -> Callable:
    """Library errors become a one-line message and exit status 1, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from pydantic import ValidationError

        from graphkit.sources import ArticleError
        from graphkit.stores.base import StoreError

        try:
            return func(*args, **kwargs)
        except BrokenPipeError:  # `graphkit ... | head`: the reader has all it wanted
            sys.stderr.close()
            raise SystemExit(0) from None
        except (ArticleError, StoreError, ValueError, OSError) as exc:
            if isinstance(exc, ValidationError):
                err = exc.errors()[0]
                where = ".".join(str(p) for p in err["loc"])
                raise GraphkitError(f"invalid data at {where or 'input'}: {err['msg']}") from None
            raise GraphkitError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None

    return wrapper


def store_options(func: Callable) -> Callable:
    func = click.option("--store", "store_path", envvar="GRAPHKIT_STORE", default=DEFAULT_STORE,
                        show_default=True, type=click.Path(dir_okay=False),
                        help="Embedded store file (or GRAPHKIT_STORE).")(func)
    func = click.option("--neo4j", "neo4j_uri", default=None, metavar="URI",
                        help="Use a Neo4j server instead (bolt://host:7687, neo4j+s://… for Aura); "
                             "credentials from NEO4J_USERNAME / NEO4J_PASSWORD.")(func)
    return func


def open_store(store_path: str, neo4j_uri: str | None, wait: float = 0.0) -> GraphStore:
    """The embedded file store, or Neo4j when a URI is given. `wait`: seconds a writer waits for
    another process's write to the embedded store (Neo4j writers always take turns)."""
    if neo4j_uri:
        from graphkit.stores.neo4j import Neo4jStore

        return Neo4jStore(neo4j_uri)
    from graphkit.stores.embedded import EmbeddedStore

    return EmbeddedStore(store_path, wait=wait, on_wait=lambda message: _warn("", message))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphkit")
def main() -> None:
    """graphkit: diplomatic news articles -> a graph of who met, attended, pledged, supported,
    opposed and attacked whom, with the evidence for every edge."""
    # The Neo4j driver logs connection trouble itself; graphkit reports it once, in one line.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    logging.getLogger("neo4j").propagate = False


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--format", "fmt", type=click.Choice(["json", "summary"]), default="json", show_default=True)
@click.option("--explain", is_flag=True, help="Show, per relation, the sentence and the rule that produced it.")
@click.option("--jobs", type=int, default=1, show_default=True, help="Processes for large inputs.")
@one_line_errors
def extract(articles: tuple[str, ...], fmt: str, explain: bool, jobs: int) -> None:
    """Extract a graph from ARTICLES and print it; several make one merged graph.

    ARTICLES are files (.txt, .md, .html, .htm, .json, .jsonl), folders, or - for one article on
    standard input. Any unreadable input is an error (exit status 1): nothing is printed.
    """
    from graphkit.model import merge_graphs
    from graphkit.pipeline import extract_articles, read_articles

    texts, _ = read_articles(list(articles), strict=True, on_warning=_warn)
    graph = merge_graphs(extract_articles(texts, jobs=jobs))
    if explain:
        names = {n.id: n.name for n in graph.nodes}
        read_from = {a.id: a.path or a.id for a in texts}
        for rel in graph.relations:
            if rel.type.value == "MENTIONS":
                continue
            props = rel.properties.model_dump(exclude_none=True)
            extra = f" {props}" if props else ""
            click.echo(f"{names[rel.source]} -[{rel.type.value}]-> {names[rel.target]}{extra} "
                       f"(confidence {rel.confidence:.2f})")
            for ev in rel.evidence:
                click.echo(f"    {ev.rule or '?'} @ {read_from.get(ev.article, ev.article)}:{ev.start}-{ev.end}: "
                           f"{ev.sentence}")
        return
    if fmt == "summary":
        _print_counts(graph.counts())
        return
    click.echo(json.dumps(graph.to_prediction(), ensure_ascii=False, indent=1))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@store_options
@click.option("--jobs", type=int, default=1, show_default=True, help="Extraction processes.")
@click.option("--strict", is_flag=True, help="Stop at the first unreadable file or record; nothing is written.")
@click.option("--wait", type=click.FloatRange(min=0), default=300, show_default=True, metavar="SECONDS",
              help="How long to wait for another graphkit process writing to the same store.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bars on stderr  [default: only when stderr is a terminal]")
@one_line_errors
def ingest(paths: tuple[str, ...], store_path: str, neo4j_uri: str | None, jobs: int, strict: bool,
           wait: float, progress: bool | None) -> None:
    """Extract articles from PATHS and merge them into the store.

    PATHS are files (.txt, .md, .html, .htm, .json and .jsonl with one article per record),
    folders (searched recursively), or - for one article on standard input. An article is at most
    500,000 characters; a longer one is refused, not cut. Text that is not UTF-8 is read with a
    warning.

    \b
    Exit status:
      0  at least one article was read; unreadable files and records are skipped and listed on
         stderr, one line each ("graphkit: failed: FILE: problem")
      1  nothing could be read, or --strict and something could not, or the store could not be
         read or written; the store is then left exactly as it was
    """
    from graphkit.pipeline import ingest_paths
    from graphkit.sources import ARTICLE_SUFFIXES

    warnings: list[str] = []
    show = sys.stderr.isatty() if progress is None else progress
    try:
        with open_store(store_path, neo4j_uri, wait=wait) as store:
            report = ingest_paths(list(paths), store, jobs=jobs, strict=strict, progress=show,
                                  on_warning=lambda where, message: warnings.append(message))
            counts = store.stats() if (report.added or report.updated or report.unchanged or report.same) else None
    except KeyboardInterrupt:
        if show:  # a bar interrupted before it finished its line: start the message on a fresh one
            click.echo("", err=True)
        raise GraphkitError("interrupted; the store holds all of this ingest or none of it") from None
    finally:
        for message in warnings:
            _warn("", message)
    if counts is None:  # nothing was read, so nothing was written
        problems = list(report.failed.values())
        if not problems:
            raise GraphkitError(f"no article files in {', '.join(paths)} (looked for "
                                f"{', '.join(sorted(ARTICLE_SUFFIXES))})")
        if len(problems) == 1:
            raise GraphkitError(problems[0])
        for problem in problems:
            click.echo(f"graphkit: failed: {problem}", err=True)
        raise GraphkitError(f"no article could be read ({len(problems)} inputs failed)")
    same = f", {len(report.same)} same as another input" if report.same else ""
    click.echo(f"ingested into {store.location}: {len(report.added)} added, {len(report.updated)} updated, "
               f"{len(report.unchanged)} unchanged, {len(report.failed)} failed{same}")
    _print_counts(counts)
    for problem in report.failed.values():
        click.echo(f"graphkit: failed: {problem}", err=True)


def _warn(where: str, message: str) -> None:
    click.echo(f"graphkit: warning: {message}", err=True)


@main.command()
@click.argument("cypher", required=False)
@click.option("--file", "cypher_file", type=click.Path(exists=True, dir_okay=False), help="Read the query from a .cypher file.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Query parameter ($NAME); repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--write", is_flag=True, help="Allow queries that change data (Neo4j only).")
@store_options
@one_line_errors
def query(cypher: str | None, cypher_file: str | None, params: tuple[str, ...], fmt: str, write: bool,
          store_path: str, neo4j_uri: str | None) -> None:
    """Run a Cypher query (read-only unless --write) on the store."""
    if bool(cypher) == bool(cypher_file):
        raise click.UsageError("give a CYPHER query or --file, not both or neither")
    text = Path(cypher_file).read_text(encoding="utf-8") if cypher_file else cypher
    with open_store(store_path, neo4j_uri) as store:
        result = store.query(text, parse_params(params), write=write)
    click.echo(format_result(result, fmt), nl=False)


def parse_params(pairs: tuple[str, ...]) -> dict[str, Any]:
    """NAME=VALUE pairs; VALUE is read as JSON when it parses (numbers, lists), else as a string."""
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{pair!r}: expected NAME=VALUE", param_hint="--param")
        try:
            params[name.strip()] = json.loads(value)
        except json.JSONDecodeError:
            params[name.strip()] = value
    return params


def format_result(result: QueryResult, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result.rows, ensure_ascii=False, indent=1, default=str) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow([_cell(row.get(c)) for c in result.columns])
        return buf.getvalue()
    cells = [[_cell(row.get(c)) for c in result.columns] for row in result.rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(result.columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(result.columns, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(v[:w].ljust(w) for v, w in zip(r, widths)) for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@main.command()
@store_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@one_line_errors
def stats(store_path: str, neo4j_uri: str | None, fmt: str) -> None:
    """Counts of nodes by kind and relations by type."""
    with open_store(store_path, neo4j_uri) as store:
        counts = store.stats()
    if fmt == "json":
        click.echo(json.dumps(counts, indent=1))
    else:
        _print_counts(counts)


def _print_counts(counts: dict[str, dict[str, int]]) -> None:
    nodes, rels = counts["nodes"], counts["relations"]
    click.echo(f"nodes: {sum(nodes.values())}  " + "  ".join(f"{k}={v}" for k, v in nodes.items()))
    click.echo(f"relations: {sum(rels.values())}  " + "  ".join(f"{k}={v}" for k, v in rels.items()))


@main.command()
@store_options
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json"]), default="graphml", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="File to write.")
@one_line_errors
def export(store_path: str, neo4j_uri: str | None, fmt: str, out: str) -> None:
    """Write the graph for Gephi or Cytoscape (GraphML, GEXF) or as graphkit JSON."""
    from graphkit.export import export_graph

    with open_store(store_path, neo4j_uri) as store:
        graph = store.read_graph()
    path = export_graph(graph, Path(out), fmt)
    click.echo(f"wrote {path} ({len(graph.nodes)} nodes, {len(graph.relations)} relations, {fmt})")


@main.command()
@store_options
@click.option("--out", type=click.Path(dir_okay=False), default="graph.html", show_default=True, help="HTML file to write.")
@click.option("--focus", metavar="NODE", help="Node id, name or alias to centre on.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, help="Hops around --focus.")
@click.option("--summit", metavar="SUMMIT", help="One summit (id or name) with its attendees, hosts and their pledges/stances.")
@click.option("--types", metavar="T1,T2", help="Relation types to show, comma-separated (MENTIONS adds the articles).")
@click.option("--since", metavar="DATE", help="Summits on or after YYYY[-MM[-DD]].")
@click.option("--until", metavar="DATE", help="Summits on or before YYYY[-MM[-DD]].")
@click.option("--stance", is_flag=True, help="Only SUPPORTED/OPPOSED/ATTACKED between states.")
@click.option("--title", help="Page title.")
@one_line_errors
def view(store_path: str, neo4j_uri: str | None, out: str, focus: str | None, depth: int, summit: str | None,
         types: str | None, since: str | None, until: str | None, stance: bool, title: str | None) -> None:
    """Write an interactive HTML view of the graph (one file, works offline)."""
    from graphkit.view import render_html

    with open_store(store_path, neo4j_uri) as store:
        graph = store.read_graph()
    summary = render_html(graph, Path(out), focus=focus, depth=depth, summit=summit, types=types,
                          since=since, until=until, stance=stance, title=title)
    click.echo(f"wrote {summary.path}: {summary.nodes} nodes, {summary.edges} edges ({summary.layout} layout)")


@main.command()
@click.option("--store", "store_path", envvar="GRAPHKIT_STORE", default=DEFAULT_STORE, show_default=True,
              type=click.Path(dir_okay=False), help="Embedded store to copy from (or GRAPHKIT_STORE).")
@click.option("--neo4j", "neo4j_uri", required=True, metavar="URI", help="Neo4j server to copy into.")
@one_line_errors
def push(store_path: str, neo4j_uri: str) -> None:
    """Copy the embedded store into Neo4j (pushing again replaces, never duplicates)."""
    from graphkit.model import NodeKind
    from graphkit.stores.embedded import EmbeddedStore
    from graphkit.stores.neo4j import Neo4jStore

    if not Path(store_path).exists():
        raise GraphkitError(f"store {store_path}: no such file; run `graphkit ingest` first")
    graph = EmbeddedStore(store_path).read_graph()
    articles = [n.id for n in graph.nodes if n.kind is NodeKind.ARTICLE]
    with Neo4jStore(neo4j_uri) as target:
        target.replace_articles(graph, articles)
        counts = target.stats()
    click.echo(f"pushed {len(articles)} articles from {store_path} to {target.location}")
    _print_counts(counts)


@main.group()
def bench() -> None:
    """Benchmarks that run the competitor in the same run and report the ratio."""


@bench.command("extract")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--repeat", type=int, default=3, show_default=True, help="Runs of each; the best counts.")
@click.option("--copies", type=int, default=4, show_default=True, help="Repeat the input this many times.")
@click.option("--jobs", type=int, default=1, show_default=True, help="Processes for graphkit's run.")
@one_line_errors
def bench_extract_command(paths: tuple[str, ...], repeat: int, copies: int, jobs: int) -> None:
    """graphkit's extractor against raw spaCy nlp.pipe on the same articles (default: seeds/)."""
    from graphkit.bench.extract import bench_extract
    from graphkit.pipeline import read_articles

    articles, _ = read_articles(list(paths) or ["seeds"], strict=True)
    result = bench_extract(articles * copies, repeat=repeat, jobs=jobs)
    click.echo(f"{result.articles} articles, {result.characters} characters, best of {repeat}")
    click.echo(f"raw spaCy nlp.pipe : {result.raw_spacy_articles_per_s:8.2f} articles/s")
    click.echo(f"graphkit extract   : {result.graphkit_articles_per_s:8.2f} articles/s (jobs={jobs})")
    click.echo(f"ratio              : {result.ratio:.3f} (target >= 0.75)")


@bench.command("load")
@click.option("--uri", envvar="NEO4J_URI", required=True, help="Bolt URI of an empty Neo4j database (or NEO4J_URI).")
@click.option("--user", default=None, help="User name (default: NEO4J_USERNAME or neo4j).")
@click.option("--password", default=None, help="Password (default: NEO4J_PASSWORD).")
@click.option("--database", default=None, help="Database name (default: the server's default).")
@click.option("--relationships", type=int, default=50_000, show_default=True, help="Relations in the synthetic graph.")
@click.option("--per-row-limit", type=int, default=5_000, show_default=True,
              help="Relations loaded per row, the rate extrapolated to the whole graph (0: all).")
@click.option("--batch-size", type=int, default=None, help="Rows per UNWIND batch.")
@click.option("--repeat", type=int, default=3, show_default=True, help="Timed runs of each loader; the median counts.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--force", is_flag=True, help="Empty the database even if it holds data.")
@one_line_errors
def bench_load_command(uri: str, user: str | None, password: str | None, database: str | None, relationships: int,
                       per_row_limit: int, batch_size: int | None, repeat: int, seed: int, as_json: bool,
                       force: bool) -> None:
    """Batched UNWIND loading against one MERGE per relationship into an empty Neo4j, in the same run."""
    from graphkit.bench.load import bench_load, describe
    from graphkit.stores.neo4j import Neo4jStore

    extra = {"batch_size": batch_size} if batch_size else {}
    with Neo4jStore(uri, user, password, database, **extra) as store:
        counts = store.stats()
        if (counts["nodes"] or counts["relations"]) and not force:
            raise GraphkitError(f"{store.location} is not empty ({sum(counts['nodes'].values())} nodes); the benchmark "
                                "deletes everything, so pass --force if that is what you want")
        result = bench_load(store, relationships, seed, per_row_limit or None, repeat=repeat)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    for line in describe(result):
        click.echo(line)


def run() -> None:  # pragma: no cover - console entry for `python -m graphkit`
    main(prog_name="graphkit")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
