"""One click to a calendar: "add to Google Calendar" and "add to Outlook"
addresses for one event, without Sphinx and without JavaScript.

Both are plain https links that open the calendar's "new event" form
filled in with the event's name, all-day dates, place and a line of
details with the address of its page. All-day dates are written as the
calendars expect them: the end is exclusive (the day after the last day),
as in the iCalendar feeds. Events without verified dates get no links.
"""

from __future__ import annotations

import datetime
import urllib.parse
from typing import Optional

from .models import Event

GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
OUTLOOK_CALENDAR = "https://outlook.live.com/calendar/0/action/compose"


def _details(event: Event, page_url: str) -> str:
    return f"{event.name}: dates, place and sources at {page_url}"


def _day_after(day: datetime.date) -> datetime.date:
    return day + datetime.timedelta(days=1)


def google_calendar_url(event: Event, page_url: str) -> Optional[str]:
    """The Google Calendar "create event" address (``action=TEMPLATE``),
    ``dates=YYYYMMDD/YYYYMMDD`` with the end exclusive."""
    if not event.has_dates:
        return None
    query = {
        "action": "TEMPLATE",
        "text": event.name,
        "dates": f"{event.start:%Y%m%d}/{_day_after(event.end):%Y%m%d}",
        "details": _details(event, page_url),
    }
    if event.place is not None:
        query["location"] = event.place_label
    return f"{GOOGLE_CALENDAR}?{urllib.parse.urlencode(query)}"


def outlook_calendar_url(event: Event, page_url: str) -> Optional[str]:
    """The Outlook on the web "compose event" address: an all-day event,
    ``startdt`` and ``enddt`` as ISO days with the end exclusive."""
    if not event.has_dates:
        return None
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.name,
        "startdt": event.start.isoformat(),
        "enddt": _day_after(event.end).isoformat(),
        "allday": "true",
        "body": _details(event, page_url),
    }
    if event.place is not None:
        query["location"] = event.place_label
    return f"{OUTLOOK_CALENDAR}?{urllib.parse.urlencode(query)}"
