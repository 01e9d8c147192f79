"""Dates in news text: absolute ("September 4, 2025", "4 September 2025") and relative to the
article's date ("Thursday's", "last week"), as ISO strings, full or partial (YYYY-MM)."""
from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday",
                                         "saturday", "sunday"])}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MDY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.IGNORECASE)
_DMY = re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})", re.IGNORECASE)
_MY = re.compile(_MONTH + r",?\s+(?P<year>\d{4})", re.IGNORECASE)
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")
_WEEKDAY = re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """The first absolute date in `text` as YYYY-MM-DD (or YYYY-MM when no day is given)."""
    for pattern in (_ISO, _MDY, _DMY):
        m = pattern.search(text)
        if m:
            return _iso(m)
    m = _MY.search(text)
    if m:
        return f"{int(m.group('year')):04d}-{_month(m.group('month')):02d}"
    return None


_MD = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})", re.IGNORECASE)
_DM = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b(?!,?\s+\d{4})", re.IGNORECASE)


def resolve_month_day(text: str, article_date: str | None) -> str | None:
    """A day and month without a year ("on Feb 8", "8 February") in the article's year."""
    if not article_date or len(article_date) < 4:
        return None
    for pattern in (_MD, _DM):
        m = pattern.search(text)
        if m:
            month, day = _month(m.group("month")), int(m.group("day"))
            if 1 <= month <= 12 and 1 <= day <= 31:
                try:
                    return date(int(article_date[:4]), month, day).isoformat()
                except ValueError:
                    return None
    return None


def resolve_weekday(text: str, article_date: str | None) -> str | None:
    """A weekday named in `text`, as the date of that day in the week around the article's date.

    News uses "Thursday" for the nearest such day; without the article's date it stays unknown."""
    if not article_date or len(article_date) != 10:
        return None
    m = _WEEKDAY.search(text)
    if not m:
        return None
    base = date.fromisoformat(article_date)
    delta = WEEKDAYS[m.group("weekday").lower()] - base.weekday()
    if delta > 3:
        delta -= 7
    elif delta < -3:
        delta += 7
    return (base + timedelta(days=delta)).isoformat()


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key, MONTHS.get(key[:3], 0))


def _iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"])
    month = int(groups["month"]) if groups["month"].isdigit() else _month(groups["month"])
    day = groups.get("day")
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(day)).isoformat()
    except ValueError:
        return None
