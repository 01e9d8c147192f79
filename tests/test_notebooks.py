"""The notebooks in notebooks/ run top to bottom (their cells assert on what they show).

01 and 02 use the embedded store; 03 needs the real Neo4j test server (marked `neo4j`)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

# 03 uses the session's `neo4j_server` fixture from the tests.neo4j_fixture plugin (enabled in
# tests/conftest.py), so the whole run shares one server.
HAVE_NEO4J_FIXTURE = importlib.util.find_spec("tests.neo4j_fixture") is not None


def run_notebook(name: str) -> nbformat.NotebookNode:
    """Execute a notebook in a fresh kernel from notebooks/, as Jupyter would; raise on any failing cell."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return nb


def _outputs(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.extend(str(v) for v in out.get("data", {}).values())
    return "\n".join(parts)


@pytest.mark.slow
def test_quickstart_notebook(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHKIT_NOTEBOOK_DIR", str(tmp_path))
    nb = run_notebook("01_quickstart.ipynb")
    assert (tmp_path / "graphkit.json").exists() and (tmp_path / "seeds.html").exists()
    shown = _outputs(nb)
    assert "<iframe srcdoc=" in shown  # the view is displayed inline
    assert "leader_id" in shown  # a DataFrame of the leaders query


@pytest.mark.slow
def test_analysis_notebook(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHKIT_NOTEBOOK_DIR", str(tmp_path))
    nb = run_notebook("02_analysis.ipynb")
    assert any("image/png" in out.get("data", {}) for cell in nb.cells for out in cell.get("outputs", [])), \
        "the summit timeline is plotted"


@pytest.mark.slow
@pytest.mark.neo4j
@pytest.mark.skipif(not HAVE_NEO4J_FIXTURE, reason="tests/neo4j_fixture.py is not there yet")
def test_neo4j_notebook(tmp_path, monkeypatch, neo4j_server):
    from graphkit.stores.neo4j import Neo4jStore

    with Neo4jStore(neo4j_server.uri, neo4j_server.user, neo4j_server.password) as store:
        store.delete_all()  # the test server is shared by the session: start from an empty database
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USERNAME", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    monkeypatch.setenv("GRAPHKIT_NOTEBOOK_DIR", str(tmp_path))
    nb = run_notebook("03_neo4j.ipynb")
    assert "shortest_chain" in _outputs(nb)
