"""``.. event-history:: KIND`` -- a kind's events on record, newest first,
saying which dates no source confirms."""

from __future__ import annotations

from docutils import nodes

from .directive import EventDirective
from .render import count, source_links, table, where_to_look


class EventHistory(EventDirective):
    required_arguments = 1
    COLUMNS = ["Dates", "Event", "Where", "Format", "Sources"]

    def render(self):
        kind = self.kind_argument()
        info = self.data.kinds[kind]
        events = self.data.of_kind(kind)
        if not events:
            return [nodes.paragraph("", "", nodes.Text(
                f"The guide's event data holds no dated {info.name} yet: "
                "they are organised and announced locally. See "),
                where_to_look(info), nodes.Text("."))]
        rows = [[self.dates_cell(e), self.event_cell(e), self.where_cell(e),
                 self.format_cell(e), source_links(e.sources)]
                for e in events]
        caption = f"{info.name}: {count(len(events))} on record, newest first"
        result: list[nodes.Node] = [table(caption, self.COLUMNS, rows,
                                          classes=["events-guide-history"])]
        unverified = sum(1 for e in events if not e.has_dates)
        if unverified:
            result.append(nodes.paragraph("", (
                f"Dates marked \"not verified\" ({count(unverified)} in "
                "this table) are ones that no source the guide could check "
                "confirms. The guide does not guess them, and leaves those "
                "events out of the calendar feeds.")))
        return result


def setup_history(app) -> None:
    app.add_directive("event-history", EventHistory)
