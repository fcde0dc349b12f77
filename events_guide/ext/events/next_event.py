"""``.. next-event:: [KIND]`` -- the next event of a kind as a sentence, or
of every kind as a table; "none announced yet" with where to watch when
the data holds none after the build date."""

from __future__ import annotations

from docutils import nodes

from ...data import day_label
from ...data.feeds import feed_name
from ...published import event_page
from . import render
from .directive import EventDirective
from .output_links import feed_links, page_link
from .render import none_announced, source_links, table


class NextEvent(EventDirective):
    optional_arguments = 1
    COLUMNS = ["Kind", "Next event", "Dates", "Where", "Calendar"]

    def render(self):
        kind = self.kind_argument(required=False)
        if kind is not None:
            return [self.sentence(kind)]
        return [table(f"The next event of each kind, as known on "
                      f"{day_label(self.today)}", self.COLUMNS,
                      [self.row(each) for each in self.data.kinds],
                      classes=["events-guide-next"])]

    def row(self, kind: str) -> list:
        upcoming = self.data.next_event(kind, self.today)
        if upcoming is None:
            return [self.kind_link(kind),
                    none_announced(self.data.kinds[kind], capital=True),
                    "—", "—", feed_links(feed_name(kind))]
        return [self.kind_link(kind),
                render.event_cell(upcoming, page_link),
                render.dates_cell(self.today, upcoming),
                render.where_cell(upcoming),
                feed_links(feed_name(kind))]

    def sentence(self, kind: str) -> nodes.paragraph:
        info = self.data.kinds[kind]
        upcoming = self.data.next_event(kind, self.today)
        para = nodes.paragraph(classes=["events-guide-next-event"])
        para += nodes.Text(f"Next {info.name}: ")
        if upcoming is None:
            para += none_announced(info, as_of=self.today)
            para += nodes.Text(", or follow the calendar feed: ")
        else:
            running = upcoming.start <= self.today
            para += nodes.strong("", "", page_link(
                upcoming.name, event_page(upcoming.id)))
            para += nodes.Text(f", {upcoming.dates_label}, "
                               f"{upcoming.place_label}"
                               + (" (happening now)" if running else "")
                               + " (source: ")
            para += source_links(upcoming.sources)
            para += nodes.Text("). Add it to your calendar: ")
        para += feed_links(feed_name(kind))
        para += nodes.Text(".")
        return para


def setup_next_event(app) -> None:
    app.add_directive("next-event", NextEvent)
