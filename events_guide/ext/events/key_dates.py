"""Key dates on the pages: ``.. closing-soon::`` (the nearest deadlines
still open, or "none announced" and where to watch) and ``.. event-deadlines::
KIND`` (when a kind's usual deadlines fall, from the data)."""

from __future__ import annotations

import statistics

from docutils import nodes
from docutils.parsers.rst import directives

from ...data.deadlines import DEADLINE_KINDS, closing_soon, key_dates
from ...data.feeds import deadline_feed_name
from ...published import event_page
from .directive import EventDirective
from .output_links import feed_links, page_link
from .render import count, where_to_look

#: The kinds whose "where to look" a reader is sent to when nothing is open.
_WATCH = ("summit", "ptg", "days")


class ClosingSoon(EventDirective):
    """The nearest deadlines after the build date, nearest first."""

    option_spec = {"limit": directives.positive_int}

    def render(self):
        limit = self.options.get("limit", 5)
        soon = closing_soon(self.data.events, self.today, limit)
        if not soon:
            para = nodes.paragraph(classes=["events-guide-closing-soon"])
            para += nodes.Text(
                "No call for proposals, sign-up or other deadline is "
                f"announced after {self.today:%-d %B %Y} yet. They are "
                "announced with each event: watch ")
            watch = [kind for kind in _WATCH if kind in self.data.kinds]
            for index, kind in enumerate(watch):
                if index:
                    para += nodes.Text(", " if index < len(watch) - 1
                                       else " and ")
                para += where_to_look(self.data.kinds[kind])
            para += nodes.Text(", or subscribe to the key dates: ")
            para += feed_links(deadline_feed_name())
            para += nodes.Text(".")
            return [para]
        items = nodes.bullet_list(classes=["events-guide-closing-soon"])
        for key_date in soon:
            deadline, event = key_date.deadline, key_date.event
            items += nodes.list_item("", nodes.paragraph(
                "", "", nodes.strong("", deadline.when_label),
                nodes.Text(f": {deadline.label}, "),
                page_link(event.name, event_page(event.id))))
        para = nodes.paragraph("", "Every key date in your calendar: ")
        para += feed_links(deadline_feed_name())
        para += nodes.Text(".")
        return [items, para]


def _before(days: float) -> str:
    """``6 weeks``, ``4 months``: how long before an event."""
    if days < 56:
        weeks = max(1, round(days / 7))
        return f"{weeks} week{'s' if weeks != 1 else ''}"
    months = round(days / 30.4)
    return f"{months} months"


def _span(shortest: float, longest: float) -> str:
    """``6 weeks``, ``3 to 5 months``, ``7 weeks to 3 months``."""
    low, high = _before(shortest), _before(longest)
    if low == high:
        return low
    if low.split()[1].rstrip("s") == high.split()[1].rstrip("s"):
        return f"{low.split()[0]} to {high}"
    return f"{low} to {high}"


class EventDeadlines(EventDirective):
    """When a kind's usual deadlines fall: for each kind of deadline its
    events had, how long before the event's first day, from the data."""

    required_arguments = 1

    def render(self):
        kind = self.kind_argument()
        info = self.data.kinds[kind]
        events = [event for event in self.data.events
                  if kind in event.kinds and event.start is not None]
        by_kind: dict[str, list] = {}
        for key_date in key_dates(events):
            if DEADLINE_KINDS[key_date.deadline.kind].concerns(kind):
                by_kind.setdefault(key_date.deadline.kind, []).append(
                    key_date)
        if not by_kind:
            return [nodes.paragraph("", "", nodes.Text(
                f"The guide's data holds no key dates for {info.name} "
                "yet: when one is announced, it is at "),
                where_to_look(info), nodes.Text("."))]
        items = nodes.bullet_list(classes=["events-guide-usual-deadlines"])
        for deadline_kind in DEADLINE_KINDS:
            found = by_kind.get(deadline_kind)
            if not found:
                continue
            before = [(key_date.event.start - key_date.deadline.date).days
                      for key_date in found]
            latest = found[-1]
            span = _span(min(before), max(before))
            record = count(len(found))
            if " to " in span:
                record += (f", {_before(statistics.median(before))} "
                           "at the median")
            para = nodes.paragraph(
                "", "", nodes.strong("", DEADLINE_KINDS[deadline_kind].label),
                nodes.Text(f": {span} before ({record}; latest: "),
                page_link(latest.deadline.when_label.split(",")[0],
                          event_page(latest.event.id)),
                nodes.Text(")."))
            items += nodes.list_item("", para)
        para = nodes.paragraph("", f"Key dates of every {info.name} in your "
                               "calendar: ")
        para += feed_links(deadline_feed_name(kind))
        para += nodes.Text(".")
        return [items, para]


def setup_key_dates(app) -> None:
    app.add_directive("closing-soon", ClosingSoon)
    app.add_directive("event-deadlines", EventDeadlines)
