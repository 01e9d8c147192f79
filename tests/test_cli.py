"""Every CLI command through the installed `graphkit` console script, on real files."""
import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GRAPHKIT = [sys.executable, "-m", "graphkit"]  # this checkout (conftest puts it first on PYTHONPATH)


def run(*args, cwd, ok=True, stdin=None):
    proc = subprocess.run([*GRAPHKIT, *map(str, args)], cwd=cwd, capture_output=True, text=True, input=stdin, timeout=600)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """seeds/ ingested once into an embedded store in a fresh folder."""
    work = tmp_path_factory.mktemp("cli")
    proc = run("ingest", SEEDS, cwd=work)
    return work, proc


def test_console_script_is_installed_and_lists_every_command():
    script = shutil.which("graphkit")
    assert script, "pip install -e . should put `graphkit` on PATH"
    for cmd in ([script], GRAPHKIT):
        out = subprocess.run([*cmd, "--help"], capture_output=True, text=True).stdout
        for command in ("extract", "ingest", "query", "view", "stats", "export", "bench"):
            assert command in out


def test_extract_prints_the_guideline_format(tmp_path):
    out = json.loads(run("extract", SEEDS / "001_83878d6a37cc9a43.txt", "--format", "json", cwd=tmp_path).stdout)
    kinds = {n["kind"] for n in out["nodes"]}
    assert {"Person", "State", "Summit"} <= kinds
    starmer = next(n for n in out["nodes"] if n["id"] == "keir-starmer")
    assert starmer["name"] == "Keir Starmer"
    leads = [e for e in out["edges"] if e["type"] == "LEADS" and e["source"] == "keir-starmer"]
    assert leads and leads[0]["target"] == "GBR" and leads[0]["properties"]["role"] == "Prime Minister"
    ev = leads[0]["evidence"][0]
    text = (SEEDS / "001_83878d6a37cc9a43.txt").read_text(encoding="utf-8")
    (article,) = [n for n in out["nodes"] if n["kind"] == "Article"]
    assert article["properties"]["sources"] == [str(SEEDS / "001_83878d6a37cc9a43.txt")]
    assert ev["article"] == article["id"] and text[ev["start"]:ev["end"]].strip() == ev["sentence"]


def test_extract_several_articles_is_one_merged_graph(tmp_path):
    out = json.loads(run("extract", SEEDS / "001_83878d6a37cc9a43.txt", SEEDS / "004_7335259acc84b3be.txt",
                         cwd=tmp_path).stdout)
    ids = [n["id"] for n in out["nodes"]]
    assert len(ids) == len(set(ids)) and ids.count("keir-starmer") == 1
    leads = next(e for e in out["edges"] if e["type"] == "LEADS" and e["source"] == "keir-starmer")
    read_from = {n["id"]: Path(n["properties"]["path"]).name for n in out["nodes"] if n["kind"] == "Article"}
    assert {read_from[ev["article"]] for ev in leads["evidence"]} == {"001_83878d6a37cc9a43.txt",
                                                                      "004_7335259acc84b3be.txt"}


def test_extract_explain_shows_sentence_and_rule(tmp_path):
    out = run("extract", SEEDS / "004_7335259acc84b3be.txt", "--explain", cwd=tmp_path).stdout
    assert "Mark Rutte -[LEADS]-> North Atlantic Treaty Organization" in out
    assert f"title:explicit @ {SEEDS / '004_7335259acc84b3be.txt'}:" in out


def test_ingest_summary_and_idempotence(ingested):
    work, first = ingested
    assert "5 added" in first.stdout and "nodes:" in first.stdout
    before = run("stats", cwd=work).stdout
    again = run("ingest", SEEDS, cwd=work)
    assert "0 added, 0 updated, 5 unchanged" in again.stdout
    assert run("stats", cwd=work).stdout == before


def test_query_with_both_quote_styles_and_params(ingested):
    work, _ = ingested
    rows = run("query", "MATCH (p:Person)-[:ATTENDED]->(s:Summit) RETURN p.name, s.name", "--format", "json",
               cwd=work).stdout
    rows = json.loads(rows)
    assert {"p.name": "Keir Starmer", "s.name": "security summit in London"} in rows
    single = run("query", "MATCH (p:Person)-[:ATTENDED]->(s:Summit) WHERE s.city = 'Paris' RETURN p.name",
                 "--format", "json", cwd=work).stdout
    double = run("query", 'MATCH (p:Person)-[:ATTENDED]->(s:Summit) WHERE s.city = "Paris" RETURN p.name',
                 "--format", "json", cwd=work).stdout
    assert single == double and {"p.name": "Mark Rutte"} in json.loads(single)
    param = run("query", "MATCH (p:Person)-[:LEADS]->(s:State) WHERE s.iso3 = $iso RETURN p.name",
                "--param", "iso=FIN", "--format", "json", cwd=work).stdout
    assert json.loads(param) == [{"p.name": "Alexander Stubb"}]


def test_query_table_csv_and_count(ingested):
    work, _ = ingested
    table = run("query", "MATCH (a)-[r:ATTENDED]->(s:Summit) RETURN s.name, count(*) AS n ORDER BY n DESC",
                cwd=work).stdout
    assert table.splitlines()[0].startswith("s.name") and "rows)" in table.splitlines()[-1]
    out = run("query", "MATCH (p:Person)-[r:LEADS]->(s:State) RETURN p.name, r.role, labels(p)", "--format", "csv",
              cwd=work).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"p.name": "Friedrich Merz", "r.role": "Chancellor", "labels(p)": '["Person"]'} in rows


def test_query_errors_are_one_line(ingested):
    work, _ = ingested
    proc = run("query", "OPTIONAL MATCH (n) RETURN n", cwd=work, ok=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert "OPTIONAL MATCH" in proc.stderr and "Neo4j" in proc.stderr
    proc = run("query", "MATCH (n) DETACH DELETE n", cwd=work, ok=False)
    assert proc.returncode == 1 and "read-only" in proc.stderr


def test_stats_json_counts_kinds_and_types(ingested):
    work, _ = ingested
    stats = json.loads(run("stats", "--format", "json", cwd=work).stdout)
    assert stats["nodes"]["Article"] == 5 and stats["nodes"]["State"] >= 10
    assert stats["relations"]["ATTENDED"] >= 20 and stats["relations"]["LEADS"] >= 15


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_export_formats_reopen(ingested, fmt):
    import networkx as nx

    work, _ = ingested
    out = work / f"graph.{fmt}"
    run("export", "--format", fmt, "--out", out, cwd=work)
    if fmt == "graphml":
        g = nx.read_graphml(out)
    elif fmt == "gexf":
        g = nx.read_gexf(out)
    else:
        from graphkit.model import Graph

        g = Graph.model_validate_json(out.read_text(encoding="utf-8"))
        assert any(n.id == "keir-starmer" for n in g.nodes)
        return
    assert "keir-starmer" in g.nodes and g.nodes["keir-starmer"]["name"] == "Keir Starmer"
    assert g.number_of_edges() > 50


def test_store_option_and_environment(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha.",
                       encoding="utf-8")
    run("ingest", article, "--store", tmp_path / "custom.json", cwd=tmp_path)
    assert (tmp_path / "custom.json").exists() and not (tmp_path / "graphkit.json").exists()
    env_stats = subprocess.run([*GRAPHKIT, "stats", "--format", "json"], cwd=tmp_path, capture_output=True, text=True,
                               env={**__import__("os").environ, "GRAPHKIT_STORE": str(tmp_path / "custom.json")})
    assert json.loads(env_stats.stdout)["nodes"]["Person"] == 2


def test_bad_input_is_one_line_and_keeps_the_store(ingested, tmp_path):
    work, _ = ingested
    before = (work / "graphkit.json").read_bytes()
    proc = run("ingest", work / "no-such-file.txt", cwd=work, ok=False)
    assert proc.returncode != 0 and "no-such-file.txt" in proc.stderr
    assert (work / "graphkit.json").read_bytes() == before


def test_edited_article_replaces_its_contribution(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan.", encoding="utf-8")
    run("ingest", article, cwd=tmp_path)
    article.write_text("Kenyan President William Ruto met Ugandan President Yoweri Museveni.", encoding="utf-8")
    out = run("ingest", article, cwd=tmp_path).stdout
    assert "1 updated" in out
    names = json.loads(run("query", "MATCH (p:Person) RETURN p.name", "--format", "json", cwd=tmp_path).stdout)
    assert {r["p.name"] for r in names} == {"William Ruto", "Yoweri Museveni"}
