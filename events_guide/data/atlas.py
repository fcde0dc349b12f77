"""The timeline and the map of the events, drawn as SVG from the data,
without Sphinx.

* The **timeline**: the events of each year, 2010 to the build's year,
  stacked by kind; each year's column links to its year page. Each kind
  has a small one of its own, an image file (:func:`kind_timeline`).
* The **map**: a circle for each city that held events, its area by how
  many, over a world outline (``world-outline.svgpath``, see
  ``WORLD-OUTLINE.rst``); each circle links to the city's region.

Both are built with lxml (no text is pasted into markup) and are the same
for the same data: marks in a fixed order, coordinates rounded. Colours
come from the page's stylesheet (classes ``kind-<id>``, and the map's
circles), so they follow the dark scheme. Each figure is a group
with a title and a description that say what it shows; its links are
named for screen readers; the tables of the pages remain its full text.

A city the gazetteer does not know needs ``coordinates: [latitude,
longitude]`` on its entry: :func:`city_marks` reports each unknown one.
"""

from __future__ import annotations

import dataclasses
import math
import pathlib
from typing import Callable, Iterable, Optional

from lxml import etree

from . import places
from .models import Event, Place

SVG = "http://www.w3.org/2000/svg"
#: The map's frame (see WORLD-OUTLINE.rst): plate carrée, 84 N to 58 S.
MAP_WIDTH, MAP_HEIGHT, NORTH = 360, 142, 84.0
#: The outline's size as an image on the page (twice the frame: sharp on
#: a wide screen), which the page gives so that nothing moves as it loads.
OUTLINE_SIZE = (MAP_WIDTH * 2, MAP_HEIGHT * 2)
OUTLINE = pathlib.Path(__file__).with_name("world-outline.svgpath")


def _element(tag: str, parent=None, text: Optional[str] = None, **attrs):
    attrs = {key.rstrip("_").replace("_", "-"): str(value)
             for key, value in attrs.items() if value is not None}
    element = (etree.SubElement(parent, f"{{{SVG}}}{tag}", attrs)
               if parent is not None else
               etree.Element(f"{{{SVG}}}{tag}", attrs, nsmap={None: SVG}))
    if text is not None:
        element.text = text
    return element


def _markup(svg) -> str:
    return etree.tostring(svg, encoding="unicode")


def _labelled(svg, ident: str, title: str, description: str,
              role: str = "group") -> None:
    """A named figure: its title and description are what assistive
    technology reads for it. A figure whose marks are links is a group
    (``role="img"`` would make its links presentational: hidden from
    assistive technology, though they take the focus); one without links
    is an image."""
    svg.set("role", role)
    svg.set("aria-labelledby", f"{ident}-title")
    svg.set("aria-describedby", f"{ident}-desc")
    _element("title", svg, title, id=f"{ident}-title")
    _element("desc", svg, description, id=f"{ident}-desc")


# -- the timeline -------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class YearColumn:
    year: int
    counts: tuple[tuple[str, int], ...]   # (kind, events), registry order

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)


def year_columns(events: Iterable[Event], kinds: Iterable[str],
                 first: int, last: int) -> list[YearColumn]:
    """For each year from *first* to *last*, its events per kind (an
    event of several kinds counts once, under its first kind)."""
    kinds = list(kinds)
    per_year: dict[int, dict[str, int]] = {}
    for event in events:
        if event.known_year is not None:
            year = per_year.setdefault(event.known_year, {})
            year[event.kinds[0]] = year.get(event.kinds[0], 0) + 1
    return [YearColumn(year, tuple((kind, per_year.get(year, {}).get(kind, 0))
                                   for kind in kinds
                                   if per_year.get(year, {}).get(kind)))
            for year in range(first, last + 1)]


#: The timeline's grid, in the units of its viewBox: a column per year,
#: its bar, the room above the bars (their counts) and below (the years),
#: and the tallest bar.
STEP, BAR, TOP, BOTTOM, CHART = 24, 16, 16, 20, 120


def _timeline_box(columns: list[YearColumn]) -> tuple[int, int]:
    return STEP * len(columns) + 8, TOP + CHART + BOTTOM


def _draw_columns(svg, columns: list[YearColumn], kind_names: dict[str, str],
                  year_link: Optional[Callable[[int], str]]) -> None:
    """A column per year, stacked by kind, its count above and its year
    below; with ``year_link``, each column that has events is a link named
    by its year and counts."""
    most = max((column.total for column in columns), default=1) or 1
    for index, column in enumerate(columns):
        x = 4 + index * STEP + (STEP - BAR) / 2
        breakdown = ", ".join(f"{kind_names[kind]}: {count}"
                              for kind, count in column.counts)
        events = f"{column.total} event{'' if column.total == 1 else 's'}"
        # A year with no event has no page to link to.
        group = (_element("a", svg, href=year_link(column.year),
                          aria_label=f"{column.year}: {events} "
                          f"({breakdown})")
                 if column.total and year_link else _element("g", svg))
        y = TOP + CHART
        for kind, count in column.counts:
            height = round(CHART * count / most, 1)
            y = round(y - height, 1)
            _element("rect", group, x=x, y=y, width=BAR, height=height,
                     class_=f"kind-{kind}")
        _element("text", group, str(column.total), x=x + BAR / 2,
                 y=y - 3, class_="timeline-count")
        _element("text", group, f"’{column.year % 100:02d}", x=x + BAR / 2,
                 y=TOP + CHART + 14, class_="timeline-year")


def kind_year_columns(events: Iterable[Event], kind: str, first: int,
                      last: int) -> list[YearColumn]:
    """For each year from *first* to *last*, the events of one kind
    (every event that is of it, whatever its other kinds)."""
    per_year: dict[int, int] = {}
    for event in events:
        if kind in event.kinds and event.known_year is not None:
            per_year[event.known_year] = per_year.get(event.known_year, 0) + 1
    return [YearColumn(year, ((kind, per_year[year]),)
                       if per_year.get(year) else ())
            for year in range(first, last + 1)]


def timeline_svg(columns: list[YearColumn], kind_names: dict[str, str],
                 year_link: Callable[[int], str]) -> str:
    """The timeline: a column per year, stacked by kind, each column a
    link to its year page."""
    width, height = _timeline_box(columns)
    svg = _element("svg", viewBox=f"0 0 {width} {height}",
                   class_="events-guide-timeline")
    busiest = max(columns, key=lambda column: column.total)
    _labelled(svg, "timeline", "Events per year",
              f"A column for each year from {columns[0].year} to "
              f"{columns[-1].year}, its height the number of events on "
              f"record, stacked by kind; the most, {busiest.total}, in "
              f"{busiest.year}. Each column links to the page of its "
              "year.")
    _draw_columns(svg, columns, kind_names, year_link)
    return _markup(svg)


def _runs_of_years(columns: list[YearColumn]) -> str:
    """Each year's count, said once for a run of years alike: "2011–2019:
    2 a year; 2020: 1; 2021: none"."""
    runs: list[list] = []   # [first year, last year, count]
    for column in columns:
        if runs and runs[-1][2] == column.total:
            runs[-1][1] = column.year
        else:
            runs.append([column.year, column.year, column.total])
    return "; ".join(
        f"{first if first == last else f'{first}–{last}'}: "
        + ("none" if not count else str(count) if first == last
           else f"{count} a year")
        for first, last, count in runs)


@dataclasses.dataclass(frozen=True)
class KindTimeline:
    """A kind's events per year as an image file of its own: the SVG
    document, its size (which the page gives, so that nothing moves as it
    loads) and the text that says what it shows (its ``alt``)."""

    svg: str
    width: int
    height: int
    text: str


def kind_timeline(columns: list[YearColumn], kind: str, kind_name: str,
                  style: str) -> KindTimeline:
    """One kind's timeline, to be shown as an image (no links: the page
    links every year beside it). ``style`` is the page stylesheet's rules
    it uses (its colours, light and dark), since an image does not see the
    page's."""
    width, height = _timeline_box(columns)
    svg = _element("svg", viewBox=f"0 0 {width} {height}", width=width,
                   height=height, font_family="system-ui, sans-serif",
                   class_="events-guide-timeline")
    text = (f"{kind_name} events on record per year: "
            f"{_runs_of_years(columns)}.")
    _labelled(svg, f"timeline-{kind}", f"{kind_name} events per year", text,
              role="img")
    if style:
        _element("style", svg, style)
    _draw_columns(svg, columns, {kind: kind_name}, None)
    markup = '<?xml version="1.0" encoding="UTF-8"?>\n' + _markup(svg) + "\n"
    return KindTimeline(markup, width, height, text)


# -- the map ------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class CityMark:
    city: str
    country: str
    latitude: float
    longitude: float
    events: int
    region: str


@dataclasses.dataclass(frozen=True)
class UnknownCity:
    """An event whose city the gazetteer does not know (no coordinates)."""

    event: Event


def city_marks(events: Iterable[Event]
               ) -> tuple[list[CityMark], list[UnknownCity]]:
    """A mark per city that held events (in person or hybrid), most events
    first; and the events whose city has no coordinates."""
    counts: dict[tuple[str, str], list[Event]] = {}
    unknown = []
    for event in events:
        if isinstance(event.place, Place):
            counts.setdefault((event.place.city, event.place.country),
                              []).append(event)
    marks = []
    for (city, country), held in sorted(counts.items()):
        given = next((event.coordinates for event in held
                      if event.coordinates), None)
        where = given or places.city_coordinates(city, country)
        if where is None:
            unknown += [UnknownCity(event) for event in held]
            continue
        marks.append(CityMark(city, country, where[0], where[1], len(held),
                              held[0].region or ""))
    marks.sort(key=lambda mark: (-mark.events, mark.city, mark.country))
    return marks, unknown


def _xy(mark: CityMark) -> tuple[int, int]:
    """The mark's place on the map, to the degree (about two pixels at
    the map's width; the page stays light with many cities)."""
    return (round(mark.longitude + 180), round(NORTH - mark.latitude))


def map_svg(marks: list[CityMark], online: int,
            region_link: Callable[[str], str]) -> str:
    """The map's marks: a linked circle per city, biggest drawn first so
    that small ones stay on top, in the frame of the outline
    (:func:`world_svg`), which the page shows beneath them."""
    svg = _element("svg", viewBox=f"0 0 {MAP_WIDTH} {MAP_HEIGHT}",
                   class_="events-guide-map")
    top = ", ".join(f"{mark.city} ({mark.events})" for mark in marks[:5])
    _labelled(svg, "map", "Where the events were held",
              f"A world map with a circle for each of the {len(marks)} "
              f"cities that held events, its area by how many: the most in "
              f"{top}. Each circle links to the events of its region; "
              f"{online} events held online are not on the map.")
    for mark in marks:
        x, y = _xy(mark)
        radius = round(1.2 + 1.1 * math.sqrt(mark.events), 1)
        link = _element("a", svg, href=region_link(mark.region),
                        aria_label=f"{mark.city}, {mark.country}: "
                        f"{mark.events} event{'s' if mark.events > 1 else ''}")
        _element("circle", link, cx=x, cy=y, r=radius)
    return _markup(svg)


def world_svg() -> str:
    """The outline, as a file of its own (``_static/world.svg``): land in a
    grey that reads on light and dark pages alike."""
    svg = _element("svg", viewBox=f"0 0 {MAP_WIDTH} {MAP_HEIGHT}",
                   width=OUTLINE_SIZE[0], height=OUTLINE_SIZE[1])
    _element("path", svg, d=OUTLINE.read_text(encoding="ascii").strip(),
             fill="#8795a1", fill_opacity="0.45")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + _markup(svg) + "\n"
