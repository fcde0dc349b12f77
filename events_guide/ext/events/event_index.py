"""``.. event-index:: region|format`` -- one section per continent (online
events last) or per format: how many events it has on record, its
calendar feed (per region), its upcoming and latest events, and the years
it has events in.

Put it last in its section: the sections it makes become subsections of
the section it sits in.
"""

from __future__ import annotations

from docutils import nodes

from ...data import FORMAT_LABELS, FORMATS, REGION_GROUPS, Event, day_label
from ...published import event_page
from ...data.feeds import region_feed_name
from . import render
from .directive import EventDirective
from .output_links import feed_links, page_link
from .recent import latest, years_paragraph
from .render import count, source_links, table


def by_region(data) -> list[tuple[str, list[Event], str | None]]:
    """(title, events newest first, feed name) per continent, then online;
    every group, with events or not: each has its feed."""
    return [(group, data.in_region(group), region_feed_name(group))
            for group in REGION_GROUPS]


def by_format(data) -> list[tuple[str, list[Event], str | None]]:
    """(title, events newest first, no feed) per format."""
    newest = data.newest_first()
    return [(FORMAT_LABELS[fmt], [e for e in newest if e.format == fmt],
             None) for fmt in FORMATS]


GROUPINGS = {"region": by_region, "format": by_format}


class EventIndex(EventDirective):
    required_arguments = 1
    #: The first source of each event (the year pages list them all).
    COLUMNS = ["Dates", "Event", "Kind", "Where", "Source"]
    #: How many past events each group shows besides the upcoming ones
    #: (the region page also carries the map: three keep it light).
    RECENT = 3

    def render(self):
        grouping = self.arguments[0].strip()
        if grouping not in GROUPINGS:
            raise self.error(f"{self.name}: group by 'region' or 'format', "
                             f"not {grouping!r}")
        return [self.section(title, events, feed)
                for title, events, feed in GROUPINGS[grouping](self.data)]

    def section(self, title: str, events: list[Event],
                feed: str | None) -> nodes.section:
        section = nodes.section()
        section["names"].append(nodes.fully_normalize_name(title))
        section += nodes.title("", title)
        self.state.document.note_implicit_target(section, section)
        section += self.summary(title, events, feed)
        if not events:
            return section
        shown = latest(events, self.today, self.RECENT)
        rows = [[render.dates_cell(self.today, e),
                 render.event_cell(e, page_link),
                 [nodes.Text(", ".join(self.data.kinds[k].name
                                       for k in e.kinds))],
                 render.where_cell(e), source_links(e.sources[:1])]
                for e in shown]
        shown_words = ("the only event" if len(events) == 1 else
                       f"the latest {count(len(shown))}, newest first")
        section += table(f"{title}: {shown_words}", self.COLUMNS, rows,
                         classes=["events-guide-index"])
        section += years_paragraph(f"Every event of {title} on record, "
                                   "year by year:", events)
        return section

    def summary(self, title: str, events: list[Event],
                feed: str | None) -> nodes.paragraph:
        """How many, what comes next (or that nothing is announced), and
        the calendar of the group."""
        para = nodes.paragraph("", f"{count(len(events))} on record. ")
        coming = [event for event in events if event.start is not None
                  and (event.end or event.start) >= self.today]
        if coming:
            nearest = min(coming, key=lambda event: event.sort_key)
            para += [nodes.Text("Next: "), page_link(
                nearest.name, event_page(nearest.id)),
                nodes.Text(f", {nearest.dates_label}.")]
        else:
            para += nodes.Text(f"Nothing is announced after "
                               f"{day_label(self.today)} yet.")
        if feed is not None:
            para += nodes.Text(f" Calendar of the events of {title}: ")
            para += feed_links(feed)
            para += nodes.Text(".")
        return para


def setup_event_index(app) -> None:
    app.add_directive("event-index", EventIndex)
