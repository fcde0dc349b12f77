"""Event pages: one page per event, ``events/<id>.html``, with its calendar
file beside it (``events/<id>.ics``).

Generated from the data at ``html-collect-pages`` like the year pages
(:mod:`.generated`: the theme's template, the full head, the search
index, previous and next links to the events before and after it). Each
page says what the guide knows of one event: its kinds (linked to their
pages), dates in words, place (with a link to it on OpenStreetMap) or
"online", format, status and what was planned before a change, note and
stand-in, then one click to a calendar (the ``.ics`` file, Google
Calendar, Outlook), and its sources with their quotes and the day each
was read. Its head carries the event as schema.org JSON-LD
(:mod:`events_guide.data.structured_data`), when its dates are known.

Only the web builders write them (:mod:`events_guide.published`);
elsewhere links to them point at the published pages.
"""

from __future__ import annotations

import pathlib
import urllib.parse

from docutils import nodes

from ... import published
from ...data import day_label
from ...data.calendar_links import google_calendar_url, outlook_calendar_url
from ...data.deadlines import still_open
from ...data.feeds import deadline_feed_name, event_calendar_files
from ...evidence import QUOTE_CLASS
from ...data.structured_data import event_json_ld, json_ld_script
from ...published import event_calendar_file, event_page, year_page
from ..build_date import build_day
from . import render
from .data import event_data
from .feeds import atomic_write, calendar_entries, published_url
from .generated import GeneratedPage, PageWriter, page_tuple

#: OpenStreetMap's search, for a plain link to the place (no map is
#: embedded: the page stays one request and loads nothing from elsewhere).
OPENSTREETMAP_SEARCH = "https://www.openstreetmap.org/search"


def openstreetmap_url(place) -> str:
    query = urllib.parse.urlencode({"query": str(place)})
    return f"{OPENSTREETMAP_SEARCH}?{query}"


def summary(event, data) -> str:
    """The page's one-sentence description."""
    kinds = ", ".join(data.kinds[kind].name for kind in event.kinds)
    status = f" ({event.status_label.lower()})" if event.status_label \
        else ""
    where = "online" if event.is_virtual else event.place_label
    offer = (" Its facts with their sources, and the event for your "
             "calendar." if event.has_dates else
             " What the guide knows of it, with its sources.")
    return f"{event.name}{status}: {kinds}, {event.dates_label}, {where}." \
        + offer


class EventPageWriter(PageWriter):
    """The body of one event's page."""

    def __init__(self, app, event):
        super().__init__(app, event_page(event.id))
        self.event = event

    def _field(self, label: str, value) -> nodes.field:
        return nodes.field("", nodes.field_name("", label),
                           nodes.field_body("", nodes.paragraph(
                               "", "", *render.as_nodes(value))))

    def facts(self) -> nodes.field_list:
        event, data = self.event, self.data
        kinds: list[nodes.Node] = []
        for kind in event.kinds:
            if kinds:
                kinds.append(nodes.Text(", "))
            kinds.append(self.page_link(data.kinds[kind].name,
                                        data.kinds[kind].page))
        today = build_day(self.app.config)
        where: list[nodes.Node] = [nodes.Text(event.place_label)]
        if event.place is not None and not event.is_virtual:
            where += [nodes.Text(" ("), render.link(
                "on OpenStreetMap", openstreetmap_url(event.place)),
                nodes.Text(")")]
        fields = nodes.field_list(classes=["events-guide-event-facts"])
        fields += self._field("Kind" if len(event.kinds) == 1 else "Kinds",
                              kinds)
        fields += self._field("Dates", render.dates_cell(today, event))
        fields += self._field("Where", where)
        fields += self._field("Format", event.format_label)
        if event.status_label:
            fields += self._field("Status", self.status_text())
        if event.note:
            fields += self._field("Note", event.note)
        if event.stand_in:
            fields += self._field("Held instead", (
                "It took the place of this kind of event that year without "
                "being one, and is not counted as one."))
        return fields

    def status_text(self) -> list[nodes.Node]:
        event = self.event
        text: list[nodes.Node] = [nodes.strong("", event.status_label)]
        before = [part for part in (event.previous_dates_label,
                                    str(event.previous_place or ""))
                  if part]
        if before:
            text.append(nodes.Text(f"; planned before for "
                                   f"{', '.join(before)}"))
        return text

    def key_dates_section(self) -> nodes.section:
        """Each deadline: what, when (with its time and zone where the
        source gives one) and the source that says so."""
        section = nodes.section(ids=["key-dates"])
        section += nodes.title("", "Key dates")
        today = build_day(self.app.config)
        items = nodes.bullet_list(classes=["events-guide-key-dates"])
        for deadline in sorted(self.event.deadlines,
                               key=lambda d: (d.date, d.time or "")):
            para = nodes.paragraph("", "", nodes.strong("", deadline.label),
                                   nodes.Text(f": {deadline.when_label}"))
            if still_open(deadline.date, today):
                para += [nodes.Text(" "), nodes.strong("", "(open)")]
            items += nodes.list_item("", para)
        section += items
        section += nodes.paragraph("", "", nodes.Text(
            "Every key date of every event is in one calendar: "),
            self.file_link("key dates (.ics)", f"{published.FEEDS_FOLDER}/"
                           f"{deadline_feed_name()}"), nodes.Text("."))
        return section

    def calendar_section(self) -> nodes.section:
        event = self.event
        section = nodes.section(ids=["add-it-to-your-calendar"])
        section += nodes.title("", "Add it to your calendar")
        if not event.has_dates:
            section += nodes.paragraph("", (
                "No calendar file and no event data for search engines: no "
                "source the guide could check confirms its dates. The "
                "guide never guesses them."))
            return section
        section += self._calendar_paragraph()
        if not event.fully_known:
            section += nodes.paragraph("", (
                "No event data for search engines: no source the guide "
                "could check gives its place or its format."))
        return section

    def _calendar_paragraph(self) -> nodes.paragraph:
        event = self.event
        page_url = published_url(self.app.config, self.pagename)
        para = nodes.paragraph(classes=["events-guide-add-to-calendar"])
        para += [self.file_link("Download the calendar file",
                                event_calendar_file(event.id)),
                 nodes.Text(" (.ics, for any calendar app) · "),
                 render.link("Google Calendar",
                             google_calendar_url(event, page_url)),
                 nodes.Text(" · "),
                 render.link("Outlook", outlook_calendar_url(event,
                                                             page_url))]
        return para

    def sources_section(self) -> nodes.section:
        section = nodes.section(ids=["sources"])
        section += nodes.title("", "Sources")
        section += nodes.paragraph("", (
            "Where each fact on this page was read, in the source's own "
            "words, and the day it was read there:"))
        section += self.source_list(self.event.sources)
        if self.event.status_sources:
            section += nodes.paragraph(
                "", f"What says it is {self.event.status_label.lower()}:")
            section += self.source_list(self.event.status_sources)
        if self.event.deadlines:
            section += nodes.paragraph("", "What gives its key dates:")
            section += self.source_list(dict.fromkeys(
                source for deadline in self.event.deadlines
                for source in deadline.sources))
        return section

    @staticmethod
    def source_list(sources) -> nodes.bullet_list:
        items = nodes.bullet_list(classes=["events-guide-sources"])
        for source in sources:
            items += nodes.list_item("", nodes.paragraph(
                "", "", render.link(source.title, source.url),
                nodes.Text(": "),
                nodes.inline("", f"“{source.quote}”",
                             classes=[QUOTE_CLASS]),
                nodes.Text(f" (checked {day_label(source.checked)})")))
        return items

    def more_section(self) -> nodes.section:
        event, data = self.event, self.data
        section = nodes.section(ids=["more-events"])
        section += nodes.title("", "More events")
        items = nodes.bullet_list(classes=["events-guide-more"])
        if event.known_year:
            items += nodes.list_item("", nodes.paragraph(
                "", "", self.page_link(f"Every event of {event.known_year}",
                                       year_page(event.known_year))))
        for kind in event.kinds:
            info = data.kinds[kind]
            items += nodes.list_item("", nodes.paragraph(
                "", "", self.page_link(info.name, info.page),
                nodes.Text(": what they are, and the next one")))
        section += items
        return section

    def section(self, description: str) -> nodes.section:
        """The page: its title, its one-sentence description (which says
        the status beside the name when it changed), the facts and the
        rest."""
        event = self.event
        section = nodes.section(ids=["event-" + event.id])
        section += nodes.title("", event.name)
        section += nodes.paragraph("", description)
        section += self.facts()
        if event.deadlines:
            section += self.key_dates_section()
        section += self.calendar_section()
        section += self.sources_section()
        section += self.more_section()
        return section


def _json_ld(app, event, description: str) -> str:
    record = event_json_ld(event, event_data(app.env), description=description,
                           page_url=published_url(app.config,
                                                  event_page(event.id)))
    return json_ld_script(record) if record is not None else ""


def generated_pages(app):
    """Every event's page, oldest event first, for
    ``html-collect-pages``."""
    if not published.writes_generated_files(app.builder.name):
        return []
    data = event_data(app.env)
    events = sorted(data.events, key=lambda e: e.sort_key)
    pages = []
    for index, event in enumerate(events):
        writer = EventPageWriter(app, event)
        description = summary(event, data)
        pages.append(page_tuple(app, GeneratedPage(
            writer.pagename, writer.section(description), description,
            previous=_neighbour(events, index - 1),
            next=_neighbour(events, index + 1),
            data_line=event.line,
            head=_json_ld(app, event, description))))
    return pages


def _neighbour(events, index):
    if not 0 <= index < len(events):
        return None
    return event_page(events[index].id), events[index].name


def write_calendar_files(app, exception) -> None:
    """Each dated event's one-event calendar file beside its page."""
    if exception is not None or \
            not published.writes_generated_files(app.builder.name):
        return
    files = event_calendar_files(calendar_entries(app))
    outdir = pathlib.Path(app.outdir)
    written = set()
    for event_id, content in files.items():
        path = outdir / event_calendar_file(event_id)
        atomic_write(path, content)
        written.add(path)
    # The calendar file of an event removed from the data, or whose dates
    # are no longer confirmed, goes with it (as its page does).
    for path in (outdir / published.EVENT_PAGES.folder).glob("*.ics"):
        if path not in written:
            path.unlink()


def setup_event_pages(app) -> None:
    app.connect("html-collect-pages", generated_pages)
    app.connect("build-finished", write_calendar_files)
