"""Calendar feeds built from the event data: iCalendar (.ics) and JSON.

The feeds are byte-for-byte reproducible: events are written in a fixed
order, UIDs come from the entries' ids, and DTSTAMP is the build date
(``SOURCE_DATE_EPOCH`` when set). Events whose dates are not verified are
left out of the .ics files (a calendar entry needs real dates) but are kept
in the JSON file with ``"in_calendar": false``.

Files are written to a temporary name in the same folder and renamed into
place, so a reader never sees a half-written feed.
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import tempfile
from typing import Iterable, Optional

import icalendar

from .event_data import KIND_IDS, Event, EventData

PRODID = "-//OpenStack Events Guide//events-guide//EN"
ALL_EVENTS = "events"


def feed_name(kind: Optional[str], suffix: str = "ics") -> str:
    """``events.ics`` for every event, ``ptg.ics`` for one kind."""
    return f"{kind or ALL_EVENTS}.{suffix}"


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


def build_calendar(data: EventData, kind: Optional[str], *,
                   uid_domain: str, stamp: datetime.datetime,
                   page_url: str = "") -> bytes:
    """The iCalendar file for *kind* (``None``: every kind)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    title = ("OpenStack community events" if kind is None
             else f"OpenStack community events: {data.kinds[kind].name}")
    calendar.add("name", title)
    calendar.add("x-wr-calname", title)
    for event in data.in_calendar():
        if kind is not None and kind not in event.kinds:
            continue
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
        calendar.add_component(entry)
    return calendar.to_ical()


def build_json(data: EventData, *, uid_domain: str,
               stamp: datetime.datetime) -> bytes:
    """Every event (with or without verified dates), oldest first."""
    def as_dict(event: Event) -> dict:
        record = event.model_dump(mode="json")
        record["place"] = (None if event.is_virtual
                           else event.model_dump(mode="json")["place"])
        record["virtual"] = event.is_virtual
        record["in_calendar"] = event.has_dates
        record["uid"] = event_uid(event, uid_domain) if event.has_dates \
            else None
        record["dates"] = event.dates_label
        return record

    events = sorted(data.events, key=lambda e: e.sort_key)
    document = {
        "generated": stamp.isoformat(),
        "kinds": {k: data.kinds[k].name for k in KIND_IDS},
        "events": [as_dict(e) for e in events],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n"
            ).encode("utf-8")


def atomic_write(path: pathlib.Path, content: bytes) -> None:
    """Write *content* to *path* through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-",
                                         suffix=path.suffix, delete=False)
    try:
        with handle:
            handle.write(content)
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, path)
    except BaseException:
        pathlib.Path(handle.name).unlink(missing_ok=True)
        raise


def feed_files(data: EventData, *, uid_domain: str,
               stamp: datetime.datetime) -> dict[str, bytes]:
    """Every feed file name with its content; built fully before writing."""
    files = {feed_name(None): build_calendar(
        data, None, uid_domain=uid_domain, stamp=stamp)}
    for kind in KIND_IDS:
        files[feed_name(kind)] = build_calendar(
            data, kind, uid_domain=uid_domain, stamp=stamp)
    files[feed_name(None, "json")] = build_json(
        data, uid_domain=uid_domain, stamp=stamp)
    return files


def write_feeds(folder: pathlib.Path, files: dict[str, bytes]) -> \
        Iterable[pathlib.Path]:
    written = []
    for name, content in files.items():
        atomic_write(folder / name, content)
        written.append(folder / name)
    return written
