"""``.. event-glance:: KIND`` -- a kind's "at a glance" box: its facts from
the registry, its next event (or where to watch for one), its calendar
feed and its sources."""

from __future__ import annotations

from docutils import nodes

from ...data.feeds import feed_name
from ...published import event_page
from .directive import EventDirective
from .output_links import feed_links, page_link
from .render import as_nodes, none_announced, source_links


class EventGlance(EventDirective):
    required_arguments = 1

    def next_text(self, kind: str) -> list[nodes.Node]:
        upcoming = self.data.next_event(kind, self.today)
        if upcoming is None:
            return none_announced(self.data.kinds[kind])
        return [page_link(upcoming.name, event_page(upcoming.id)),
                nodes.Text(f", {upcoming.dates_label}, "
                           f"{upcoming.place_label}")]

    def render(self):
        kind = self.kind_argument()
        info = self.data.kinds[kind]
        fields = [
            ("Who it is for", info.audience),
            ("Length", info.length),
            ("Format", info.format),
            ("How often", info.frequency),
            ("Organised by", info.organizer),
            ("Where", info.where),
            ("Next", self.next_text(kind)),
            ("Calendar", feed_links(feed_name(kind))),
            ("Sources", source_links(info.sources)),
        ]
        field_list = nodes.field_list()
        for label, value in fields:
            field_list += nodes.field(
                "", nodes.field_name("", label),
                nodes.field_body("", nodes.paragraph("", "",
                                                     *as_nodes(value))))
        box = nodes.topic(classes=["events-guide-glance"])
        box += nodes.title("", f"{info.name} at a glance")
        box += field_list
        return [box]


def setup_glance(app) -> None:
    app.add_directive("event-glance", EventGlance)
