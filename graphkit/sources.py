"""Reading articles: .txt/.md, .html/.htm pages, .json/.jsonl records and stdin, into Article models.

Every failure is an ArticleError whose message names the input and the problem, so the CLI can
print one line per bad file (or bad record) and carry on with the others. Input that is read with
a caveat (text that is not UTF-8) is passed to `on_warning(where, message)` and read anyway.

Limits, chosen so that one odd input cannot exhaust memory or time:

* an article's text is at most MAX_ARTICLE_CHARS (500,000) characters, several times the longest
  news feature; spaCy needs about 30 s and 1.5 GB to parse one that long. A longer article is
  refused, not truncated (a cut article would give half its facts with no sign of it); a file far
  larger (a 50 MB text file) is refused from its size alone, without reading it. Split such a file
  into articles, e.g. one .jsonl record each.
* an HTML page is at most MAX_HTML_BYTES (10 MB) of markup; a .json file at most MAX_JSON_BYTES
  (64 MB), since it is parsed whole; a .jsonl file is streamed, so only each line is limited
  (MAX_RECORD_BYTES).

>>> article_from_text("Macron met Zelenskyy in Paris.", "a.txt", date="2025-03-02").date
'2025-03-02'
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import re
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from graphkit.furniture import strip_furniture_html, strip_furniture_text
from graphkit.model import Article

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
STDIN = "-"  # the path that means: one article on standard input
STDIN_SOURCE = "stdin"  # its source: not a place that can be read again, so it never retires an article
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_", "ocid", "cmpid")

MAX_ARTICLE_CHARS = 500_000
MAX_TEXT_BYTES = 4 * MAX_ARTICLE_CHARS  # a UTF-8 file larger than this cannot be short enough
MAX_HTML_BYTES = 10_000_000
MAX_JSON_BYTES = 64_000_000
MAX_RECORD_BYTES = MAX_TEXT_BYTES + 1_000_000
MAX_LINE_CHARS = 100_000  # a paragraph this long is not prose (minified data, a run-on dump): not parsed
MAX_JSON_DEPTH = 64  # nesting levels in a .json/.jsonl record; articles need three or four

# The fields a .json/.jsonl record may use; the first one present wins.
TEXT_FIELDS = ("text", "content", "body")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
DATE_FIELDS = ("date", "published", "published_at")

Warn = Callable[[str, str], None]  # (where, message naming the input)
OnError = Callable[[str, str], None]  # (where, message naming the input and the problem)

_URL_LINE = re.compile(r"^\s*(?:source|url|link|original(?:ly)? published at)\s*:\s*(https?://\S+)\s*$",
                       re.IGNORECASE | re.MULTILINE)
_DATE_ONLY_LINE = re.compile(r"^\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}\s+)?"
                             r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
                             r"[^\n]{0,30}$|^\s*\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}[^\n]{0,30}$",
                             re.IGNORECASE)
_DATELINE_START = re.compile(r"^\s*[A-Z][A-Z'’.\- ]{2,},")  # "KUALA LUMPUR," / "SHARM EL-SHEIKH, Egypt,"
_DATELINE_END = re.compile(r"\s[—–-]\s|\(|—|–")
_DATE_LINE = re.compile(r"^\s*(?:date|published|updated|posted)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)")
_URL_DATE_COMPACT = re.compile(r"/(20\d\d)(\d\d)(\d\d)(?:/|-|$)")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SLASH_DATE = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\x0b\x1b") + b"\x7f"


class ArticleError(Exception):
    """An input that cannot be read as an article; the message names it and says why."""


def iter_article_paths(paths: list[str | Path]) -> Iterator[Path]:
    """Files given directly, and every article file under the folders given, in a stable order.

    `-` passes through (it means standard input); hidden files and folders are skipped. A folder
    that cannot be listed (permission denied) is given as itself, so that reading it says why."""
    for raw in paths:
        if str(raw) == STDIN:
            yield Path(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            found: list[Path] = []
            unlisted: list[Path] = []
            for folder, dirs, files in os.walk(path, onerror=lambda exc: unlisted.append(Path(exc.filename))):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [Path(folder, f) for f in files
                          if not f.startswith(".") and Path(f).suffix.lower() in ARTICLE_SUFFIXES]
            # FIFOs, sockets, devices and symlink loops are given too, so that reading them says why
            # they are skipped (a FIFO is never opened for reading, which would wait forever).
            yield from sorted(unlisted + found)
        elif path.exists():
            yield path
        elif path.is_symlink():
            raise ArticleError(f"{path}: broken symbolic link")
        else:
            raise ArticleError(f"{path}: no such file or folder")


def iter_articles(path: str | Path, on_error: OnError | None = None,
                  on_warning: Warn | None = None) -> Iterator[Article]:
    """Every article in one input: one for a text or HTML file and for stdin, one per record
    for .json/.jsonl. A bad record is passed to `on_error(where, message)` and skipped, so the
    others are still read; without `on_error` it raises. A file that cannot be read at all raises."""
    path = Path(path)
    if str(path) == STDIN:
        yield read_stdin(on_warning=on_warning)
        return
    if path.is_dir():
        try:
            os.scandir(path).close()
        except OSError as exc:
            raise ArticleError(f"{path}: cannot list the folder ({exc.strerror or exc})") from None
        raise ArticleError(f"{path}: a folder, not an article file")
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise ArticleError(f"{path}: unsupported file type {path.suffix or '(none)'!r}; "
                           f"expected one of {', '.join(sorted(ARTICLE_SUFFIXES))}")
    _check_regular(path)
    if suffix == ".jsonl":
        yield from _read_jsonl(path, on_error, on_warning)
    elif suffix == ".json":
        yield from _read_json(path, on_error, on_warning)
    else:
        yield read_article(path, on_warning=on_warning)


def read_article(path: str | Path, on_warning: Warn | None = None) -> Article:
    """One article file (.txt, .md, .html, .htm) as an Article (id = file name), with title, URL
    and date from the page's metadata or the text's own lines."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        articles = list(iter_articles(path, on_warning=on_warning))
        if len(articles) != 1:
            raise ArticleError(f"{path}: holds {len(articles)} records, not one article")
        return articles[0]
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise ArticleError(f"{path}: unsupported file type {path.suffix or '(none)'!r}; "
                           f"expected one of {', '.join(sorted(ARTICLE_SUFFIXES))}")
    is_html = suffix in HTML_SUFFIXES
    data = _read_bytes(path, MAX_HTML_BYTES if is_html else MAX_TEXT_BYTES)
    if is_html:
        return article_from_html(data, path=str(path), source=source_of(path), on_warning=on_warning)
    text = decode_text(str(path), data, on_warning)
    return article_from_text(text, path=str(path), source=source_of(path))


def read_stdin(stream: IO[bytes] | None = None, on_warning: Warn | None = None) -> Article:
    """One article from standard input: an HTML page when it looks like one, else text. Its id
    comes from its content like any other's, so two different texts piped in are two articles."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read(MAX_HTML_BYTES + 1)
    if len(data) > MAX_HTML_BYTES:
        raise ArticleError(f"stdin: too large (over {_size(MAX_HTML_BYTES)}); "
                           f"graphkit reads articles of up to {MAX_ARTICLE_CHARS:,} characters")
    if _looks_like_html(data):
        return article_from_html(data, source=STDIN_SOURCE, on_warning=on_warning)
    return article_from_text(decode_text("stdin", data, on_warning), source=STDIN_SOURCE)


def article_from_text(text: str, article_id: str | None = None, path: str | None = None,
                      title: str | None = None, url: str | None = None, date: str | None = None,
                      source: str | None = None) -> Article:
    """An Article from raw text, filling title/url/date from the text where not given. Without an
    explicit `article_id` the id comes from the content (see `article_id_for`); `source` is where
    it was read (a resolved path, `path#record`, or stdin)."""
    where = path or article_id or source or "article"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{where}: empty article (no text)")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(f"{where}: too large ({len(text):,} characters); graphkit reads articles of up to "
                           f"{MAX_ARTICLE_CHARS:,} characters: split it into articles (e.g. one .jsonl record each)")
    url = url or _first_group(_URL_LINE, text)
    date = date or _date_from_lines(text) or (date_from_url(url) if url else None)
    title = title or _title_line(text)
    return Article(id=article_id or article_id_for(text, url), text=text, title=title, url=url, date=date,
                   path=path, sources=[source] if source else [],
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def article_id_for(text: str, url: str | None = None) -> str:
    """An article's id from its content and provenance, never from a file name: its canonical
    URL when known, else its normalised text. Two files with one name are two articles; one
    text under two names (or piped twice) is one article.

    >>> article_id_for("Macron  met Starmer.\n") == article_id_for("Macron met Starmer.")
    True
    """
    key = f"url {canonical_url(url)}" if url and canonical_url(url) else f"text {_normalised(text)}"
    return "art-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def overlong_lines(text: str) -> list[tuple[int, int]]:
    """(line number, length) of each line over MAX_LINE_CHARS characters."""
    if len(text) <= MAX_LINE_CHARS:
        return []
    return [(n, len(line)) for n, line in enumerate(text.split("\n"), start=1) if len(line) > MAX_LINE_CHARS]


def prose_of(text: str) -> str:
    """The text the parser reads: over-long lines blanked (same length, so every character offset
    still points into the article), so one giant line costs seconds, not minutes."""
    if not overlong_lines(text):
        return text
    return "\n".join(" " * len(line) if len(line) > MAX_LINE_CHARS else line for line in text.split("\n"))


def canonical_url(url: str) -> str:
    """The URL that names a page whatever the link it was reached by: scheme and host in lower
    case, no fragment, no tracking parameters, no trailing slash; "" if it is not an http(s) URL."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith(_TRACKING_PARAMS)])
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("https", host, parts.path.rstrip("/") or "/", query, ""))


def source_of(path: str | Path, record: str | None = None) -> str:
    """Where an article was read, as stored in its `sources`: the resolved path (so two files
    with one name differ, and one file named two ways is the same), plus `#record` for a record."""
    try:
        resolved = str(Path(path).resolve())
    except (OSError, RuntimeError):  # a symlink loop: keep the path as given
        resolved = os.path.abspath(path)
    return f"{resolved}#{record}" if record else resolved


def _normalised(text: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).split())


def article_from_html(html: bytes | str, article_id: str | None = None, path: str | None = None,
                      url: str | None = None, on_warning: Warn | None = None,
                      source: str | None = None) -> Article:
    """An Article from a web page: the main text, title, date and canonical URL as trafilatura
    finds them (boilerplate such as menus and footers left out), without the furniture inside
    the article body (see graphkit.furniture). Plain text is taken as given."""
    import trafilatura  # local: it pulls in lxml and htmldate, not needed for plain text

    where = path or article_id or source or "page"
    if isinstance(html, bytes):
        html = _decode_html(where, html, on_warning)
    if not html.strip():
        raise ArticleError(f"{where}: empty article (no text)")
    html = strip_furniture_html(html)  # teasers, embedded posts, captions, author boxes: not the article
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = doc.text if doc is not None and doc.text else None
    if not text:  # a page too short for trafilatura's article heuristics: take all of its visible text
        text = trafilatura.html2txt(html) or ""
    text = strip_furniture_text(text)
    if not text.strip():
        raise ArticleError(f"{where}: no article text found in the HTML page")
    page_url = url or (doc.url if doc is not None else None) or None
    page_date = normalize_date(doc.date) if doc is not None and doc.date else None
    return article_from_text(text, article_id=article_id, path=path, source=source,
                             title=(doc.title if doc is not None else None) or None,
                             url=page_url, date=page_date or (date_from_url(page_url) if page_url else None))


def article_from_record(record: Any, label: str, where: str, on_warning: Warn | None = None,
                        path: str | None = None) -> Article:
    """An Article from one JSON record: text from "text" / "content" / "body" (or an "html" page),
    "title", "url" / "link", "date" / "published" / "published_at". Its id comes from its URL or
    text like any article's; the record's own "id" (else `label`, its position in the file) only
    names where it was read, in its `sources`."""
    if not isinstance(record, dict):
        raise ArticleError(f"{where}: expected an object with a \"text\" field, got {_json_type(record)}")
    raw_id = record.get("id")
    own = str(raw_id).strip() if raw_id not in (None, "") and not isinstance(raw_id, (dict, list)) else ""
    record_name = own or label.rsplit("#", 1)[-1]
    source = source_of(path, record_name) if path else (own or label)
    article_id = None
    text = _field(record, TEXT_FIELDS, where)
    title = _field(record, TITLE_FIELDS, where)
    url = _field(record, URL_FIELDS, where)
    raw_date = next((record[k] for k in DATE_FIELDS if record.get(k) not in (None, "")), None)
    date = normalize_date(raw_date) if raw_date is not None else None
    if raw_date is not None and date is None and on_warning:
        on_warning(where, f"{where}: date {raw_date!r} not understood; ignored")
    if text is None and isinstance(record.get("html"), str):
        return article_from_html(record["html"], article_id=article_id, path=path, url=url,
                                 on_warning=on_warning, source=source).model_copy(
            update={k: v for k, v in {"title": title, "date": date}.items() if v})
    if text is None:
        raise ArticleError(f"{where}: no text (expected a \"text\", \"content\" or \"body\" field)")
    try:
        return article_from_text(text, article_id=article_id, path=path, title=title, url=url, date=date,
                                 source=source)
    except ArticleError as exc:  # name the record, not only the file
        raise ArticleError(str(exc).replace(f"{path or source}:", f"{where}:", 1)) from None


def normalize_date(value: Any) -> str | None:
    """A date given in metadata as ISO (YYYY-MM-DD, or YYYY-MM or YYYY), an ISO timestamp,
    "March 2, 2025", "Sun, 02 Mar 2025 10:00:00 GMT", 2025/03/02 or Unix seconds; None if not."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value  # milliseconds, as JavaScript gives them
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    value = value.strip()
    if _ISO_DATE.match(value):
        return value
    m = _SLASH_DATE.match(value)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
    from graphkit.dates import parse_date  # local: keeps start-up light for plain reads

    parsed = parse_date(value)
    return parsed if parsed and _ISO_DATE.match(parsed) else None


def date_from_url(url: str) -> str | None:
    """News URLs often carry the publication date: /2025/3/3/ or /2025-03-03/ or /20250303/."""
    for pattern in (_URL_DATE, _URL_DATE_COMPACT):
        m = pattern.search(url)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def decode_text(where: str, data: bytes, on_warning: Warn | None = None) -> str:
    """Bytes as text: UTF-8 (or UTF-16 with its byte-order mark). Text that is not UTF-8 is read
    anyway, with a warning: as UTF-8 with the bad bytes replaced when it is mostly UTF-8, else as
    Windows-1252 (the usual encoding of older English-language pages). Binary data is refused."""
    if not data.strip():
        raise ArticleError(f"{where}: empty article (no text)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{where}: invalid UTF-16 text (at byte {exc.start})") from None
    if _looks_binary(data):
        raise ArticleError(f"{where}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lossy = data.decode("utf-8-sig", errors="replace")
    bad = lossy.count("\ufffd")
    good_multibyte = sum(1 for ch in lossy if ord(ch) > 0x7F) - bad
    if good_multibyte >= bad:
        _warn(on_warning, where, f"{where}: not valid UTF-8 (first bad byte at offset {first_bad}); "
                                 f"{bad} undecodable byte sequence(s) replaced with U+FFFD")
        return lossy
    _warn(on_warning, where, f"{where}: not UTF-8 (first bad byte at offset {first_bad}); "
                             "read as Windows-1252 (cp1252)")
    return data.decode("cp1252", errors="replace")


# -- internals -----------------------------------------------------------------------------------

def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing (from its size alone) one larger than `limit`."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleError(f"{path}: too large ({_size(size)}; the limit is {_size(limit)}, articles of up to "
                               f"{MAX_ARTICLE_CHARS:,} characters): split it into articles "
                               "(e.g. one .jsonl record each)")
        with _open_regular(path) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:  # grew since stat, or a special file
        raise ArticleError(f"{path}: too large (over {_size(limit)})")
    if not data.strip():
        raise ArticleError(f"{path}: empty file")
    return data


def _read_json(path: Path, on_error: OnError | None, on_warning: Warn | None) -> Iterator[Article]:
    data = _read_bytes(path, MAX_JSON_BYTES)
    text = decode_text(str(path), data, on_warning)
    try:
        doc = _json_within_limits(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})") from None
    except _TooDeep:
        doc = None
    if doc is None:  # nested too deep somewhere: read the list's records one by one, so only bad ones fail
        yield from _read_json_records_apart(path, text, on_error, on_warning)
        return
    if not isinstance(doc, (list, dict)):
        raise ArticleError(f"{path}: expected an object or a list of objects, got {_json_type(doc)}")
    records = doc if isinstance(doc, list) else [doc]
    if not records:
        raise ArticleError(f"{path}: no records (an empty list)")
    for n, record in enumerate(records, start=1):
        where = f"{path}: record {n}" if isinstance(doc, list) else str(path)
        article_id = f"{path.name}#{n}"
        try:
            yield article_from_record(record, article_id, where, on_warning, path=str(path))
        except ArticleError as exc:
            if on_error is None:
                raise
            on_error(f"{path}#{n}", str(exc))


def _read_jsonl(path: Path, on_error: OnError | None, on_warning: Warn | None) -> Iterator[Article]:
    """One record per line, streamed: a huge file is never held whole, an over-long line is skipped."""
    try:
        fh = _open_regular(path)
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    found = 0
    warned: set[str] = set()

    def warn_once(where: str, message: str) -> None:  # one encoding warning per file, not per line
        key = message.split(";")[-1]
        if key not in warned and on_warning:
            warned.add(key)
            on_warning(where, message)

    with fh:
        head = fh.read(8192)
        if _looks_binary(head) and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ArticleError(f"{path}: binary file, not text")
        fh.seek(0)
        for n, line in enumerate(_lines(fh, MAX_RECORD_BYTES), start=1):
            where = f"{path}: line {n}"
            try:
                if line is not None and not line.strip():
                    continue
                found += 1
                if line is None:
                    raise ArticleError(f"{where}: record too large (over {_size(MAX_RECORD_BYTES)})")
                text = decode_text(where, line, warn_once).strip()
                try:
                    record = _json_within_limits(text)
                except json.JSONDecodeError as exc:
                    raise ArticleError(f"{where}: invalid JSON at column {exc.colno} ({exc.msg})") from None
                except _TooDeep:
                    raise ArticleError(f"{where}: JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
                yield article_from_record(record, f"{path.name}#{n}", where, on_warning, path=str(path))
            except ArticleError as exc:
                if on_error is None:
                    raise
                on_error(f"{path}#{n}", str(exc))
    if not found:
        raise ArticleError(f"{path}: empty file (no records)")


class _TooDeep(Exception):
    """JSON nested deeper than MAX_JSON_DEPTH (or than Python's parser can follow)."""


def _json_within_limits(text: str) -> Any:
    """json.loads, refusing documents nested deeper than MAX_JSON_DEPTH: no article record needs
    more than a few levels, and a very deep one exhausts the parser's recursion."""
    try:
        doc = json.loads(text)
    except RecursionError:
        raise _TooDeep() from None
    stack = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise _TooDeep()
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return doc


def _read_json_records_apart(path: Path, text: str, on_error: OnError | None,
                             on_warning: Warn | None) -> Iterator[Article]:
    """A .json document nested too deep somewhere: each record of its top-level list parsed on its
    own, so a deep one fails alone (naming it) and the others are read."""
    spans = _top_level_items(text)
    if spans is None:
        raise ArticleError(f"{path}: JSON nested deeper than {MAX_JSON_DEPTH} levels")
    for n, (start, end) in enumerate(spans, start=1):
        where = f"{path}: record {n}"
        try:
            try:
                record = _json_within_limits(text[start:end])
            except (json.JSONDecodeError, _TooDeep):
                raise ArticleError(f"{where}: JSON nested deeper than {MAX_JSON_DEPTH} levels "
                                   "or invalid") from None
            yield article_from_record(record, f"{path.name}#{n}", where, on_warning, path=str(path))
        except ArticleError as exc:
            if on_error is None:
                raise
            on_error(f"{path}#{n}", str(exc))


def _top_level_items(text: str) -> list[tuple[int, int]] | None:
    """The character spans of the items of a top-level JSON list, found by counting brackets
    outside strings (no recursion); None if the text is not a list."""
    i = len(text) - len(text.lstrip())
    if not text.startswith("[", i):
        return None
    spans: list[tuple[int, int]] = []
    depth, start, in_string, escaped = 0, None, False, False
    for j in range(i + 1, len(text)):
        c = text[j]
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
            continue
        if c == '"':
            in_string = True
            if start is None:
                start = j
        elif c in "[{":
            if start is None:
                start = j
            depth += 1
        elif c in "]}":
            if depth == 0:  # the end of the top-level list
                if start is not None:
                    spans.append((start, j))
                return spans
            depth -= 1
        elif c == "," and depth == 0:
            if start is not None:
                spans.append((start, j))
            start = None
        elif start is None and not c.isspace():
            start = j
    return spans


def _check_regular(path: Path) -> None:
    """Refuse what is not a regular file (a FIFO would block a reader forever; a device never
    ends), and name a symbolic link that loops, before anything opens it."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ArticleError(f"{path}: symbolic link loop; skipped") from None
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(mode):
        raise ArticleError(f"{path}: not a regular file ({_file_kind(mode)}); skipped")


def _open_regular(path: Path) -> IO[bytes]:
    """Open for reading without ever blocking: O_NONBLOCK so that a FIFO swapped in after the check
    opens at once, then refused by its fstat."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ArticleError(f"{path}: not a regular file ({_file_kind(mode)}); skipped")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def _lines(fh: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Lines of at most `limit` bytes; a longer line is consumed in pieces and given as None."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line without holding it
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
        else:
            yield line


def _decode_html(where: str, data: bytes, on_warning: Warn | None) -> str:
    """A page in the charset it declares (<meta charset>), else as decode_text reads text."""
    m = _META_CHARSET.search(data[:4096])
    if m:
        charset = m.group(1).decode("ascii", errors="ignore")
        try:
            return data.decode(charset)
        except LookupError:
            pass  # an unknown charset name: fall back to the usual rules
        except UnicodeDecodeError:
            if _looks_binary(data):
                raise ArticleError(f"{where}: binary file, not text") from None
            _warn(on_warning, where, f"{where}: not valid {charset} as the page declares; "
                                     "undecodable bytes replaced with U+FFFD")
            return data.decode(charset, errors="replace")
    return decode_text(where, data, on_warning)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 KB: not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return bool(head) and controls / len(head) > 0.05


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


def _field(record: dict, names: tuple[str, ...], where: str) -> str | None:
    for name in names:
        value = record.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return "\n".join(value)  # paragraphs
        if not isinstance(value, str):
            raise ArticleError(f"{where}: field {name!r} should be a string, got {_json_type(value)}")
        return value
    return None


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _warn(on_warning: Warn | None, where: str, message: str) -> None:
    if on_warning:
        on_warning(where, message)


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def _first_group(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    return m.group(1) if m else None


def _date_from_lines(text: str) -> str | None:
    """A "Date: ..." line, else the date of a wire dateline ("KUALA LUMPUR, May 26, 2025 — ...")."""
    from graphkit.dates import parse_date  # local: keeps start-up light for plain reads

    raw = _first_group(_DATE_LINE, text)
    if raw:
        return parse_date(raw)
    for line in text.split("\n")[:8]:
        if _DATE_ONLY_LINE.match(line):  # "February 15, 2025 3:42 PM GMT+3" under the headline
            found = parse_date(line)
            if found and len(found) == 10:
                return found
        if _DATELINE_START.match(line):
            head = _DATELINE_END.split(line, maxsplit=1)[0]
            found = parse_date(head)
            if found and len(found) == 10:
                return found
    return None


def _title_line(text: str) -> str | None:
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()  # a Markdown heading is a title too
        if line:
            return line if len(line) <= 200 and not line.endswith((".", "”", '"')) else None
    return None
