"""Shared fixtures: the real Neo4j test server (started once per session) lives in tests/neo4j_fixture.py."""
pytest_plugins = ["tests.neo4j_fixture"]
