"""Reading articles: files and folders of .txt/.md (more formats plug in here) into Article models.

Every failure is an ArticleError whose message names the input and the problem, so the CLI can
print one line per bad file and carry on with the others.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Iterator

from graphkit.model import Article

TEXT_SUFFIXES = {".txt", ".md"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES

_URL_LINE = re.compile(r"^\s*(?:source|url|link|original(?:ly)? published at)\s*:\s*(https?://\S+)\s*$",
                       re.IGNORECASE | re.MULTILINE)
_DATE_LINE = re.compile(r"^\s*(?:date|published|updated|posted)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_URL_DATE = re.compile(r"/(20\d\d|19\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|-)")
_URL_DATE_COMPACT = re.compile(r"/(20\d\d)(\d\d)(\d\d)(?:/|-|$)")


class ArticleError(Exception):
    """An input that cannot be read as an article; the message names it and says why."""


def iter_article_paths(paths: list[str | Path]) -> Iterator[Path]:
    """Files given directly, and every article file under the folders given, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                              and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            yield path
        else:
            raise ArticleError(f"{path}: no such file or folder")


def read_article(path: str | Path) -> Article:
    """One file as an Article (id = file name), with title, URL and date when the text gives them."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise ArticleError(f"{path}: unsupported file type {path.suffix or '(none)'!r}; "
                           f"expected one of {', '.join(sorted(ARTICLE_SUFFIXES))}")
    return article_from_text(_decode(path, data), article_id=path.name, path=str(path))


def article_from_text(text: str, article_id: str, path: str | None = None,
                      title: str | None = None, url: str | None = None, date: str | None = None) -> Article:
    """An Article from raw text, filling title/url/date from the text where not given."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{path or article_id}: empty article (no text)")
    url = url or _first_group(_URL_LINE, text)
    date = date or _date_from_lines(text) or (date_from_url(url) if url else None)
    title = title or _title_line(text)
    return Article(id=article_id, text=text, title=title, url=url, date=date, path=path,
                   sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def date_from_url(url: str) -> str | None:
    """News URLs often carry the publication date: /2025/3/3/ or /2025-03-03/ or /20250303/."""
    for pattern in (_URL_DATE, _URL_DATE_COMPACT):
        m = pattern.search(url)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{path}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from None


def _first_group(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    return m.group(1) if m else None


def _date_from_lines(text: str) -> str | None:
    raw = _first_group(_DATE_LINE, text)
    if not raw:
        return None
    from graphkit.extract.dates import parse_date  # local: keeps start-up light for plain reads

    return parse_date(raw)


def _title_line(text: str) -> str | None:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= 200 and not line.endswith((".", "”", '"')) else None
    return None
