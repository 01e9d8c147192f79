#!/usr/bin/env bash
# Everything the test suite needs on a fresh machine: the package with its test extras,
# headless Chromium + chromedriver (Debian packages) for the browser tests, and the Neo4j
# 5.26 jars from Maven Central for the real test server. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '[install.sh %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

step "graphkit and its test extras (pip install -e .[test]; about a minute on a fresh machine)"
python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
if [ ${#missing[@]} -gt 0 ]; then
  step "Debian packages: ${missing[*]} (apt-get; about a minute)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The Neo4j 5.26 jars (Maven Central, cached in ~/.m2) and the compiled launcher.
step "Neo4j 5.26 jars from Maven Central (cached in ~/.m2) and the test server's launcher"
python3 -m tests.neo4j_server.server --prepare
step "ready: run python3 -m pytest"
