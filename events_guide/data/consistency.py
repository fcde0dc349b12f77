"""Checks of an entry as a whole: facts that are each valid but do not fit
together. The models (:mod:`.models`) check each field and the few rules
that link two fields; what needs several fields, or a list against the
rest of the entry, is checked here, once the entry is valid, and reported
at the line of the value at fault.

Each check is a function of an :class:`~.models.Event` that yields
:class:`Problem` objects; :data:`ENTRY_CHECKS` lists them.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterator


from . import places
from .deadlines import DEADLINE_KINDS
from .models import Event, Place


@dataclasses.dataclass(frozen=True)
class Problem:
    """What is wrong, where in the entry (a path of keys and indexes, for
    the line), and how to fix it."""

    path: tuple
    what: str
    fix: str

    @property
    def field(self) -> str:
        """The field as written in the file: ``deadlines[1].date``."""
        label = ""
        for part in self.path:
            label += f"[{part}]" if isinstance(part, int) else (
                f".{part}" if label else str(part))
        return label


def deadline_problems(event: Event, kinds=None) -> Iterator[Problem]:
    """Each key date fits its event: of a kind the event has, once per
    kind, not after the event ends, and a call that opens before it
    closes."""
    last_day = event.end or event.start
    seen: dict[str, int] = {}
    for index, deadline in enumerate(event.deadlines):
        what = DEADLINE_KINDS[deadline.kind]
        if deadline.kind in seen:
            yield Problem(("deadlines", index, "kind"),
                          f"{deadline.kind} is given twice (also deadline "
                          f"#{seen[deadline.kind] + 1})",
                          "keep the final date, and note an earlier one or "
                          "an extension in a # comment")
        seen.setdefault(deadline.kind, index)
        if what.event_kinds and not set(what.event_kinds) & set(event.kinds):
            yield Problem(("deadlines", index, "kind"),
                          f"{deadline.kind} belongs to an event of kind "
                          f"{' or '.join(what.event_kinds)}; this one is "
                          f"{', '.join(event.kinds)}",
                          "put the deadline on the event it belongs to, or "
                          "add that kind to this event's kinds")
        if last_day is not None and deadline.date > last_day:
            yield Problem(("deadlines", index, "date"),
                          f"{deadline.kind} falls on {deadline.date}, after "
                          f"the event ends ({last_day})",
                          "check the year: a source that gives only day and "
                          "month means the year of the event or the one "
                          "before")
    opens, closes = seen.get("cfp-opens"), seen.get("cfp-closes")
    if opens is not None and closes is not None and \
            event.deadlines[opens].date > event.deadlines[closes].date:
        yield Problem(("deadlines", opens, "date"),
                      f"the call for proposals opens "
                      f"({event.deadlines[opens].date}) after it closes "
                      f"({event.deadlines[closes].date})",
                      "check both dates against their sources")


#: The first year of the guide's record.
FIRST_YEAR = 2010
#: A year in an id or a name (not a release like "2023.1").
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b(?!\.\d)")


def region_problems(event: Event, kinds) -> Iterator[Problem]:
    """The region is the continent of the country (from the gazetteer)."""
    if not isinstance(event.place, Place) or event.region is None:
        return
    allowed = places.continents(event.place.country)
    if not allowed:
        yield Problem(("place", "country"),
                      f"{event.place.country!r} is not a country the "
                      "gazetteer (GeoNames) knows",
                      "write the country's common English name, such as "
                      "United States, South Korea or Czechia")
    elif event.region not in allowed:
        yield Problem(("region",),
                      f"{event.place.country} is in {' or '.join(allowed)}, "
                      f"not {event.region}",
                      f"write region: {allowed[0]}, or correct the country")


def length_problems(event: Event, kinds) -> Iterator[Problem]:
    """An event lasts no longer than its kinds do, unless a note says
    why (several weeks of online sessions before a closing day, say)."""
    if not event.has_dates or event.note:
        return
    days = (event.end - event.start).days + 1
    limits = [(kinds[kind].max_days, kind) for kind in event.kinds
              if kind in kinds and kinds[kind].max_days]
    if limits and days > max(limits)[0]:
        longest, kind = max(limits)
        yield Problem(("end",),
                      f"the event lasts {days} days; a {kinds[kind].name} "
                      f"lasts at most {longest} (max_days in kinds.yaml)",
                      "check the end date (a slip of a month or a year?); "
                      "if it is right, add a note that says why it is "
                      "longer")


def year_problems(event: Event, kinds) -> Iterator[Problem]:
    """The year in the id and in the name is the event's own, and the
    event is of the guide's years: the slips of a copied entry."""
    year = event.known_year
    if year is None:
        return
    if year < FIRST_YEAR:
        yield Problem(("start",) if event.start else ("year",),
                      f"{year} is before {FIRST_YEAR}, the first year of "
                      "the guide's record", "check the year")
    for field, text in (("id", event.id), ("name", event.name)):
        for written in _YEAR.findall(text):
            if int(written) != year:
                yield Problem((field,),
                              f"the {field} says {written}, but the event "
                              f"is in {year}",
                              f"correct the {field} or the dates (an entry "
                              "copied from another year?)")


#: Every whole-entry check, run on each valid entry with the kinds
#: registry.
ENTRY_CHECKS = (deadline_problems, region_problems, length_problems,
                year_problems)


def entry_problems(event: Event, kinds=None) -> list[Problem]:
    """What every check of :data:`ENTRY_CHECKS` finds in the entry
    (``kinds``: the registry, for the checks that read a kind's facts)."""
    return [problem for check in ENTRY_CHECKS
            for problem in check(event, kinds or {})]


def duplicates(events) -> Iterator[tuple[int, int]]:
    """(earlier, later) indexes of two entries that are one event: a kind
    in common, dates that overlap and the same city, whatever their ids
    (an entry added again after its date changed, say)."""
    placed = [(index, event) for index, event in enumerate(events)
              if event.has_dates and isinstance(event.place, Place)]
    placed.sort(key=lambda pair: pair[1].start)
    for position, (first, one) in enumerate(placed):
        for second, other in placed[position + 1:]:
            if other.start > one.end:
                break
            if set(one.kinds) & set(other.kinds) and \
                    one.place.city == other.place.city and \
                    one.place.country == other.place.country:
                yield min(first, second), max(first, second)
