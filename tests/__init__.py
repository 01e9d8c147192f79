"""graphkit tests (a package so helpers such as tests.neo4j_server import by name)."""
