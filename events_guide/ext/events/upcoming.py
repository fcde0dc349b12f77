"""``.. coming-up::`` -- the next events of every kind, nearest first, as
a short list that reads on a phone (the landing page's first screen), or
"none announced" with where to watch."""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives

from ...data.feeds import feed_name
from ...published import event_page
from .directive import EventDirective
from .output_links import feed_links, page_link
from .recent import is_upcoming


class ComingUp(EventDirective):
    option_spec = {"limit": directives.positive_int}

    def render(self):
        limit = self.options.get("limit", 4)
        coming = sorted((event for event in self.data.events
                         if event.start is not None and
                         (event.end or event.start) >= self.today
                         and event.status != "cancelled"),
                        key=lambda event: event.sort_key)[:limit]
        if not coming:
            para = nodes.paragraph(classes=["events-guide-coming-up"])
            para += nodes.Text(f"No event is announced after "
                               f"{self.today:%-d %B %Y} yet; the calendar "
                               "feed brings new ones to your calendar: ")
            para += feed_links(feed_name(None))
            para += nodes.Text(".")
            return [para]
        items = nodes.bullet_list(classes=["events-guide-coming-up"])
        for event in coming:
            running = not is_upcoming(event, self.today)
            items += nodes.list_item("", nodes.paragraph(
                "", "", nodes.strong("", event.dates_label),
                nodes.Text(": "), page_link(event.name, event_page(event.id)),
                nodes.Text(f", {event.place_label}"
                           + (" (happening now)" if running else ""))))
        para = nodes.paragraph("", "Every event in your calendar: ")
        para += feed_links(feed_name(None))
        para += nodes.Text(".")
        return [items, para]


def setup_upcoming(app) -> None:
    app.add_directive("coming-up", ComingUp)
