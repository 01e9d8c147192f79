#!/usr/bin/env bash
# Everything the test suite needs on a fresh machine: the package with its test extras,
# headless Chromium + chromedriver (Debian packages) for the browser tests, and the Neo4j
# 5.26 jars from Maven Central for the real test server. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ -f tests/neo4j_server/pom.xml ]; then
  command -v mvn >/dev/null 2>&1 || { echo "tests/install.sh: Maven (mvn) is needed for the Neo4j test server" >&2; exit 1; }
  command -v java >/dev/null 2>&1 || { echo "tests/install.sh: Java 17 is needed for the Neo4j test server" >&2; exit 1; }
  python3 -m tests.neo4j_server.server --prepare
fi
