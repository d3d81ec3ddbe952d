"""Parse the many date formats sources use into ISO dates."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateparser

_MDY_DOTS = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
# Sources carry placeholder dates ("0001-11-30", "2050-09-30"); a publication date outside this range is no date.
EARLIEST = date(1900, 1, 1)
_FUTURE_SLACK = timedelta(days=2)
_NO_YEAR = datetime(1, 1, 1)  # time zones: a record dated "tomorrow" here is today where it was written


def plausible(day: date) -> str | None:
    """The ISO date, or None for a date no document could have been published on."""
    if day < EARLIEST or day > date.today() + _FUTURE_SLACK:
        return None
    return day.isoformat()


def parse_date(value: object) -> str | None:
    """Return YYYY-MM-DD, or None when the value is blank or not a date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return plausible(value.date())
    if isinstance(value, date):
        return plausible(value)
    text = str(value).strip().lstrip("\ufeff").strip()  # a byte-order mark survives str.strip()
    if not text:
        return None
    m = _MDY_DOTS.match(text)  # Congress releases: MM.DD.YY
    if m:
        month, day, year = (int(g) for g in m.groups())
        year += 2000 if year < 70 else (1900 if year < 100 else 0)
        try:
            return plausible(date(year, month, day))
        except ValueError:
            return None
    try:
        # Missing parts default to year 1, not today's: "Nov 30" has no year and is rejected, never 2026-11-30.
        return plausible(dateparser.parse(text, fuzzy=False, default=_NO_YEAR).date())
    except (ValueError, OverflowError, TypeError):
        return None
