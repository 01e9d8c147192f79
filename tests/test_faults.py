"""Fault injection: every way an attacker or a careless user broke graphkit before, run against the
real command, each case judged as handled cleanly, data lost, or crash/hang.

Each case builds its inputs in a fresh folder, runs `python -m graphkit` (with a time limit, so a
hang is caught as one), and checks what a user would: the exit status, one clear line naming the
input, no traceback, and that every article already stored or reported as ingested is there
afterwards. The test prints the counts table and fails on any case that is not handled cleanly.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from graphkit.stores.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
HANDLED, LOST, CRASH = "handled cleanly", "data lost", "crash or hang"


@dataclass
class Run:
    code: int | None  # None: killed after the time limit (a hang)
    out: str
    err: str
    seconds: float

    @property
    def clean_error(self) -> bool:
        """Failed with one-line messages, each naming something, and no traceback."""
        lines = [ln for ln in self.err.splitlines() if ln.strip()]
        return self.code == 1 and bool(lines) and "Traceback" not in self.err and all(
            ln.startswith("graphkit: ") for ln in lines)


def graphkit(*args, cwd: Path, stdin: bytes | None = None, timeout: float = 300, prefix: list[str] = ()) -> Run:
    start = time.monotonic()
    cmd = [*prefix, sys.executable, "-m", "graphkit", *map(str, args)]
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, input=stdin, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        return Run(None, (exc.stdout or b"").decode(errors="replace"), (exc.stderr or b"").decode(errors="replace"),
                   time.monotonic() - start)
    return Run(proc.returncode, proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace"),
               time.monotonic() - start)


def sources(store: Path) -> set[str]:
    """Every place the stored articles were read from (file names, path#record, stdin)."""
    graph = EmbeddedStore(store).read_graph()
    return {Path(s).name if s != "stdin" else s for n in graph.nodes if n.kind.value == "Article"
            for s in n.properties.get("sources", [])}


def article_count(store: Path) -> int:
    return sum(1 for n in EmbeddedStore(store).read_graph().nodes if n.kind.value == "Article")


def seeded_store(work: Path) -> Path:
    """A store holding one seed article, as a user's store would before the fault."""
    (work / "first.txt").write_bytes(SEEDS[1].read_bytes())
    run = graphkit("ingest", "first.txt", "--store", "g.json", cwd=work)
    assert run.code == 0, run.err
    return work / "g.json"


@dataclass
class Case:
    name: str
    check: Callable[[Path], str]  # returns HANDLED, LOST or CRASH
    notes: list[str] = field(default_factory=list)


def verdict(run: Run, ok: bool, lost: bool = False) -> str:
    if run.code is None or "Traceback" in run.err or (run.code not in (0, 1)):
        return CRASH
    if lost:
        return LOST
    return HANDLED if ok else CRASH


# -- identity ------------------------------------------------------------------------------------

def look_alike_paths_one_run(work: Path) -> str:
    for site, seed in (("site1", SEEDS[1]), ("site2", SEEDS[2])):
        (work / site / "2025").mkdir(parents=True)
        (work / site / "2025" / "index.txt").write_bytes(seed.read_bytes())
    run = graphkit("ingest", "site1", "site2", "--store", "g.json", cwd=work)
    return verdict(run, run.code == 0, lost=run.code == 0 and article_count(work / "g.json") != 2)


def look_alike_paths_two_runs(work: Path) -> str:
    for site, seed in (("site1", SEEDS[1]), ("site2", SEEDS[2])):
        (work / site).mkdir()
        (work / site / "index.html").write_text(f"<html><body><p>{seed.read_text()}</p></body></html>")
    graphkit("ingest", "site1/index.html", "--store", "g.json", cwd=work)
    run = graphkit("ingest", "site2/index.html", "--store", "g.json", cwd=work)
    return verdict(run, run.code == 0, lost=article_count(work / "g.json") != 2)


def stdin_twice(work: Path) -> str:
    graphkit("ingest", "-", "--store", "g.json", cwd=work, stdin=SEEDS[1].read_bytes())
    run = graphkit("ingest", "-", "--store", "g.json", cwd=work, stdin=SEEDS[2].read_bytes())
    return verdict(run, run.code == 0, lost=article_count(work / "g.json") != 2)


def jsonl_files_with_one_name(work: Path) -> str:
    for n, folder in enumerate(("x", "y")):
        (work / folder).mkdir()
        (work / folder / "feed.jsonl").write_text(
            json.dumps({"text": SEEDS[n].read_text()}) + "\n" + json.dumps({"text": SEEDS[n + 2].read_text()}) + "\n")
    run = graphkit("ingest", "x", "y", "--store", "g.json", cwd=work)
    return verdict(run, run.code == 0, lost=article_count(work / "g.json") != 4)


# -- hostile inputs --------------------------------------------------------------------------------

def _one_bad_among_good(work: Path, make_bad: Callable[[Path], str], expect: str, timeout: float = 120) -> str:
    store = seeded_store(work)
    (work / "in").mkdir()
    (work / "in" / "good.txt").write_bytes(SEEDS[2].read_bytes())
    bad = make_bad(work / "in")
    run = graphkit("ingest", "in", "--store", "g.json", cwd=work, timeout=timeout)
    named = any(bad in ln and expect in ln for ln in run.err.splitlines())
    lost = run.code == 0 and not {"first.txt", "good.txt"} <= sources(store)
    return verdict(run, run.code == 0 and named and "Traceback" not in run.err, lost=lost)


def deep_json_file(work: Path) -> str:
    def make(folder: Path) -> str:
        (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
        return "deep.json"
    return _one_bad_among_good(work, make, "nested deeper than")


def deep_json_field(work: Path) -> str:
    def make(folder: Path) -> str:
        (folder / "list.json").write_text(
            '[{"text": "Olaf Scholz met Donald Tusk in Warsaw."}, {"text": "x", "meta": '
            + "[" * 5000 + "]" * 5000 + "}]")
        return "list.json: record 2"
    outcome = _one_bad_among_good(work, make, "nested deeper than")
    return outcome if "list.json#1" in sources(work / "g.json") else LOST


def deep_jsonl_line(work: Path) -> str:
    def make(folder: Path) -> str:
        (folder / "feed.jsonl").write_text('{"text": "Olaf Scholz met Donald Tusk."}\n{"text": '
                                           + "[" * 50_000 + "]" * 50_000 + "}\n")
        return "feed.jsonl: line 2"
    return _one_bad_among_good(work, make, "nested deeper than")


def fifo_in_folder(work: Path) -> str:
    def make(folder: Path) -> str:
        os.mkfifo(folder / "pipe.txt")
        return "pipe.txt"
    return _one_bad_among_good(work, make, "a FIFO", timeout=60)


def fifo_given(work: Path) -> str:
    store = seeded_store(work)
    os.mkfifo(work / "pipe.txt")
    run = graphkit("ingest", "pipe.txt", "--store", "g.json", cwd=work, timeout=60)
    return verdict(run, run.clean_error and "pipe.txt: not a regular file (a FIFO)" in run.err,
                   lost=sources(store) != {"first.txt"})


def socket_in_folder(work: Path) -> str:
    def make(folder: Path) -> str:
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(folder / "sock.txt"))  # left bound for the run; closed with the process
        make.sock = sock  # type: ignore[attr-defined]
        return "sock.txt"
    return _one_bad_among_good(work, make, "a socket", timeout=60)


def device_given(work: Path) -> str:
    store = seeded_store(work)
    os.symlink("/dev/zero", work / "zero.txt")
    run = graphkit("ingest", "zero.txt", "--store", "g.json", cwd=work, timeout=60)
    return verdict(run, run.clean_error and "zero.txt: not a regular file (a character device)" in run.err,
                   lost=sources(store) != {"first.txt"})


def symlink_loop_in_folder(work: Path) -> str:
    def make(folder: Path) -> str:
        os.symlink("loop.txt", folder / "loop.txt")
        return "loop.txt"
    return _one_bad_among_good(work, make, "symbolic link loop")


def one_huge_line(work: Path) -> str:
    rng = random.Random(7)
    names = ["Emmanuel Macron", "Keir Starmer", "Olaf Scholz", "Donald Tusk", "Giorgia Meloni"]
    line = "".join(f"{rng.choice(names)} met {rng.choice(names)} in Paris. " for _ in range(12_000))[:400_000]
    (work / "huge-line.txt").write_text("Leaders met\n" + line + "\n" + SEEDS[2].read_text())
    run = graphkit("ingest", "huge-line.txt", "--store", "g.json", cwd=work, timeout=120)
    warned = "line 2 has 400,000 characters" in run.err
    return verdict(run, run.code == 0 and warned and run.seconds < 120)


def empty_binary_and_bad_records(work: Path) -> str:
    def make(folder: Path) -> str:
        (folder / "empty.txt").write_bytes(b"")
        (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
        (folder / "broken.json").write_text("{")
        return "empty.txt"
    return _one_bad_among_good(work, make, "empty file")


# -- the store -------------------------------------------------------------------------------------

def deep_nested_store(work: Path) -> str:
    (work / "g.json").write_text('{"format": "graphkit", "graph": ' + "[" * 100_000 + "]" * 100_000 + "}")
    runs = [graphkit("stats", "--store", "g.json", cwd=work),
            graphkit("query", "MATCH (n) RETURN count(*)", "--store", "g.json", cwd=work),
            graphkit("ingest", str(SEEDS[1]), "--store", "g.json", cwd=work)]
    ok = all(r.clean_error and "corrupted" in r.err for r in runs)
    return verdict(runs[-1], ok) if all(r.code is not None for r in runs) else CRASH


def corrupted_store_names_its_backup(work: Path) -> str:
    store = seeded_store(work)
    graphkit("ingest", str(SEEDS[2]), "--store", "g.json", cwd=work)
    store.write_text('{"format": "graphkit", "graph": {"nodes": [')
    run = graphkit("stats", "--store", "g.json", cwd=work)
    return verdict(run, run.clean_error and "g.json.bak" in run.err, lost=not (work / "g.json.bak").exists())


def read_only_store(work: Path) -> str:
    store = seeded_store(work)
    os.chmod(store, 0o444)
    before = store.read_bytes()
    run = graphkit("ingest", str(SEEDS[2]), "--store", "g.json", cwd=work)
    ok = run.clean_error and "read-only (mode 0444)" in run.err
    kept = store.read_bytes() == before and (store.stat().st_mode & 0o777) == 0o444
    os.chmod(store, 0o644)
    return verdict(run, ok and kept, lost=not kept)


def store_keeps_its_mode(work: Path) -> str:
    store = seeded_store(work)
    os.chmod(store, 0o640)
    run = graphkit("ingest", str(SEEDS[2]), "--store", "g.json", cwd=work)
    mode = store.stat().st_mode & 0o777
    return verdict(run, run.code == 0 and mode == 0o640, lost=sources(store) != {"first.txt", SEEDS[2].name})


def file_too_large(work: Path) -> str:
    """A store write that hits the file-size limit (ulimit -f, as a full disk does): one line naming
    the file, the store as it was."""
    store = seeded_store(work)
    before = store.read_bytes()
    blocks = max(1, len(before) // 512 + 2)  # room for the old store, not for a bigger new one
    prefix = ["bash", "-c", f'ulimit -f {blocks}; exec "$@"', "bash"]
    run = graphkit("ingest", *SEEDS, "--store", "g.json", cwd=work, prefix=prefix)
    named = "g.json" in run.err and "File too large" in run.err
    return verdict(run, run.clean_error and named, lost=store.read_bytes() != before)


def disk_full(work: Path) -> str:
    """The store's filesystem fills up mid-write (a 300 KB tmpfs, mounted when the tests run as
    root): one line naming the temporary file, the store as it was."""
    small = work / "small"
    small.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(small)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small filesystem here")
    try:
        shutil.copyfile(seeded_store(work), small / "g.json")
        before = (small / "g.json").read_bytes()
        (small / "filler").write_bytes(b"x" * (300 * 1024 - 2 * len(before) - 8192))  # leaves too little room
        run = graphkit("ingest", *SEEDS, "--store", "small/g.json", cwd=work)
        named = "small/g.json" in run.err and "No space left on device" in run.err
        return verdict(run, run.clean_error and named, lost=(small / "g.json").read_bytes() != before)
    finally:
        subprocess.run(["umount", str(small)], capture_output=True)


def folder_not_writable(work: Path) -> str:
    """The store's folder cannot take the temporary file (permission denied, as a non-root user)."""
    setpriv = shutil.which("setpriv")
    prefix = ([setpriv, "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]
              if os.geteuid() == 0 and setpriv else [])
    if os.geteuid() == 0 and not prefix:
        pytest.skip("root without setpriv: permissions cannot apply")
    (work / "db").mkdir()
    shutil.copyfile(seeded_store(work), work / "db" / "g.json")
    before = (work / "db" / "g.json").read_bytes()
    os.chmod(work / "db", 0o555)
    try:
        run = graphkit("ingest", str(SEEDS[2]), "--store", "db/g.json", cwd=work, prefix=prefix)
    finally:
        os.chmod(work / "db", 0o755)
    named = "db/g.json" in run.err and "Permission denied" in run.err
    return verdict(run, run.clean_error and named, lost=(work / "db" / "g.json").read_bytes() != before)


def four_writers_at_once(work: Path) -> str:
    store = seeded_store(work)
    for n, seed in enumerate(SEEDS[:4]):
        (work / f"in{n}").mkdir()
        (work / f"in{n}" / f"w{n}.txt").write_bytes(seed.read_bytes() + f"\nWriter {n}.\n".encode())
    procs = [subprocess.Popen([sys.executable, "-m", "graphkit", "ingest", f"in{n}", "--store", "g.json"], cwd=work,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for n in range(4)]
    outs = [p.communicate(timeout=600) for p in procs]
    ok = all(p.returncode == 0 for p in procs) and not any(b"Traceback" in err for _, err in outs)
    return HANDLED if ok and sources(store) >= {"first.txt", "w0.txt", "w1.txt", "w2.txt", "w3.txt"} else LOST


def lock_of_a_killed_writer(work: Path) -> str:
    """A writer killed while holding the lock leaves the lock file, not the lock: the next one
    proceeds at once (even with --wait 0)."""
    store = seeded_store(work)
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                               "from graphkit.stores.embedded import _StoreLock; "
                               "lock = _StoreLock(Path(sys.argv[1])); lock.__enter__(); print('held', flush=True); "
                               "time.sleep(600)", str(store)], stdout=subprocess.PIPE)
    assert holder.stdout.readline() == b"held\n"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=60)
    run = graphkit("ingest", str(SEEDS[2]), "--store", "g.json", "--wait", "0", cwd=work)
    return verdict(run, run.code == 0 and (work / "g.json.lock").exists(),
                   lost=sources(store) != {"first.txt", SEEDS[2].name})


def sigkill_at_random_points(work: Path) -> str:
    """Kill ingests at random moments (seeded): the store is always the old one or the whole new one."""
    store = seeded_store(work)
    (work / "in").mkdir()
    for n, seed in enumerate(SEEDS):
        (work / "in" / f"k{n}.txt").write_bytes(seed.read_bytes() + f"\nKill run {n}.\n".encode())
    old = store.read_bytes()
    rng = random.Random(17)
    for _ in range(5):
        shutil.copyfile(work / "g.json", work / "run.json")
        proc = subprocess.Popen([sys.executable, "-m", "graphkit", "ingest", "in", "--store", "run.json"], cwd=work,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 8.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        data = (work / "run.json").read_bytes()
        if data != old:
            got = sources(work / "run.json")
            if got != {"first.txt", *(f"k{n}.txt" for n in range(len(SEEDS)))}:
                return LOST
    return HANDLED if store.read_bytes() == old else LOST


CASES = [Case(f.__name__.replace("_", " "), f) for f in (
    look_alike_paths_one_run, look_alike_paths_two_runs, stdin_twice, jsonl_files_with_one_name,
    deep_json_file, deep_json_field, deep_jsonl_line, fifo_in_folder, fifo_given, socket_in_folder, device_given,
    symlink_loop_in_folder, one_huge_line, empty_binary_and_bad_records,
    deep_nested_store, corrupted_store_names_its_backup, read_only_store, store_keeps_its_mode, file_too_large, disk_full,
    folder_not_writable, four_writers_at_once, lock_of_a_killed_writer, sigkill_at_random_points,
)]


@pytest.mark.slow
def test_fault_injection_loses_nothing_and_hangs_nowhere(tmp_path, capsys):
    outcomes: dict[str, str] = {}
    for case in CASES:
        work = tmp_path / case.check.__name__
        work.mkdir()
        try:
            outcomes[case.name] = case.check(work)
        except pytest.skip.Exception:
            outcomes[case.name] = "not tried"
        except Exception as exc:  # noqa: BLE001 - a case whose check itself broke is a crash of graphkit's making
            outcomes[case.name] = f"{CRASH} ({type(exc).__name__}: {exc})"
    tried = [o for o in outcomes.values() if o != "not tried"]
    table = ["", f"{'case':<40} outcome", *(f"{name:<40} {o}" for name, o in outcomes.items()), "",
             f"tried {len(tried)} / handled cleanly {sum(o == HANDLED for o in tried)} / "
             f"data lost {sum(o == LOST for o in tried)} / crash or hang {sum(o.startswith(CRASH) for o in tried)}"]
    with capsys.disabled():
        print("\n".join(table))
    assert all(o == HANDLED for o in tried), "\n".join(table)
