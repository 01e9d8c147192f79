"""Driving headless Chromium over graphkit's HTML views (for the browser tests and screenshots).

    from browser import screenshot
    screenshot(Path("graph.html"), Path("docs/graph.png"))

The browser flags and paths live in `graphkit.bench.view.headless_chromium`, shared with the
benchmark.
"""
from __future__ import annotations

import time
from pathlib import Path

from graphkit.bench.view import chromium_paths, headless_chromium, wait_until_ready

__all__ = ["chromium_available", "click", "edge_midpoint", "headless_chromium", "hover", "node_position",
           "open_view", "screenshot", "severe_log", "tooltip_text", "wait_until_ready"]


def chromium_available() -> bool:
    try:
        chromium_paths()
        import selenium  # noqa: F401
    except (FileNotFoundError, ImportError):
        return False
    return True


def open_view(driver, html: Path, timeout: float = 60.0) -> dict:
    """Load a view from file:// and wait until it is drawn and still; the page's state."""
    driver.get(Path(html).resolve().as_uri())
    return wait_until_ready(driver, timeout=timeout)


def severe_log(driver) -> list[str]:
    """Console errors and uncaught exceptions Chromium logged since the last call."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def edge_midpoint(driver, edge_id: str) -> tuple[float, float]:
    """Where the middle of a drawn edge is, in CSS pixels from the network container's top left."""
    point = driver.execute_script(
        "const n = window.graphkitNetwork, e = n.body.edges[arguments[0]];"
        "const p = e.edgeType.getPoint(0.5); const d = n.canvasToDOM(p); return [d.x, d.y];", edge_id)
    return float(point[0]), float(point[1])


def node_position(driver, node_id: str) -> tuple[float, float]:
    point = driver.execute_script(
        "const n = window.graphkitNetwork; const p = n.getPositions([arguments[0]])[arguments[0]];"
        "const d = n.canvasToDOM(p); return [d.x, d.y];", node_id)
    return float(point[0]), float(point[1])


def hover(driver, x: float, y: float) -> None:
    """Move the real mouse pointer to (x, y) inside the network, as a user would."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = driver.find_element(By.CSS_SELECTOR, "#gk-network canvas")
    size = canvas.size
    # Selenium offsets are from the element's centre; nudge first so a mousemove always fires.
    chain = ActionChains(driver, duration=50)
    chain.move_to_element_with_offset(canvas, int(x - size["width"] / 2) + 3, int(y - size["height"] / 2) + 3)
    chain.move_to_element_with_offset(canvas, int(x - size["width"] / 2), int(y - size["height"] / 2))
    chain.perform()


def click(driver, x: float, y: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = driver.find_element(By.CSS_SELECTOR, "#gk-network canvas")
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)).click().perform()


def tooltip_text(driver, timeout: float = 3.0) -> str:
    """The text of vis-network's tooltip once it is visible on screen ('' if it never shows)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = driver.execute_script(
            "const t = document.querySelector('div.vis-tooltip');"
            "return t && getComputedStyle(t).visibility === 'visible' && t.offsetWidth > 0 ? t.innerText : '';")
        if text:
            return text
        time.sleep(0.05)
    return ""


def screenshot(html: Path, png: Path, *, width: int = 1280, height: int = 800, timeout: float = 60.0) -> Path:
    """Open a view in headless Chromium, wait until it is drawn and still, and save a PNG."""
    png = Path(png)
    png.parent.mkdir(parents=True, exist_ok=True)
    with headless_chromium(width, height) as driver:
        open_view(driver, html, timeout=timeout)
        errors = severe_log(driver)
        if errors:
            raise RuntimeError(f"{html}: JavaScript errors: {errors}")
        driver.save_screenshot(str(png))
    return png
