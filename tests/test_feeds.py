"""The calendar feeds: read back with icalendar's own parser and json.

The guide's feeds (from the one session build, ``built_html``) must hold
the same events as the data, whatever it holds, with all-day dates and an
exclusive DTEND; the ``test-events-tables`` root, with its own fixed data,
shows that UIDs and bytes are stable and that the build date sets DTSTAMP.
"""

import datetime
import json
import pathlib

import icalendar
import pytest

from events_guide.data import REGION_GROUPS
from events_guide.data.feeds import (deadline_feed_name, feed_name,
                                     region_feed_name)
from events_guide.data.whats_new import WHATS_NEW_FEED
from events_guide.ext.events.feeds import DEFAULT_UID_DOMAIN


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


def test_every_feed_is_written(guide_feeds, guide_data):
    names = {p.relative_to(guide_feeds).as_posix()
             for p in guide_feeds.rglob("*") if p.is_file()}
    assert names == {"events.ics", "events.json", WHATS_NEW_FEED,
                     deadline_feed_name(),
                     *(feed_name(kind) for kind in guide_data.kinds),
                     *(deadline_feed_name(kind) for kind in guide_data.kinds),
                     *(region_feed_name(g) for g in REGION_GROUPS)}


def test_ics_holds_exactly_the_dated_events(guide_feeds, guide_json,
                                            guide_data):
    in_ics = _events(_calendar(guide_feeds / "events.ics"))
    dated = {f"{e.id}@{DEFAULT_UID_DOMAIN}" for e in guide_data.events
             if e.start and e.end}
    assert set(in_ics) == dated
    assert {e["uid"] for e in guide_json["events"] if e["in_calendar"]} \
        == dated


def test_json_holds_every_event_with_its_dates(guide_json, guide_data):
    by_id = {e["id"]: e for e in guide_json["events"]}
    assert set(by_id) == {e.id for e in guide_data.events}
    assert guide_json["kinds"] == {
        kind: info.name for kind, info in guide_data.kinds.items()}
    for event in guide_data.events:
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
        # An event whose place no source gives has no LOCATION.
        known = by_uid[uid]["virtual"] or by_uid[uid]["place"] is not None
        assert bool(str(entry.get("LOCATION", ""))) == known, uid
        assert entry.get("DTSTAMP") is not None


def test_kind_feeds_hold_that_kind_only(guide_feeds, guide_json, guide_data):
    for kind in guide_data.kinds:
        uids = set(_events(_calendar(guide_feeds / feed_name(kind))))
        expected = {e["uid"] for e in guide_json["events"]
                    if e["in_calendar"] and kind in e["kinds"]}
        assert uids == expected, kind


def test_region_feeds_hold_that_region_only(guide_feeds, guide_json,
                                            guide_data):
    """A reader subscribes to what is near them: each continent's feed
    (and the online one) holds exactly its dated events."""
    by_id = {e.id: e for e in guide_data.events}
    for group in REGION_GROUPS:
        uids = set(_events(_calendar(guide_feeds / region_feed_name(group))))
        expected = {e["uid"] for e in guide_json["events"]
                    if e["in_calendar"]
                    and by_id[e["id"]].region_group == group}
        assert uids == expected, group


def test_no_temporary_files_are_left(guide_feeds):
    assert not [p for p in guide_feeds.rglob(".*")]


# -- a root with its own fixed data -------------------------------------------

@pytest.fixture
def build_feeds(copy_root, strict_sphinx_build, tmp_path):
    """Build a fresh copy of test-events-tables for a pinned build date;
    returns its feeds folder."""
    def build(folder: str, build_date: str) -> pathlib.Path:
        source = copy_root("events-tables", f"{folder}-src")
        out = strict_sphinx_build(
            source, tmp_path / folder,
            extra_args=["-D", f"events_guide_build_date={build_date}"])
        return out / "feeds"
    return build


def test_feeds_reproduce_and_follow_the_build_date(build_feeds):
    first = build_feeds("a", "2026-01-01")
    again = build_feeds("b", "2026-01-01")
    later = build_feeds("c", "2027-01-01")
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


def test_cross_year_event_ends_the_day_after(build_test_root):
    feeds = build_test_root("events-tables") / "feeds"
    event = _events(_calendar(feeds / "summit.ics"))[
        "summit-hybrid-2026@events-guide.test"]
    assert event.decoded("DTSTART") == datetime.date(2026, 12, 30)
    assert event.decoded("DTEND") == datetime.date(2027, 1, 3)


def test_root_feeds_have_fixed_counts(build_test_root):
    """The root's own data: 4 dated events of 5, 2 of them PTGs."""
    feeds = build_test_root("events-tables") / "feeds"
    assert len(_events(_calendar(feeds / "events.ics"))) == 4
    assert len(_events(_calendar(feeds / "ptg.ics"))) == 2
    document = json.loads((feeds / "events.json").read_text())
    assert len(document["events"]) == 5
    by_region = {name: len(_events(_calendar(feeds / "regions" / name)))
                 for name in ("north-america.ics", "europe.ics", "asia.ics",
                              "online.ics", "africa.ics")}
    # The Tokyo meetup has no dates: in no calendar, Asia's included.
    assert by_region == {"north-america.ics": 1, "europe.ics": 1,
                         "asia.ics": 0, "online.ics": 2, "africa.ics": 0}


def test_feeds_are_never_written_into_the_sources(built_html, doc_source):
    assert not (doc_source / "feeds").exists()


def test_a_failed_write_keeps_the_old_feed_and_no_temporary(tmp_path,
                                                            monkeypatch):
    from events_guide.ext.events import feeds

    target = tmp_path / "feeds" / "events.ics"
    feeds.atomic_write(target, b"old")

    def refuse(*args):
        raise OSError("disk full")

    monkeypatch.setattr(feeds.os, "replace", refuse)
    with pytest.raises(OSError):
        feeds.atomic_write(target, b"new, but never complete")
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["events.ics"]
