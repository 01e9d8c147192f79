"""A throw-away Neo4j 5 Community server for graphkit's tests, without Docker.

Maven resolves the embedded Neo4j + Bolt jars (once; the classpath is cached in target/), javac
compiles the small launcher beside this file, and the JVM serves Bolt on a free 127.0.0.1 port
with a temporary data directory (under $TMPDIR) and a known password; GRAPHKIT_NEO4J_JVM_OPTS adds
JVM options (e.g. -Xmx2g). Used by the pytest fixture, or by hand:

    python -m tests.neo4j_server.server            # prints BOLT_URI=..., runs until Ctrl-C / SIGTERM
    python -m tests.neo4j_server.server --prepare  # only fetch the jars and compile (install step)
"""
from __future__ import annotations

import argparse
import atexit
import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"
SOURCE = HERE / "src" / "main" / "java" / "graphkit" / "neo4jtest" / "GraphkitNeo4jLauncher.java"
MAIN_CLASS = "graphkit.neo4jtest.GraphkitNeo4jLauncher"
TARGET = HERE / "target"  # git-ignored
CLASSPATH_FILE = TARGET / "classpath.txt"
CLASSES = TARGET / "classes"

DEFAULT_USER = "neo4j"
DEFAULT_PASSWORD = "graphkit-test-pw"
SUPPORTED_JAVA = (17, 21)  # what Neo4j 5.26 runs on
JVM_OPTIONS = [
    "-Xms512m", "-Xmx1g",
    "--add-opens", "java.base/java.nio=ALL-UNNAMED",
    "--add-opens", "java.base/java.io=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
]


class Neo4jServerUnavailable(RuntimeError):
    """The test server cannot be built or started; the message says what is missing."""


@dataclass(frozen=True)
class Toolchain:
    java: str
    javac: str
    mvn: str | None  # needed only while the jars are not resolved yet


def find_toolchain() -> Toolchain:
    """A Java 17/21 JDK (GRAPHKIT_NEO4J_JAVA_HOME, JAVA_HOME, PATH, then /usr/lib/jvm) and mvn."""
    candidates: list[Path] = []
    for var in ("GRAPHKIT_NEO4J_JAVA_HOME", "JAVA_HOME"):
        if os.environ.get(var):
            candidates.append(Path(os.environ[var]))
    on_path = shutil.which("java")
    if on_path:
        candidates.append(Path(os.path.realpath(on_path)).parent.parent)
    candidates += sorted(Path("/usr/lib/jvm").glob("*")) if Path("/usr/lib/jvm").is_dir() else []
    seen: list[str] = []
    for home in candidates:
        java, javac = home / "bin" / "java", home / "bin" / "javac"
        if not (java.exists() and javac.exists()):
            continue
        version = _java_major(str(java))
        seen.append(f"{home} (Java {version})")
        if version in SUPPORTED_JAVA:
            return Toolchain(str(java), str(javac), shutil.which("mvn"))
    found = "; found " + ", ".join(seen) if seen else "; no JDK found"
    raise Neo4jServerUnavailable(
        f"the Neo4j test server needs a Java {' or '.join(map(str, SUPPORTED_JAVA))} JDK (java + javac); "
        f"set GRAPHKIT_NEO4J_JAVA_HOME or JAVA_HOME{found}")


def _java_major(java: str) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2)) if major == 1 and m.group(2) else major


def build(tools: Toolchain | None = None) -> str:
    """Resolve the classpath (Maven, cached) and compile the launcher; return the full classpath."""
    tools = tools or find_toolchain()
    TARGET.mkdir(parents=True, exist_ok=True)
    with open(TARGET / ".build.lock", "w") as lock:  # two pytest sessions may build at once
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _stale(CLASSPATH_FILE, [POM]) or not _jars_present():
            if not tools.mvn:
                raise Neo4jServerUnavailable(
                    "the Neo4j test server needs Maven to fetch its jars: `mvn` is not on PATH "
                    "(install it, e.g. `apt-get install maven`)")
            _run([tools.mvn, "-q", "-B", "-f", str(POM), "dependency:build-classpath",
                  f"-Dmdep.outputFile={CLASSPATH_FILE}"], "Maven could not resolve the Neo4j jars",
                 env={**os.environ, "JAVA_HOME": str(Path(tools.java).parent.parent)})
        jars = CLASSPATH_FILE.read_text().strip()
        launcher = CLASSES / MAIN_CLASS.replace(".", "/")
        if _stale(launcher.with_suffix(".class"), [SOURCE, CLASSPATH_FILE]):
            CLASSES.mkdir(parents=True, exist_ok=True)
            _run([tools.javac, "--release", "17", "-d", str(CLASSES), "-cp", jars, str(SOURCE)],
                 "javac could not compile the launcher")
    return f"{CLASSES}{os.pathsep}{jars}"


def _stale(output: Path, inputs: list[Path]) -> bool:
    return not output.exists() or any(i.stat().st_mtime > output.stat().st_mtime for i in inputs)


def _jars_present() -> bool:
    if not CLASSPATH_FILE.exists():
        return False
    return all(Path(j).exists() for j in CLASSPATH_FILE.read_text().strip().split(os.pathsep) if j)


def _run(cmd: list[str], what: str, env: dict[str, str] | None = None) -> None:
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise Neo4jServerUnavailable(f"{what} (exit {proc.returncode}): {' '.join(cmd[:4])} ...\n{tail}")


HOME_PREFIX = "graphkit-neo4j-"


def sweep_stale_homes(max_age_without_pids: float = 3600.0) -> None:
    """Delete data directories left by servers whose Python parent was killed (SIGKILL leaves no
    time to clean up; the JVM itself stops when its parent's pipe closes)."""
    for home in Path(tempfile.gettempdir()).glob(HOME_PREFIX + "*"):
        try:
            pids = [int(p) for p in (home / "pids").read_text().split()]
        except (OSError, ValueError):
            pids = []
            try:
                if time.time() - home.stat().st_mtime < max_age_without_pids:
                    continue  # being set up right now, perhaps
            except OSError:
                continue
        if not any(_alive(pid) for pid in pids):
            shutil.rmtree(home, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Neo4jTestServer:
    """Neo4j on a free loopback port with a temporary data directory; stopped on exit.

    >>> with Neo4jTestServer() as server:          # doctest: +SKIP
    ...     print(server.uri, server.user, server.password)
    """

    def __init__(self, user: str = DEFAULT_USER, password: str = DEFAULT_PASSWORD, port: int = 0,
                 startup_timeout: float = 180.0, home: Path | None = None):
        if user != DEFAULT_USER:
            raise ValueError(f"user: the test server only has the built-in user {DEFAULT_USER!r}")
        self.user, self.password, self.port = user, password, port
        self.startup_timeout = startup_timeout
        self.home: Path | None = None
        self.keep_home = home  # a data directory to reuse and keep (to restart on the same data)
        self.process: subprocess.Popen[bytes] | None = None
        self.bound_port: int | None = None
        self.startup_seconds: float | None = None

    @property
    def uri(self) -> str:
        if self.bound_port is None:
            raise RuntimeError("the Neo4j test server is not running")
        return f"bolt://127.0.0.1:{self.bound_port}"

    def start(self) -> "Neo4jTestServer":
        tools = find_toolchain()
        classpath = build(tools)
        java = tools.java
        began = time.monotonic()
        sweep_stale_homes()
        if self.keep_home is not None:
            self.home = Path(self.keep_home)
            self.home.mkdir(parents=True, exist_ok=True)
        else:
            self.home = Path(tempfile.mkdtemp(prefix=HOME_PREFIX))
        ready = self.home / "ready"
        ready.unlink(missing_ok=True)
        log = open(self.home / "launcher.log", "wb")
        env = {**os.environ, "GRAPHKIT_NEO4J_PASSWORD": self.password}
        # stdin stays an open pipe: when this process dies, the JVM reads end-of-file and stops.
        command = [java, *JVM_OPTIONS, *os.environ.get("GRAPHKIT_NEO4J_JVM_OPTS", "").split(),
                   "-cp", classpath, MAIN_CLASS, str(self.home / "dbms"), str(ready), str(self.port)]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT,
                                        env=env, start_new_session=True)
        log.close()
        (self.home / "pids").write_text(f"{os.getpid()} {self.process.pid}\n")
        atexit.register(self.stop)
        deadline = began + self.startup_timeout
        while not ready.exists():
            if self.process.poll() is not None:
                self._fail(f"the JVM exited with code {self.process.returncode} during start-up")
            if time.monotonic() > deadline:
                self._fail(f"no Bolt port after {self.startup_timeout:.0f} s")
            time.sleep(0.1)
        self.bound_port = int(ready.read_text().strip().split("=", 1)[1])
        self._wait_for_bolt(deadline)
        self.startup_seconds = time.monotonic() - began
        return self

    def _wait_for_bolt(self, deadline: float) -> None:
        import neo4j  # the graphkit dependency; imported late so `build` works without it

        while True:
            try:
                with neo4j.GraphDatabase.driver(self.uri, auth=(self.user, self.password)) as driver:
                    driver.verify_connectivity()
                return
            except Exception as exc:  # ServiceUnavailable while Bolt warms up
                if (isinstance(exc, neo4j.exceptions.AuthError) or time.monotonic() > deadline
                        or (self.process and self.process.poll() is not None)):
                    self._fail(f"Bolt at {self.uri} does not answer ({type(exc).__name__}: {exc})")
                time.sleep(0.2)

    def _fail(self, why: str) -> None:
        log = self.home / "launcher.log" if self.home else None
        tail = ""
        if log and log.exists():
            tail = "\n".join(log.read_text(errors="replace").strip().splitlines()[-20:])
        self.stop()
        raise Neo4jServerUnavailable(f"Neo4j test server: {why}\n{tail}".rstrip())

    def stop(self) -> None:
        """Stop the JVM (SIGTERM, then SIGKILL after 30 s) and delete the data directory."""
        proc, self.process = self.process, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc is not None and proc.stdin:
            proc.stdin.close()
        self.bound_port = None
        if self.home is not None and self.keep_home is None:
            shutil.rmtree(self.home, ignore_errors=True)
        self.home = None

    def kill(self) -> None:
        """SIGKILL the JVM, as a crash or a pulled plug would; the data directory stays."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def memory_mib(self) -> float | None:
        """Resident memory of the JVM (Linux), for reports."""
        if self.process is None:
            return None
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        m = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        return int(m.group(1)) / 1024 if m else None

    def __enter__(self) -> "Neo4jTestServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run a throw-away Neo4j test server until Ctrl-C or SIGTERM.")
    parser.add_argument("--port", type=int, default=0, help="Bolt port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--password", default=DEFAULT_PASSWORD, help="password of user neo4j (min. 8 chars)")
    parser.add_argument("--prepare", "--build-only", dest="prepare", action="store_true",
                        help="fetch the jars (Maven) and compile the launcher, then exit; for install scripts")
    args = parser.parse_args(argv)
    try:
        if args.prepare:
            build()
            print(f"classpath cached in {CLASSPATH_FILE}")
            return 0
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(sig, lambda *_: stop.set())
        with Neo4jTestServer(password=args.password, port=args.port) as server:
            print(f"BOLT_URI={server.uri}")
            print(f"NEO4J_USERNAME={server.user}")
            print(f"NEO4J_PASSWORD={server.password}")
            print(f"# started in {server.startup_seconds:.1f} s, {server.memory_mib() or 0:.0f} MiB resident; "
                  "Ctrl-C or SIGTERM stops it", flush=True)
            while not stop.wait(0.5):
                if server.process is None or server.process.poll() is not None:
                    print("the Neo4j JVM exited", file=sys.stderr)
                    return 1
        return 0
    except Neo4jServerUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
