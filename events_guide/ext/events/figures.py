"""Figures drawn from the data at build time: ``.. event-map::`` (the
cities that held events, on the "Events by region" page), the timeline
on the index of the year pages (:mod:`.archive` calls
:func:`timeline_nodes`; a generated page is written by the web builders
only, so its figure goes in as it is), and each kind's small timeline
on its page (:mod:`.history` calls :func:`kind_timeline_nodes`). The
drawing is :mod:`events_guide.data.atlas`; this module places it on the
page.

A kind's timeline is an image file of its own
(``figures/<kind>-per-year.svg``), loaded lazily with its size given: the
kind pages are the guide's heaviest, and an inline figure would push
them out of the first round trip. It carries the page stylesheet's rules
it uses (its colours, light and dark) and its ``alt`` text gives every
year's count; the years are linked beside it.

The map's world outline is a file of its own (``_static/world.svg``,
written by the web builders), an image beneath the inline marks that the
browser loads lazily: the map is far down its page, so the page stays one
request until the reader scrolls to it, and the outline is cached. The
figures are HTML, so only the web builders show them; other builders get
a sentence that says where they are.

A city the gazetteer does not know stops the build at its entry's line,
with the fix (``coordinates:``), when the map is drawn: when the page
with the map is read, which happens whenever the data changes.
"""

from __future__ import annotations

import html
import pathlib
import weakref

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ... import published
from ...data import REGION_GROUPS, ONLINE, region_slug
from ...data.atlas import OUTLINE_SIZE, city_marks, map_svg, world_svg
from ...data.atlas import (kind_timeline, kind_year_columns, timeline_svg,
                           year_columns)
from ...findings import Finding, display_path
from ..build_date import build_day
from ..stop import stop_build
from .data import data_paths, event_data
from .directive import EventDirective
from .feeds import atomic_write


#: The figure files each running build has written (by application), so
#: that the files of figures no page shows any more are removed when it
#: ends (every build writes every page: events_guide.ext.whole_site).
_WRITTEN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class event_figure(nodes.General, nodes.Element):  # noqa: N801 (docutils)
    """The map's marks (``svg``), resolved for the builder at hand: over
    the world outline for the web builders, a sentence for the others."""


class kind_timeline_figure(nodes.General, nodes.Element):  # noqa: N801
    """A kind's timeline (``kind``), resolved for the builder at hand: the
    web builders write its file and show it, the others show nothing (the
    years are linked beside it)."""


def _resolve(app, doctree, docname) -> None:
    for node in list(doctree.findall(kind_timeline_figure)):
        if published.writes_generated_files(app.builder.name):
            node.replace_self(nodes.raw("", _kind_timeline_image(
                app, docname, node["kind"]), format="html"))
        else:
            node.parent.remove(node)
    for node in list(doctree.findall(event_figure)):
        if published.writes_generated_files(app.builder.name):
            href = relative_uri(app.builder.get_target_uri(docname),
                                published.WORLD_OUTLINE)
            node.replace_self(nodes.raw("", _on_the_outline(
                node["svg"], href), format="html"))
        else:
            node.replace_self(nodes.paragraph("", node["instead"]))


def _on_the_outline(svg: str, outline_href: str) -> str:
    """The marks over the outline: a decorative image (empty alt, hidden
    from assistive technology; the marks carry the names), its size given
    so nothing moves when it arrives."""
    return (f'<div class="events-guide-map-frame"><img src="{outline_href}"'
            f' alt="" aria-hidden="true" width="{OUTLINE_SIZE[0]}"'
            f' height="{OUTLINE_SIZE[1]}" loading="lazy" decoding="async"'
            f' class="events-guide-map-outline">{svg}</div>')


class EventMap(EventDirective):
    """``.. event-map::`` -- a circle per city that held events."""

    def render(self):
        data = self.data
        marks, unknown = city_marks(data.events)
        if unknown:
            events_file = display_path(data_paths(self.env.srcdir,
                                                  self.config)[0])
            stop_build([Finding(
                file=events_file, line=problem.event.line, html="",
                check="event-data", subject="coordinates",
                what=f"entry {problem.event.id!r}: the gazetteer (GeoNames) "
                f"does not know the city {problem.event.place.city!r} in "
                f"{problem.event.place.country}, so the map cannot place it.",
                fix="check the city's spelling (its common English name), "
                "or add coordinates: [latitude, longitude] to the entry.")
                for problem in unknown],
                "the build stopped: the map needs every city's place.")
        online = sum(1 for event in data.events
                     if event.region_group == ONLINE)
        svg = map_svg(marks, online,
                      lambda region: "#" + region_slug(region)
                      if region in REGION_GROUPS else "#")
        figure = nodes.container(classes=["events-guide-figure"])
        figure += event_figure(svg=svg, instead=(
            f"The web version of this page shows a map of the "
            f"{len(marks)} cities that held events."))
        figure += nodes.paragraph("", (
            f"{len(marks)} cities, each circle sized by its number of "
            f"events and linked to its region above; {online} events were "
            "held online (see Online). The sections below list them all."),
            classes=["events-guide-figure-caption"])
        return [figure]


def timeline_nodes(app, data, year_link) -> list[nodes.Node]:
    """The timeline of the years on record, 2010 to the build's year, and
    its legend (every kind by name, not by colour alone)."""
    first, last = _year_span(app, data)
    columns = year_columns(data.events, data.kinds, first, last)
    names = {kind: info.name for kind, info in data.kinds.items()}
    figure = nodes.container(classes=["events-guide-figure"])
    # A generated page: written by the web builders only, so the figure
    # goes in as it is.
    figure += nodes.raw("", timeline_svg(columns, names, year_link),
                        format="html")
    legend = nodes.bullet_list(classes=["events-guide-legend"])
    shown = {kind for column in columns for kind, _ in column.counts}
    for kind, info in data.kinds.items():
        if kind in shown:
            legend += nodes.list_item("", nodes.paragraph(
                "", "", nodes.inline("", "", classes=["swatch",
                                                      f"kind-{kind}"]),
                nodes.Text(info.name)))
    figure += legend
    return [figure]


def _year_span(app, data) -> tuple[int, int]:
    """The years the timelines cover: from the first on record to the
    build's year (or the last on record, if later)."""
    today = build_day(app.config).year
    last = max(today, max(data.years(), default=today))
    return min(data.years(), default=last), last


def kind_timeline_nodes(kind: str) -> list[nodes.Node]:
    """Where a kind's timeline goes (resolved by :func:`_resolve`)."""
    return [kind_timeline_figure(kind=kind)]


def _kind_timeline_image(app, docname: str, kind: str) -> str:
    """Write the kind's timeline file; the image that shows it."""
    from ..theme.page_style import figure_stylesheet
    data = event_data(app.env)
    first, last = _year_span(app, data)
    events = data.of_kind(kind)
    first = min((event.known_year for event in events
                 if event.known_year is not None), default=first)
    columns = kind_year_columns(events, kind, first, last)
    name = data.kinds[kind].name
    bare = kind_timeline(columns, kind, name, style="")
    style = figure_stylesheet(app, f"<html><body>{bare.svg}</body></html>")
    drawing = kind_timeline(columns, kind, name, style=style)
    target = published.kind_timeline_file(kind)
    atomic_write(pathlib.Path(app.outdir) / target,
                 drawing.svg.encode("utf-8"))
    _WRITTEN.setdefault(app, set()).add(target)
    href = relative_uri(app.builder.get_target_uri(docname), target)
    return (f'<img src="{href}" alt="{html.escape(drawing.text)}" '
            f'width="{drawing.width}" height="{drawing.height}" '
            'loading="lazy" decoding="async" '
            'class="events-guide-kind-timeline">')


def write_world_outline(app, exception) -> None:
    if exception is None and \
            published.writes_generated_files(app.builder.name):
        atomic_write(pathlib.Path(app.outdir) / published.WORLD_OUTLINE,
                     world_svg().encode("utf-8"))


def remove_stale_figures(app, exception) -> None:
    """Remove the figure files this build did not write (a kind renamed,
    or no longer shown), so that they are not published. That every build
    writes every figure relies on every page being written again
    (events_guide.ext.whole_site, which the guide uses); a build that
    wrote no figure at all leaves the folder as it is."""
    written = _WRITTEN.pop(app, None)
    if exception is not None or not written:
        return
    folder = pathlib.Path(app.outdir) / published.FIGURES_FOLDER
    for path in sorted(folder.iterdir()):
        if f"{published.FIGURES_FOLDER}/{path.name}" not in written:
            path.unlink()


def setup_figures(app) -> None:
    app.add_node(event_figure)
    app.add_node(kind_timeline_figure)
    app.add_directive("event-map", EventMap)
    app.connect("doctree-resolved", _resolve)
    app.connect("build-finished", write_world_outline)
    app.connect("build-finished", remove_stale_figures)
