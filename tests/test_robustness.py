"""Robust under bad input, faults and load (issue #6): every bad input gives one line naming the file
and never costs what was already stored; a store survives SIGKILL, a second writer and corruption;
queries are read-only and parameterised, and never print a password.

Most cases run the installed `graphkit` console script in a subprocess, as a user would."""
from __future__ import annotations

import fcntl
import json
import os
import pty
import random
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
import tracemalloc
from pathlib import Path

import pytest

from graphkit.model import Article, Evidence, Graph, Node, Relation
from graphkit.pipeline import read_articles
from graphkit.stores.embedded import EmbeddedStore

GRAPHKIT = [sys.executable, "-m", "graphkit"]  # this checkout (conftest puts it first on PYTHONPATH)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(range(256)) * 4
LEADERS = [("Emmanuel Macron", "France"), ("Keir Starmer", "Britain"), ("Volodymyr Zelenskyy", "Ukraine"),
           ("Friedrich Merz", "Germany"), ("Donald Trump", "the United States"), ("Donald Tusk", "Poland")]


def graphkit(*args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 300,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*GRAPHKIT, *args], cwd=cwd, input=stdin, capture_output=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def err_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return proc.stderr.decode(errors="replace").splitlines()


def write_corpus(folder: Path, n: int, prefix: str = "a", seed: int = 0) -> list[str]:
    """n short diplomatic articles as .txt files; returns their ids (file names)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    for i in range(n):
        (p1, s1), (p2, s2) = rng.sample(LEADERS, 2)
        text = (f"{p1} met {p2} in Brussels on Monday, report {prefix}{i}.\n"
                f"{s1[0].upper() + s1[1:]} pledged support to {s2}.\n")
        name = f"{prefix}-{i:05d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        ids.append(name)
    return ids


def stored_graph(article_id: str = "old.txt") -> Graph:
    """What an earlier ingest left: one article saying Starmer leads Britain."""
    text = "Keir Starmer, the British prime minister, spoke."
    art = Article(id=article_id, text=text, sha256="0" * 64)
    return Graph(nodes=[art.as_node(), Node(id="keir-starmer", kind="Person", name="Keir Starmer"),
                        Node(id="GBR", kind="State", name="United Kingdom", properties={"iso3": "GBR"})],
                 relations=[Relation(source="keir-starmer", type="LEADS", target="GBR",
                                     evidence=[Evidence(article=article_id, sentence=text, start=0, end=len(text))]),
                            Relation(source=article_id, type="MENTIONS", target="keir-starmer"),
                            Relation(source=article_id, type="MENTIONS", target="GBR")])


@pytest.fixture
def store(tmp_path) -> Path:
    """A store file that already holds a graph (and its .bak, from a second write)."""
    path = tmp_path / "g.json"
    EmbeddedStore(path).replace_articles(stored_graph("first.txt"), ["first.txt"])
    EmbeddedStore(path).replace_articles(stored_graph("old.txt"), ["old.txt"])
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file beside the store (store, .bak, lock, leftovers), to prove nothing changed."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name.startswith(("g.json", ".g.json"))}


def article_ids(path: Path) -> set[str]:
    """The stored articles, each by the file name it was read from (its id when it has no source)."""
    return {Path(src).name for n in EmbeddedStore(path).read_graph().nodes if n.kind.value == "Article"
            for src in n.properties.get("sources") or [n.id]}


# -- bad input: one line naming the file, exit 1, the store untouched ----------------------------

def _huge_text(path: Path) -> None:
    line = b"Emmanuel Macron met Keir Starmer in Paris and they talked at length about Ukraine.\n"
    with path.open("wb") as fh:
        for _ in range(50_000_000 // (len(line) * 1000) + 1):
            fh.write(line * 1000)


BAD_INPUTS = [
    ("empty.txt", b"", "empty.txt: empty file"),
    ("blank.md", b" \n\t\n", "blank.md: empty file"),
    ("image.txt", PNG, "image.txt: binary file, not text"),
    ("photo.png", PNG, "photo.png: unsupported file type '.png'; expected one of .htm, .html, .json, .jsonl, .md, .txt"),
    ("missing.txt", None, "missing.txt: no such file or folder"),
    ("huge.txt", _huge_text, "huge.txt: too large (50.0 MB; the limit is 2.0 MB, articles of up to 500,000 "
                             "characters): split it into articles (e.g. one .jsonl record each)"),
    ("huge.html", _huge_text, "huge.html: too large (50.0 MB; the limit is 10.0 MB, articles of up to 500,000 "
                              "characters): split it into articles (e.g. one .jsonl record each)"),
    ("script.html", b"<html><body><script>var x = 1;</script></body></html>",
     "script.html: no article text found in the HTML page"),
    ("broken.json", b'{"text": "Macron met Starmer.",',
     "broken.json: invalid JSON at line 1, column 32 (Expecting property name enclosed in double quotes)"),
    ("scalar.json", b'"Macron met Starmer."', "scalar.json: expected an object or a list of objects, got a string"),
    ("none.json", b"[]", "none.json: no records (an empty list)"),
    ("strings.json", b'["Macron met Starmer."]',
     'strings.json: record 1: expected an object with a "text" field, got a string'),
    ("number.json", b'{"text": 42}', "number.json: field 'text' should be a string, got a number"),
    ("notext.jsonl", b'{"title": "Macron in Paris"}\n', 'notext.jsonl: line 1: no text (expected a "text", '
                                                       '"content" or "body" field)'),
    ("badline.jsonl", b'{"text": "Macron met Starmer."\n',
     "badline.jsonl: line 1: invalid JSON at column 31 (Expecting ',' delimiter)"),
    ("blank.jsonl", b"\n\n  \n", "blank.jsonl: empty file (no records)"),
    ("nul.jsonl", b'{"text": "x"}\x00\x00\x00\n', "nul.jsonl: binary file, not text"),
    ("longline.jsonl", lambda p: p.write_bytes(b'{"text": "' + b"x" * 6_000_000 + b'"}\n'),
     "longline.jsonl: line 1: record too large (over 3.0 MB)"),
    ("emptydir", lambda p: p.mkdir(), "no article files in emptydir (looked for .htm, .html, .json, .jsonl, .md, .txt)"),
]


def _make(tmp_path: Path, name: str, content) -> Path:
    path = tmp_path / name
    if callable(content):
        content(path)
    elif content is not None:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize("name, content, message", BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_is_one_line_naming_the_file_and_the_store_is_unchanged(tmp_path, store, name, content, message):
    _make(tmp_path, name, content)
    before = snapshot(tmp_path)
    proc = graphkit("ingest", name, "--store", "g.json", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, err_lines(proc)) == (1, b"", [f"graphkit: error: {message}"])
    assert snapshot(tmp_path) == before
    if name != "emptydir":  # the library says the same, naming the path as given
        articles, failed = read_articles([tmp_path / name])
        assert articles == [] and list(failed.values()) == [f"{tmp_path}/{message}"]


def test_huge_files_are_refused_without_reading_them_into_memory(tmp_path):
    _huge_text(tmp_path / "huge.txt")
    with (tmp_path / "huge.jsonl").open("wb") as fh:  # one 50 MB line, then a good record
        fh.write(b'{"text": "' + b"Macron met Starmer. " * 2_500_000 + b'"}\n')
        fh.write(b'{"text": "Keir Starmer met Emmanuel Macron."}\n')
    (tmp_path / "ok.txt").write_text("Keir Starmer met Emmanuel Macron.", encoding="utf-8")
    tracemalloc.start()
    try:
        articles, failed = read_articles([tmp_path])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16_000_000, f"peak {peak / 1e6:.1f} MB while reading 100 MB of oversized input"
    assert [Path(a.sources[0]).name for a in articles] == ["huge.jsonl#2", "ok.txt"]
    assert failed == {str(tmp_path / "huge.jsonl") + "#1": f"{tmp_path}/huge.jsonl: line 1: record too large (over 3.0 MB)",
                      str(tmp_path / "huge.txt"): f"{tmp_path}/huge.txt: too large (50.0 MB; the limit is 2.0 MB, "
                      "articles of up to 500,000 characters): split it into articles (e.g. one .jsonl record each)"}


def test_an_article_over_the_character_limit_is_refused_not_cut(tmp_path):
    from graphkit.sources import MAX_ARTICLE_CHARS, ArticleError, article_from_text

    with pytest.raises(ArticleError, match=r"^big\.txt: too large \(500,001 characters\)"):
        article_from_text("x" * (MAX_ARTICLE_CHARS + 1), "big.txt")
    assert len(article_from_text("x" * MAX_ARTICLE_CHARS, "max.txt").text) == MAX_ARTICLE_CHARS


def test_huge_stdin_is_refused(tmp_path, store):
    before = snapshot(tmp_path)
    proc = graphkit("ingest", "-", "--store", "g.json", cwd=tmp_path, stdin=b"Macron met Starmer. " * 2_500_000)
    assert (proc.returncode, err_lines(proc)) == (
        1, ["graphkit: error: stdin: too large (over 10.0 MB); graphkit reads articles of up to 500,000 characters"])
    assert snapshot(tmp_path) == before


def test_non_utf8_text_is_read_with_a_warning_naming_the_file(tmp_path, store):
    (tmp_path / "latin.txt").write_bytes("Café talks: Emmanuel Macron met Keir Starmer in Paris on Monday.\n"
                                         .encode("cp1252"))
    proc = graphkit("ingest", "latin.txt", "--store", "g.json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert err_lines(proc) == ["graphkit: warning: latin.txt: not UTF-8 (first bad byte at offset 3); "
                               "read as Windows-1252 (cp1252)"]
    assert proc.stdout.decode().startswith("ingested into g.json: 1 added, 0 updated, 0 unchanged, 0 failed")
    graph = EmbeddedStore(store).read_graph()
    sentences = {e.sentence for r in graph.relations for e in r.evidence}
    assert "Café talks: Emmanuel Macron met Keir Starmer in Paris on Monday." in sentences
    assert {"old.txt", "first.txt", "latin.txt"} <= article_ids(store)


# -- one bad file does not stop the others, unless --strict ---------------------------------------

def test_bad_files_in_a_folder_are_listed_and_the_rest_ingested(tmp_path, store):
    corpus = tmp_path / "in"
    write_corpus(corpus, 3)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(PNG)
    (corpus / "broken.json").write_bytes(b"{")
    (corpus / "notes.docx").write_bytes(PNG)  # not an article type: not looked at in a folder
    proc = graphkit("ingest", "in", "--store", "g.json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().startswith("ingested into g.json: 3 added, 0 updated, 0 unchanged, 3 failed\n")
    assert err_lines(proc) == [
        "graphkit: failed: in/broken.json: invalid JSON at line 1, column 2 (Expecting property name enclosed "
        "in double quotes)",
        "graphkit: failed: in/empty.txt: empty file",
        "graphkit: failed: in/image.txt: binary file, not text",
    ]
    assert article_ids(store) == {"first.txt", "old.txt", "a-00000.txt", "a-00001.txt", "a-00002.txt"}


def test_strict_stops_at_the_first_bad_file_and_writes_nothing(tmp_path, store):
    corpus = tmp_path / "in"
    write_corpus(corpus, 3)
    (corpus / "b-empty.txt").write_bytes(b"")
    before = snapshot(tmp_path)
    proc = graphkit("ingest", "--strict", "in", "--store", "g.json", cwd=tmp_path)
    assert (proc.returncode, err_lines(proc)) == (1, ["graphkit: error: in/b-empty.txt: empty file"])
    assert snapshot(tmp_path) == before


def test_nothing_readable_is_exit_1_listing_every_failure(tmp_path, store):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(PNG)
    before = snapshot(tmp_path)
    proc = graphkit("ingest", "empty.txt", "image.txt", "missing.md", "--store", "g.json", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (1, b"")
    assert err_lines(proc) == ["graphkit: failed: missing.md: no such file or folder",
                               "graphkit: failed: empty.txt: empty file",
                               "graphkit: failed: image.txt: binary file, not text",
                               "graphkit: error: no article could be read (3 inputs failed)"]
    assert snapshot(tmp_path) == before


def _without_file_permission_bypass() -> list[str] | None:
    """A command prefix under which permission bits apply: none needed for a normal user; for root,
    setpriv dropping the capabilities that bypass them; None if neither is possible."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    prefix = [setpriv, "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


def test_unreadable_files_and_folders_are_named_with_the_reason(tmp_path, store):
    prefix = _without_file_permission_bypass()
    if prefix is None:
        pytest.skip("running as root without setpriv: permission bits cannot be made to apply")
    corpus = tmp_path / "in"
    write_corpus(corpus, 2)
    (corpus / "secret.txt").write_text("Keir Starmer met Emmanuel Macron.", encoding="utf-8")
    (corpus / "locked").mkdir()
    (corpus / "locked" / "inner.txt").write_text("Keir Starmer met Emmanuel Macron.", encoding="utf-8")
    os.chmod(corpus / "secret.txt", 0)
    os.chmod(corpus / "locked", 0)
    try:
        proc = subprocess.run([*prefix, *GRAPHKIT, "ingest", "in", "--store", "g.json"], cwd=tmp_path,
                              capture_output=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.decode().startswith("ingested into g.json: 2 added, 0 updated, 0 unchanged, 2 failed")
        assert err_lines(proc) == ["graphkit: failed: in/locked: cannot list the folder (Permission denied)",
                                   "graphkit: failed: in/secret.txt: cannot read (Permission denied)"]
        before = snapshot(tmp_path)
        alone = subprocess.run([*prefix, *GRAPHKIT, "ingest", "in/secret.txt", "--store", "g.json"], cwd=tmp_path,
                               capture_output=True, timeout=300)
        assert (alone.returncode, err_lines(alone)) == (
            1, ["graphkit: error: in/secret.txt: cannot read (Permission denied)"])
        assert snapshot(tmp_path) == before
    finally:
        os.chmod(corpus / "locked", 0o755)
        os.chmod(corpus / "secret.txt", 0o644)
    assert {"a-00000.txt", "a-00001.txt", "old.txt"} <= article_ids(store)


def test_an_article_the_extractor_fails_on_does_not_stop_the_others(tmp_path, monkeypatch):
    from graphkit.pipeline import Extractor, ingest_paths

    real = Extractor.graph_of

    def fails_on_one(self, article, doc):  # stands in for any extractor bug on one odd article
        if article.path and article.path.endswith("odd.txt"):
            raise ValueError("1 validation error for Node")
        return real(self, article, doc)

    monkeypatch.setattr(Extractor, "graph_of", fails_on_one)
    write_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "odd.txt").write_text("Keir Starmer met Emmanuel Macron.", encoding="utf-8")
    report = ingest_paths([tmp_path / "in"], EmbeddedStore(tmp_path / "g.json"))
    assert len(report.added) == 3 and list(report.failed) == [str(tmp_path / "in" / "odd.txt")]
    assert "odd.txt: extraction failed (ValueError" in report.failed[str(tmp_path / "in" / "odd.txt")]


# -- thousands of files, progress bars -----------------------------------------------------------

def test_thousands_of_files_are_read_with_a_progress_bar(tmp_path, capsys):
    for folder in range(30):
        write_corpus(tmp_path / f"day-{folder:02d}", 100, prefix=f"d{folder:02d}", seed=folder)
    (tmp_path / "day-07" / "empty.txt").write_bytes(b"")
    articles, failed = read_articles([tmp_path], progress=True)
    assert len(articles) == 3000 and list(failed) == [str(tmp_path / "day-07" / "empty.txt")]
    bar = capsys.readouterr().err
    assert "reading: 100%" in bar and "3001/3001" in bar


def test_cli_progress_bars_on_request_and_on_a_terminal_only(tmp_path):
    write_corpus(tmp_path / "in", 1000)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    proc = graphkit("ingest", "in", "--store", "g.json", "--progress", "--jobs", "2", cwd=tmp_path, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().startswith("ingested into g.json: 1000 added, 0 updated, 0 unchanged, 1 failed")
    err = proc.stderr.decode()
    assert "reading: 100%" in err and "1001/1001" in err
    assert "extracting: 100%" in err and "1000/1000" in err
    assert err.rstrip().endswith("graphkit: failed: in/empty.txt: empty file")
    assert len(article_ids(tmp_path / "g.json")) == 1000

    piped = graphkit("ingest", "in/empty.txt", "--store", "g.json", cwd=tmp_path)  # stderr is a pipe: no bar
    assert err_lines(piped) == ["graphkit: error: in/empty.txt: empty file"]
    leader, follower = pty.openpty()  # stderr is a terminal: a bar by default
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        tty = subprocess.run([*GRAPHKIT, "ingest", "in/empty.txt", "--store", "g.json"], cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=follower, timeout=120)
        os.close(follower)
        follower = -1
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
        if follower != -1:
            os.close(follower)
    assert tty.returncode == 1
    assert b"reading: 100%" in seen and b"graphkit: error: in/empty.txt: empty file" in seen


# -- faults: SIGKILL, SIGINT, two writers, corruption -------------------------------------------

def _big_store(path: Path) -> None:
    """A store large enough (about 2 MB) that writing it takes a noticeable moment."""
    from graphkit.bench.load import synthetic_graph

    EmbeddedStore(path).replace_articles(synthetic_graph(10_000), [])


def _wait_for_temp_file(folder: Path, proc: subprocess.Popen, timeout: float = 120) -> bool:
    """Poll until the store's temporary file appears (the atomic write has begun)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if any(name.startswith(".g.json.") and name.endswith(".tmp") for name in os.listdir(folder)):
            return True
        time.sleep(0.001)
    return False


@pytest.mark.slow
def test_sigkill_midway_leaves_the_old_store_or_the_complete_new_one(tmp_path):
    """A real `graphkit ingest` killed with SIGKILL at several moments: during start-up and
    extraction (timed), and just as and while it writes the store (triggered by its temporary file
    appearing). Every time the store is byte-for-byte the old one or a valid graph with every new
    article, and the .bak is the old one."""
    new_ids = set(write_corpus(tmp_path / "in", 300))
    base = tmp_path / "base.json"
    _big_store(base)
    old = base.read_bytes()
    old_ids = article_ids(base)
    plans = [("timer", 0.1), ("timer", 2.0), ("write", 0.0), ("write", 0.0), ("write", 0.03), ("write", 0.1),
             ("write", 0.25)]
    outcomes = []
    for i, (trigger, delay) in enumerate(plans):
        run = tmp_path / f"run-{i}"
        run.mkdir()
        shutil.copyfile(base, run / "g.json")
        proc = subprocess.Popen([*GRAPHKIT, "ingest", str(tmp_path / "in"), "--store", "g.json"], cwd=run,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            if trigger == "timer":
                time.sleep(delay)
            else:
                assert _wait_for_temp_file(run, proc), f"run {i}: the ingest ended before writing: {proc.stderr}"
                time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.wait(timeout=60)
            proc.stderr.close()
        leftovers = [n for n in os.listdir(run) if ".tmp" in n]
        data = (run / "g.json").read_bytes()
        if data == old:
            state = "old"
        else:
            ids = article_ids(run / "g.json")  # raises if the file is not a complete, valid graph
            assert ids == old_ids | new_ids, f"run {i}: a partial graph"
            state = "new"
        if (run / "g.json.bak").exists():
            assert (run / "g.json.bak").read_bytes() == old, f"run {i}: .bak is not the previous store"
        outcomes.append((trigger, delay, proc.returncode, state, "mid-write" if leftovers else "-"))
    print("\nSIGKILL runs (trigger, delay s, exit, store after, temp file left):", *outcomes, sep="\n  ")
    assert outcomes[0][2:4] == (-signal.SIGKILL, "old")  # killed while starting: the old store
    assert sum(o[4] == "mid-write" for o in outcomes) >= 2, outcomes  # some kills did land mid-write
    # and the store killed mid-write is still usable: the next ingest completes it
    killed = next(tmp_path / f"run-{i}" for i, o in enumerate(outcomes) if o[4] == "mid-write")
    proc = graphkit("ingest", str(tmp_path / "in"), "--store", "g.json", cwd=killed)
    assert proc.returncode == 0, proc.stderr
    assert article_ids(killed / "g.json") == old_ids | new_ids


def test_ctrl_c_is_one_line_and_the_store_is_old_or_complete(tmp_path, store):
    write_corpus(tmp_path / "in", 40)
    before = store.read_bytes()
    proc = subprocess.Popen([*GRAPHKIT, "ingest", "in", "--store", "g.json", "--progress"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen = b""
    while b"reading" not in seen:  # the ingest has begun (its first progress bar is up)
        chunk = os.read(proc.stderr.fileno(), 4096)
        assert chunk, f"the ingest ended before reading: {seen!r}"
        seen += chunk
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    if proc.returncode == 0:  # it had already finished
        assert len(article_ids(store)) == 42
        return
    assert proc.returncode == 1
    assert (seen + err).decode().splitlines()[-1] == (
        "graphkit: error: interrupted; the store holds all of this ingest or none of it")
    assert store.read_bytes() == before or len(article_ids(store)) == 42


def test_a_second_writer_with_no_wait_is_told_the_store_is_busy_and_changes_nothing(tmp_path, store):
    from graphkit.stores.embedded import _StoreLock

    write_corpus(tmp_path / "in", 3)
    before = snapshot(tmp_path)
    with _StoreLock(store):  # another graphkit process is in the middle of its write
        proc = graphkit("ingest", "in", "--store", "g.json", "--wait", "0", cwd=tmp_path)
    assert proc.returncode == 1
    assert err_lines(proc) == [f"graphkit: error: store g.json: another graphkit process (pid {os.getpid()}) is "
                               "writing to it; try again when it has finished (or give --wait SECONDS)"]
    assert snapshot(tmp_path) == before


def test_a_second_writer_waits_its_turn_and_says_so(tmp_path, store):
    from graphkit.stores.embedded import _StoreLock

    write_corpus(tmp_path / "in", 3)
    with _StoreLock(store):  # held until the second writer says it is waiting
        proc = subprocess.Popen([*GRAPHKIT, "ingest", "in", "--store", "g.json", "--wait", "120"], cwd=tmp_path,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        said = proc.stderr.readline().decode()
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert said == (f"graphkit: warning: store g.json: another graphkit process (pid {os.getpid()}) is "
                    "writing to it; waiting up to 120 s\n")
    assert out.decode().startswith("ingested into g.json: 3 added")
    assert {"a-00000.txt", "a-00001.txt", "a-00002.txt"} <= article_ids(store)


@pytest.mark.slow
def test_four_ingests_at_once_all_land(tmp_path):
    """Writers take turns: each waits for the lock instead of throwing its extraction away, and
    the store ends with every article each of them reported, never a lost update."""
    corpora = [set(write_corpus(tmp_path / c, 15, prefix=c, seed=n)) for n, c in enumerate("abcd")]
    base = tmp_path / "base.json"
    _big_store(base)
    old_ids = article_ids(base)
    results = []
    for attempt in range(2):
        run = tmp_path / f"run-{attempt}"
        run.mkdir()
        shutil.copyfile(base, run / "g.json")
        procs = [subprocess.Popen([*GRAPHKIT, "ingest", str(tmp_path / c), "--store", "g.json"], cwd=run,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in "abcd"]
        outs = [p.communicate(timeout=600) for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0, 0], [err for _, err in outs]
        assert article_ids(run / "g.json") == old_ids.union(*corpora)
        EmbeddedStore(run / "g.json.bak").read_graph()  # the backup is a valid store too
        results.append(sum(b"waiting up to" in err for _, err in outs))
    print("\nconcurrent ingests: writers that waited their turn, per run:", results)


@pytest.mark.parametrize("damage", [
    b'{"format": "graphkit", "graph": {"nodes": [',  # cut off mid-write by something else
    b"",  # emptied
    b'{"nodes": []}',  # JSON, but not a graphkit store
    b'{"format": "graphkit", "graph": {"nodes": [{"id": "x", "kind": "Planet", "name": "x"}]}}',  # invalid graph
], ids=["truncated", "empty", "foreign", "invalid"])
def test_a_corrupted_store_is_a_clear_error_and_its_backup_is_kept(tmp_path, store, damage):
    store.write_bytes(damage)
    write_corpus(tmp_path / "in", 2)
    before = snapshot(tmp_path)
    for args in (["ingest", "in"], ["stats"], ["query", "MATCH (n) RETURN n.id"]):
        proc = graphkit(*args, "--store", "g.json", cwd=tmp_path)
        assert proc.returncode == 1 and proc.stdout == b""
        (line,) = err_lines(proc)
        assert line.startswith("graphkit: error: store g.json: corrupted (")
        assert line.endswith("); the last good copy is g.json.bak")
    assert snapshot(tmp_path) == before  # neither the damaged file nor the backup was touched
    assert article_ids(tmp_path / "g.json.bak") == {"first.txt"}  # the backup is a usable store
    shutil.copyfile(tmp_path / "g.json.bak", store)
    assert graphkit("stats", "--store", "g.json", cwd=tmp_path).returncode == 0


# -- queries: read-only, parameters, no secrets -------------------------------------------------

def test_query_is_read_only_by_default(tmp_path, store):
    before = snapshot(tmp_path)
    for cypher in ("CREATE (n:Person {name: 'x'})", "MATCH (n) DETACH DELETE n",
                   "MATCH (p:Person) SET p.name = 'y' RETURN p"):
        proc = graphkit("query", cypher, "--store", "g.json", cwd=tmp_path)
        assert proc.returncode == 1 and proc.stdout == b""
        (line,) = err_lines(proc)
        assert line.startswith("graphkit: error: the embedded store is read-only: ")
    proc = graphkit("query", "--write", "MATCH (n) DETACH DELETE n", "--store", "g.json", cwd=tmp_path)
    assert (proc.returncode, err_lines(proc)) == (1, [
        "graphkit: error: store g.json: the embedded store does not run Cypher writes; "
        "use `graphkit ingest` to change it, or the Neo4j backend"])
    assert snapshot(tmp_path) == before


def test_query_values_travel_as_parameters(tmp_path, store):
    cypher = "MATCH (p:Person)-[:LEADS]->(s:State) WHERE s.iso3 = $iso3 RETURN p.name AS name"
    ok = graphkit("query", cypher, "--param", "iso3=GBR", "--format", "json", "--store", "g.json", cwd=tmp_path)
    assert (ok.returncode, json.loads(ok.stdout)) == (0, [{"name": "Keir Starmer"}])
    before = snapshot(tmp_path)
    for hostile in ('GBR" OR s.iso3 <> "', "GBR' OR 1=1 //", 'x"}) DETACH DELETE s //', "GBR\\"):
        proc = graphkit("query", cypher, "--param", f"iso3={hostile}", "--format", "json", "--store", "g.json",
                        cwd=tmp_path)
        assert (proc.returncode, json.loads(proc.stdout)) == (0, []), hostile  # a value, never Cypher
    assert snapshot(tmp_path) == before




@pytest.mark.parametrize("args", [
    ["stats", "--neo4j", "bolt://127.0.0.1:1"],
    ["query", "MATCH (n) RETURN count(n)", "--neo4j", "neo4j://127.0.0.1:1"],
    ["ingest", "in", "--neo4j", "bolt://127.0.0.1:1"],
    ["stats", "--neo4j", "bolt://neo4j:secret-xyz@127.0.0.1:1"],
    ["stats", "--neo4j", "neo4j+s://neo4j:secret-xyz@127.0.0.1:1"],
], ids=["stats", "query", "ingest", "password-in-uri", "password-in-routing-uri"])
def test_a_failing_neo4j_connection_never_prints_the_password(tmp_path, args):
    write_corpus(tmp_path / "in", 1)
    proc = graphkit(*args, cwd=tmp_path, timeout=120,
                    env={"NEO4J_PASSWORD": "secret-xyz", "NEO4J_USERNAME": "neo4j"})
    assert proc.returncode == 1
    (line,) = err_lines(proc)  # one line: the driver's own logging is silenced
    assert line.startswith("graphkit: error: neo4j ")
    assert "127.0.0.1:1" in line
    assert b"secret-xyz" not in proc.stdout + proc.stderr
