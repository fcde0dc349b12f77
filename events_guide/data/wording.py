"""Dates in words, as the pages and feeds show them.

``9 November 2010``, ``9–12 November 2010``, ``26 February – 2 March
2018``, and what to say when a source confirms only part of a date.
"""

from __future__ import annotations

import datetime

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


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
