"""An event as schema.org ``Event`` data (JSON-LD), without Sphinx.

Each event page carries one, built here from the checked model, so that
search engines can show the event in their event results. What Google's
event rich results ask for, and what this gives
(https://developers.google.com/search/docs/appearance/structured-data/event):

* required: ``name``, ``startDate`` and ``location`` (a ``Place`` with a
  ``PostalAddress``, or a ``VirtualLocation`` with a ``url``): always;
* recommended: ``endDate``, ``eventAttendanceMode``, ``eventStatus``,
  ``description``, ``organizer`` (where the kind names one, for the years
  it ran the events) and ``previousStartDate`` (rescheduled events):
  given; ``image``, ``offers`` and ``performer``: never, because the data
  has no picture, price or speakers of an event.

An event whose dates, place or format no source confirms gets no
``Event`` data at all (:func:`event_json_ld` returns None): a search
engine would show a wrong date or place. Output is deterministic: keys
in a fixed order, no build time.
"""

from __future__ import annotations

import json
from typing import Optional

from .events import EventData
from .models import Event

SCHEMA = "https://schema.org"

#: eventAttendanceMode for each format.
ATTENDANCE_MODES = {
    "in-person": f"{SCHEMA}/OfflineEventAttendanceMode",
    "virtual": f"{SCHEMA}/OnlineEventAttendanceMode",
    "hybrid": f"{SCHEMA}/MixedEventAttendanceMode",
}
#: eventStatus for each status of the data.
EVENT_STATUSES = {
    "scheduled": f"{SCHEMA}/EventScheduled",
    "cancelled": f"{SCHEMA}/EventCancelled",
    "postponed": f"{SCHEMA}/EventPostponed",
    "rescheduled": f"{SCHEMA}/EventRescheduled",
    "moved-online": f"{SCHEMA}/EventMovedOnline",
}


def _place(event: Event) -> dict:
    return {"@type": "Place", "name": str(event.place),
            "address": {"@type": "PostalAddress",
                        "addressLocality": event.place.city,
                        "addressCountry": event.place.country}}


def _virtual_location(event: Event) -> dict:
    # Where to attend online: the organizer's page, the first source.
    return {"@type": "VirtualLocation", "url": event.sources[0].url}


def _location(event: Event):
    if event.format == "virtual":
        return _virtual_location(event)
    if event.format == "hybrid":
        return [_place(event), _virtual_location(event)]
    return _place(event)


def _organizer(event: Event, data: EventData) -> Optional[dict]:
    """The organizer the first of the event's kinds names, if it ran
    events of that kind in the event's year."""
    for kind in event.kinds:
        info = data.kinds[kind]
        organization = info.organizer_link
        if organization is None:
            continue
        if info.organizer_since and event.start.year < info.organizer_since:
            continue
        return {"@type": "Organization", "name": organization.title,
                "url": organization.url}
    return None


def event_json_ld(event: Event, data: EventData, *, page_url: str,
                  description: str) -> Optional[dict]:
    """The schema.org ``Event`` of *event*, whose page is *page_url*;
    None unless its dates, place and format are verified."""
    if not event.fully_known:
        return None
    record = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.name,
        "url": page_url,
        "description": description,
        "startDate": event.start.isoformat(),
        "endDate": event.end.isoformat(),
        "eventAttendanceMode": ATTENDANCE_MODES[event.format],
        "eventStatus": EVENT_STATUSES[event.status],
        "location": _location(event),
    }
    if event.previous_start is not None:
        record["previousStartDate"] = event.previous_start.isoformat()
    organizer = _organizer(event, data)
    if organizer is not None:
        record["organizer"] = organizer
    return record


def json_ld_script(record: dict) -> str:
    """The ``<script type="application/ld+json">`` element holding
    *record*, safe inside HTML (``<`` escaped so that no text can close the
    element)."""
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace(
        "&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>\n'
