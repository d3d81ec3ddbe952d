"""Parse the many date formats sources use into ISO dates."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateparser

_MDY_DOTS = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")


def parse_date(value: object) -> str | None:
    """Return YYYY-MM-DD, or None when the value is blank or not a date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    m = _MDY_DOTS.match(text)  # Congress releases: MM.DD.YY
    if m:
        month, day, year = (int(g) for g in m.groups())
        year += 2000 if year < 70 else (1900 if year < 100 else 0)
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    try:
        return dateparser.parse(text, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError, TypeError):
        return None
