"""Reading articles: every input format (txt, md, html, json, jsonl, stdin), through the library and
through the installed `graphkit` command. The fixtures are in tests/data/."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from graphkit.pipeline import read_articles
from graphkit.sources import (ArticleError, article_from_html, article_id_for, article_from_record, decode_text,
                              iter_articles, normalize_date, read_article, read_stdin)

DATA = Path(__file__).resolve().parent / "data"
GRAPHKIT = [sys.executable, "-m", "graphkit"]  # this checkout (conftest puts it first on PYTHONPATH)


def graphkit(*args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """The command, from this checkout, as a user runs it."""
    return subprocess.run([*GRAPHKIT, *args], cwd=cwd, input=stdin, capture_output=True, timeout=timeout)


def err_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return proc.stderr.decode().splitlines()


# -- plain text and Markdown -------------------------------------------------------------------

def test_markdown_article_takes_title_date_and_source_from_its_lines():
    a = read_article(DATA / "briefing.md")
    assert (a.title, a.date) == ("Coalition briefing", "2025-03-04")
    assert a.sources == [str((DATA / "briefing.md").resolve())]
    assert a.id == article_id_for(a.text, a.url)  # from its URL, not its file name
    assert a.url == "https://news.example.com/2025/03/04/coalition-briefing"
    assert a.path == str(DATA / "briefing.md") and len(a.sha256) == 64


# -- HTML ------------------------------------------------------------------------------------------

def test_html_page_gives_the_article_text_and_its_metadata():
    a = read_article(DATA / "paris-summit.html")
    assert a.id == article_id_for(a.text, a.url) and a.sources == [str((DATA / "paris-summit.html").resolve())]
    assert a.title == "Leaders gather in Paris for Ukraine summit"
    assert a.date == "2025-03-04"  # article:published_time, as ISO
    assert a.url == "https://news.example.com/world/2025/03/04/paris-ukraine-summit"  # the canonical link
    assert "Emmanuel Macron attended Thursday's summit in Paris with Keir Starmer" in a.text
    assert "France pledged air defence systems to Ukraine" in a.text
    for boilerplate in ("Sport", "Most read", "Subscribe", "analytics"):  # menus, asides, footer, scripts
        assert boilerplate not in a.text


def test_html_page_is_read_in_the_charset_it_declares():
    warnings: list[str] = []
    a = read_article(DATA / "cp1252-page.htm", on_warning=lambda where, msg: warnings.append(msg))
    assert "Café talks: Emmanuel Macron met Keir Starmer at the Élysée Palace" in a.text
    assert a.title == "Entente cordiale" and warnings == []


def test_short_html_page_still_gives_its_text():
    a = article_from_html(b"<html><body><p>Keir Starmer met Emmanuel Macron.</p></body></html>", "short.html")
    assert a.text.strip() == "Keir Starmer met Emmanuel Macron."


def test_html_page_without_text_is_an_error_naming_it():
    with pytest.raises(ArticleError, match=r"^empty\.html: no article text found in the HTML page$"):
        article_from_html("<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>",
                          "empty.html")


def test_html_date_falls_back_to_the_url():
    page = ('<html><head><link rel="canonical" href="https://example.com/2024/11/05/vote"></head>'
            "<body><p>Antony Blinken met Wang Yi in Beijing.</p></body></html>")
    a = article_from_html(page, "vote.html")
    assert (a.url, a.date) == ("https://example.com/2024/11/05/vote", "2024-11-05")


# -- JSON and JSON Lines -------------------------------------------------------------------------

def test_json_list_gives_one_article_per_record_with_any_of_the_field_names():
    arts = list(iter_articles(DATA / "records.json"))
    path = str((DATA / "records.json").resolve())
    # the record's own id, else its position, names where it was read; its id comes from its URL or text
    assert [a.sources for a in arts] == [[f"{path}#1"], [f"{path}#wire-0042"], [f"{path}#3"]]
    assert len({a.id for a in arts}) == 3
    first, wire, third = arts
    assert (first.title, first.url, first.date) == (
        "Starmer hosts Macron", "https://news.example.com/2025/03/03/london-talks", "2025-03-03")
    assert (wire.title, wire.url, wire.date) == ("Overnight strikes", "https://wire.example.org/0042", "2025-03-04")
    assert wire.text == "Russia attacked Ukraine overnight, officials in Kyiv said."  # from "content"
    assert (third.text, third.date) == ("Germany pledged Patriot batteries to Ukraine.", "2025-03-05")  # "body"


def test_json_single_record():
    (a,) = iter_articles(DATA / "record.json")
    assert (a.sources, a.title, a.date) == ([f"{(DATA / 'record.json').resolve()}#1"], "Talks in Washington", "2025-02-28")
    assert a.url == "https://news.example.com/2025/02/28/white-house"  # from "link"
    assert read_article(DATA / "record.json") == a


def test_jsonl_reads_every_good_line_and_names_the_bad_ones():
    failed: dict[str, str] = {}
    arts = list(iter_articles(DATA / "records.jsonl", on_error=lambda where, msg: failed.update({where: msg})))
    # sources are <file>#<record id or line number>, so fixing a bad line never renumbers the others
    where = str((DATA / "records.jsonl").resolve())
    assert [a.sources for a in arts] == [[f"{where}#jl-1"], [f"{where}#2"], [f"{where}#6"]]
    assert arts[2].date == "2025-03-07"  # Unix seconds
    path = DATA / "records.jsonl"
    assert failed == {
        f"{path}#4": f"{path}: line 4: invalid JSON at column 88 (Expecting ',' delimiter)",
        f"{path}#5": f'{path}: line 5: no text (expected a "text", "content" or "body" field)',
    }


def test_jsonl_bad_line_raises_when_nobody_collects_errors():
    with pytest.raises(ArticleError, match=r"records\.jsonl: line 4: invalid JSON"):
        list(iter_articles(DATA / "records.jsonl"))


def test_record_fields_must_be_text():
    with pytest.raises(ArticleError, match=r"^f\.json: record 2: field 'text' should be a string, got a number$"):
        article_from_record({"text": 42}, "f.json#2", "f.json: record 2")
    a = article_from_record({"text": ["Macron met Starmer.", "Then they left."]}, "f.json#1", "f.json")
    assert a.text == "Macron met Starmer.\nThen they left."  # a list of paragraphs


def test_unparseable_record_date_is_dropped_with_a_warning():
    warnings: list[str] = []
    a = article_from_record({"text": "Macron met Starmer.", "date": "sometime soon"}, "f.json#1", "f.json: record 1",
                            on_warning=lambda where, msg: warnings.append(msg))
    assert a.date is None
    assert warnings == ["f.json: record 1: date 'sometime soon' not understood; ignored"]


@pytest.mark.parametrize("raw, iso", [
    ("2025-03-04", "2025-03-04"), ("2025-03", "2025-03"), ("2025-03-04T08:30:00+00:00", "2025-03-04"),
    ("March 4, 2025", "2025-03-04"), ("4 March 2025", "2025-03-04"), ("Tue, 04 Mar 2025 08:30:00 GMT", "2025-03-04"),
    ("2025/03/04", "2025-03-04"), (1741046400, "2025-03-04"), (1741046400000, "2025-03-04"),
    ("yesterday", None), ("", None), (True, None), (None, None), ("2025/13/40", None),
])
def test_normalize_date(raw, iso):
    assert normalize_date(raw) == iso


# -- standard input ------------------------------------------------------------------------------

def test_stdin_is_one_article_text_or_html():
    a = read_stdin(io.BytesIO(b"Keir Starmer met Emmanuel Macron in London.\n"))
    assert (a.sources, a.path, a.text) == (["stdin"], None, "Keir Starmer met Emmanuel Macron in London.\n")
    assert a.id == article_id_for(a.text)  # from the text: two different texts piped in are two articles
    page = read_stdin(io.BytesIO((DATA / "paris-summit.html").read_bytes()))
    assert page.sources == ["stdin"] and page.date == "2025-03-04" and "Subscribe" not in page.text
    assert page.id == read_article(DATA / "paris-summit.html").id  # the same page, known by its URL
    with pytest.raises(ArticleError, match="^stdin: empty article"):
        read_stdin(io.BytesIO(b"   \n"))


# -- decoding ------------------------------------------------------------------------------------

def test_text_that_is_not_utf8_is_read_with_a_warning_naming_it():
    warnings: list[str] = []
    a = read_article(DATA / "cp1252.txt", on_warning=lambda where, msg: warnings.append(msg))
    assert a.text.startswith("Café diplomacy — Emmanuel Macron")
    assert warnings == [f"{DATA / 'cp1252.txt'}: not UTF-8 (first bad byte at offset 3); read as Windows-1252 (cp1252)"]


def test_mostly_utf8_text_keeps_its_utf8_and_replaces_the_bad_bytes():
    warnings: list[str] = []
    good = "Zelenskyy met Macron at the Élysée — “talks”".encode()
    text = decode_text("m.txt", good + b"\xff" + " résumé".encode(), lambda where, msg: warnings.append(msg))
    assert text == "Zelenskyy met Macron at the Élysée — “talks”\ufffd résumé"
    assert warnings == [f"m.txt: not valid UTF-8 (first bad byte at offset {len(good)}); "
                        "1 undecodable byte sequence(s) replaced with U+FFFD"]


def test_utf16_with_a_byte_order_mark_and_a_utf8_bom_are_read():
    assert decode_text("u.txt", "Macron met Starmer.".encode("utf-16")) == "Macron met Starmer."
    assert decode_text("b.txt", b"\xef\xbb\xbfMacron met Starmer.") == "Macron met Starmer."


# -- folders -------------------------------------------------------------------------------------

def test_a_folder_of_mixed_formats():
    warnings: list[str] = []
    arts, failed = read_articles([DATA], on_warning=lambda where, msg: warnings.append(msg))
    read_from = sorted(src.removeprefix(str(DATA.resolve()) + "/") for a in arts for src in a.sources)
    assert read_from == sorted([
        "briefing.md", "cp1252-page.htm", "cp1252.txt", "paris-summit.html", "record.json#1",
        "records.json#1", "records.json#wire-0042", "records.json#3", "records.jsonl#jl-1", "records.jsonl#2",
        "records.jsonl#6"])
    assert len({a.id for a in arts}) == 11  # no two of them are one article
    assert sorted(failed) == [f"{DATA / 'records.jsonl'}#4", f"{DATA / 'records.jsonl'}#5"]
    assert len(warnings) == 1 and "cp1252.txt" in warnings[0]


def test_article_date_resolves_relative_dates_in_the_text():
    """"Thursday's summit" in an article dated Tuesday 2025-03-04 is the summit of 2025-03-06."""
    from graphkit.pipeline import default_extractor

    (record,) = [a for a in iter_articles(DATA / "records.jsonl", on_error=lambda *_: None)
                 if a.sources[0].endswith("#jl-1")]
    dated = default_extractor().extract(record)
    undated = default_extractor().extract(record.model_copy(update={"date": None}))
    assert [n.properties.get("date") for n in dated.nodes if n.kind.value == "Summit"] == ["2025-03-06"]
    assert [n.properties.get("date") for n in undated.nodes if n.kind.value == "Summit"] == [None]


# -- through the installed command ---------------------------------------------------------------

def test_cli_ingests_every_format_in_a_folder(tmp_path):
    proc = graphkit("ingest", str(DATA), "--store", "g.json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert out.startswith("ingested into g.json: 11 added, 0 updated, 0 unchanged, 2 failed\n")
    assert err_lines(proc) == [
        f"graphkit: warning: {DATA / 'cp1252.txt'}: not UTF-8 (first bad byte at offset 3); read as Windows-1252 (cp1252)",
        f"graphkit: failed: {DATA / 'records.jsonl'}: line 4: invalid JSON at column 88 (Expecting ',' delimiter)",
        f'graphkit: failed: {DATA / "records.jsonl"}: line 5: no text (expected a "text", "content" or "body" field)',
    ]
    query = graphkit("query", "--store", "g.json", "--format", "json",
                     "MATCH (a:Article) RETURN a.id AS id, a.sources AS sources, a.date AS date, a.url AS url, "
                     "a.title AS title", cwd=tmp_path)
    assert query.returncode == 0, query.stderr
    root = str(DATA.resolve()) + "/"
    rows = {r["sources"][0].removeprefix(root): r for r in json.loads(query.stdout)}
    assert len(rows) == 11
    html = rows["paris-summit.html"]
    assert {k: html[k] for k in ("date", "url", "title")} == {
        "date": "2025-03-04", "url": "https://news.example.com/world/2025/03/04/paris-ukraine-summit",
        "title": "Leaders gather in Paris for Ukraine summit"}
    assert rows["records.json#wire-0042"]["url"] == "https://wire.example.org/0042"
    assert rows["records.jsonl#6"]["date"] == "2025-03-07"
    # evidence points into each record's own text, under the record's article id
    ev = graphkit("query", "--store", "g.json", "--format", "json",
                  "MATCH (:Person)-[r:MET_WITH]->(:Person) RETURN r.articles AS articles", cwd=tmp_path)
    assert ev.returncode == 0, ev.stderr
    articles = {a for row in json.loads(ev.stdout) for a in row["articles"]}
    assert {rows[k]["id"] for k in ("records.json#1", "record.json#1", "records.jsonl#6")} <= articles

    again = graphkit("ingest", str(DATA), "--store", "g.json", cwd=tmp_path)
    assert again.returncode == 0
    assert again.stdout.decode().startswith("ingested into g.json: 0 added, 0 updated, 11 unchanged, 2 failed\n")


def test_cli_reads_one_article_from_stdin(tmp_path):
    proc = graphkit("ingest", "-", "--store", "g.json", cwd=tmp_path,
                    stdin=b"Keir Starmer met Emmanuel Macron in London on Monday.\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().startswith("ingested into g.json: 1 added")
    page = graphkit("extract", "-", cwd=tmp_path, stdin=(DATA / "paris-summit.html").read_bytes())
    assert page.returncode == 0, page.stderr
    (article,) = [n for n in json.loads(page.stdout)["nodes"] if n["kind"] == "Article"]
    assert article["properties"]["sources"] == ["stdin"]
    assert article["properties"]["date"] == "2025-03-04"
    assert article["properties"]["title"] == "Leaders gather in Paris for Ukraine summit"
    empty = graphkit("ingest", "-", "--store", "g.json", cwd=tmp_path, stdin=b"")
    assert (empty.returncode, err_lines(empty)) == (1, ["graphkit: error: stdin: empty article (no text)"])
