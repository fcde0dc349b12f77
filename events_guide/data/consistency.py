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
from typing import Iterator

from .deadlines import DEADLINE_KINDS
from .models import Event


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


def deadline_problems(event: Event) -> Iterator[Problem]:
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


#: Every whole-entry check, run on each valid entry.
ENTRY_CHECKS = (deadline_problems,)


def entry_problems(event: Event) -> list[Problem]:
    return [problem for check in ENTRY_CHECKS for problem in check(event)]
