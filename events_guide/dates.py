"""The guide's one date vocabulary, without Sphinx: how a day is written
in the sources (``YYYY-MM-DD``), the month names, and dates in words.

Every part of the project that reads a day (the event data, ``checked``
dates, ``:reviewed:`` dates, a pinned build date) reads it with
:func:`parse_day`; every part that writes one in words uses
:func:`day_label` or :func:`format_date_range`.

``9 November 2010``, ``9–12 November 2010``, ``26 February – 2 March
2018``, and what to say when a source confirms only part of a date.
"""

from __future__ import annotations

import datetime
import re

#: The month names, January first.
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
#: The days of the week, Monday first.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday")

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value) -> datetime.date:
    """*value* as a day: a :class:`datetime.date` (not a datetime) as it
    is, or text written ``YYYY-MM-DD``.

    Raises ValueError saying what is wrong: not of that form, or not a
    real calendar date (``2026-02-30``).
    """
    if isinstance(value, datetime.date) and \
            not isinstance(value, datetime.datetime):
        return value
    text = str(value).strip()
    if not _ISO_DAY.fullmatch(text):
        raise ValueError(f"{value!r} is not a date written as YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a real calendar date") from None


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month *months* months earlier (the last day of
    that month when it is shorter)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


# -- in words ----------------------------------------------------------------

def day_label(day: datetime.date) -> str:
    """``1 January 2030``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_date_range(start: datetime.date, end: datetime.date) -> str:
    """``9–12 November 2010``, ``26 February – 2 March 2018``, ..."""
    if start == end:
        return day_label(start)
    if start.year != end.year:
        return f"{day_label(start)} – {day_label(end)}"
    if start.month != end.month:
        return (f"{start.day} {MONTHS[start.month - 1]} – {end.day} "
                f"{MONTHS[end.month - 1]} {end.year}")
    return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"


def dates_label(start: datetime.date | None, end: datetime.date | None,
                year: int | None = None, month: int | None = None) -> str:
    """The dates in words, saying plainly what is not verified."""
    if start and end:
        return format_date_range(start, end)
    if start:
        return f"from {day_label(start)} (end date not verified)"
    if end:
        return f"until {day_label(end)} (start date not verified)"
    if month:
        return f"{MONTHS[month - 1]} {year} (days not verified)"
    if year:
        return f"{year} (date not verified)"
    return "date not verified"
