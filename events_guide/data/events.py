"""The events file (``events.yaml``) and :class:`EventData`, the checked
data with the queries the pages and feeds ask of it.

:func:`load` reads both files and reports every problem in both at once;
:func:`parse_events` checks one events file against the kinds registry.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import os
from typing import Any, Iterable, Optional

from ..findings import Finding
from .consistency import duplicates, entry_problems
from .errors import EventDataError, data_finding, stray_top_level_keys
from .kinds import load_kinds
from .models import Event, KindInfo
from .validation import EVENT_HINTS, kinds_hint, validate_entry
from .yaml_source import YamlDocument, parse_yaml, read_text


def _entry_label(raw: Any, index: int) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(ident, str) and ident.strip():
        return f"entry {ident!r} (#{index + 1})"
    return f"entry #{index + 1}"


def _top_level(doc: YamlDocument) -> list:
    """The list of entries; EventDataError when the file has none."""
    if not isinstance(doc.data, dict) or \
            not isinstance(doc.data.get("events"), list):
        raise EventDataError([data_finding(
            doc.path, 1, "", "events",
            "the file must hold a mapping with a list under the key "
            "'events'", "start the file with 'events:' and give each entry "
            "as '- id: ...'")])
    return doc.data["events"]


def parse_events(text: str, path: str = "events.yaml",
                 kinds: Optional[Iterable[str]] = None,
                 today: Optional[datetime.date] = None,
                 kind_info: Optional[dict] = None) -> tuple[Event, ...]:
    """Check the text of an events file; return its events in file order.

    *kinds* are the kind ids of the registry (``None``: do not check the
    kinds against it); *today* is the real day, which no source's
    ``checked`` date may pass (``None``: not checked); *kind_info*, the
    registry itself, for the checks of an entry as a whole that read a
    kind's facts (how long it lasts). Raises
    :class:`EventDataError`, and nothing else, listing every problem.
    """
    doc = parse_yaml(text, path)
    entries = _top_level(doc)
    kind_ids = tuple(kinds) if kinds is not None else None
    hints = {**EVENT_HINTS, "kinds": kinds_hint(kind_ids)}
    findings = stray_top_level_keys(doc, "events")
    events: list[Event] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(entries):
        entry = _entry_label(raw, index)
        if not isinstance(raw, dict):
            findings.append(data_finding(
                doc.path, doc.line_of("events", index) or 1, entry, "",
                "is not a mapping of fields", "write the entry as '- id: "
                "...' followed by its fields indented below it"))
            continue
        event, problems = validate_entry(
            doc, ("events", index), entry, Event, raw, hints=hints,
            default_hint="compare the entry with a correct one",
            context={"kinds": kind_ids, "today": today})
        findings += problems
        if event is None:
            continue
        if event.id in seen:
            findings.append(data_finding(
                doc.path, doc.line_of("events", index, "id"), entry, "id",
                f"the id {event.id!r} is already used by entry "
                f"#{seen[event.id] + 1}", "give each entry its own id (the "
                "id becomes the calendar UID, so keep published ids "
                "unchanged)"))
            continue
        seen[event.id] = index
        event._line = doc.line_of("events", index)
        for number, deadline in enumerate(event.deadlines):
            deadline._line = doc.line_of("events", index, "deadlines",
                                         number)
        findings += [data_finding(
            doc.path, doc.line_of("events", index, *problem.path)
            or event.line, entry, problem.field, problem.what, problem.fix)
            for problem in entry_problems(event, kind_info)]
        events.append(event)
    for first, second in duplicates(events):
        one, other = events[first], events[second]
        findings.append(data_finding(
            doc.path, other.line or 1,
            _entry_label({"id": other.id}, seen[other.id]), "id",
            f"is the same event as entry {one.id!r} (#{seen[one.id] + 1}): "
            f"{', '.join(sorted(set(one.kinds) & set(other.kinds)))} in "
            f"{one.place} on overlapping dates ({one.dates_label}, "
            f"{other.dates_label})",
            "keep one entry (merge their sources into it); if they are two "
            "events, check the dates and the city"))
    if findings:
        raise EventDataError(findings)
    return tuple(events)


def load_events(path: str | os.PathLike,
                kinds: Optional[Iterable[str]] = None,
                today: Optional[datetime.date] = None,
                kind_info: Optional[dict] = None) -> tuple[Event, ...]:
    return parse_events(read_text(path), os.fspath(path), kinds, today,
                        kind_info)


@dataclasses.dataclass(frozen=True)
class EventData:
    """Everything the pages and feeds are built from: the events, and the
    kinds registry in its order."""

    events: tuple[Event, ...]
    kinds: dict[str, KindInfo]

    def of_kind(self, kind: str) -> list[Event]:
        """Events of *kind*, newest first."""
        return [e for e in self.newest_first() if kind in e.kinds]

    @functools.cached_property
    def _oldest_first(self) -> tuple[Event, ...]:
        return tuple(sorted(self.events, key=lambda e: e.sort_key))

    @functools.cached_property
    def _by_year(self) -> dict[int, tuple[Event, ...]]:
        """Each year's events, oldest first: grouped once, so that a page
        per year costs the events once, not once per year."""
        grouped: dict[int, list[Event]] = {}
        for event in self._oldest_first:
            if event.known_year is not None:
                grouped.setdefault(event.known_year, []).append(event)
        return {year: tuple(events) for year, events in grouped.items()}

    def newest_first(self) -> list[Event]:
        return list(reversed(self._oldest_first))

    def next_event(self, kind: str,
                   today: datetime.date) -> Optional[Event]:
        """The event of *kind* under way or starting soonest after *today*
        (a cancelled one is no event to go to)."""
        coming = [e for e in self.events
                  if kind in e.kinds and e.start is not None
                  and e.status != "cancelled"
                  and (e.end or e.start) >= today]
        return min(coming, key=lambda e: e.sort_key, default=None)

    def in_region(self, group: str) -> list[Event]:
        """Events of a region group (a continent or online), newest
        first."""
        return [e for e in self.newest_first() if e.region_group == group]

    def years(self) -> list[int]:
        """Every year with an event on record, oldest first."""
        return sorted(self._by_year)

    def of_year(self, year: int) -> list[Event]:
        """The events of *year*, oldest first (as a calendar reads)."""
        return list(self._by_year.get(year, ()))

    def in_calendar(self) -> list[Event]:
        """Events with both dates verified, oldest first (feed order)."""
        return sorted((e for e in self.events if e.has_dates),
                      key=lambda e: e.sort_key)

    def left_out_of_calendar(self) -> list[Event]:
        return [e for e in self.newest_first() if not e.has_dates]


def load(events_path: str | os.PathLike, kinds_path: str | os.PathLike,
         today: Optional[datetime.date] = None) -> EventData:
    """Load and check both files; raise EventDataError naming every problem
    in both (an events file is checked against the registry only once the
    registry itself is sound). *today*: the real day, which no source's
    ``checked`` date may pass."""
    findings: list[Finding] = []
    kinds: dict[str, KindInfo] = {}
    events: tuple[Event, ...] = ()
    try:
        kinds = load_kinds(kinds_path, today)
    except EventDataError as exc:
        findings += exc.findings
    try:
        events = load_events(events_path, list(kinds) if kinds else None,
                             today, kinds or None)
    except EventDataError as exc:
        findings += exc.findings
    if findings:
        raise EventDataError(findings)
    return EventData(events, kinds)
