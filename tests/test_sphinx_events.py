"""The events extension inside Sphinx: one test root per scenario.

``test-events-tables``   valid data: every directive renders its tables
``test-events-next``     the build date comes before events: "next" names them
``test-events-none``     the build date is after every event: "none announced"
``test-events-bad-data`` an entry ends before it starts: the build stops with
                         a clean message and writes neither pages nor feeds

Every root is built strictly, as ``tox -e docs`` builds the guide: good roots
with ``build_test_root`` or ``strict_sphinx_build`` (any warning fails the
test), bad input with ``stopped_build`` or ``sphinx_build_log``, whose log
the test reads.
"""

import datetime
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from events_guide.data import kind_pages
from events_guide.ext.events.history import EventHistory
from events_guide.ext.events.recent import latest


def _soup(html_dir, page="index.html") -> BeautifulSoup:
    return BeautifulSoup((html_dir / page).read_text(encoding="utf-8"),
                         "lxml")


def _text(soup) -> str:
    return " ".join(soup.get_text(" ").split())


def _table(soup, caption_start):
    for table in soup.find_all("table"):
        caption = table.find("caption")
        if caption and caption.get_text(" ", strip=True).startswith(
                caption_start):
            return table
    raise AssertionError(f"no table captioned {caption_start!r}")


def _rows(table):
    return [[cell.get_text(" ", strip=True) for cell in row.find_all("td")]
            for row in table.find("tbody").find_all("tr")]


# -- valid data ---------------------------------------------------------------

@pytest.fixture(scope="module")
def tables(build_test_root):
    return build_test_root("events-tables")


def test_valid_data_renders_every_table(tables):
    soup = _soup(tables)

    comparison = _table(soup, "The kinds of event side by side")
    headers = [th.get_text(strip=True) for th in comparison.select("thead th")]
    assert headers == ["Kind", "Who it is for", "Length", "Format",
                       "How often", "Organised by", "Where"]
    assert [row[0] for row in _rows(comparison)] == [
        "Summit", "Conference", "Forum", "PTG",
        "OpenStack and OpenInfra Days", "Meet-ups", "Operators meetups"]

    history = _table(soup, "PTG: 2 events on record, newest first")
    assert [th.get_text(strip=True) for th in history.select("thead th")] \
        == ["Dates", "Event", "Where", "Format", "Source"]
    rows = _rows(history)
    assert rows[0][1].startswith("Later test PTG")      # newest first
    assert rows[0][2:4] == ["Online", "Virtual"]        # virtual marked
    assert rows[1][0] == "20–24 February 2017"
    assert history.find("a", href=(
        "https://releases.openstack.org/pike/schedule.html"))

    assert "holds no dated OpenStack and OpenInfra Days" in soup.get_text()

    glance = soup.select_one(".events-guide-glance")
    assert "PTG at a glance" in glance.get_text()
    assert "Who it is for" in glance.get_text()


def test_indexes_group_by_format_and_region(tables):
    soup = _soup(tables)
    headings = [h.get_text(strip=True).rstrip("¶")
                for h in soup.find_all(["h2", "h3"])]
    for group in ("In person", "Virtual", "Hybrid", "Asia", "Europe",
                  "North America", "Online"):
        assert group in headings, headings
    online = _rows(_table(soup, "Online: the latest 2 events"))
    assert [r[1].split(" —")[0] for r in online] == [
        "Later test PTG", "Test Summit online"]
    asia = _rows(_table(soup, "Asia: the only event"))
    assert asia[0][0] == "2018 (date not verified)"
    # Every continent has its section and its calendar, with events or not.
    assert "Africa" in headings and "South America" in headings


def test_feed_links_point_at_written_feeds(tables):
    soup = _soup(tables)
    downloads = {a["href"] for a in soup.select("a.events-guide-download")}
    assert "feeds/events.ics" in downloads and "feeds/ptg.ics" in downloads
    for href in downloads:
        assert (tables / href).is_file(), href
    json_links = {a["href"] for a in soup.select("a.events-guide-json")}
    assert json_links == {"feeds/events.json"}
    assert (tables / "feeds" / "events.json").is_file()
    subscribe = {a["href"] for a in soup.select("a.events-guide-subscribe")}
    assert "webcal://docs.example.org/guide/feeds/events.ics" in subscribe
    assert "webcal://docs.example.org/guide/feeds/regions/asia.ics" \
        in subscribe
    assert "leave out the events whose dates no source confirms (1 event)" \
        in _text(soup)


def test_no_placeholder_survives_in_any_builder(copy_root,
                                                strict_sphinx_build,
                                                tmp_path):
    """Feed links resolve for builders without feeds too (plain text or
    the published address)."""
    source = copy_root("events-tables")
    out = strict_sphinx_build(source, tmp_path / "text", builder="text")
    text = (out / "index.txt").read_text()
    assert "Download (.ics)" in text
    assert not (out / "feeds").exists()
    assert not (source / "feeds").exists()


def test_subscribe_falls_back_without_html_baseurl(copy_root,
                                                   strict_sphinx_build,
                                                   tmp_path):
    out = strict_sphinx_build(copy_root("events-tables"), tmp_path / "out",
                              extra_args=["-D", "html_baseurl="])
    soup = _soup(out)
    assert not soup.select("a.events-guide-subscribe")
    assert "copy the Download link into your calendar app" in soup.get_text()


# -- next event, or none announced --------------------------------------------

def test_next_event_is_named(build_test_root):
    text = _text(_soup(build_test_root("events-next")))
    assert "Next PTG: Later test PTG , 12–16 October 2026, Online" in text
    assert ("Next Summit: Hybrid test Summit , 30 December 2026 – "
            "2 January 2027, Berlin, Germany") in text
    assert "Next OpenStack and OpenInfra Days: none announced yet" in text


def test_none_announced_says_where_to_look(build_test_root):
    soup = _soup(build_test_root("events-none"))
    sentence = soup.select(".events-guide-next-event")[0]
    assert _text(sentence).startswith(
        "Next PTG: none announced yet (as of 1 January 2030). Watch "
        "OpenStack release schedules for the announcement, or follow the "
        "calendar feed: Download")
    assert sentence.find("a", href="https://releases.openstack.org/")


# -- bad data -----------------------------------------------------------------

def test_bad_data_stops_the_build_and_writes_nothing(stopped_build):
    status, log, outdir = stopped_build("events-bad-data")
    assert status == 2
    assert "_data/events.yaml:6: ERROR: entry 'ptg-first-2017' (#1), " \
           "field 'end': the end date 2017-02-19 is before the start date " \
           "2017-02-20. How to fix:" in log
    assert "the build stopped" in log
    assert not (outdir / "feeds").exists()
    assert not (outdir / "index.html").exists()


def test_bad_data_terminal_output_is_clean(copy_root, tmp_path, repo_root):
    """What a contributor sees when running sphinx-build by hand."""
    source = copy_root("events-bad-data", "bad-data")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q",
         "-b", "html", "-d", str(tmp_path / "doctrees"), str(source),
         str(tmp_path / "html")],
        capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(repo_root), "NO_COLOR": "1"},
        timeout=300)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "sphinx-err" not in result.stderr
    assert ("bad-data/_data/events.yaml:6: ERROR: entry 'ptg-first-2017' "
            "(#1), field 'end'") in result.stderr
    assert not (tmp_path / "html" / "feeds").exists()


@pytest.mark.parametrize("directive", ["event-history", "event-glance",
                                       "next-event", "event-feeds"])
def test_unknown_kind_in_a_directive_is_a_located_error(
        sphinx_build_log, copy_root, tmp_path, directive):
    source = copy_root("events-tables")
    (source / "index.rst").write_text(
        f"Title\n=====\n\nText.\n\n.. {directive}:: hackathon\n")
    _, log = sphinx_build_log(source, tmp_path / "out")
    assert (f"index.rst:6: ERROR: {directive}: unknown kind 'hackathon'; "
            "use one of: summit, conference, forum, ptg, days, meetup, "
            "ops-meetup (from kinds.yaml)") in log


def test_a_new_kind_in_the_registry_is_all_it_takes(copy_root,
                                                    strict_sphinx_build,
                                                    tmp_path):
    """Add a kind to kinds.yaml: its directives, tables and feed follow."""
    source = copy_root("events-tables")
    kinds = source / "_data" / "kinds.yaml"
    ptg = kinds.read_text().split("\n  ptg:\n", 1)[1].split("\n\n", 1)[0]
    kinds.write_text(kinds.read_text() + "\n  hackathon:\n" + ptg.replace(
        "name: PTG", "name: Hackathon") + "\n")
    (source / "index.rst").write_text(
        (source / "index.rst").read_text()
        + "\nHackathons\n----------\n\n.. event-glance:: hackathon\n")
    out = strict_sphinx_build(source, tmp_path / "out")
    soup = _soup(out)
    assert "Hackathon at a glance" in soup.get_text()
    assert _rows(_table(soup, "The kinds of event side by side"))[-1][0] \
        == "Hackathon"
    assert (out / "feeds" / "hackathon.ics").is_file()


# -- rebuilds -----------------------------------------------------------------

def test_editing_the_yaml_rebuilds_the_pages(copy_root, strict_sphinx_build,
                                             tmp_path):
    source = copy_root("events-tables")
    strict_sphinx_build(source, tmp_path / "out")
    data = source / "_data" / "events.yaml"
    data.write_text(data.read_text().replace("Later test PTG",
                                             "Renamed test PTG"))
    out = strict_sphinx_build(source, tmp_path / "out")
    assert "Renamed test PTG" in (out / "index.html").read_text()


def test_a_new_build_date_refreshes_next_event(copy_root,
                                               strict_sphinx_build, tmp_path):
    source = copy_root("events-next")
    out = strict_sphinx_build(source, tmp_path / "out")
    assert "Next PTG: Later test PTG" in _text(_soup(out))
    later = ["-D", "events_guide_build_date=2030-01-01"]
    strict_sphinx_build(source, tmp_path / "out", extra_args=later)
    assert "none announced yet (as of 1 January 2030)" in _text(_soup(out))


def test_parallel_build_gives_the_same_pages(tables, copy_root,
                                             strict_sphinx_build, tmp_path):
    parallel = strict_sphinx_build(copy_root("events-tables"),
                                   tmp_path / "parallel",
                                   extra_args=["-j", "2"])
    for name in ("index.html", "feeds/events.ics", "feeds/events.json"):
        assert (tables / name).read_bytes() == \
            (parallel / name).read_bytes(), name


# -- the real guide: properties of whatever its data holds -------------------

def test_guide_pages_show_the_data(built_html, guide_data):
    choosing = _soup(built_html, "choosing.html")
    comparison = _rows(_table(choosing, "The kinds of event side by side"))
    assert [row[0] for row in comparison] == [
        info.name for info in guide_data.kinds.values()]
    calendar = _soup(built_html, "calendar.html")
    assert len(_rows(_table(calendar, "The next event of each kind"))) \
        == len(guide_data.kinds)
    today = datetime.datetime.now(datetime.timezone.utc).date()
    for kind, info in guide_data.kinds.items():
        events = guide_data.of_kind(kind)
        if not events:
            continue
        page = _soup(built_html, f"{info.page}.html")
        rows = _rows(_table(page, f"{info.name}: {len(events)} event"))
        shown = latest(events, today, EventHistory.RECENT)
        assert [row[0].split(" (upcoming)")[0] for row in rows] == [
            e.dates_label for e in shown], kind
        for row, event in zip(rows, shown):
            assert ("held instead, not counted as one" in row[1]) \
                == event.stand_in, event.id


def test_every_event_is_on_the_page_of_its_year(built_html, guide_data):
    for year in guide_data.years():
        text = " ".join(
            _text(BeautifulSoup(page.read_text(encoding="utf-8"), "lxml"))
            for page in (built_html / "history").glob(f"{year}*.html"))
        for event in guide_data.of_year(year):
            assert event.name in text, (year, event.id)


def test_every_kind_page_is_built(built_html, guide_data):
    for docname in kind_pages(guide_data.kinds):
        assert (built_html / f"{docname}.html").is_file(), docname
