"""``.. event-comparison::`` -- every kind of the registry side by side, in
one table, with the sources of its facts below it."""

from __future__ import annotations

from docutils import nodes

from .directive import EventDirective
from .render import source_links, table


class EventComparison(EventDirective):
    COLUMNS = ["Kind", "Who it is for", "Length", "Format", "How often",
               "Organised by", "Where"]

    def render(self):
        kinds = self.data.kinds
        rows = [[self.kind_link(kind), info.audience, info.length,
                 info.format, info.frequency, info.organizer, info.where]
                for kind, info in kinds.items()]
        sources = {(s.url, s.title): s
                   for info in kinds.values() for s in info.sources}
        return [
            table("The kinds of event side by side", self.COLUMNS, rows,
                  classes=["events-guide-comparison"]),
            nodes.paragraph("", "", nodes.Text("Sources for the table: "),
                            *source_links(sources.values()),
                            nodes.Text("."),
                            classes=["events-guide-sources"]),
        ]


def setup_comparison(app) -> None:
    app.add_directive("event-comparison", EventComparison)
