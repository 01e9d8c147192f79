"""How big a graph the HTML view can take: file size and headless-Chromium load-and-draw time.

    python -m graphkit.bench.view                 # 500, 2,000 and 10,000 nodes
    python -m graphkit.bench.view --sizes 300 1500 --keep out/bench

Graphs are generated (states in blocs that support each other and oppose the others, leaders,
bodies, summits with attendees) so the view has the shape of real output at any size. Times are
read in the page (`performance.now()`, from navigation start): "first draw" is vis-network's
first `afterDrawing`; "ready" is the first drawing after the physics has stabilised and been
switched off, or the first drawing when the layout was precomputed. Needs Chromium, chromedriver
and selenium (the test extra); nothing is asserted on these numbers.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from graphkit.model import Evidence, Graph, Node, NodeKind, Relation, RelationProperties, RelationType
from graphkit.view import render_html

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-default-apps", "--disable-extensions", "--hide-scrollbars")


def chromium_paths() -> tuple[str, str]:
    """(browser, chromedriver): $GRAPHKIT_CHROMIUM / $GRAPHKIT_CHROMEDRIVER, else Debian's."""
    browser = os.environ.get("GRAPHKIT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("GRAPHKIT_CHROMEDRIVER") or shutil.which("chromedriver")
    if not browser or not driver:
        raise FileNotFoundError("chromium/chromedriver: not found; `apt-get install chromium chromium-driver` "
                                "or set GRAPHKIT_CHROMIUM and GRAPHKIT_CHROMEDRIVER")
    return browser, driver


@contextlib.contextmanager
def headless_chromium(width: int = 1280, height: int = 800) -> Iterator["object"]:
    """A selenium Chrome driver on headless Chromium with a fresh profile and no network chatter.

    Both paths are given explicitly, so selenium-manager never tries to download a browser."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, chromedriver = chromium_paths()
    profile = tempfile.mkdtemp(prefix="graphkit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    try:
        # The window size includes no browser chrome in headless mode, but pin the viewport anyway
        # so screenshots and pixel coordinates are exactly width x height at scale 1.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_until_ready(driver, timeout: float = 120.0) -> dict:
    """Wait for the page's `graphkitState.ready`; return the page's state (timings in ms)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = driver.execute_script("return window.graphkitState || null;")
        if state and state.get("ready"):
            return state
        errors = driver.execute_script("return window.graphkitErrors || [];")
        if errors:
            raise RuntimeError(f"page {driver.current_url}: JavaScript error: {errors[0]}")
        time.sleep(0.05)
    raise TimeoutError(f"page {driver.current_url}: not drawn after {timeout:.0f} s")


# -- generated graphs ------------------------------------------------------------------------

def _iso3(i: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[i // 676 % 26] + letters[i // 26 % 26] + letters[i % 26]


def generate_graph(n_nodes: int, seed: int = 0) -> Graph:
    """A plausible diplomacy graph of about `n_nodes` nodes and three edges per node."""
    rng = random.Random(seed)
    n_states = max(4, min(n_nodes // 4, 17576))
    n_orgs = max(2, n_nodes // 12)
    n_summits = max(2, n_nodes // 5)
    n_people = max(2, n_nodes - n_states - n_orgs - n_summits)
    blocs = max(3, n_states // 60)
    states = [_iso3(i) for i in range(n_states)]
    bloc_of = {s: rng.randrange(blocs) for s in states}
    by_bloc: dict[int, list[str]] = {}
    for s in states:
        by_bloc.setdefault(bloc_of[s], []).append(s)
    nodes = [Node(id=s, kind=NodeKind.STATE, name=f"State {s}", properties={"iso3": s}) for s in states]
    people = [f"person-{i}" for i in range(n_people)]
    person_state = {p: rng.choice(states) for p in people}
    nodes += [Node(id=p, kind=NodeKind.PERSON, name=f"Person {i}",
                   properties={"office": rng.choice(["President", "Prime Minister", "Foreign Minister"]),
                               "state": person_state[p]}) for i, p in enumerate(people)]
    orgs = [f"org-{i}" for i in range(n_orgs)]
    nodes += [Node(id=o, kind=NodeKind.ORGANIZATION, name=f"Organization {i}") for i, o in enumerate(orgs)]
    summits = [f"summit-{i}" for i in range(n_summits)]
    nodes += [Node(id=s, kind=NodeKind.SUMMIT, name=f"Summit {i}",
                   properties={"city": f"City {rng.randrange(200)}",
                               "date": f"{rng.randrange(2015, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"})
              for i, s in enumerate(summits)]

    relations: dict[tuple[str, str, str], Relation] = {}

    def add(source: str, rtype: RelationType, target: str, **props: str) -> None:
        if source == target:
            return
        article = f"bench_{rng.randrange(max(1, n_nodes // 3)):05d}.txt"
        sentence = f"{source} {rtype.value.lower().replace('_', ' ')} {target}, officials said."
        rel = Relation(source=source, type=rtype, target=target, confidence=round(rng.uniform(0.5, 1.0), 2),
                       properties=RelationProperties(**props),
                       evidence=[Evidence(article=article, sentence=sentence, start=0, end=len(sentence))])
        relations.setdefault(rel.key, rel)

    for p in people:
        add(p, RelationType.LEADS, person_state[p], role="President")
    for org in orgs:  # each body gathers a few states, mostly from one bloc
        bloc = by_bloc[rng.choice(list(by_bloc))]
        for s in rng.sample(bloc, min(len(bloc), rng.randint(2, 8))):
            add(s, RelationType.MEMBER_OF, org)
    for summit in summits:
        bloc = by_bloc[rng.choice(list(by_bloc))]
        attendees = rng.sample(bloc, min(len(bloc), rng.randint(2, 6)))
        add(attendees[0], RelationType.HOSTED, summit)
        for a in attendees[1:]:
            add(a, RelationType.ATTENDED, summit, mode=rng.choice(["in person", "remote"]))
        add(rng.choice(people), RelationType.ATTENDED, summit)
    for _ in range(int(n_nodes * 0.9)):
        s = rng.choice(states)
        friend = rng.choice(by_bloc[bloc_of[s]])
        foe = rng.choice(states)
        roll = rng.random()
        if roll < 0.35:
            add(s, RelationType.SUPPORTED, friend)
        elif roll < 0.5:
            add(s, RelationType.PLEDGED, friend, what="funds")
        elif roll < 0.7:
            add(rng.choice(people), RelationType.MET_WITH, rng.choice(people))
        elif bloc_of[foe] != bloc_of[s]:
            add(s, RelationType.OPPOSED if roll < 0.93 else RelationType.ATTACKED, foe)
    return Graph(nodes=nodes, relations=list(relations.values()))


# -- the benchmark ---------------------------------------------------------------------------

@dataclass
class BenchRow:
    nodes: int
    edges: int
    layout: str
    html_mb: float
    render_s: float
    first_draw_s: float
    ready_s: float
    frame_ms: float  # one full redraw once ready (what panning and zooming cost)


def run(sizes: list[int], out_dir: Path, timeout: float = 300.0) -> list[BenchRow]:
    rows = []
    with headless_chromium() as driver:
        driver.set_page_load_timeout(timeout)
        for size in sizes:
            graph = generate_graph(size)
            path = out_dir / f"bench-{size}.html"
            started = time.perf_counter()
            summary = render_html(graph, path, title=f"benchmark, {size} nodes")
            render_s = time.perf_counter() - started
            driver.get(path.resolve().as_uri())
            state = wait_until_ready(driver, timeout=timeout)
            frame_ms = driver.execute_script(
                "const n = window.graphkitNetwork, t = performance.now();"
                "for (let i = 0; i < 5; i++) n.redraw(); return (performance.now() - t) / 5;")
            rows.append(BenchRow(nodes=summary.nodes, edges=summary.edges, layout=summary.layout,
                                 html_mb=path.stat().st_size / 1e6, render_s=render_s,
                                 first_draw_s=state["firstDraw"] / 1000, ready_s=state["readyAt"] / 1000,
                                 frame_ms=frame_ms))
    return rows


def format_table(rows: list[BenchRow]) -> str:
    header = (f"{'nodes':>7} {'edges':>7} {'layout':>12} {'HTML MB':>8} {'render s':>9} {'first draw s':>13} "
              f"{'ready s':>8} {'frame ms':>9}")
    lines = [header, "-" * len(header)]
    for r in rows:
        lines.append(f"{r.nodes:>7,} {r.edges:>7,} {r.layout:>12} {r.html_mb:>8.2f} {r.render_s:>9.2f} "
                     f"{r.first_draw_s:>13.2f} {r.ready_s:>8.2f} {r.frame_ms:>9.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m graphkit.bench.view", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 10000])
    parser.add_argument("--keep", type=Path, default=None, help="write the pages here and keep them")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args(argv)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        rows = run(args.sizes, args.keep, args.timeout)
    else:
        with tempfile.TemporaryDirectory(prefix="graphkit-bench-") as tmp:
            rows = run(args.sizes, Path(tmp), args.timeout)
    print(format_table(rows))


if __name__ == "__main__":
    main()
