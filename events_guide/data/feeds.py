"""Calendar feeds built from the event data: iCalendar (.ics) and JSON,
as bytes (writing them is the Sphinx extension's job).

The feeds are byte-for-byte reproducible: events come in a fixed order,
UIDs come from the entries' ids, and DTSTAMP is the build date given by
the caller. Events whose dates are not verified are left out of the .ics
files (a calendar entry needs real dates) but kept in the JSON file with
``"in_calendar": false``.
"""

from __future__ import annotations

import datetime
import json
from typing import Optional

import icalendar

from .events import EventData
from .models import REGION_GROUPS, Event, region_slug

PRODID = "-//OpenStack Events Guide//events-guide//EN"
ALL_EVENTS = "events"
#: The folder, inside the feeds folder, of the calendars per region.
REGIONS_FOLDER = "regions"


def feed_name(kind: Optional[str], suffix: str = "ics") -> str:
    """``events.ics`` for every event, ``ptg.ics`` for one kind."""
    return f"{kind or ALL_EVENTS}.{suffix}"


def region_feed_name(group: str) -> str:
    """``regions/north-america.ics``: the calendar of one region group."""
    return f"{REGIONS_FOLDER}/{region_slug(group)}.ics"


def event_uid(event: Event, uid_domain: str) -> str:
    return f"{event.id}@{uid_domain}"


def _description(event: Event, data: EventData) -> str:
    kinds = ", ".join(data.kinds[k].name for k in event.kinds)
    lines = [f"Kind: {kinds}."]
    if event.stand_in:
        lines.append("Held in place of this kind of event, not as one.")
    if event.note:
        lines.append(event.note)
    lines.extend(f"Source: {s.title} <{s.url}>" for s in event.sources)
    return "\n".join(lines)


def _calendar_entry(event: Event, data: EventData, uid_domain: str,
                    stamp: datetime.datetime) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", event_uid(event, uid_domain))
    entry.add("dtstamp", stamp)
    entry.add("dtstart", event.start)
    # All-day events: DTEND is exclusive, the day after the last day.
    entry.add("dtend", event.end + datetime.timedelta(days=1))
    entry.add("summary", event.name)
    entry.add("location", event.place_label)
    entry.add("url", event.sources[0].url)
    entry.add("description", _description(event, data))
    entry.add("categories", [data.kinds[k].name for k in event.kinds])
    entry.add("transp", "TRANSPARENT")
    return entry


def _calendar(data: EventData, title: str, keep, *, uid_domain: str,
              stamp: datetime.datetime, entries=None) -> bytes:
    """An iCalendar file of the dated events that *keep* accepts.

    *entries* maps event ids to calendar entries already built (the same
    entry goes into several files), so each is built only once."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", title)
    calendar.add("x-wr-calname", title)
    for event in data.in_calendar():
        if keep(event):
            entry = (entries or {}).get(event.id) or _calendar_entry(
                event, data, uid_domain, stamp)
            calendar.add_component(entry)
    return calendar.to_ical()


def build_calendar(data: EventData, kind: Optional[str], *,
                   uid_domain: str, stamp: datetime.datetime,
                   entries=None) -> bytes:
    """The iCalendar file for *kind* (``None``: every kind)."""
    title = ("OpenStack community events" if kind is None
             else f"OpenStack community events: {data.kinds[kind].name}")
    return _calendar(data, title,
                     lambda event: kind is None or kind in event.kinds,
                     uid_domain=uid_domain, stamp=stamp, entries=entries)


def build_region_calendar(data: EventData, group: str, *, uid_domain: str,
                          stamp: datetime.datetime, entries=None) -> bytes:
    """The iCalendar file of one region group (a continent, or online)."""
    where = "online" if group == "Online" else f"in {group}"
    return _calendar(data, f"OpenStack community events {where}",
                     lambda event: event.region_group == group,
                     uid_domain=uid_domain, stamp=stamp, entries=entries)


def _json_record(event: Event, uid_domain: str) -> dict:
    record = event.model_dump(mode="json")
    if event.is_virtual:
        record["place"] = None
    record["virtual"] = event.is_virtual
    record["in_calendar"] = event.has_dates
    record["uid"] = event_uid(event, uid_domain) if event.has_dates else None
    record["dates"] = event.dates_label
    return record


def build_json(data: EventData, *, uid_domain: str,
               stamp: datetime.datetime) -> bytes:
    """Every event (with or without verified dates), oldest first."""
    events = sorted(data.events, key=lambda e: e.sort_key)
    document = {
        "generated": stamp.isoformat(),
        "kinds": {kind: info.name for kind, info in data.kinds.items()},
        "events": [_json_record(e, uid_domain) for e in events],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n"
            ).encode("utf-8")


def feed_files(data: EventData, *, uid_domain: str,
               stamp: datetime.datetime) -> dict[str, bytes]:
    """Every feed file name with its content: one calendar for all events,
    one per kind of the registry, one per region group (every continent and
    online, whether or not it has events yet, so that the addresses stay),
    and the JSON file."""
    entries = {event.id: _calendar_entry(event, data, uid_domain, stamp)
               for event in data.in_calendar()}
    shared = {"uid_domain": uid_domain, "stamp": stamp, "entries": entries}
    files = {feed_name(None): build_calendar(data, None, **shared)}
    for kind in data.kinds:
        files[feed_name(kind)] = build_calendar(data, kind, **shared)
    for group in REGION_GROUPS:
        files[region_feed_name(group)] = build_region_calendar(
            data, group, **shared)
    files[feed_name(None, "json")] = build_json(
        data, uid_domain=uid_domain, stamp=stamp)
    return files
