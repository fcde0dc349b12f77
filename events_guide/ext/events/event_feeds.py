"""``.. event-feeds:: [KIND]`` -- links to the calendar feeds: one kind's
in a sentence, or every feed in two tables (per kind, per region) with
their numbers of events, and what is left out of the calendars; and the
``:year-pages:`text``` role, a link to the year pages' index."""

from __future__ import annotations

from docutils import nodes

from ...data import REGION_GROUPS
from ...data.feeds import feed_name, region_feed_name
from ...published import YEARS_INDEX_PAGE
from .directive import EventDirective
from .output_links import feed_links, json_link, page_link
from .render import count, table


class EventFeeds(EventDirective):
    optional_arguments = 1

    def render(self):
        kind = self.kind_argument(required=False)
        if kind is not None:
            para = nodes.paragraph(classes=["events-guide-feeds"])
            para += nodes.Text(
                f"Calendar of {self.data.kinds[kind].name} events: ")
            para += feed_links(feed_name(kind))
            para += [nodes.Text("; or "), json_link(), nodes.Text(".")]
            return [para]
        return [self.kinds_table(), self.regions_table(),
                self.json_paragraph(), *self.left_out()]

    def kinds_table(self) -> nodes.table:
        calendar = self.data.in_calendar()
        rows = [["All events", str(len(calendar)),
                 feed_links(feed_name(None))]]
        for kind in self.data.kinds:
            in_kind = sum(1 for e in calendar if kind in e.kinds)
            rows.append([self.kind_link(kind), str(in_kind),
                         feed_links(feed_name(kind))])
        return table("One calendar feed for all events and one per kind",
                     ["Feed", "Events with dates", "Links"], rows,
                     classes=["events-guide-feeds"])

    def regions_table(self) -> nodes.table:
        calendar = self.data.in_calendar()
        rows = [[group, str(sum(1 for e in calendar
                                if e.region_group == group)),
                 feed_links(region_feed_name(group))]
                for group in REGION_GROUPS]
        return table("One calendar feed per region", ["Region",
                     "Events with dates", "Links"], rows,
                     classes=["events-guide-feeds"])

    @staticmethod
    def json_paragraph() -> nodes.paragraph:
        return nodes.paragraph(
            "", "", nodes.Text("The same data, including events without "
                               "verified dates, is available as "),
            json_link(), nodes.Text("."))

    def left_out(self) -> list[nodes.paragraph]:
        left_out = self.data.left_out_of_calendar()
        if not left_out:
            return []
        return [nodes.paragraph("", "", nodes.Text(
            "The calendar files leave out the events whose dates no source "
            f"confirms ({count(len(left_out))}); the page of each year lists "
            "them with what is known ("),
            page_link("events year by year", YEARS_INDEX_PAGE),
            nodes.Text(")."))]


def year_pages_role(name, rawtext, text, lineno, inliner, options=None,
                    content=None):
    """``:year-pages:`the events year by year``` -- a link to the index of
    the year pages, which only the HTML build writes."""
    return [page_link(text, YEARS_INDEX_PAGE)], []


def setup_event_feeds(app) -> None:
    app.add_directive("event-feeds", EventFeeds)
    app.add_role("year-pages", year_pages_role)
