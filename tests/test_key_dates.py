"""Key dates: "closing soon" at a pinned build date, the key-date
calendars (read back with icalendar and the strict ``ical`` parser), the
"what is new" Atom feed (read back with feedparser), and the guide's own
deadlines in every place they go.

``test-events-deadlines`` holds fixed events and deadlines around its
build date (1 May 2026); the guide's data is checked for properties only.
"""

import datetime
import json
import pathlib

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from ical.calendar_stream import IcsCalendarStream

from events_guide import published
from events_guide.data.feeds import deadline_feed_name, deadline_uid
from events_guide.data.whats_new import WHATS_NEW_FEED
from events_guide.ext.events.feeds import DEFAULT_UID_DOMAIN as UID_DOMAIN

#: The test root, built again in place for the reproducibility test.
ROOT = pathlib.Path(__file__).parent / "roots" / "test-events-deadlines"


@pytest.fixture(scope="module")
def root(build_test_root):
    return build_test_root("events-deadlines")


def _text(path) -> str:
    return BeautifulSoup(path.read_text(encoding="utf-8"),
                         "lxml").body.get_text(" ", strip=True)


def _section(html, title: str) -> str:
    soup = BeautifulSoup((html / "index.html").read_text(encoding="utf-8"),
                         "lxml")
    heading = soup.find(lambda tag: tag.name == "h2"
                        and tag.get_text(strip=True).rstrip("¶") == title)
    return heading.parent.get_text(" ", strip=True)


# -- closing soon, at a pinned date ------------------------------------------

def test_closing_soon_lists_the_deadlines_still_open_nearest_first(root):
    text = _section(root, "Closing soon")
    # 1 May 2026 (the build date itself) still counts; 1 February and the
    # 2025 deadlines are past.
    assert text.index("1 May 2026") < text.index("3 May 2026, 23:59") \
        < text.index("20 August 2026")
    assert "1 February 2026" not in text and "2025" not in text


def test_closing_soon_says_none_announced_and_where_to_watch(
        copy_root, tmp_path, strict_sphinx_build):
    source = copy_root("events-deadlines")
    conf = source / "conf.py"
    conf.write_text(conf.read_text().replace('"2026-05-01"', '"2026-12-01"'))
    html = strict_sphinx_build(source, tmp_path / "out")
    text = _section(html, "Closing soon")
    assert "No call for proposals, sign-up or other deadline is announced " \
        "after 1 December 2026 yet" in text
    assert "watch" in text and "Subscribe" in text


def test_a_kind_page_says_when_its_deadlines_usually_fall(root):
    text = _section(root, "Summit deadlines")
    assert "Call for proposals closes : 4 months before (2 events; " \
        "latest: 3 May 2026 )" in text
    assert "Forum proposals close" not in text  # the Forum's, not the Summit's
    assert "holds no key dates" in _section(root, "Meet-up deadlines")


def test_an_event_page_lists_its_key_dates_with_their_sources(root):
    text = _text(root / "events" / "summit-next-2026.html")
    assert "Call for proposals closes : 3 May 2026, 23:59 (Asia/Shanghai)" \
        in text
    assert "The CFP closes May 3, 2026 at 11:59pm China Standard Time" in text


# -- the key-date calendars ---------------------------------------------------

def test_the_key_date_calendar_holds_each_deadline_in_its_zone(root):
    text = (root / "feeds" / deadline_feed_name()).read_bytes().decode()
    entries = {str(entry["uid"]): entry for entry in
               icalendar.Calendar.from_ical(text).walk("VEVENT")}
    assert len(entries) == 6
    cfp = entries["summit-next-2026--cfp-closes@events-guide.test"]
    start = cfp.decoded("dtstart")
    assert start.tzinfo is not None and \
        cfp["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert start.utcoffset() == datetime.timedelta(hours=8)
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai" in text
    strict = IcsCalendarStream.calendar_from_ics(text)
    assert len(strict.events) == 6
    all_day = entries["ptg-next-2026--ptg-signup-closes@events-guide.test"]
    assert all_day.decoded("dtstart") == datetime.date(2026, 8, 20)
    assert all_day.decoded("dtend") == datetime.date(2026, 8, 21)


def test_each_kind_has_its_key_date_calendar(root):
    ptg = icalendar.Calendar.from_ical(
        (root / "feeds" / deadline_feed_name("ptg")).read_bytes())
    assert [str(e["uid"]) for e in ptg.walk("VEVENT")] == [
        "ptg-next-2026--ptg-signup-closes@events-guide.test"]
    assert (root / "feeds" / deadline_feed_name("meetup")).is_file()


def test_the_guides_deadlines_are_in_its_calendars_and_json(
        built_html, guide_data):
    """Every deadline of the data, once, with a UID made of the event and
    the kind (so a corrected date updates it in place)."""
    text = (built_html / "feeds" / deadline_feed_name()).read_text("utf-8")
    uids = [str(entry["uid"]) for entry in
            icalendar.Calendar.from_ical(text).walk("VEVENT")]
    wanted = [deadline_uid(event, deadline.kind, UID_DOMAIN)
              for event in guide_data.events for deadline in event.deadlines]
    assert sorted(uids) == sorted(wanted) and len(set(uids)) == len(uids)
    assert len(IcsCalendarStream.calendar_from_ics(text).events) == len(uids)
    feed = json.loads((built_html / "feeds" / "events.json").read_text())
    in_json = {(event["id"], deadline["kind"]) for event in feed["events"]
               for deadline in event["deadlines"]}
    assert in_json == {(event.id, deadline.kind)
                       for event in guide_data.events
                       for deadline in event.deadlines}


# -- what is new ------------------------------------------------------------

def test_the_atom_feed_reads_back_with_every_event_and_deadline(root):
    feed = feedparser.parse((root / "feeds" / WHATS_NEW_FEED).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    links = {entry.id for entry in feed.entries}
    assert "https://docs.example.org/guide/events/ptg-next-2026.html" in links
    assert ("https://docs.example.org/guide/events/summit-next-2026.html"
            "#cfp-closes") in links
    assert len(feed.entries) == 3 + 6


def test_two_builds_write_the_same_atom_feed(root, tmp_path,
                                             strict_sphinx_build):
    """Dates come from the data file's history (or, without git, from its
    sources), never from the clock."""
    again = strict_sphinx_build(ROOT, tmp_path)
    assert (again / "feeds" / WHATS_NEW_FEED).read_bytes() == \
        (root / "feeds" / WHATS_NEW_FEED).read_bytes()


def test_the_guide_offers_the_atom_feed(guide_site):
    index = guide_site.page("index.html").soup
    link = index.find("link", rel="alternate", type="application/atom+xml")
    assert link is not None and link["href"] == \
        f"{published.FEEDS_FOLDER}/{WHATS_NEW_FEED}"
    calendar = guide_site.page("calendar.html").soup
    assert calendar.find("a", href=f"{published.FEEDS_FOLDER}/"
                         f"{WHATS_NEW_FEED}")
