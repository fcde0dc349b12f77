"""Year pages: every event of a year, with its sources, on a page of its own.

The pages that show events keep their lists short (:mod:`.recent`); the
whole history lives here, generated from the data at ``html-collect-pages``
(:mod:`.generated`: the theme's page template, the full head, the search
index): ``history/<year>.html`` for each year with an event on record
(split into parts of at most :data:`PAGE_SIZE` events,
``history/<year>-2.html`` and on, so that no page outgrows its budget) and
``history/index.html``, the years side by side. Only the web builders
write them (:mod:`events_guide.published`); elsewhere the links to them
point at the published pages.
"""

from __future__ import annotations

from docutils import nodes

from ... import published
from ...data.feeds import feed_name
from ...published import YEARS_INDEX_PAGE, year_page
from ..build_date import build_day
from . import render
from .data import event_data
from .figures import timeline_nodes
from .generated import GeneratedPage, PageWriter, page_tuple

#: At most this many events on one year page (a part of a year).
PAGE_SIZE = 30
COLUMNS = ["Dates", "Event", "Kind", "Where", "Sources"]


class YearPageWriter(PageWriter):
    """The parts every year page and the years' index share."""

    def kinds_cell(self, event) -> list[nodes.Node]:
        cell: list[nodes.Node] = []
        for kind in event.kinds:
            if cell:
                cell.append(nodes.Text(", "))
            info = self.data.kinds[kind]
            cell.append(self.page_link(info.name, info.page))
        return cell

    def feeds_paragraph(self) -> nodes.paragraph:
        folder = published.FEEDS_FOLDER
        return nodes.paragraph("", "", nodes.Text(
            "Every dated event is also in the calendar file "),
            self.file_link("events.ics", f"{folder}/{feed_name(None)}"),
            nodes.Text(", and every event in "),
            self.file_link("events.json",
                           f"{folder}/{feed_name(None, 'json')}"),
            nodes.Text("."))

    def years_paragraph(self, current: int) -> nodes.paragraph:
        para = nodes.paragraph("", "Other years: ")
        for index, year in enumerate(self.data.years()):
            if index:
                para += nodes.Text(" · ")
            para += (nodes.strong("", str(year)) if year == current
                     else self.page_link(str(year), year_page(year)))
        para += [nodes.Text(" (all years: "),
                 self.page_link("events year by year", YEARS_INDEX_PAGE),
                 nodes.Text(").")]
        return para


def _parts(events: list) -> list[list]:
    """The events cut into pages of at most :data:`PAGE_SIZE`."""
    return [events[i:i + PAGE_SIZE]
            for i in range(0, len(events), PAGE_SIZE)] or [[]]


def year_section(writer: YearPageWriter, year: int, part: int,
                 parts: list[list]) -> tuple[nodes.section, str]:
    """The body of the year page (part *part* of ``len(parts)``) and its
    one-sentence summary."""
    events, total = parts[part - 1], sum(map(len, parts))
    title = _title(year, part, len(parts))
    summary = (f"Every OpenStack community event of {year} that the guide "
               f"has on record ({render.count(total)}), oldest first, each "
               "with the sources that confirm its dates and place.")
    today = build_day(writer.app.config)
    rows = [[render.dates_cell(today, e),
             render.event_cell(e, writer.page_link),
             writer.kinds_cell(e), render.where_cell(e),
             render.source_links(e.sources)] for e in events]
    section = nodes.section(ids=["events-of-" + str(year)])
    section += nodes.title("", title)
    section += nodes.paragraph("", summary)
    section += render.table(f"{title}: {render.count(len(events))}",
                            COLUMNS, rows, classes=["events-guide-year"])
    section[-1]["ids"] = [f"events-{year}-part-{part}"]
    if len(parts) > 1:
        section += _parts_paragraph(writer, year, part, len(parts))
    if any(not e.has_dates for e in events):
        section += nodes.paragraph("", render.NOT_VERIFIED)
    section += writer.years_paragraph(year)
    section += writer.feeds_paragraph()
    return section, summary


def _parts_paragraph(writer, year, part, count) -> nodes.paragraph:
    para = nodes.paragraph("", f"The events of {year} fill {count} pages: ")
    for number in range(1, count + 1):
        if number > 1:
            para += nodes.Text(" · ")
        text = f"part {number}"
        para += (nodes.strong("", text) if number == part
                 else writer.page_link(text, year_page(year, number)))
    para += nodes.Text(".")
    return para


def index_section(writer: YearPageWriter) -> tuple[nodes.section, str]:
    """The index of the year pages: each year and its number of events."""
    data = writer.data
    summary = ("Every year of the OpenStack community's events that the "
               "guide has on record, each with a page that lists its "
               "events and their sources.")
    rows = []
    for year in sorted(data.years(), reverse=True):
        events = data.of_year(year)
        rows.append([writer.page_link(str(year), year_page(year)),
                     str(len(events)),
                     str(sum(1 for e in events if e.has_dates))])
    section = nodes.section(ids=["events-year-by-year"])
    section += nodes.title("", "Events year by year")
    section += nodes.paragraph("", summary)
    section += render.table("The years on record, newest first",
                            ["Year", "Events", "With verified dates"], rows,
                            classes=["events-guide-years"])
    section[-1]["ids"] = ["years-on-record"]
    section += writer.feeds_paragraph()
    return section, summary


def _with_timeline(writer: YearPageWriter, section: nodes.section
                   ) -> nodes.section:
    """The index with its timeline after the summary: each year's column
    links to the year's page (beside the index)."""
    section.insert(2, timeline_nodes(
        writer.app, writer.data,
        lambda year: writer.uri(writer.app.builder.get_target_uri(
            year_page(year))))[0])
    return section


def generated_pages(app):
    """Every year page and the index, for ``html-collect-pages``; each year
    page's previous and next links lead to the pages of the years (and
    parts) before and after it."""
    if not published.writes_generated_files(app.builder.name):
        return []
    data = event_data(app.env)
    sequence = []   # (pagename, year, part, parts), oldest first
    for year in data.years():
        parts = _parts(data.of_year(year))
        sequence += [(year_page(year, part), year, part, parts)
                     for part in range(1, len(parts) + 1)]
    pages = []
    for index, (pagename, year, part, parts) in enumerate(sequence):
        section, summary = year_section(YearPageWriter(app, pagename),
                                        year, part, parts)
        pages.append(page_tuple(app, GeneratedPage(
            pagename, section, summary,
            previous=_neighbour(sequence, index - 1),
            next=_neighbour(sequence, index + 1))))
    writer = YearPageWriter(app, YEARS_INDEX_PAGE)
    section, summary = index_section(writer)
    _with_timeline(writer, section)
    pages.append(page_tuple(app, GeneratedPage(YEARS_INDEX_PAGE, section,
                                               summary)))
    return pages


def _neighbour(sequence, index):
    """(pagename, title) of the year page at *index*, or None."""
    if not 0 <= index < len(sequence):
        return None
    pagename, year, part, parts = sequence[index]
    return pagename, _title(year, part, len(parts))


def _title(year: int, part: int, parts: int) -> str:
    return f"Events of {year}" + (f", part {part} of {parts}"
                                  if parts > 1 else "")


def setup_archive(app) -> None:
    app.connect("html-collect-pages", generated_pages)
