"""Short lists of events, however long the history grows.

The pages that show events keep to a bounded list: what is coming (at most
:data:`MAX_UPCOMING`, the soonest) and the latest few that have been, then
a line of links to the year pages (:mod:`.archive`), where every event of
a year is listed with its sources. A page therefore weighs the same with
ten times the events.
"""

from __future__ import annotations

import datetime
from typing import Iterable

from docutils import nodes

from ...data import Event
from ...published import year_page
from .output_links import page_link

#: At most this many upcoming events on a list; the soonest are kept.
MAX_UPCOMING = 4


def is_upcoming(event: Event, today: datetime.date) -> bool:
    return event.start is not None and event.start > today


def latest(events: list[Event], today: datetime.date,
           recent: int) -> list[Event]:
    """From *events* (newest first): the soonest upcoming ones, then the
    *recent* latest ones under way or past, newest first."""
    upcoming = [e for e in events if is_upcoming(e, today)]
    past = [e for e in events if not is_upcoming(e, today)]
    return upcoming[-MAX_UPCOMING:] + past[:recent]


def years_paragraph(lead: str, events: Iterable[Event]) -> nodes.paragraph:
    """``<lead> 2010 · 2011 · ...``: links to the year pages of *events*."""
    years = sorted({e.known_year for e in events if e.known_year})
    para = nodes.paragraph(classes=["events-guide-years"])
    para += nodes.Text(lead + " ")
    for index, year in enumerate(years):
        if index:
            para += nodes.Text(" · ")
        para += page_link(str(year), year_page(year))
    para += nodes.Text(".")
    return para
