"""Calendar feeds built from the event data: iCalendar (.ics) and JSON,
as bytes (writing them is the Sphinx extension's job).

The feeds are byte-for-byte reproducible: events come in a fixed order,
UIDs come from the entries' ids, and DTSTAMP is the build date given by
the caller. Events whose dates are not verified are left out of the .ics
files (a calendar entry needs real dates) but kept in the JSON file with
``"in_calendar": false``.

Each event's entry is the same in every file it is in, the one-event file
beside its page included (:func:`event_calendar`): one UID, so that a
reader who adds one event and subscribes to a feed never sees it twice.
What became of an event reaches calendars as RFC 5545 says: a cancelled
event stays in the feeds with ``STATUS:CANCELLED`` (subscribers learn of
it; an entry deleted from a feed just vanishes); a change of status or
dates raises ``SEQUENCE`` (0 as announced, 1 after the change), and
``LAST-MODIFIED`` is the day the entry's facts were last confirmed (its
latest ``checked`` date), so two builds of one commit stay identical.
"""

from __future__ import annotations

import datetime
import functools
import json
from typing import Callable, Optional

import icalendar

from .deadlines import DEADLINE_KINDS, KeyDate, key_dates
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


#: An event's page address (or None when the guide has no published
#: address); the feeds link each event there.
PageUrl = Optional[Callable[[Event], str]]


def event_uid(event: Event, uid_domain: str) -> str:
    return f"{event.id}@{uid_domain}"


#: RFC 5545 STATUS of each status of the data (a postponed event with
#: dates still stands but may move: tentative).
ICAL_STATUSES = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED",
                 "postponed": "TENTATIVE", "rescheduled": "CONFIRMED",
                 "moved-online": "CONFIRMED"}


def sequence(event: Event) -> int:
    """0 for an event as announced; 1 once its status or dates changed."""
    return 0 if event.status == "scheduled" else 1


def _description(event: Event, data: EventData) -> str:
    kinds = ", ".join(data.kinds[k].name for k in event.kinds)
    lines = [f"Kind: {kinds}."]
    if event.status != "scheduled":
        lines.append(_status_line(event))
    if event.stand_in:
        lines.append("Held in place of this kind of event, not as one.")
    if event.note:
        lines.append(event.note)
    lines.extend(f"Source: {s.title} <{s.url}>"
                 for s in event.all_sources)
    return "\n".join(lines)


def _status_line(event: Event) -> str:
    line = f"{event.status_label}."
    before = [part for part in (event.previous_dates_label,
                                str(event.previous_place or "")) if part]
    if before:
        line += f" Planned before: {', '.join(before)}."
    return line


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day,
                             tzinfo=datetime.timezone.utc)


def _calendar_entry(event: Event, data: EventData, uid_domain: str,
                    stamp: datetime.datetime,
                    page_url: PageUrl = None) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", event_uid(event, uid_domain))
    entry.add("dtstamp", stamp)
    entry.add("last-modified", _midnight(event.last_checked))
    entry.add("sequence", sequence(event))
    entry.add("status", ICAL_STATUSES[event.status])
    entry.add("dtstart", event.start)
    # All-day events: DTEND is exclusive, the day after the last day.
    entry.add("dtend", event.end + datetime.timedelta(days=1))
    entry.add("summary", (f"{event.status_label}: " if event.status in (
        "cancelled", "postponed") else "") + event.name)
    if event.place is not None:
        entry.add("location", event.place_label)
    entry.add("url", page_url(event) if page_url else event.sources[0].url)
    entry.add("description", _description(event, data))
    entry.add("categories", [data.kinds[k].name for k in event.kinds])
    entry.add("transp", "TRANSPARENT")
    return entry


def _calendar(title: str, entries: list[bytes]) -> bytes:
    """An iCalendar file holding *entries* (each a VEVENT already
    serialised: an event's entry is built and serialised once, however
    many files it is in)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", title)
    calendar.add("x-wr-calname", title)
    head, end = calendar.to_ical().rsplit(b"END:VCALENDAR", 1)
    return head + b"".join(entries) + b"END:VCALENDAR" + end


class CalendarEntries:
    """Every dated event's calendar entry, serialised once, in feed
    order."""

    def __init__(self, data: EventData, uid_domain: str,
                 stamp: datetime.datetime, page_url: PageUrl = None):
        self.events = data.in_calendar()
        self.serialised = {
            event.id: _calendar_entry(event, data, uid_domain, stamp,
                                      page_url).to_ical()
            for event in self.events}

    def where(self, keep) -> list[bytes]:
        return [self.serialised[event.id] for event in self.events
                if keep(event)]


def calendar_title(data: EventData, kind: Optional[str]) -> str:
    return ("OpenStack community events" if kind is None
            else f"OpenStack community events: {data.kinds[kind].name}")


def region_calendar_title(group: str) -> str:
    where = "online" if group == "Online" else f"in {group}"
    return f"OpenStack community events {where}"


def _json_record(event: Event, uid_domain: str,
                 page_url: PageUrl) -> dict:
    record = event.model_dump(mode="json")
    if event.is_virtual:
        record["place"] = None
    record["virtual"] = event.is_virtual
    record["in_calendar"] = event.has_dates
    record["uid"] = event_uid(event, uid_domain) if event.has_dates else None
    record["dates"] = event.dates_label
    record["page"] = page_url(event) if page_url else None
    return record


def build_json(data: EventData, *, uid_domain: str,
               stamp: datetime.datetime, page_url: PageUrl = None) -> bytes:
    """Every event (with or without verified dates), oldest first."""
    events = sorted(data.events, key=lambda e: e.sort_key)
    document = {
        "generated": stamp.isoformat(),
        "kinds": {kind: info.name for kind, info in data.kinds.items()},
        "events": [_json_record(e, uid_domain, page_url) for e in events],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n"
            ).encode("utf-8")


def feed_files(data: EventData, *, uid_domain: str,
               stamp: datetime.datetime, page_url: PageUrl = None,
               entries: Optional[CalendarEntries] = None
               ) -> dict[str, bytes]:
    """Every feed file name with its content: one calendar for all events,
    one per kind of the registry, one per region group (every continent and
    online, whether or not it has events yet, so that the addresses stay),
    and the JSON file. *entries*: the events' entries, when the caller
    has them already (the one-event files use the same)."""
    if entries is None:
        entries = CalendarEntries(data, uid_domain, stamp, page_url)
    files = {feed_name(None): _calendar(calendar_title(data, None),
                                        entries.where(lambda _: True))}
    for kind in data.kinds:
        files[feed_name(kind)] = _calendar(
            calendar_title(data, kind),
            entries.where(lambda event: kind in event.kinds))
    for group in REGION_GROUPS:
        files[region_feed_name(group)] = _calendar(
            region_calendar_title(group),
            entries.where(lambda event: event.region_group == group))
    files[feed_name(None, "json")] = build_json(
        data, uid_domain=uid_domain, stamp=stamp, page_url=page_url)
    return files


def event_calendar_files(entries: CalendarEntries) -> dict[str, bytes]:
    """Event id -> the one-event calendar file of each dated event, from
    the same serialised entries as the feeds."""
    return {event.id: _calendar(event.name, [entries.serialised[event.id]])
            for event in entries.events}


# -- key dates ---------------------------------------------------------------

#: The folder, inside the feeds folder, of the key-date calendars per kind.
DEADLINES_FOLDER = "deadlines"


def deadline_feed_name(kind: Optional[str] = None) -> str:
    """``deadlines.ics`` for every key date, ``deadlines/ptg.ics`` for the
    key dates of one kind of event."""
    return (f"{DEADLINES_FOLDER}.ics" if kind is None
            else f"{DEADLINES_FOLDER}/{kind}.ics")


def deadline_uid(event: Event, kind: str, uid_domain: str) -> str:
    """Stable for the event and the kind of deadline: a corrected date
    updates the entry in a subscribed calendar."""
    return f"{event.id}--{kind}@{uid_domain}"


def _deadline_entry(key_date: KeyDate, uid_domain: str,
                    stamp: datetime.datetime,
                    page_url: PageUrl) -> icalendar.Event:
    event, deadline = key_date.event, key_date.deadline
    entry = icalendar.Event()
    entry.add("uid", deadline_uid(event, deadline.kind, uid_domain))
    entry.add("dtstamp", stamp)
    entry.add("last-modified", _midnight(max(
        source.checked for source in deadline.sources)))
    entry.add("sequence", 0)
    entry.add("dtstart", deadline.moment)
    if deadline.time is None:
        entry.add("dtend", deadline.date + datetime.timedelta(days=1))
    entry.add("summary", f"{DEADLINE_KINDS[deadline.kind].short}: "
                         f"{event.name}")
    if page_url:
        entry.add("url", page_url(event) + "#key-dates")
    lines = [f"{deadline.label} for {event.name} ({event.dates_label})."]
    lines += [f"Source: {s.title} <{s.url}>" for s in deadline.sources]
    entry.add("description", "\n".join(lines))
    entry.add("transp", "TRANSPARENT")
    return entry


@functools.lru_cache(maxsize=64)
def _time_zone(name: str, first_year: int, last_year: int
               ) -> icalendar.Timezone:
    """A zone's VTIMEZONE for those years: worked out once per build for
    all the calendars that need it (the files only read it)."""
    return icalendar.Timezone.from_tzid(
        name, first_date=datetime.date(first_year, 1, 1),
        last_date=datetime.date(last_year + 1, 1, 1))


def _deadline_calendar(title: str, entries: list[icalendar.Event]) -> bytes:
    calendar = icalendar.Calendar()
    for name, value in (("prodid", PRODID), ("version", "2.0"),
                        ("calscale", "GREGORIAN"), ("name", title),
                        ("x-wr-calname", title)):
        calendar.add(name, value)
    # Each time zone's rules for the years the deadlines fall in, in a
    # fixed order (the file is the same from one build to the next).
    starts = [entry.decoded("dtstart") for entry in entries]
    zones = sorted({start.tzinfo.key for start in starts
                    if isinstance(start, datetime.datetime)
                    and getattr(start.tzinfo, "key", "UTC") not in (
                        "UTC", "Etc/UTC", "Etc/GMT")})
    for name in zones:
        calendar.add_component(_time_zone(
            name, min(s.year for s in starts), max(s.year for s in starts)))
    for entry in entries:
        calendar.add_component(entry)
    return calendar.to_ical()


def deadline_files(data: EventData, *, uid_domain: str,
                   stamp: datetime.datetime,
                   page_url: PageUrl = None) -> dict[str, bytes]:
    """The key-date calendars: every deadline, and one file per kind of
    event (each kind has its address, whether or not it has deadlines
    yet)."""
    dated = key_dates(data.events)
    entries = {id(key_date): _deadline_entry(key_date, uid_domain, stamp,
                                             page_url)
               for key_date in dated}
    files = {deadline_feed_name(): _deadline_calendar(
        "OpenStack community events: key dates",
        [entries[id(key_date)] for key_date in dated])}
    for kind, info in data.kinds.items():
        files[deadline_feed_name(kind)] = _deadline_calendar(
            f"OpenStack community events: key dates, {info.name}",
            [entries[id(key_date)] for key_date in dated
             if kind in key_date.event.kinds])
    return files
