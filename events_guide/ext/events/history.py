"""``.. event-history:: KIND`` -- a kind's latest events, newest first,
saying which dates no source confirms, then the kind's events per year
(a small timeline) and links to the year pages that hold every event on
record."""

from __future__ import annotations

from docutils import nodes

from . import render
from .directive import EventDirective
from .figures import kind_timeline_nodes
from .output_links import page_link
from .recent import latest, years_paragraph
from .render import (NOT_VERIFIED, count, source_links, table,
                     where_to_look)


class EventHistory(EventDirective):
    required_arguments = 1
    #: The first source of each event (the year pages list them all).
    COLUMNS = ["Dates", "Event", "Where", "Format", "Source"]
    #: How many past events the table shows besides the upcoming ones.
    RECENT = 5

    def render(self):
        kind = self.kind_argument()
        info = self.data.kinds[kind]
        events = self.data.of_kind(kind)
        if not events:
            return [nodes.paragraph("", "", nodes.Text(
                f"The guide's event data holds no dated {info.name} yet: "
                "they are organised and announced locally. See "),
                where_to_look(info), nodes.Text("."))]
        shown = latest(events, self.today, self.RECENT)
        rows = [[render.dates_cell(self.today, e),
                 render.event_cell(e, page_link),
                 render.where_cell(e), render.format_cell(e),
                 source_links(e.sources[:1])]
                for e in shown]
        caption = (f"{info.name}: {count(len(events))} on record"
                   + (f", the latest {len(shown)}" if len(shown) <
                      len(events) else "") + ", newest first")
        result: list[nodes.Node] = [table(caption, self.COLUMNS, rows,
                                          classes=["events-guide-history"])]
        if any(not e.has_dates for e in shown):
            result.append(nodes.paragraph("", NOT_VERIFIED))
        result += kind_timeline_nodes(kind)
        result.append(years_paragraph(
            f"Every {info.name} on record, with its sources, on the page of "
            "its year (an event of several kinds, such as a Summit with its "
            "Conference and Forum, counts on the page of each, so the "
            "counts differ from page to page):", events))
        return result


def setup_history(app) -> None:
    app.add_directive("event-history", EventHistory)
