"""The timeline and the map, drawn from the data at build time.

``test-events-figures`` holds fixed events (two in Tokyo, one in Atlanta,
one in a hamlet the gazetteer does not know but whose entry gives its
coordinates, one online) and a page with the PTG's history: the exact
marks, and the PTG's small timeline, are pinned there. The guide's
own figures are checked for properties that hold whatever the data (a
mark per city, a column per year, each a named link).
"""

import lxml.etree
import lxml.html
import pytest

from events_guide import published
from events_guide.data import DEFAULT_EVENTS_FILE
from events_guide.data.atlas import city_marks

SVG = "{http://www.w3.org/2000/svg}"


def _svgs(path, css_class):
    """The page's inline SVGs of a class, each parsed as XML."""
    tree = lxml.html.parse(str(path))
    return [lxml.etree.fromstring(lxml.etree.tostring(svg))
            for svg in tree.iter("svg") if css_class in svg.get("class", "")]


def _links(svg):
    return [(a.get("href"), a.get("aria-label"))
            for a in svg.iter(f"{SVG}a", "a")]


@pytest.fixture(scope="module")
def figures(build_test_root):
    return build_test_root("events-figures")


def test_the_map_has_a_named_mark_per_city_and_a_text_alternative(figures):
    (svg,) = _svgs(figures / "index.html", "events-guide-map")
    assert _links(svg) == [
        ("#asia", "Tokyo, Japan: 2 events"),
        ("#north-america", "Atlanta, United States: 1 event"),
        ("#north-america", "Nowhereville, United States: 1 event")]
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title.text == "Where the events were held"
    assert "3 cities" in desc.text and "1 events held online" in desc.text
    assert svg.get("aria-labelledby") == title.get("id")
    assert (figures / "_static" / "world.svg").is_file()
    circle = next(svg.iter(f"{SVG}circle", "circle"))
    # Hamlet at 40 N, 100 W: plate carrée, frame from 84 N.
    assert [c.get("cx") for c in svg.iter(f"{SVG}circle", "circle")][2] \
        == "80" and circle.getparent().tag.endswith("a")


def test_the_outline_beneath_the_marks_waits_until_the_map_is_near(
        figures):
    """The outline is decoration, sized (nothing moves when it arrives)
    and lazy: the page stays one request until the reader scrolls down."""
    (outline,) = lxml.html.parse(str(figures / "index.html")).iter("img")
    assert outline.getparent().get("class") == "events-guide-map-frame"
    assert outline.get("src") == "_static/world.svg"
    assert (outline.get("alt"), outline.get("aria-hidden"),
            outline.get("loading")) == ("", "true", "lazy")
    assert outline.get("width") and outline.get("height")


def test_the_timeline_has_a_named_column_per_year(figures):
    (svg,) = _svgs(figures / "history" / "index.html",
                   "events-guide-timeline")
    links = _links(svg)
    # 2015 to the build's year; a year without events has no page and no
    # link.
    assert [href for href, _ in links] == ["2015.html", "2017.html",
                                           "2020.html"]
    assert links[1] == ("2017.html", "2017: 3 events (PTG: 1, OpenStack "
                        "and OpenInfra Days: 1, Meet-ups: 1)")
    assert len(svg.findall(f"{SVG}g")) == 12 - 3
    assert svg.find(f"{SVG}desc").text.startswith(
        "A column for each year from 2015 to 2026")


def _kind_timeline_image(path):
    (img,) = [img for img in lxml.html.parse(str(path)).iter("img")
              if img.get("class") == "events-guide-kind-timeline"]
    return img


def test_a_kinds_timeline_is_an_image_that_says_its_counts(figures):
    """A file of its own, lazy and sized (the kind pages are the
    heaviest); its alt text gives every year's count."""
    img = _kind_timeline_image(figures / "ptg-history.html")
    assert img.get("src") == published.kind_timeline_file("ptg")
    assert img.get("alt") == ("PTG events on record per year: 2017: 1; "
                              "2018–2019: none; 2020: 1; 2021–2026: none.")
    # 2017 to the build's year: ten columns.
    assert (img.get("width"), img.get("height"), img.get("loading")) == (
        "248", "156", "lazy")
    svg = lxml.etree.parse(str(figures / img.get("src"))).getroot()
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "PTG events per year"
    assert svg.find(f"{SVG}desc").text == img.get("alt")
    assert [rect.get("class") for rect in svg.iter(f"{SVG}rect")] == [
        "kind-ptg"] * 2
    assert len(svg.findall(f"{SVG}g")) == 10
    assert not list(svg.iter(f"{SVG}a"))


def test_two_builds_draw_the_same_figures(figures, copy_root,
                                          strict_sphinx_build, tmp_path):
    again = strict_sphinx_build(copy_root("events-figures"), tmp_path)
    timeline = published.kind_timeline_file("ptg")
    assert (again / timeline).read_bytes() == (figures / timeline
                                               ).read_bytes()
    for page, css in (("index.html", "events-guide-map"),
                      ("history/index.html", "events-guide-timeline")):
        assert [lxml.etree.tostring(svg) for svg in _svgs(again / page, css)] \
            == [lxml.etree.tostring(svg) for svg in _svgs(figures / page,
                                                          css)]


def test_a_figure_no_page_shows_any_more_is_removed(
        copy_root, strict_sphinx_build, tmp_path):
    """Built again into the same folder, the guide removes the figure
    files it did not write (a kind renamed), keeps those it did."""
    source = copy_root("events-figures")
    html = strict_sphinx_build(source, tmp_path)
    stale = html / published.FIGURES_FOLDER / "gone-per-year.svg"
    stale.write_text("<svg/>", encoding="utf-8")
    strict_sphinx_build(source, tmp_path)
    assert not stale.exists()
    assert (html / published.kind_timeline_file("ptg")).is_file()


def test_a_city_the_gazetteer_does_not_know_stops_the_build(
        copy_root, sphinx_build_log, tmp_path):
    source = copy_root("events-figures")
    events = source / DEFAULT_EVENTS_FILE
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("    coordinates: [40.0, -100.0]\n", ""),
                      encoding="utf-8")
    line = text.splitlines().index("  - id: meetup-hamlet-2017") + 1
    status, log = sphinx_build_log(source, tmp_path / "out")
    assert status == 2
    assert f"{DEFAULT_EVENTS_FILE}:{line}:" in log
    assert "does not know the city 'Nowhereville'" in log
    assert "add coordinates: [latitude, longitude]" in log


def test_the_guides_map_has_a_mark_for_every_city(guide_site, guide_data):
    """A new city in the data adds its mark, with no test edit."""
    marks, unknown = city_marks(guide_data.events)
    assert unknown == []
    (svg,) = _svgs(guide_site.html_dir / "events-by-region.html",
                   "events-guide-map")
    labels = [label for _, label in _links(svg)]
    assert len(labels) == len(marks) == len({
        (e.place.city, e.place.country) for e in guide_data.events
        if getattr(e.place, "city", None)})


def test_each_kind_page_has_its_timeline_in_both_schemes(
        guide_site, guide_data):
    """A column per year of the kind, a bar for each year it held events;
    the colours of both schemes travel with the image. (Every kind page
    is checked: each is its own text; the file is small.)"""
    for kind, info in guide_data.kinds.items():
        years = {event.known_year for event in guide_data.of_kind(kind)
                 if event.known_year is not None}
        if not years:
            continue
        img = _kind_timeline_image(guide_site.html_dir
                                   / published.html_file(info.page))
        svg = lxml.etree.parse(str(
            guide_site.html_dir / published.kind_timeline_file(kind)))
        bars = {rect.getparent() for rect in svg.iter(f"{SVG}rect")}
        assert len(bars) == len(years), kind
        style = svg.find(f"{SVG}style").text
        assert f"--kind-{kind}:" in style and "prefers-color-scheme" in \
            style, kind
        assert img.get("alt").startswith(f"{info.name} events on record")
