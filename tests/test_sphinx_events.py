"""The events extension inside Sphinx: one test root per scenario.

``test-events-tables``   valid data: every directive renders its tables
``test-events-next``     the build date comes before events: "next" names them
``test-events-none``     the build date is after every event: "none announced"
``test-events-bad-data`` an entry ends before it starts: the build stops with
                         a clean message and writes neither pages nor feeds
"""

import io
import os
import pathlib
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_colors

ROOTS = pathlib.Path(__file__).resolve().parent / "roots"
REPO = ROOTS.parent.parent


def _soup(app, page="index.html") -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"),
                         "lxml")


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


def _build_once(make_app, **kwargs):
    """Build, then release Sphinx's global registries for the next app."""
    app = make_app("html", **kwargs)
    app.build()
    app.cleanup()
    return app


def _copy_root(name, tmp_path) -> pathlib.Path:
    target = tmp_path / name
    shutil.copytree(ROOTS / f"test-events-{name}", target)
    return target


# -- valid data ---------------------------------------------------------------

@pytest.mark.sphinx("html", testroot="events-tables", freshenv=True)
def test_valid_data_renders_every_table(app, warning):
    app.build()
    assert warning.getvalue() == ""
    soup = _soup(app)

    comparison = _table(soup, "The kinds of event side by side")
    headers = [th.get_text(strip=True) for th in comparison.select("thead th")]
    assert headers == ["Kind", "Who it is for", "Length", "Format",
                       "How often", "Organised by", "Where"]
    assert [row[0] for row in _rows(comparison)] == [
        "Summit", "Conference", "Forum", "PTG",
        "OpenStack and OpenInfra Days", "Meet-ups", "Operators meetups"]

    history = _table(soup, "PTG: 2 events on record, newest first")
    assert [th.get_text(strip=True) for th in history.select("thead th")] \
        == ["Dates", "Event", "Where", "Format", "Sources"]
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


@pytest.mark.sphinx("html", testroot="events-tables", freshenv=True)
def test_indexes_group_by_format_and_region(app):
    app.build()
    soup = _soup(app)
    headings = [h.get_text(strip=True).rstrip("¶")
                for h in soup.find_all(["h2", "h3"])]
    for group in ("In person", "Virtual", "Hybrid", "Asia", "Europe",
                  "North America", "Online"):
        assert group in headings, headings
    online = _rows(_table(soup, "Online: 2 events"))
    assert [r[1].split(" —")[0] for r in online] == [
        "Later test PTG", "Test Summit online"]
    asia = _rows(_table(soup, "Asia: 1 event,"))
    assert asia[0][0] == "2018 (date not verified)"


@pytest.mark.sphinx("html", testroot="events-tables", freshenv=True)
def test_feed_links_point_at_written_feeds(app):
    app.build()
    soup = _soup(app)
    downloads = {a["href"] for a in soup.select("a.events-guide-download")}
    assert "feeds/events.ics" in downloads and "feeds/ptg.ics" in downloads
    for href in downloads:
        assert (app.outdir / href).is_file(), href
    json_links = {a["href"] for a in soup.select("a.events-guide-json")}
    assert json_links == {"feeds/events.json"}
    assert (app.outdir / "feeds" / "events.json").is_file()
    subscribe = {a["href"] for a in soup.select("a.events-guide-subscribe")}
    assert "webcal://docs.example.org/guide/feeds/events.ics" in subscribe
    assert "Left out of the calendar files" in soup.get_text()
    assert not (app.srcdir / "feeds").exists()


@pytest.mark.sphinx("html", testroot="events-tables", freshenv=True,
                    confoverrides={"html_baseurl": ""})
def test_subscribe_falls_back_without_html_baseurl(app, warning):
    app.build()
    soup = _soup(app)
    assert not soup.select("a.events-guide-subscribe")
    assert "copy the Download link into your calendar app" in soup.get_text()
    assert warning.getvalue() == ""


# -- next event, or none announced --------------------------------------------

@pytest.mark.sphinx("html", testroot="events-next", freshenv=True)
def test_next_event_is_named(app, warning):
    app.build()
    assert warning.getvalue() == ""
    text = " ".join(_soup(app).get_text(" ").split())
    assert "Next PTG: Later test PTG , 12–16 October 2026, Online" in text
    assert ("Next Summit: Hybrid test Summit , 30 December 2026 – "
            "2 January 2027, Berlin, Germany") in text
    assert "Next OpenStack and OpenInfra Days: none announced yet" in text


@pytest.mark.sphinx("html", testroot="events-none", freshenv=True)
def test_none_announced_says_where_to_look(app, warning):
    app.build()
    assert warning.getvalue() == ""
    soup = _soup(app)
    sentence = soup.select(".events-guide-next-event")[0]
    text = " ".join(sentence.get_text(" ").split())
    assert text.startswith("Next PTG: none announced yet (as of "
                           "1 January 2030)")
    assert sentence.find("a", href="https://releases.openstack.org/")


# -- bad data -----------------------------------------------------------------

@pytest.mark.sphinx("html", testroot="events-bad-data", freshenv=True)
def test_bad_data_stops_the_build_and_writes_nothing(make_app, app_params):
    args, kwargs = app_params
    warning = io.StringIO()
    kwargs.update(warning=warning, status=io.StringIO())
    with pytest.raises(SystemExit) as stopped:
        make_app(*args, **kwargs)
    assert stopped.value.code == 2
    log = strip_colors(warning.getvalue())
    assert "_data/events.yaml:6: ERROR: entry 'ptg-first-2017' (#1), " \
           "field 'end': the end date 2017-02-19 is before the start date " \
           "2017-02-20. How to fix:" in log
    assert "the build stopped" in log
    outdir = kwargs["srcdir"] / "_build" / "html"
    assert not (outdir / "feeds").exists()
    assert not (outdir / "index.html").exists()


def test_bad_data_terminal_output_is_clean(tmp_path):
    """What a contributor sees when running sphinx-build by hand."""
    source = _copy_root("bad-data", tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q",
         "-b", "html", "-d", str(tmp_path / "doctrees"), str(source),
         str(tmp_path / "html")],
        capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"},
        timeout=300)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "sphinx-err" not in result.stderr
    assert ("bad-data/_data/events.yaml:6: ERROR: entry 'ptg-first-2017' "
            "(#1), field 'end'") in result.stderr
    assert not (tmp_path / "html" / "feeds").exists()


def test_unknown_kind_in_a_directive_is_a_located_error(make_app, tmp_path):
    source = _copy_root("tables", tmp_path)
    (source / "index.rst").write_text(
        "Title\n=====\n\nText.\n\n.. event-history:: hackathon\n")
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    log = strip_colors(app._warning.getvalue())
    assert "index.rst:6: ERROR: event-history: unknown kind 'hackathon'" in log


# -- rebuilds -----------------------------------------------------------------

def test_editing_the_yaml_rebuilds_the_pages(make_app, tmp_path):
    source = _copy_root("tables", tmp_path)
    _build_once(make_app, srcdir=source, freshenv=True)
    data = source / "_data" / "events.yaml"
    data.write_text(data.read_text().replace("Later test PTG",
                                             "Renamed test PTG"))
    app = make_app("html", srcdir=source)
    app.build()
    assert "Renamed test PTG" in (app.outdir / "index.html").read_text()


def test_a_new_build_date_refreshes_next_event(make_app, tmp_path,
                                               monkeypatch):
    source = _copy_root("next", tmp_path)
    unpinned = {"events_guide_build_date": ""}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    _build_once(make_app, srcdir=source, freshenv=True,
                confoverrides=unpinned)
    page = source / "_build" / "html" / "index.html"
    assert "Next PTG: " in page.read_text()
    assert "Later test PTG" in page.read_text()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030-01-01
    make_app("html", srcdir=source, confoverrides=unpinned).build()
    assert "none announced yet (as of 1 January 2030)" in page.read_text()


def test_parallel_build_gives_the_same_pages(make_app, tmp_path):
    serial = _copy_root("tables", tmp_path / "serial")
    parallel = _copy_root("tables", tmp_path / "parallel")
    _build_once(make_app, srcdir=serial, freshenv=True)
    app = make_app("html", srcdir=parallel, freshenv=True, parallel=2)
    app.build()
    assert app.parallel == 2
    assert app._warning.getvalue() == ""
    for name in ("index.html", "feeds/events.ics", "feeds/events.json"):
        assert (serial / "_build/html" / name).read_bytes() == \
            (parallel / "_build/html" / name).read_bytes(), name


# -- the real guide -----------------------------------------------------------

def test_guide_pages_show_the_data(built_html):
    choosing = BeautifulSoup((built_html / "choosing.html").read_text(),
                             "lxml")
    assert len(_rows(_table(choosing, "The kinds of event side by side"))) \
        == 7
    ptg = BeautifulSoup((built_html / "ptg.html").read_text(), "lxml")
    history = _rows(_table(ptg, "PTG: 21 events on record"))
    assert history[-1][0] == "20–24 February 2017"
    summit = BeautifulSoup((built_html / "summit.html").read_text(), "lxml")
    rows = _rows(_table(summit, "Summit: "))
    assert any("2011 (date not verified)" == row[0] for row in rows)
    assert any("held instead, not counted as one" in row[1] for row in rows)
    calendar = BeautifulSoup((built_html / "calendar.html").read_text(),
                             "lxml")
    assert len(_rows(_table(calendar, "The next event of each kind"))) == 7
