"""``.. event-feeds:: [KIND]`` -- links to the calendar feeds: one kind's
in a sentence, or every feed in a table with its number of events and
the events left out of the calendars."""

from __future__ import annotations

from docutils import nodes

from .directive import EventDirective
from .nodes import feed_links, json_link
from .render import count, table


class EventFeeds(EventDirective):
    optional_arguments = 1

    def render(self):
        kind = self.kind_argument(required=False)
        if kind is not None:
            para = nodes.paragraph(classes=["events-guide-feeds"])
            para += nodes.Text(
                f"Calendar of {self.data.kinds[kind].name} events: ")
            para += feed_links(kind)
            para += [nodes.Text("; or "), json_link(), nodes.Text(".")]
            return [para]
        return [self.feeds_table(), self.json_paragraph(),
                *self.left_out()]

    def feeds_table(self) -> nodes.table:
        calendar = self.data.in_calendar()
        rows = [["All events", str(len(calendar)), feed_links(None)]]
        for kind in self.data.kinds:
            in_kind = sum(1 for e in calendar if kind in e.kinds)
            rows.append([self.kind_link(kind), str(in_kind),
                         feed_links(kind)])
        return table("One calendar feed for all events and one per kind",
                     ["Feed", "Events with dates", "Links"], rows,
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
        names = "; ".join(f"{e.name}: {e.dates_label}" for e in left_out)
        return [nodes.paragraph("", (
            "Left out of the calendar files because no source confirms "
            f"both of their dates ({count(len(left_out))}): {names}."))]


def setup_event_feeds(app) -> None:
    app.add_directive("event-feeds", EventFeeds)
