"""The HTML view in real headless Chromium, opened from file:// with no network: it loads without
JavaScript errors, draws what was selected, shows evidence on hover, and the type toggles work."""
from __future__ import annotations

import struct
import time

import pytest

from graphkit import view
from graphkit.view import EDGE_STYLES, render_html
from graphkit.model import RelationType
from tests.browser import (chromium_available, click, edge_midpoint, headless_chromium, hover, node_position,
                           open_view, screenshot, severe_log, tooltip_text, wait_until_ready)
from tests.test_view import diplomacy_graph

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1280, 800


@pytest.fixture(scope="module")
def driver():
    if not chromium_available():
        pytest.fail("chromium, chromedriver or selenium is missing: run tests/install.sh "
                    "(or deselect with -m 'not browser')", pytrace=False)
    with headless_chromium(WIDTH, HEIGHT) as d:
        yield d


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("view") / "graph.html"
    render_html(diplomacy_graph(), out, title="Hand-made sample")
    return out


@pytest.fixture
def loaded(driver, page):
    """The sample page, freshly loaded and drawn; fails on any console error."""
    state = open_view(driver, page)
    assert severe_log(driver) == []
    yield state
    assert driver.execute_script("return window.graphkitErrors") == []
    assert severe_log(driver) == []


def _js(driver, script, *args):
    return driver.execute_script(script, *args)


def _pixels_near(driver, x: float, y: float, radius: int = 2) -> list[tuple[int, int, int]]:
    """The canvas pixels in a small square around (x, y): what is actually painted there."""
    data = _js(driver, """
        const c = document.querySelector('#gk-network canvas');
        const r = window.devicePixelRatio || 1, k = arguments[2];
        const d = c.getContext('2d').getImageData(Math.round(arguments[0]*r) - k, Math.round(arguments[1]*r) - k,
                                                   2*k + 1, 2*k + 1).data;
        return Array.from(d);""", x, y, radius)
    return [tuple(data[i:i + 3]) for i in range(0, len(data), 4)]


def _greenish(pixels) -> bool:
    return any(g > r + 40 and g > b + 40 for r, g, b in pixels)


def test_page_loads_and_draws_every_node_and_edge(driver, loaded):
    assert loaded["ready"] and loaded["stabilized"] is not None
    counts = _js(driver, """
        const n = window.graphkitNetwork;
        return [n.body.data.nodes.length, n.body.data.edges.length,
                n.body.nodeIndices.length, n.body.edgeIndices.length,
                n.physics.options.enabled];""")
    assert counts == [16, 34, 16, 34, False]  # physics switched off once stable
    assert _js(driver, "return window.graphkitNodes.get({filter: n => n.kind === 'Article'}).length") == 0
    assert driver.find_element("id", "gk-summary").text == "16 nodes · 34 edges"


def test_hovering_an_edge_shows_its_evidence(driver, loaded, tmp_path):
    x, y = edge_midpoint(driver, "GBR|PLEDGED|UKR")
    hover(driver, x, y)
    text = tooltip_text(driver)
    assert "United Kingdom → Ukraine" in text
    assert "what: 5,000 air defence missiles" in text
    assert "“Britain will provide 5,000 air defence missiles to Ukraine.” — Allies gather in London" in text
    driver.save_screenshot(str(tmp_path / "edge-tooltip.png"))

    click(driver, x, y)  # pinned in the details panel
    details = driver.find_element("id", "gk-details-text").text
    assert "Britain will provide 5,000 air defence missiles to Ukraine." in details
    assert _js(driver, "return window.graphkitNetwork.getSelectedEdges()") == ["GBR|PLEDGED|UKR"]


def test_hovering_a_node_shows_its_facts(driver, loaded):
    hover(driver, *node_position(driver, "emmanuel-macron"))
    text = tooltip_text(driver)
    assert text.splitlines()[:2] == ["Emmanuel Macron", "Person · id emmanuel-macron"]
    assert "office: President" in text and "state: FRA (France)" in text


def test_unticking_a_type_hides_its_edges(driver, loaded):
    x, y = edge_midpoint(driver, "GBR|PLEDGED|UKR")
    hover(driver, 5, 5)  # pointer away, so no hover highlight or tooltip is painted
    time.sleep(0.2)
    assert _greenish(_pixels_near(driver, x, y)), "the PLEDGED edge should be painted at its midpoint"

    box = driver.find_element("css selector", 'input[data-relation="PLEDGED"]')
    box.click()
    time.sleep(0.2)
    hidden = _js(driver, "return window.graphkitEdges.get({filter: e => e.hidden}).map(e => e.id).sort()")
    assert hidden == ["FRA|PLEDGED|UKR", "GBR|PLEDGED|UKR", "coalition-of-the-willing|PLEDGED|UKR"]
    assert _js(driver, "return window.graphkitNetwork.body.edgeIndices.length") == 31
    assert driver.find_element("id", "gk-count-edges").text == "31"
    assert not _greenish(_pixels_near(driver, x, y)), "the hidden edge is still painted"
    hover(driver, x, y)
    assert "PLEDGED" not in tooltip_text(driver, timeout=1.0)

    box.click()
    time.sleep(0.2)
    assert _js(driver, "return window.graphkitNetwork.body.edgeIndices.length") == 34
    assert driver.find_element("id", "gk-count-edges").text == "34"


def test_legend_matches_the_declared_styles(driver, loaded):
    rows = driver.find_elements("css selector", "#gk-legend .gk-types li")
    shown = {r.text.split()[0]: r for r in rows}
    assert set(shown) == {t.value for t in RelationType} - {"MENTIONS"}
    line = shown["OPPOSED"].find_element("css selector", "line")
    assert line.get_attribute("stroke") == EDGE_STYLES[RelationType.OPPOSED].color


def test_filtered_view_draws_only_the_selection(driver, tmp_path):
    out = tmp_path / "france.html"
    render_html(diplomacy_graph(), out, focus="France", types={"ATTENDED", "PLEDGED", "SUPPORTED"})
    open_view(driver, out)
    assert severe_log(driver) == []
    ids = _js(driver, "return window.graphkitNodes.getIds().sort()")
    assert ids == ["FRA", "UKR", "summit-london-2025-03", "summit-paris-2026-01", "summit-video-2025-12"]
    assert _js(driver, "return window.graphkitNetwork.body.edgeIndices.length") == 7
    assert "focus France" in driver.find_element("id", "gk-filters").text


def test_precomputed_layout_is_drawn_without_physics(driver, tmp_path, monkeypatch):
    monkeypatch.setattr(view, "LAYOUT_THRESHOLD", 10)
    out = tmp_path / "big.html"
    render_html(diplomacy_graph(), out)
    state = open_view(driver, out)
    assert severe_log(driver) == []
    assert state["stabilized"] is None and state["ready"]
    assert _js(driver, "return window.graphkitNetwork.physics.options.enabled") is False


def test_screenshot_writes_a_png_of_the_page(page, tmp_path):
    png = screenshot(page, tmp_path / "shot" / "graph.png", width=1000, height=700)
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (1000, 700)


def test_notebook_view_draws_inside_its_iframe(driver, tmp_path):
    from graphkit.view import notebook_view

    cell = tmp_path / "cell.html"
    cell.write_text("<html><body>" + notebook_view(diplomacy_graph(), stance=True)._repr_html_() + "</body></html>",
                    encoding="utf-8")
    driver.get(cell.as_uri())
    driver.switch_to.frame(driver.find_element("tag name", "iframe"))
    try:
        wait_until_ready(driver)
        assert _js(driver, "return window.graphkitNetwork.body.nodeIndices.length") == 4
    finally:
        driver.switch_to.default_content()
    assert severe_log(driver) == []
