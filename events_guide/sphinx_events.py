"""Sphinx extension that renders the guide's event data and writes feeds.

Directives (the content pages use them):

``.. event-comparison::``      the kinds side by side, in one table
``.. event-glance:: KIND``     a kind's "at a glance" box
``.. event-history:: KIND``    a kind's events on record, newest first
``.. next-event:: [KIND]``     the next event of a kind (or of every kind,
                               as a table), or "none announced yet"
``.. event-feeds:: [KIND]``    download/subscribe links for the feeds
``.. event-index:: region|format``  every event grouped by continent or by
                               format, one section per group

Configuration (section 5 of ``doc/source/conf.py``):

``events_guide_events_file``  events YAML, relative to the source folder
``events_guide_kinds_file``   kinds YAML, relative to the source folder
``events_guide_feeds_dir``    folder of the feeds inside the HTML output
``events_guide_uid_domain``   right-hand side of every calendar UID
``events_guide_build_date``   ``YYYY-MM-DD`` to pin "today"; by default
                              ``SOURCE_DATE_EPOCH`` when set, else today

The data is loaded and checked once, when the builder starts: each problem
is logged as an error that names the file, line, entry and field, and the
build stops (exit status 2, no traceback) before any page or feed is
written. Each page that shows event data depends on the YAML files, so
editing them rebuilds those pages; pages whose content depends on the date
("next event", "upcoming") are re-read when the build date changes.
"""

from __future__ import annotations

import datetime
import pathlib
from typing import Iterable, Optional

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from . import feeds
from .build_date import build_datetime as source_build_datetime
from .event_data import (FORMAT_LABELS, FORMATS, KIND_IDS, Event, EventData,
                         EventDataError, load)

logger = logging.getLogger(__name__)

#: Builders that get the feed files in their output folder.
FEED_BUILDERS = ("html", "dirhtml", "singlehtml")

_FEED_ATTR = "events_guide_feed"
_WEBCAL_ATTR = "events_guide_webcal"


# -- Build date and data ------------------------------------------------------

def build_datetime(config) -> datetime.datetime:
    """The moment the build stands for, in UTC.

    ``events_guide_build_date`` when configured, else ``SOURCE_DATE_EPOCH``
    (reproducible builds), else today at midnight UTC (so that two builds on
    the same day give identical feeds).
    """
    pinned = getattr(config, "events_guide_build_date", None)
    if pinned:
        if isinstance(pinned, datetime.datetime):
            return pinned.astimezone(datetime.timezone.utc)
        if isinstance(pinned, datetime.date):
            day = pinned
        else:
            try:
                day = datetime.date.fromisoformat(str(pinned))
            except ValueError:
                raise ConfigError(
                    f"events_guide_build_date = {pinned!r} is not a date; "
                    "write it as 'YYYY-MM-DD' or leave it unset") from None
        return datetime.datetime(day.year, day.month, day.day,
                                 tzinfo=datetime.timezone.utc)
    return source_build_datetime()


def data_paths(srcdir, config) -> tuple[pathlib.Path, pathlib.Path]:
    srcdir = pathlib.Path(srcdir)
    return (srcdir / config.events_guide_events_file,
            srcdir / config.events_guide_kinds_file)


_cache: dict[tuple, EventData] = {}


def event_data(srcdir, config) -> EventData:
    """The checked data, loaded once per process while the files are
    unchanged."""
    paths = data_paths(srcdir, config)
    key = tuple((str(p), p.stat().st_mtime_ns if p.exists() else None)
                for p in paths)
    if key not in _cache:
        _cache.clear()
        _cache[key] = load(*paths)
    return _cache[key]


# -- Small node builders ------------------------------------------------------

def _text_or_nodes(value) -> list[nodes.Node]:
    if isinstance(value, nodes.Node):
        return [value]
    if isinstance(value, (list, tuple)):
        return list(value)
    return [nodes.Text(str(value))]


def _cell(value) -> nodes.entry:
    entry = nodes.entry()
    if isinstance(value, nodes.Element) and not isinstance(
            value, (nodes.Inline, nodes.TextElement)) or isinstance(
            value, nodes.paragraph):
        entry += value
    else:
        entry += nodes.paragraph("", "", *_text_or_nodes(value))
    return entry


def _table(caption: str, headers: list[str], rows: list[list],
           classes: Iterable[str] = ()) -> nodes.table:
    """An accessible table: a caption and a header row."""
    table = nodes.table(classes=["events-guide-table", *classes])
    table += nodes.title("", caption)
    group = nodes.tgroup(cols=len(headers))
    table += group
    for _ in headers:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    group += head
    header_row = nodes.row()
    for header in headers:
        header_row += _cell(header)
    head += header_row
    body = nodes.tbody()
    group += body
    for values in rows:
        row = nodes.row()
        for value in values:
            row += _cell(value)
        body += row
    return table


def _count(number: int, word: str = "event") -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _link(text: str, url: str) -> nodes.reference:
    return nodes.reference("", text, refuri=url, internal=False)


def _sources(event_or_kind) -> list[nodes.Node]:
    parts: list[nodes.Node] = []
    for index, source in enumerate(event_or_kind.sources):
        if index:
            parts.append(nodes.Text("; "))
        parts.append(_link(source.title, source.url))
    return parts


def _feed_links(kind: Optional[str]) -> list[nodes.Node]:
    """Download and Subscribe links; the URLs are filled in at write time
    (they depend on the page's place in the output and on html_baseurl)."""
    name = feeds.feed_name(kind)
    download = nodes.reference("", "Download", refuri="#",
                               classes=["events-guide-download"])
    download[_FEED_ATTR] = name
    subscribe = nodes.reference("", "Subscribe", refuri="#",
                                classes=["events-guide-subscribe"])
    subscribe[_WEBCAL_ATTR] = name
    return [download, nodes.Text(" (.ics) · "), subscribe,
            nodes.Text(" (webcal)")]


def _json_link() -> nodes.reference:
    link = nodes.reference("", "all events as JSON", refuri="#",
                           classes=["events-guide-json"])
    link[_FEED_ATTR] = feeds.feed_name(None, "json")
    return link


# -- Directives ---------------------------------------------------------------

class _EventDirective(SphinxDirective):
    """Shared plumbing: the data, the build date and dependency tracking."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0
    final_argument_whitespace = False
    #: Does the output depend on the build date?
    depends_on_date = False

    @property
    def data(self) -> EventData:
        return event_data(self.env.srcdir, self.config)

    @property
    def today(self) -> datetime.date:
        return build_datetime(self.config).date()

    def note_dependencies(self) -> None:
        for path in data_paths(self.env.srcdir, self.config):
            self.env.note_dependency(str(path))
        if self.depends_on_date:
            _dated_docs(self.env).add(self.env.docname)

    def kind_argument(self, required: bool = True) -> Optional[str]:
        if not self.arguments:
            if required:
                raise self.error(f"{self.name}: give a kind, one of: "
                                 f"{', '.join(KIND_IDS)}")
            return None
        kind = self.arguments[0].strip()
        if kind not in KIND_IDS:
            raise self.error(f"{self.name}: unknown kind {kind!r}; use one "
                             f"of: {', '.join(KIND_IDS)}")
        return kind

    def doc_link(self, text: str, docname: str) -> addnodes.pending_xref:
        ref = addnodes.pending_xref(
            "", refdomain="std", reftype="doc", reftarget="/" + docname,
            refexplicit=True, refwarn=True, refdoc=self.env.docname)
        ref += nodes.inline("", text, classes=["xref", "std", "std-doc"])
        return ref

    def kind_link(self, kind: str) -> addnodes.pending_xref:
        info = self.data.kinds[kind]
        return self.doc_link(info.name, info.page)

    def upcoming(self, event: Event) -> bool:
        return event.start is not None and event.start > self.today

    def dates_cell(self, event: Event) -> list[nodes.Node]:
        cell: list[nodes.Node] = [nodes.Text(event.dates_label)]
        if self.upcoming(event):
            cell.append(nodes.Text(" "))
            cell.append(nodes.strong("", "(upcoming)"))
        return cell

    def event_cell(self, event: Event) -> list[nodes.Node]:
        cell: list[nodes.Node] = [nodes.Text(event.name)]
        if event.stand_in:
            cell.append(nodes.Text(" "))
            cell.append(nodes.emphasis("", "(held instead, not counted as "
                                       "one)"))
        if event.note:
            cell.append(nodes.Text(" — "))
            cell.append(nodes.emphasis("", event.note))
        return cell

    def where_cell(self, event: Event) -> list[nodes.Node]:
        if event.is_virtual:
            return [nodes.Text("Online")]
        return [nodes.Text(event.place_label)]

    def format_cell(self, event: Event) -> list[nodes.Node]:
        if event.is_virtual:
            return [nodes.strong("", "Virtual")]
        return [nodes.Text(event.format_label)]

    def run(self) -> list[nodes.Node]:
        self.note_dependencies()
        result = self.render()
        for node in result:
            # Facts drawn from the data cite their sources in the data.
            node["events_guide_from_data"] = True
        return result

    def render(self) -> list[nodes.Node]:  # pragma: no cover - abstract
        raise NotImplementedError


class EventComparison(_EventDirective):
    """``.. event-comparison::`` -- every kind side by side."""

    COLUMNS = ("Kind", "Who it is for", "Length", "Format", "How often",
               "Organised by", "Where")

    def render(self):
        rows = []
        for kind in KIND_IDS:
            info = self.data.kinds[kind]
            rows.append([self.kind_link(kind), info.audience, info.length,
                         info.format, info.frequency, info.organizer,
                         info.where])
        table = _table("The kinds of event side by side", list(self.COLUMNS),
                       rows, classes=["events-guide-comparison"])
        seen, links = set(), []
        for kind in KIND_IDS:
            for source in self.data.kinds[kind].sources:
                if source.url + source.title in seen:
                    continue
                seen.add(source.url + source.title)
                if links:
                    links.append(nodes.Text("; "))
                links.append(_link(source.title, source.url))
        sources = nodes.paragraph("", "",
                                  nodes.Text("Sources for the table: "),
                                  *links, nodes.Text("."),
                                  classes=["events-guide-sources"])
        return [table, sources]


class EventGlance(_EventDirective):
    """``.. event-glance:: KIND`` -- the "at a glance" box of a kind."""

    required_arguments = 1
    depends_on_date = True

    def render(self):
        kind = self.kind_argument()
        info = self.data.kinds[kind]
        upcoming = self.data.next_event(kind, self.today)
        if upcoming is not None:
            next_text = [nodes.Text(f"{upcoming.name}, {upcoming.dates_label}"
                                    f", {upcoming.place_label}")]
        else:
            next_text = [nodes.Text("none announced yet; watch "),
                         _link(info.where_to_look.title,
                               info.where_to_look.url)]
        fields = [
            ("Who it is for", info.audience),
            ("Length", info.length),
            ("Format", info.format),
            ("How often", info.frequency),
            ("Organised by", info.organizer),
            ("Where", info.where),
            ("Next", next_text),
            ("Calendar", _feed_links(kind)),
            ("Sources", _sources(info)),
        ]
        field_list = nodes.field_list()
        for label, value in fields:
            field = nodes.field()
            field += nodes.field_name("", label)
            body = nodes.field_body()
            body += nodes.paragraph("", "", *_text_or_nodes(value))
            field += body
            field_list += field
        box = nodes.topic(classes=["events-guide-glance"])
        box += nodes.title("", f"{info.name} at a glance")
        box += field_list
        return [box]


class EventHistory(_EventDirective):
    """``.. event-history:: KIND`` -- the kind's events, newest first."""

    required_arguments = 1
    depends_on_date = True
    COLUMNS = ("Dates", "Event", "Where", "Format", "Sources")

    def render(self):
        kind = self.kind_argument()
        info = self.data.kinds[kind]
        events = self.data.of_kind(kind)
        if not events:
            return [nodes.paragraph("", "", nodes.Text(
                f"The guide's event data holds no dated {info.name} yet: "
                "they are organised and announced locally. See "),
                _link(info.where_to_look.title, info.where_to_look.url),
                nodes.Text("."))]
        rows = [[self.dates_cell(e), self.event_cell(e), self.where_cell(e),
                 self.format_cell(e), _sources(e)] for e in events]
        unverified = sum(1 for e in events if not e.has_dates)
        caption = (f"{info.name}: {_count(len(events))} on record, newest "
                   "first")
        table = _table(caption, list(self.COLUMNS), rows,
                       classes=["events-guide-history"])
        result: list[nodes.Node] = [table]
        if unverified:
            result.append(nodes.paragraph("", (
                f"Dates marked \"not verified\" ({_count(unverified)} in "
                "this table) are ones that no source the guide could check "
                "confirms. The guide does not guess them, and leaves those "
                "events out of the calendar feeds.")))
        return result


class NextEvent(_EventDirective):
    """``.. next-event:: [KIND]`` -- what comes next, or "none announced"."""

    optional_arguments = 1
    depends_on_date = True

    def render(self):
        kind = self.kind_argument(required=False)
        if kind is not None:
            return [self.sentence(kind)]
        rows = []
        for each in KIND_IDS:
            info = self.data.kinds[each]
            upcoming = self.data.next_event(each, self.today)
            if upcoming is None:
                rows.append([self.kind_link(each),
                             [nodes.Text("None announced yet; watch "),
                              _link(info.where_to_look.title,
                                    info.where_to_look.url)],
                             "—", "—", _feed_links(each)])
            else:
                rows.append([self.kind_link(each), upcoming.name,
                             self.dates_cell(upcoming),
                             self.where_cell(upcoming), _feed_links(each)])
        caption = (f"The next event of each kind, as known on "
                   f"{self.today:%d %B %Y}".replace(" 0", " "))
        return [_table(caption, ["Kind", "Next event", "Dates", "Where",
                                 "Calendar"], rows,
                       classes=["events-guide-next"])]

    def sentence(self, kind: str) -> nodes.paragraph:
        info = self.data.kinds[kind]
        upcoming = self.data.next_event(kind, self.today)
        para = nodes.paragraph(classes=["events-guide-next-event"])
        if upcoming is None:
            para += nodes.Text(
                f"Next {info.name}: none announced yet (as of "
                f"{self.today.day} {self.today:%B %Y}). Watch ")
            para += _link(info.where_to_look.title, info.where_to_look.url)
            para += nodes.Text(
                " for the announcement, or follow the calendar feed: ")
        else:
            running = upcoming.start <= self.today
            para += nodes.Text(f"Next {info.name}: ")
            para += nodes.strong("", upcoming.name)
            para += nodes.Text(f", {upcoming.dates_label}, "
                               f"{upcoming.place_label}"
                               + (" (happening now)" if running else "")
                               + " (source: ")
            para += _sources(upcoming)
            para += nodes.Text("). Add it to your calendar: ")
        para += _feed_links(kind)
        para += nodes.Text(".")
        return para


class EventFeeds(_EventDirective):
    """``.. event-feeds:: [KIND]`` -- links to the calendar feeds."""

    optional_arguments = 1

    def render(self):
        kind = self.kind_argument(required=False)
        if kind is not None:
            info = self.data.kinds[kind]
            para = nodes.paragraph(classes=["events-guide-feeds"])
            para += nodes.Text(f"Calendar of {info.name} events: ")
            para += _feed_links(kind)
            para += nodes.Text("; or ")
            para += _json_link()
            para += nodes.Text(".")
            return [para]
        calendar = self.data.in_calendar()
        rows = [["All events", str(len(calendar)), _feed_links(None)]]
        for each in KIND_IDS:
            count = sum(1 for e in calendar if each in e.kinds)
            rows.append([self.kind_link(each), str(count),
                         _feed_links(each)])
        table = _table("One calendar feed for all events and one per kind",
                       ["Feed", "Events with dates",
                                          "Links"], rows,
                       classes=["events-guide-feeds"])
        left_out = self.data.left_out_of_calendar()
        result: list[nodes.Node] = [table]
        para = nodes.paragraph()
        para += nodes.Text("The same data, including events without "
                           "verified dates, is available as ")
        para += _json_link()
        para += nodes.Text(".")
        result.append(para)
        if left_out:
            names = "; ".join(f"{e.name}: {e.dates_label}" for e in left_out)
            result.append(nodes.paragraph("", (
                "Left out of the calendar files because no source "
                f"confirms both of their dates ({_count(len(left_out))}): "
                f"{names}.")))
        return result


class EventIndex(_EventDirective):
    """``.. event-index:: region|format`` -- one section per group.

    Put it last in its section: the sections it makes become subsections
    of the section it sits in.
    """

    required_arguments = 1
    depends_on_date = True
    COLUMNS = ("Dates", "Event", "Kind", "Where", "Sources")

    def render(self):
        grouping = self.arguments[0].strip()
        events = self.data.newest_first()
        if grouping == "region":
            groups = {}
            for event in events:
                label = "Online" if event.is_virtual else event.region
                groups.setdefault(label, []).append(event)
            order = sorted(k for k in groups if k != "Online")
            if "Online" in groups:
                order.append("Online")
            titles = {k: k for k in order}
            empty_message = None
        elif grouping == "format":
            groups = {fmt: [] for fmt in FORMATS}
            for event in events:
                groups[event.format].append(event)
            order = list(FORMATS)
            titles = FORMAT_LABELS
            empty_message = "No event of this format is recorded yet."
        else:
            raise self.error(f"{self.name}: group by 'region' or 'format', "
                             f"not {grouping!r}")
        result = []
        for key in order:
            section = nodes.section()
            title = titles[key]
            section["names"].append(nodes.fully_normalize_name(title))
            section += nodes.title("", title)
            self.state.document.note_implicit_target(section, section)
            if groups[key]:
                rows = [[self.dates_cell(e), self.event_cell(e),
                         [nodes.Text(", ".join(
                             self.data.kinds[k].name for k in e.kinds))],
                         self.where_cell(e), _sources(e)]
                        for e in groups[key]]
                section += _table(f"{title}: {_count(len(rows))}, newest "
                                  "first", list(self.COLUMNS), rows,
                                  classes=["events-guide-index"])
            else:
                section += nodes.paragraph("", empty_message or "")
            result.append(section)
        return result


# -- Feed links, date-dependent pages, feed files -----------------------------

def _dated_docs(env) -> set:
    if not hasattr(env, "events_guide_dated_docs"):
        env.events_guide_dated_docs = set()
    return env.events_guide_dated_docs


def _purge_doc(app, env, docname):
    _dated_docs(env).discard(docname)


def _merge_info(app, env, docnames, other):
    _dated_docs(env).update(_dated_docs(other) & set(docnames))


def _outdated_by_date(app, env, added, changed, removed):
    """Re-read the pages that show "next" or "upcoming" when the day the
    build stands for has changed since they were read."""
    today = build_datetime(app.config).date().isoformat()
    previous = getattr(env, "events_guide_build_date", None)
    env.events_guide_build_date = today
    if previous is None or previous == today:
        return []
    return sorted(_dated_docs(env) - set(removed))


def _baseurl(config) -> str:
    base = (getattr(config, "html_baseurl", "") or "").strip()
    return base if not base or base.endswith("/") else base + "/"


def _resolve_feed_links(app, doctree, docname):
    builder = app.builder
    folder = app.config.events_guide_feeds_dir.strip("/")
    base = _baseurl(app.config)
    local = builder.name in FEED_BUILDERS
    for node in list(doctree.findall(nodes.reference)):
        if _FEED_ATTR in node.attributes:
            target = f"{folder}/{node[_FEED_ATTR]}"
            if local:
                node["refuri"] = relative_uri(
                    builder.get_target_uri(docname), target)
            elif base and builder.name != "linkcheck":
                # Offline formats (EPUB, PDF) point at the published feeds;
                # linkcheck gets plain text, as the feeds only exist once
                # an HTML build has run.
                node["refuri"] = base + target
            else:
                node.replace_self(nodes.Text(node.astext()))
            del node[_FEED_ATTR]
        elif _WEBCAL_ATTR in node.attributes:
            name = node[_WEBCAL_ATTR]
            if base.startswith(("https://", "http://")):
                node["refuri"] = ("webcal://" + base.split("://", 1)[1]
                                  + f"{folder}/{name}")
                del node[_WEBCAL_ATTR]
            else:
                node.replace_self(nodes.inline(
                    "", "to subscribe, copy the Download link into your "
                    "calendar app"))


class EventDataStop(SystemExit):
    """Stops ``sphinx-build`` after the data problems have been logged.

    Sphinx prints a traceback and a bug-report request for any exception
    that escapes a build, even its own ``SphinxError``; a clean stop needs
    the problems logged as errors with their locations, then an exit.
    """


def _check_data(app):
    """Load the data as the build starts: bad data stops the build before
    any page or feed is written."""
    try:
        build_datetime(app.config)
        event_data(app.srcdir, app.config)
    except ConfigError as exc:
        logger.error("%s", exc, type="events_guide", subtype="config")
        raise EventDataStop(2) from None
    except EventDataError as exc:
        for problem in exc.problems:
            logger.error("%s", problem.describe(),
                         location=(f"{problem.path}:{problem.line}"
                                   if problem.line else None),
                         type="events_guide", subtype="data")
        count = len(exc.problems)
        logger.error(
            "the build stopped: %d problem%s in the event data (listed "
            "above). No page or calendar feed was written. Fix the entries "
            "and build again; see contributing/adding-an-event.rst.",
            count, "s" if count != 1 else "", type="events_guide",
            subtype="data")
        raise EventDataStop(2) from None


def _write_feeds(app, exception):
    if exception is not None or app.builder.name not in FEED_BUILDERS:
        return
    data = event_data(app.srcdir, app.config)
    files = feeds.feed_files(
        data, uid_domain=app.config.events_guide_uid_domain,
        stamp=build_datetime(app.config))
    folder = pathlib.Path(app.outdir) / app.config.events_guide_feeds_dir
    feeds.write_feeds(folder, files)
    logger.info("events_guide: wrote %d calendar feeds to %s", len(files),
                folder)


def setup(app):
    app.add_config_value("events_guide_events_file", "_data/events.yaml",
                         "env", types=frozenset({str}))
    app.add_config_value("events_guide_kinds_file", "_data/kinds.yaml",
                         "env", types=frozenset({str}))
    app.add_config_value("events_guide_feeds_dir", "feeds", "env",
                         types=frozenset({str}))
    app.add_config_value("events_guide_uid_domain",
                         "events-guide.openstack.org", "html",
                         types=frozenset({str}))
    app.add_config_value("events_guide_build_date", None, "env",
                         types=frozenset({str, datetime.date, type(None)}))
    app.add_directive("event-comparison", EventComparison)
    app.add_directive("event-glance", EventGlance)
    app.add_directive("event-history", EventHistory)
    app.add_directive("next-event", NextEvent)
    app.add_directive("event-feeds", EventFeeds)
    app.add_directive("event-index", EventIndex)
    app.connect("builder-inited", _check_data)
    app.connect("env-get-outdated", _outdated_by_date)
    app.connect("env-purge-doc", _purge_doc)
    app.connect("env-merge-info", _merge_info)
    app.connect("doctree-resolved", _resolve_feed_links)
    app.connect("build-finished", _write_feeds)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True, "env_version": 1}
