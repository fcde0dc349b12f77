"""Year pages: every event of a year, with its sources, on a page of its own.

The pages that show events keep their lists short (:mod:`.recent`); the
whole history lives here, generated from the data at ``html-collect-pages``
with the theme's page template: ``history/<year>.html`` for each year with
an event on record (split into parts of at most :data:`PAGE_SIZE` events,
``history/<year>-2.html`` and on, so that no page outgrows its budget) and
``history/index.html``, the years side by side. The pages go into the
search index like any other. Only HTML builders write them; elsewhere the
links to them point at the published pages.
"""

from __future__ import annotations

import html

from docutils import nodes
from docutils.utils import new_document
from sphinx.util.osutil import relative_uri

from ...data import EventData
from ...data.feeds import feed_name
from ..build_date import build_day
from . import render
from .data import event_data
from .recent import HISTORY_FOLDER, year_page

#: At most this many events on one year page (a part of a year).
PAGE_SIZE = 30
#: The builders that write the year pages (their output is a web site).
ARCHIVE_BUILDERS = ("html", "dirhtml")
INDEX_PAGE = f"{HISTORY_FOLDER}/index"
COLUMNS = ["Dates", "Event", "Kind", "Where", "Sources"]


class PageWriter:
    """Builds one generated page's body as docutils nodes, with links
    relative to where the page lands."""

    def __init__(self, app, pagename: str):
        self.app, self.pagename = app, pagename
        self.data: EventData = event_data(app.env)

    def uri(self, target: str) -> str:
        """A relative link from this page to a file of the output."""
        return relative_uri(self.app.builder.get_target_uri(self.pagename),
                            target)

    def doc_link(self, text: str, docname: str) -> nodes.reference:
        return nodes.reference("", text, internal=True, refuri=self.uri(
            self.app.builder.get_target_uri(docname)))

    def page_link(self, text: str, pagename: str) -> nodes.reference:
        return nodes.reference("", text, internal=True, refuri=self.uri(
            self.app.builder.get_target_uri(pagename)))

    def file_link(self, text: str, path: str) -> nodes.reference:
        return nodes.reference("", text, internal=True,
                               refuri=self.uri(path))

    def kinds_cell(self, event) -> list[nodes.Node]:
        cell: list[nodes.Node] = []
        for kind in event.kinds:
            if cell:
                cell.append(nodes.Text(", "))
            info = self.data.kinds[kind]
            cell.append(self.doc_link(info.name, info.page))
        return cell

    def feeds_paragraph(self) -> nodes.paragraph:
        folder = self.app.config.events_guide_feeds_dir.strip("/")
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
                 self.page_link("events year by year", INDEX_PAGE),
                 nodes.Text(").")]
        return para


def _parts(events: list) -> list[list]:
    """The events cut into pages of at most :data:`PAGE_SIZE`."""
    return [events[i:i + PAGE_SIZE]
            for i in range(0, len(events), PAGE_SIZE)] or [[]]


def year_section(writer: PageWriter, year: int, part: int,
                 parts: list[list]) -> tuple[nodes.section, str]:
    """The body of the year page (part *part* of ``len(parts)``) and its
    one-sentence summary."""
    events, total = parts[part - 1], sum(map(len, parts))
    title = f"Events of {year}" + (
        f", part {part} of {len(parts)}" if len(parts) > 1 else "")
    summary = (f"Every OpenStack community event of {year} that the guide "
               f"has on record ({render.count(total)}), oldest first, each "
               "with the sources that confirm its dates and place.")
    today = build_day(writer.app.config)
    rows = [[render.dates_cell(e, today), render.event_cell(e),
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


def index_section(writer: PageWriter) -> tuple[nodes.section, str]:
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


def _page(app, pagename: str, section: nodes.section, summary: str):
    """(pagename, context, template) for ``html-collect-pages``; the page
    also goes into the search index."""
    title = section[0].astext()
    document = new_document(pagename, getattr(app.builder, "docsettings",
                                              None))
    document += section.deepcopy()
    if getattr(app.builder, "indexer", None) is not None:
        app.builder.indexer.feed(pagename, f"{pagename}.html", title,
                                 document)
    # What the builder sets for each document it writes, which a build that
    # writes no document (nothing changed) has not set: this page has no
    # numbered figures or sections.
    app.builder.fignumbers, app.builder.secnumbers = {}, {}
    app.builder.current_docname = pagename
    body = app.builder.render_partial(section)["fragment"]
    context = {"title": title, "body": body,
               "metatags": '<meta name="description" content="'
                           f'{html.escape(summary)}" />\n'}
    return pagename, context, "page.html"


def generated_pages(app):
    """Every year page and the index, for ``html-collect-pages``."""
    if app.builder.name not in ARCHIVE_BUILDERS:
        return []
    data = event_data(app.env)
    pages = []
    for year in data.years():
        parts = _parts(data.of_year(year))
        for part in range(1, len(parts) + 1):
            pagename = year_page(year, part)
            section, summary = year_section(PageWriter(app, pagename), year,
                                            part, parts)
            pages.append(_page(app, pagename, section, summary))
    section, summary = index_section(PageWriter(app, INDEX_PAGE))
    pages.append(_page(app, INDEX_PAGE, section, summary))
    return pages


def setup_archive(app) -> None:
    app.connect("html-collect-pages", generated_pages)
