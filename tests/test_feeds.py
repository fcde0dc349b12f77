"""The calendar feeds: read back with icalendar's own parser and json.

The guide's feeds (from the one session build, ``built_html``) must hold
the same events as the data, with all-day dates and an exclusive DTEND; a
small test root built twice shows that UIDs and bytes are stable and that
SOURCE_DATE_EPOCH sets DTSTAMP.
"""

import contextlib
import datetime
import io
import json
import pathlib

import icalendar
import pytest
from sphinx.cmd.build import build_main

from events_guide import event_data
from events_guide.event_data import KIND_IDS

REPO = pathlib.Path(__file__).resolve().parent.parent
DATA = REPO / "doc" / "source" / "_data"
ROOT = REPO / "tests" / "roots" / "test-events-tables"


def _calendar(path: pathlib.Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def _events(calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture(scope="module")
def guide_feeds(built_html) -> pathlib.Path:
    return built_html / "feeds"


@pytest.fixture(scope="module")
def guide_json(guide_feeds) -> dict:
    return json.loads((guide_feeds / "events.json").read_text("utf-8"))


def test_every_feed_is_written(guide_feeds):
    names = {p.name for p in guide_feeds.iterdir()}
    assert names == {"events.ics", "events.json",
                     *(f"{kind}.ics" for kind in KIND_IDS)}


def test_ics_holds_exactly_the_dated_events(guide_feeds, guide_json):
    data = event_data.load(DATA / "events.yaml", DATA / "kinds.yaml")
    in_ics = _events(_calendar(guide_feeds / "events.ics"))
    dated = {f"{e.id}@events-guide.openstack.org" for e in data.events
             if e.start and e.end}
    assert set(in_ics) == dated
    assert len(in_ics) == 41
    assert {e["uid"] for e in guide_json["events"] if e["in_calendar"]} \
        == dated


def test_json_holds_every_event_with_its_dates(guide_json):
    data = event_data.load(DATA / "events.yaml", DATA / "kinds.yaml")
    by_id = {e["id"]: e for e in guide_json["events"]}
    assert set(by_id) == {e.id for e in data.events}
    for event in data.events:
        record = by_id[event.id]
        assert record["start"] == (event.start.isoformat()
                                   if event.start else None)
        assert record["end"] == (event.end.isoformat() if event.end else None)
        assert record["virtual"] == event.is_virtual


def test_all_day_dates_with_exclusive_end(guide_feeds, guide_json):
    by_uid = {e["uid"]: e for e in guide_json["events"] if e["uid"]}
    for uid, entry in _events(_calendar(guide_feeds / "events.ics")).items():
        start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
        assert type(start) is datetime.date and type(end) is datetime.date
        assert start.isoformat() == by_uid[uid]["start"]
        assert end - datetime.timedelta(days=1) == datetime.date.fromisoformat(
            by_uid[uid]["end"])
        assert str(entry["URL"]).startswith("https://")
        assert "Source: " in str(entry["DESCRIPTION"])
        assert str(entry["LOCATION"])
        assert entry.get("DTSTAMP") is not None


def test_kind_feeds_hold_that_kind_only(guide_feeds, guide_json):
    for kind in KIND_IDS:
        uids = set(_events(_calendar(guide_feeds / f"{kind}.ics")))
        expected = {e["uid"] for e in guide_json["events"]
                    if e["in_calendar"] and kind in e["kinds"]}
        assert uids == expected, kind
    assert len(_events(_calendar(guide_feeds / "ptg.ics"))) == 21


def test_no_temporary_files_are_left(guide_feeds):
    assert not [p for p in guide_feeds.iterdir() if p.name.startswith(".")]


def _build_root(out: pathlib.Path, epoch: str, monkeypatch) -> pathlib.Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    log = io.StringIO()
    with contextlib.redirect_stderr(log), contextlib.redirect_stdout(log):
        status = build_main(["-W", "-n", "-q", "-E", "-b", "html",
                             "-D", "events_guide_build_date=",
                             "-d", str(out / "doctrees"), str(ROOT),
                             str(out / "html")])
    assert status == 0, log.getvalue()
    return out / "html" / "feeds"


def test_feeds_reproduce_and_honour_source_date_epoch(tmp_path, monkeypatch):
    first = _build_root(tmp_path / "a", "1767225600", monkeypatch)
    again = _build_root(tmp_path / "b", "1767225600", monkeypatch)
    later = _build_root(tmp_path / "c", "1798761600", monkeypatch)
    for name in ("events.ics", "ptg.ics", "events.json"):
        assert (first / name).read_bytes() == (again / name).read_bytes()
    first_events = _events(_calendar(first / "events.ics"))
    later_events = _events(_calendar(later / "events.ics"))
    assert set(first_events) == set(later_events) == {
        "ptg-first-2017@events-guide.test",
        "summit-test-2020@events-guide.test",
        "ptg-later-2026@events-guide.test",
        "summit-hybrid-2026@events-guide.test"}
    stamp = first_events["ptg-first-2017@events-guide.test"].decoded(
        "DTSTAMP")
    assert stamp == datetime.datetime(2026, 1, 1,
                                      tzinfo=datetime.timezone.utc)
    assert later_events["ptg-first-2017@events-guide.test"].decoded(
        "DTSTAMP").year == 2027
    generated = json.loads((later / "events.json").read_text())["generated"]
    assert generated.startswith("2027-01-01")


def test_cross_year_event_ends_the_day_after(tmp_path, monkeypatch):
    feeds = _build_root(tmp_path, "1767225600", monkeypatch)
    event = _events(_calendar(feeds / "summit.ics"))[
        "summit-hybrid-2026@events-guide.test"]
    assert event.decoded("DTSTART") == datetime.date(2026, 12, 30)
    assert event.decoded("DTEND") == datetime.date(2027, 1, 3)


def test_feeds_are_never_written_into_the_sources(built_html):
    assert not (REPO / "doc" / "source" / "feeds").exists()


def test_a_failed_write_keeps_the_old_feed_and_no_temporary(tmp_path,
                                                            monkeypatch):
    from events_guide import feeds

    target = tmp_path / "feeds" / "events.ics"
    feeds.atomic_write(target, b"old")

    def refuse(*args):
        raise OSError("disk full")

    monkeypatch.setattr(feeds.os, "replace", refuse)
    with pytest.raises(OSError):
        feeds.atomic_write(target, b"new, but never complete")
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["events.ics"]
