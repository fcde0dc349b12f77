"""Key dates: the deadlines an event announces, without Sphinx.

An event may list its key dates (``deadlines`` in ``events.yaml``), each
with a kind from :data:`DEADLINE_KINDS`, a day, optionally a time with
its IANA time zone (a day alone is an all-day date, as events are), and
its own quoted sources. This module holds the kinds, what each is called,
which kinds of event it belongs to, and the questions the pages and feeds
ask: when exactly a deadline falls, and which are still to come.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Iterable, Optional
from zoneinfo import ZoneInfo


@dataclasses.dataclass(frozen=True)
class DeadlineKind:
    """A kind of deadline: its words, the kinds of event that must have it
    (empty: any event), and the kinds of event whose pages summarise it
    (empty: every kind)."""

    label: str
    short: str
    event_kinds: tuple[str, ...] = ()
    shown_for: tuple[str, ...] = ()

    def concerns(self, kind: str) -> bool:
        """Is this deadline one a reader of *kind*'s page acts on?"""
        return not self.shown_for or kind in self.shown_for


#: The kinds of event whose people submit talks and register.
_TALKS = ("summit", "conference", "days", "meetup", "ops-meetup")

#: Every kind of deadline, in the order an event's timeline usually has
#: them.
DEADLINE_KINDS: dict[str, DeadlineKind] = {
    "cfp-opens": DeadlineKind("Call for proposals opens", "CFP opens",
                              shown_for=_TALKS),
    "cfp-closes": DeadlineKind("Call for proposals closes", "CFP closes",
                               shown_for=_TALKS),
    "travel-support-closes": DeadlineKind(
        "Travel support applications close", "Travel support closes",
        shown_for=("summit", "ptg")),
    "early-registration-ends": DeadlineKind(
        "Early registration price ends", "Early price ends",
        shown_for=_TALKS),
    "ptg-signup-closes": DeadlineKind(
        "PTG team sign-up closes", "PTG sign-up closes", ("ptg",),
        ("ptg",)),
    "forum-proposals-close": DeadlineKind(
        "Forum proposals close", "Forum proposals close", ("forum",),
        ("forum",)),
    "regular-registration-ends": DeadlineKind(
        "Regular registration price ends", "Regular price ends",
        shown_for=_TALKS),
    "registration-closes": DeadlineKind(
        "Registration closes", "Registration closes", shown_for=_TALKS),
}


def parse_time(text: str) -> datetime.time:
    """A time of day written ``HH:MM`` (24 hours); ValueError else."""
    try:
        hours, minutes = text.split(":")
        if len(hours) != 2 or len(minutes) != 2:
            raise ValueError
        return datetime.time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(f"{text!r} is not a time written HH:MM (24 "
                         "hours), such as 23:59") from None


def zone(name: str) -> ZoneInfo:
    """The IANA time zone *name* (``America/Los_Angeles``); ValueError
    naming the problem else."""
    try:
        return ZoneInfo(name)
    # A folder of the zone database (America) or a name too long for a
    # file raise OSError.
    except (ValueError, LookupError, OSError):
        raise ValueError(f"{name!r} is not an IANA time zone; write one such "
                         "as America/Los_Angeles, Europe/Paris, Asia/Seoul "
                         "or UTC") from None


def moment(day: datetime.date, time: Optional[str],
           timezone: Optional[str]):
    """When a deadline falls: the day (all day), or an aware datetime in
    its own zone."""
    if time is None:
        return day
    return datetime.datetime.combine(day, parse_time(time),
                                     tzinfo=zone(timezone))


def still_open(day: datetime.date, today: datetime.date) -> bool:
    """Is a deadline of *day* still to come on *today*? The whole day
    counts: a deadline of today is still open."""
    return day >= today


@dataclasses.dataclass(frozen=True)
class KeyDate:
    """One deadline with its event, as the pages and feeds list them."""

    event: object  # models.Event
    deadline: object  # models.Deadline

    @property
    def sort_key(self) -> tuple:
        return (self.deadline.date, self.deadline.time or "",
                self.event.id, self.deadline.kind)


def key_dates(events: Iterable) -> list[KeyDate]:
    """Every deadline of *events*, in the order they fall."""
    return sorted((KeyDate(event, deadline) for event in events
                   for deadline in event.deadlines),
                  key=lambda key_date: key_date.sort_key)


def closing_soon(events: Iterable, today: datetime.date,
                 limit: int) -> list[KeyDate]:
    """The *limit* nearest deadlines that are still open on *today*."""
    return [key_date for key_date in key_dates(events)
            if still_open(key_date.deadline.date, today)][:limit]
