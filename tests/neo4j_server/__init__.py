"""The throw-away Neo4j server the tests run against (see server.py)."""
