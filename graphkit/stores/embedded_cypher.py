"""Neo4j-flavoured Cypher on a NetworkX MultiDiGraph, through grand-cypher.

grand-cypher parses a dialect: double-quoted strings only, upper-case aggregates, no `$params`,
no `count(*)`, no `labels()`. Users write Cypher as they would for Neo4j, so this module rewrites
those forms token by token (never inside string literals), refuses writes, and turns anything the
engine cannot run into one clear UnsupportedQuery naming the construct.
"""
from __future__ import annotations

import json
import re
from typing import Any

import networkx as nx
from grandcypher import GrandCypher
from lark.exceptions import LarkError

from graphkit.stores.base import QueryResult, StoreError, UnsupportedQuery

NEO4J_HINT = "the Neo4j backend (--neo4j URI) runs full Cypher"

_TOKEN = re.compile(r"""
    (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<comment>//[^\n]*)
  | (?P<param>\$[A-Za-z_][A-Za-z0-9_]*)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<space>\s+)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

_WRITE_WORDS = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH"}
_UNSUPPORTED_WORDS = {
    "OPTIONAL": "OPTIONAL MATCH", "WITH": "WITH", "UNWIND": "UNWIND", "UNION": "UNION",
    "CALL": "CALL", "CASE": "CASE", "SHORTESTPATH": "shortestPath()",
    "ALLSHORTESTPATHS": "allShortestPaths()", "REDUCE": "reduce()", "LOAD": "LOAD CSV",
    "EXISTS": "EXISTS", "NODES": "nodes()", "LENGTH": "length()",
}
_AGGREGATES = {"COUNT", "SUM", "AVG", "MIN", "MAX", "COLLECT"}


def _tokens(cypher: str) -> list[tuple[str, str]]:
    """Tokens outside comments: a `// with ...` comment is not a WITH clause."""
    return [(m.lastgroup or "other", m.group()) for m in _TOKEN.finditer(cypher) if m.lastgroup != "comment"]


def _literal(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(name, v) for v in value) + "]"
    raise StoreError(f"parameter ${name}: values of type {type(value).__name__} are not supported")


def translate(cypher: str, params: dict[str, Any] | None = None) -> str:
    """Rewrite Neo4j Cypher into grand-cypher's dialect, or raise UnsupportedQuery / StoreError."""
    params = params or {}
    toks = _tokens(cypher.strip().rstrip(";"))
    words = [t for kind, t in toks if kind == "word"]
    upper = [w.upper() for w in words]
    for word in upper:
        if word in _WRITE_WORDS:
            raise UnsupportedQuery(f"the embedded store is read-only: {word} is a write; "
                                   f"writes are not supported by the embedded engine ({NEO4J_HINT})")
        if word in _UNSUPPORTED_WORDS:
            raise UnsupportedQuery(f"unsupported by the embedded engine: {_UNSUPPORTED_WORDS[word]}; {NEO4J_HINT}")
    # Undirected patterns such as (a)-[r]-(b) silently match nothing in grand-cypher: refuse them.
    text = "".join(t for kind, t in toks if kind != "space")
    if re.search(r"(?<![<])-(\[[^\]]*\])?-(?!>)", re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'', '""', text)):
        raise UnsupportedQuery(f"unsupported by the embedded engine: an undirected relationship pattern "
                               f"(a)-[r]-(b); give it a direction, or note that {NEO4J_HINT}")
    first_var = _first_variable(toks)
    out: list[str] = []
    i = 0
    while i < len(toks):
        kind, tok = toks[i]
        nxt = _next_significant(toks, i)
        if kind == "string" and tok.startswith("'"):
            out.append(json.dumps(_unquote(tok), ensure_ascii=False))
        elif kind == "param":
            name = tok[1:]
            if name not in params:
                raise StoreError(f"query uses ${name} but no --param {name}=... was given")
            out.append(_literal(name, params[name]))
        elif kind == "word" and tok.upper() in _AGGREGATES and nxt == "(":
            j = _skip_to(toks, i, "(")
            if _next_significant(toks, j) == "*":
                if first_var is None:
                    raise UnsupportedQuery(f"unsupported by the embedded engine: count(*) without a named "
                                           f"node variable; {NEO4J_HINT}")
                k = _skip_to(toks, j + 1, "*")
                out.append(f"{tok.upper()}({first_var}")
                i = k + 1
                continue
            out.append(tok.upper())
        elif kind == "word" and tok.lower() == "labels" and nxt == "(":
            j = _skip_to(toks, i, "(")
            var_i = _skip_space(toks, j + 1)
            close = _skip_space(toks, var_i + 1)
            if toks[var_i][0] != "word" or toks[close][1] != ")":
                raise UnsupportedQuery(f"unsupported by the embedded engine: labels() of an expression; {NEO4J_HINT}")
            out.append(f"{toks[var_i][1]}._labels")
            i = close + 1
            continue
        else:
            out.append(tok)
        i += 1
    return "".join(out)


def run_query(graph: nx.MultiDiGraph, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run Cypher on the graph and return rows keyed by the columns as the user wrote them."""
    translated = translate(cypher, params)
    try:
        raw = _run(graph, translated)
    except TypeError as exc:
        # grand-cypher sorts with Python's `<`, which fails when some rows lack the property
        # ("ORDER BY s.date" with undated summits): sort those rows here, the way Neo4j does.
        ordered = _ordered_without_grand_cypher(graph, cypher, translated)
        if ordered is None:
            raise _engine_failure(exc) from None
        return ordered
    except UnsupportedQuery:
        raise
    except Exception as exc:  # grand-cypher raises bare exceptions for constructs it lacks
        raise _engine_failure(exc) from None
    return _result(cypher, translated, raw)


def _run(graph: nx.MultiDiGraph, translated: str) -> dict:
    try:
        return GrandCypher(graph).run(translated)
    except LarkError as exc:
        near = getattr(exc, "token", None) or getattr(exc, "char", None) or str(exc).splitlines()[0]
        raise UnsupportedQuery(f"cannot parse or run this Cypher in the embedded engine near {str(near)!r}; "
                               f"{NEO4J_HINT}") from None


def _engine_failure(exc: Exception) -> UnsupportedQuery:
    return UnsupportedQuery(f"the embedded engine failed on this query ({type(exc).__name__}: "
                            f"{str(exc).splitlines()[0] if str(exc) else 'no detail'}); {NEO4J_HINT}")


def _result(cypher: str, translated: str, raw: dict) -> QueryResult:
    originals = _return_items(_tokens(cypher.strip().rstrip(";")))
    rewritten = _return_items(_tokens(translated))
    keys = {str(k): k for k in raw}
    columns: list[str] = []
    lists: list[list[Any]] = []
    for orig, new in zip(originals, rewritten):
        name, alias = orig
        key = alias or _squash(new[0])
        match = next((keys[k] for k in keys if _squash(k) == _squash(key)), None)
        if match is None:
            raise UnsupportedQuery(f"the embedded engine returned no column for {name!r}; {NEO4J_HINT}")
        columns.append(alias or name)
        lists.append(list(raw[match]))
    rows = [dict(zip(columns, (_plain(v) for v in values))) for values in zip(*lists)] if lists else []
    return QueryResult(columns=columns, rows=rows)


_ORDER_TAIL = re.compile(r"\s+ORDER\s+BY\s+(?P<keys>.+?)(?:\s+SKIP\s+(?P<skip>\d+))?(?:\s+LIMIT\s+(?P<limit>\d+))?\s*;?\s*$",
                         re.IGNORECASE | re.DOTALL)
_DIRECTION = re.compile(r"^(?P<expr>.+?)(?:\s+(?P<dir>ASC|ASCENDING|DESC|DESCENDING))?$", re.IGNORECASE | re.DOTALL)


def _ordered_without_grand_cypher(graph: nx.MultiDiGraph, cypher: str, translated: str) -> QueryResult | None:
    """The query without its ORDER BY / SKIP / LIMIT, then sorted here with Neo4j's null order
    (nulls last ascending, first descending); None when a sort key is not a returned column."""
    tail, original_tail = _ORDER_TAIL.search(translated), _ORDER_TAIL.search(cypher)
    if tail is None or original_tail is None:
        return None
    result = _result(cypher[:original_tail.start()], translated[:tail.start()], _run(graph, translated[:tail.start()]))
    by_text: dict[str, str] = {}
    for (name, alias), column in zip(_return_items(_tokens(cypher[:original_tail.start()])), result.columns):
        by_text[_squash(name)] = column
        if alias:
            by_text[_squash(alias)] = column
    sort_keys = []
    for part in _split_top_level(original_tail.group("keys")):
        m = _DIRECTION.match(part.strip())
        column = by_text.get(_squash(m.group("expr"))) if m else None
        if column is None:
            return None
        sort_keys.append((column, (m.group("dir") or "").upper().startswith("DESC")))
    rows = list(result.rows)
    for column, descending in reversed(sort_keys):  # stable sorts, last key first
        rows.sort(key=lambda row: _neo4j_order(row.get(column)), reverse=descending)
    skip = int(original_tail.group("skip") or 0)
    limit = original_tail.group("limit")
    rows = rows[skip:skip + int(limit) if limit is not None else None]
    return QueryResult(columns=result.columns, rows=rows)


def _neo4j_order(value: Any) -> tuple:
    """A sort key: null (or NaN) after every value; values of different types never compared."""
    if value is None or isinstance(value, float) and value != value:
        return (1,)
    if isinstance(value, bool):
        return (0, 2, value)
    if isinstance(value, (int, float)):
        return (0, 1, value)
    if isinstance(value, str):
        return (0, 0, value)
    return (0, 3, str(value))


def _split_top_level(text: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _plain(value: Any) -> Any:
    """Neo4j-like values: sets become sorted lists, node/edge dicts lose internal keys."""
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, dict):
        if value and all(isinstance(k, tuple) or isinstance(k, int) for k in value):
            # multigraph edge attributes keyed by edge key: one relationship per key
            values = list(value.values())
            return _plain(values[0]) if len(values) == 1 else [_plain(v) for v in values]
        return {k: _plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", str(text)).lower()


def _return_items(toks: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """(item text, alias) for each RETURN item, split on top-level commas."""
    start = next((i for i, (k, t) in enumerate(toks) if k == "word" and t.upper() == "RETURN"), None)
    if start is None:
        return []
    items: list[list[str]] = [[]]
    depth = 0
    for kind, tok in toks[start + 1:]:
        if kind == "word" and depth == 0 and tok.upper() in {"ORDER", "SKIP", "LIMIT"}:
            break
        if kind == "word" and tok.upper() == "DISTINCT" and not "".join(items[0]).strip():
            continue
        if tok in "([{":
            depth += 1
        elif tok in ")]}":
            depth -= 1
        if tok == "," and depth == 0:
            items.append([])
            continue
        items[-1].append(tok)
    result = []
    for item in items:
        text = "".join(item).strip()
        m = re.match(r"^(.*?)\s+AS\s+([A-Za-z_][A-Za-z0-9_]*)$", text, re.IGNORECASE | re.DOTALL)
        result.append((m.group(1).strip(), m.group(2)) if m else (text, None))
    return result


def _first_variable(toks: list[tuple[str, str]]) -> str | None:
    text = "".join(t for _, t in toks)
    m = re.search(r"\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*[:){]", text)
    return m.group(1) if m else None


def _next_significant(toks: list[tuple[str, str]], i: int) -> str | None:
    j = _skip_space(toks, i + 1)
    return toks[j][1] if j < len(toks) else None


def _skip_space(toks: list[tuple[str, str]], i: int) -> int:
    while i < len(toks) and toks[i][0] == "space":
        i += 1
    return min(i, len(toks) - 1) if toks else 0


def _skip_to(toks: list[tuple[str, str]], i: int, char: str) -> int:
    while i < len(toks) and toks[i][1] != char:
        i += 1
    return i


def _unquote(token: str) -> str:
    body = token[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)
