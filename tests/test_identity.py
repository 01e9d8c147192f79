"""Article identity: an article is known by its URL or its text, never by its file name alone,
so no input is lost to another with the same name, and one text read twice is one article."""
import json
import subprocess
import sys
from pathlib import Path

from graphkit.pipeline import ingest_paths
from graphkit.stores.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def graphkit(*args, cwd, stdin=None):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], cwd=cwd, capture_output=True,
                          input=stdin, timeout=600)


def articles(store: Path) -> dict[str, list[str]]:
    """Stored article id -> the places it was read from."""
    graph = EmbeddedStore(store).read_graph()
    return {n.id: n.properties.get("sources", []) for n in graph.nodes if n.kind.value == "Article"}


def test_look_alike_paths_in_one_run_are_two_articles(tmp_path):
    for site, seed in (("site1", SEEDS[1]), ("site2", SEEDS[2])):
        (tmp_path / site / "2025").mkdir(parents=True)
        (tmp_path / site / "2025" / "index.txt").write_bytes(seed.read_bytes())
    report = ingest_paths([tmp_path / "site1", tmp_path / "site2"], EmbeddedStore(tmp_path / "g.json"))
    assert len(report.added) == 2 and not report.updated and not report.same
    assert sorted(articles(tmp_path / "g.json").values()) == [[str(tmp_path / "site1/2025/index.txt")],
                                                               [str(tmp_path / "site2/2025/index.txt")]]


def test_look_alike_paths_in_two_runs_do_not_replace_each_other(tmp_path):
    store = EmbeddedStore(tmp_path / "g.json")
    for site, seed in (("site1", SEEDS[1]), ("site2", SEEDS[2])):
        (tmp_path / site).mkdir()
        (tmp_path / site / "index.txt").write_bytes(seed.read_bytes())
    ingest_paths([tmp_path / "site1" / "index.txt"], store)
    first = EmbeddedStore(tmp_path / "g.json").read_graph()
    report = ingest_paths([tmp_path / "site2" / "index.txt"], EmbeddedStore(tmp_path / "g.json"))
    assert len(report.added) == 1 and not report.updated
    after = EmbeddedStore(tmp_path / "g.json").read_graph()
    assert {r.key for r in first.relations} < {r.key for r in after.relations}  # nothing of site1 was lost
    assert len(articles(tmp_path / "g.json")) == 2


def test_one_text_under_two_names_is_one_article_with_both_sources(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEEDS[1].read_bytes())
    (tmp_path / "copy of a.txt").write_bytes(SEEDS[1].read_bytes())
    report = ingest_paths([tmp_path / "a.txt", tmp_path / "copy of a.txt"], EmbeddedStore(tmp_path / "g.json"))
    assert (len(report.added), report.same) == (1, [str(tmp_path / "copy of a.txt")])
    assert list(articles(tmp_path / "g.json").values()) == [[str(tmp_path / "a.txt"), str(tmp_path / "copy of a.txt")]]
    # a third name later: recorded as a source, nothing re-extracted, still one article
    (tmp_path / "third.txt").write_bytes(SEEDS[1].read_bytes())
    report = ingest_paths([tmp_path / "third.txt"], EmbeddedStore(tmp_path / "g.json"))
    assert len(report.unchanged) == 1
    (sources,) = articles(tmp_path / "g.json").values()
    assert len(sources) == 3


def test_an_edited_file_replaces_what_it_gave_and_keeps_a_copy_elsewhere(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Keir Starmer met Emmanuel Macron in London on Monday.\n", encoding="utf-8")
    b.write_text("Keir Starmer met Emmanuel Macron in London on Monday.\n", encoding="utf-8")
    ingest_paths([a, b], EmbeddedStore(tmp_path / "g.json"))
    a.write_text("Olaf Scholz met Donald Tusk in Warsaw on Friday.\n", encoding="utf-8")
    report = ingest_paths([a], EmbeddedStore(tmp_path / "g.json"))
    assert len(report.updated) == 1 and not report.added  # a.txt now holds another text
    stored = articles(tmp_path / "g.json")
    assert sorted(stored.values()) == [[str(a)], [str(b)]]  # the old text lives on, read from b.txt only
    graph = EmbeddedStore(tmp_path / "g.json").read_graph()
    names = {n.name for n in graph.nodes}
    assert {"Keir Starmer", "Olaf Scholz"} <= names
    b.write_text("Pedro Sanchez met Giorgia Meloni in Rome.\n", encoding="utf-8")
    ingest_paths([b], EmbeddedStore(tmp_path / "g.json"))  # now nothing holds the London text
    names = {n.name for n in EmbeddedStore(tmp_path / "g.json").read_graph().nodes}
    assert "Keir Starmer" not in names and {"Olaf Scholz", "Giorgia Meloni"} <= names


def test_stdin_twice_is_two_articles_and_the_same_text_twice_is_one(tmp_path):
    one = graphkit("ingest", "-", "--store", "g.json", cwd=tmp_path,
                   stdin=b"Keir Starmer met Emmanuel Macron in London on Monday.\n")
    two = graphkit("ingest", "-", "--store", "g.json", cwd=tmp_path,
                   stdin=b"Olaf Scholz met Donald Tusk in Warsaw on Friday.\n")
    again = graphkit("ingest", "-", "--store", "g.json", cwd=tmp_path,
                     stdin=b"Olaf Scholz met Donald Tusk in Warsaw on Friday.\n")
    assert one.stdout.startswith(b"ingested into g.json: 1 added")
    assert two.stdout.startswith(b"ingested into g.json: 1 added")
    assert again.stdout.startswith(b"ingested into g.json: 0 added, 0 updated, 1 unchanged")
    assert list(articles(tmp_path / "g.json").values()) == [["stdin"], ["stdin"]]


def test_jsonl_files_with_one_name_in_two_folders_keep_every_record(tmp_path):
    for folder, names in (("x", ("Keir Starmer met Emmanuel Macron.", "Olaf Scholz met Donald Tusk.")),
                          ("y", ("Pedro Sanchez met Giorgia Meloni.", "Mark Rutte met Ulf Kristersson."))):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "feed.jsonl").write_text(
            "".join(json.dumps({"text": t}) + "\n" for t in names), encoding="utf-8")
    report = ingest_paths([tmp_path / "x", tmp_path / "y"], EmbeddedStore(tmp_path / "g.json"))
    assert len(report.added) == 4
    assert sorted(s for v in articles(tmp_path / "g.json").values() for s in v) == [
        f"{tmp_path}/x/feed.jsonl#1", f"{tmp_path}/x/feed.jsonl#2",
        f"{tmp_path}/y/feed.jsonl#1", f"{tmp_path}/y/feed.jsonl#2"]


def test_the_summary_counts_every_input(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEEDS[1].read_bytes())
    (tmp_path / "b.txt").write_bytes(SEEDS[1].read_bytes())
    (tmp_path / "c.txt").write_bytes(SEEDS[2].read_bytes())
    (tmp_path / "d.txt").write_bytes(b"")
    proc = graphkit("ingest", "a.txt", "b.txt", "c.txt", "d.txt", "--store", "g.json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().splitlines()[0] == (
        "ingested into g.json: 2 added, 0 updated, 0 unchanged, 1 failed, 1 same as another input")


def test_a_store_written_before_content_ids_is_migrated_in_place(tmp_path):
    """Old stores keyed articles by file name and had no sources: re-ingesting the same files
    replaces those articles (the same name and the same text), nothing is counted twice."""
    from graphkit.model import Article, merge_graphs
    from graphkit.pipeline import default_extractor
    from graphkit.sources import read_article

    old = []
    for seed in SEEDS[:2]:
        a = read_article(seed)
        legacy = Article(id=seed.name, text=a.text, title=a.title, url=a.url, date=a.date, path=str(seed),
                         sha256=a.sha256)
        old.append(default_extractor().extract(legacy))
    EmbeddedStore(tmp_path / "g.json").replace_articles(merge_graphs(old), [s.name for s in SEEDS[:2]])
    before = EmbeddedStore(tmp_path / "g.json").read_graph().counts()
    report = ingest_paths(SEEDS[:2], EmbeddedStore(tmp_path / "g.json"))
    assert (len(report.updated), len(report.added)) == (2, 0)
    stored = articles(tmp_path / "g.json")
    assert sorted(stored.values()) == [[str(SEEDS[0])], [str(SEEDS[1])]]
    assert all(i.startswith("art-") for i in stored)
    assert EmbeddedStore(tmp_path / "g.json").read_graph().counts() == before
