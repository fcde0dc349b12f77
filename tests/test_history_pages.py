"""Histories stay light however much the data grows.

The pages list a bounded number of events and link to the year pages
(``history/<year>.html``), generated from the data, where every event of a
year is listed with all its sources. ``test-events-tables`` holds fixed
data for the shape of those pages; the guide's own data, ten times over,
proves the budget: every page of that build stays within its size.
"""

import dataclasses
import datetime
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from events_guide.data import DEFAULT_EVENTS_FILE
from events_guide.ext.events import archive, event_pages, feeds
from events_guide.sitecheck import Site, format_report, run_checks
from events_guide.sitecheck.weight import (check_first_round_trip,
                                           check_page_size)


def _soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def tables(build_test_root):
    return build_test_root("events-tables")


def test_each_year_with_events_has_its_page(tables):
    pages = sorted(p.name for p in (tables / "history").glob("*.html"))
    assert pages == ["2017.html", "2018.html", "2020.html", "2026.html",
                     "index.html"]


def test_a_year_page_lists_every_event_with_every_source(tables):
    page = _soup(tables / "history" / "2026.html")
    assert page.h1.get_text(strip=True).rstrip("¶") == "Events of 2026"
    rows = page.select("table.events-guide-year tbody tr")
    assert [r.find_all("td")[1].get_text(" ", strip=True).split(" —")[0]
            for r in rows] == ["Later test PTG", "Hybrid test Summit"]
    assert page.find("meta", attrs={"name": "description"})["content"] \
        .startswith("Every OpenStack community event of 2026")
    # Kinds link to their pages, relative to history/.
    assert rows[0].find("a", href="../index.html")


def test_lists_link_to_the_year_pages_that_exist(tables):
    soup = _soup(tables / "index.html")
    years = [a["href"] for p in soup.select("p.events-guide-years")
             for a in p.find_all("a")]
    assert "history/2017.html" in years
    for href in years:
        assert (tables / href).is_file(), href


def test_the_year_index_lists_each_year_once(tables):
    rows = _soup(tables / "history" / "index.html").select(
        "table.events-guide-years tbody tr")
    assert [r.td.get_text(strip=True) for r in rows] == [
        "2026", "2020", "2018", "2017"]


def test_a_year_too_long_for_one_page_is_split(copy_root,
                                               strict_sphinx_build,
                                               tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "PAGE_SIZE", 1)
    out = strict_sphinx_build(copy_root("events-tables"), tmp_path / "out")
    first = _soup(out / "history" / "2026.html")
    assert "part 1 of 2" in first.h1.get_text()
    assert first.find("a", href="2026-2.html")
    assert (out / "history" / "2026-2.html").is_file()


# -- ten times the data -------------------------------------------------------

def ten_times(text: str) -> str:
    """The events file with every entry ten times: each copy a new id and
    name, its dates (and key dates) moved on by whole lengths of the event
    until it overlaps no other entry of its kind in its city (else the data
    checks would rightly call them one event twice), the rest of its facts
    the same."""
    data = yaml.safe_load(text)
    taken: dict[tuple, list] = {}
    for event in data["events"]:
        _take(taken, event)
    events = []
    for event in data["events"]:
        events.append(event)
        shift = 0
        for n in range(1, 10):
            while True:
                shift += 1
                copy = _copy(event, n, shift)
                if _take(taken, copy):
                    break
            events.append(copy)
    # libyaml's dumper when PyYAML has it: the pure-Python one takes
    # about a second over ten times the events.
    return yaml.dump({"events": events}, allow_unicode=True,
                     sort_keys=False,
                     Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper))


def _take(taken: dict, event: dict) -> bool:
    """Note the event's dates in its city for each of its kinds; False
    (and nothing noted) when they overlap dates noted already."""
    place, start, end = event.get("place"), event.get("start"), event.get(
        "end")
    if not isinstance(place, dict) or not start:
        return True
    keys = [(place["city"], place["country"], kind)
            for kind in event["kinds"]]
    if any(start <= other_end and other_start <= end
           for key in keys for other_start, other_end in taken.get(key, ())):
        return False
    for key in keys:
        taken.setdefault(key, []).append((start, end))
    return True


def _copy(event: dict, n: int, lengths: int) -> dict:
    start, end = event.get("start"), event.get("end")
    shift = datetime.timedelta(
        days=lengths * ((end - start).days + 1)) if start and end else None
    # The original's year stays in the id and name as "y2026", which the
    # data checks do not read as the copy's year.
    copy = {**event,
            "id": re.sub(r"-(\d{4})\b", r"-y\1", event["id"])
            + f"-copy-{n}",
            "name": re.sub(r"\b((?:19|20)\d\d)\b(?!\.\d)", r"y\1",
                           event["name"]) + f" (copy {n})"}
    if shift:
        copy["start"], copy["end"] = start + shift, end + shift
        copy.pop("year", None)
        copy.pop("month", None)
        if "deadlines" in event:
            copy["deadlines"] = [{**deadline,
                                  "date": deadline["date"] + shift}
                                 for deadline in event["deadlines"]]
    return copy


def _pages_of_the_original_events_only(monkeypatch):
    """An event's page shows that event alone, so its size does not grow
    with the data: the copies' pages would only repeat the originals'
    (about nine tenths of the build's time). Every page whose size does
    grow (the year pages, the history index, the lists, the map) is built
    in full."""
    whole_data = event_pages.event_data

    def originals(env):
        data = whole_data(env)
        return dataclasses.replace(data, events=tuple(
            event for event in data.events if "-copy-" not in event.id))
    monkeypatch.setattr(event_pages, "event_data", originals)


def _no_calendar_files(monkeypatch):
    """The feeds and each event's calendar file are files, not pages: no
    page's size depends on them, and writing them for ten times the
    events is a fifth of the build (feeds.py has its own tests)."""
    monkeypatch.setattr(feeds, "_write_feeds", lambda app, exception: None)
    monkeypatch.setattr(event_pages, "write_calendar_files",
                        lambda app, exception: None)


@pytest.mark.slow
def test_ten_times_the_events_keep_every_page_in_budget(
        guide_copy, strict_sphinx_build, tmp_path, monkeypatch):
    source = guide_copy / "doc" / "source"
    events = source / DEFAULT_EVENTS_FILE
    events.write_text(ten_times(events.read_text(encoding="utf-8")),
                      encoding="utf-8")
    _pages_of_the_original_events_only(monkeypatch)
    _no_calendar_files(monkeypatch)
    html = strict_sphinx_build(source, tmp_path / "out")
    findings = run_checks(Site(html, source),
                          (check_page_size, check_first_round_trip))
    assert findings == [], format_report(findings)
    # The years now fill several pages each, and the lists stay short.
    assert any(re.fullmatch(r"\d{4}-\d+\.html", p.name)
               for p in (html / "history").iterdir())
