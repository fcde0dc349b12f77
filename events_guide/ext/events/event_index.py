"""``.. event-index:: region|format`` -- every event grouped by continent
(online events last) or by format, one section per group.

Put it last in its section: the sections it makes become subsections of
the section it sits in.
"""

from __future__ import annotations

from docutils import nodes

from ...data import FORMAT_LABELS, FORMATS, Event
from .directive import EventDirective
from .render import count, source_links, table

ONLINE = "Online"


def by_region(events: list[Event]):
    """Groups by continent, sorted, then the online events; titles."""
    groups: dict[str, list[Event]] = {}
    for event in events:
        groups.setdefault(ONLINE if event.is_virtual else event.region,
                          []).append(event)
    order = sorted(key for key in groups if key != ONLINE)
    if ONLINE in groups:
        order.append(ONLINE)
    return {key: groups[key] for key in order}, {k: k for k in order}


def by_format(events: list[Event]):
    """One group per format, in the data's order, even when empty."""
    groups: dict[str, list[Event]] = {fmt: [] for fmt in FORMATS}
    for event in events:
        groups[event.format].append(event)
    return groups, FORMAT_LABELS


GROUPINGS = {"region": by_region, "format": by_format}


class EventIndex(EventDirective):
    required_arguments = 1
    COLUMNS = ["Dates", "Event", "Kind", "Where", "Sources"]
    EMPTY = "No event of this format is recorded yet."

    def render(self):
        grouping = self.arguments[0].strip()
        if grouping not in GROUPINGS:
            raise self.error(f"{self.name}: group by 'region' or 'format', "
                             f"not {grouping!r}")
        groups, titles = GROUPINGS[grouping](self.data.newest_first())
        return [self.section(titles[key], events)
                for key, events in groups.items()]

    def section(self, title: str, events: list[Event]) -> nodes.section:
        section = nodes.section()
        section["names"].append(nodes.fully_normalize_name(title))
        section += nodes.title("", title)
        self.state.document.note_implicit_target(section, section)
        if not events:
            section += nodes.paragraph("", self.EMPTY)
            return section
        rows = [[self.dates_cell(e), self.event_cell(e),
                 [nodes.Text(", ".join(self.data.kinds[k].name
                                       for k in e.kinds))],
                 self.where_cell(e), source_links(e.sources)]
                for e in events]
        section += table(f"{title}: {count(len(rows))}, newest first",
                         self.COLUMNS, rows, classes=["events-guide-index"])
        return section


def setup_event_index(app) -> None:
    app.add_directive("event-index", EventIndex)
