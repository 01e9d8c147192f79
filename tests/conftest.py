"""Shared fixtures: the real Neo4j test server (started once per session) lives in tests/neo4j_fixture.py."""
import os
from pathlib import Path

pytest_plugins = ["tests.neo4j_fixture"]

# Every `python -m graphkit` the tests start runs this checkout, whatever else is installed.
_ROOT = str(Path(__file__).resolve().parents[1])
os.environ["PYTHONPATH"] = os.pathsep.join([_ROOT, *filter(None, [os.environ.get("PYTHONPATH")])])
