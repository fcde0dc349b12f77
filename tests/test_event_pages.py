"""A page per event: one for every event of the data, linked from its year
page, with its schema.org Event (read back with extruct), its one-event
calendar file (read back with icalendar and the strict ``ical`` parser,
the same UID as the feeds) and its add-to-calendar links.

The guide's own data is checked for properties that hold for any event
(so adding one never needs a test edit); ``test-events-status`` holds
fixed events whose status changed, for the exact values.
"""

import datetime
import json
import re
import shutil
import urllib.parse

import icalendar
import pytest
from bs4 import BeautifulSoup
from ical.calendar_stream import IcsCalendarStream

from events_guide import published
from events_guide.data.feeds import event_uid
from events_guide.ext.events.feeds import DEFAULT_UID_DOMAIN as UID_DOMAIN
from events_guide.sitecheck import format_report
from events_guide.sitecheck.events import check_event_pages, json_ld_events


def _rel(event) -> str:
    return published.html_file(published.event_page(event.id))


def _page(site, event):
    return site.page(_rel(event))


def _calendar_file(html, event):
    return html / published.event_calendar_file(event.id)


# -- every event, one page ---------------------------------------------------

def test_every_event_has_one_page_linked_from_its_year_page(guide_site,
                                                            guide_data):
    pages = {rel for rel in guide_site.pages
             if published.EVENT_PAGES.holds(rel)}
    wanted = {_rel(event) for event in guide_data.events}
    assert pages == wanted
    for event in guide_data.events:
        year_page = guide_site.page(published.html_file(
            published.year_page(event.known_year)))
        hrefs = {a["href"] for a in year_page.soup.find_all("a", href=True)}
        assert f"../{_rel(event)}" in hrefs, (event.id, year_page.rel)


def test_the_guide_passes_the_event_page_check(guide_site):
    findings = check_event_pages(guide_site)
    assert findings == [], format_report(findings)


def _first_dated(guide_data, fmt=None):
    return next(event for event in sorted(guide_data.events,
                                          key=lambda e: e.sort_key)
                if event.has_dates and fmt in (None, event.format))


def _seed(site_copy, event, old, new):
    path = site_copy.html / _rel(event)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


#: A defect seeded into an event's page: (the format of the event seeded,
#: what its page says and what it is made to say instead, the subject the
#: finding names, words the finding holds).
SEEDED_PAGE_DEFECTS = {
    "a missing start date": (
        None, lambda event: (
            f'"startDate":"{event.start.isoformat()}",', ""),
        "startDate", ""),
    "a wrong attendance mode": (
        "in-person", lambda event: ("OfflineEventAttendanceMode",
                                    "OnlineEventAttendanceMode"),
        "eventAttendanceMode", "OfflineEventAttendanceMode"),
    "a wrong city": (
        "in-person", lambda event: (
            f'"addressLocality":"{event.place.city}"',
            '"addressLocality":"Atlantis"'),
        "location", ""),
    "an online event without its url": (
        "virtual", lambda event: ('"@type":"VirtualLocation"',
                                  '"@type":"Place"'),
        "location", "VirtualLocation"),
}


@pytest.mark.parametrize("defect", sorted(SEEDED_PAGE_DEFECTS))
def test_a_seeded_page_defect_is_named_with_the_entry(
        defect, page_copy, guide_data, one, assert_names):
    fmt, change, subject, words = SEEDED_PAGE_DEFECTS[defect]
    event = _first_dated(guide_data, fmt)
    site_copy = page_copy(_rel(event))
    _seed(site_copy, event, *change(event))
    finding = one(check_event_pages(site_copy.site()), subject)
    assert_names(finding, "_data/events.yaml", event.line, _rel(event))
    assert words in finding.what


def test_a_missing_page_is_named_with_the_entry(site_copy, guide_data, one):
    event = _first_dated(guide_data)
    (site_copy.html / _rel(event)).unlink()
    finding = one(check_event_pages(site_copy.site()), event.id)
    assert finding.line == event.line and "has no page" in finding.what


def test_a_build_without_event_pages_is_named_entry_by_entry(
        site_copy, guide_data):
    """A build that stops writing event pages altogether is caught, not
    taken for a build without them: one finding per entry."""
    for path in (site_copy.html / published.EVENT_PAGES.folder).glob(
            "*.html"):
        path.unlink()
    findings = [finding for finding in check_event_pages(site_copy.site())
                if finding.check == "event-page"]
    assert sorted(finding.line for finding in findings) == sorted(
        event.line for event in guide_data.events)
    assert all(finding.file.endswith("_data/events.yaml")
               for finding in findings)


def test_two_event_items_on_one_page_are_named_with_the_entry(
        page_copy, guide_data, one, assert_names):
    event = _first_dated(guide_data)
    site_copy = page_copy(_rel(event))
    path = site_copy.html / _rel(event)
    text = path.read_text(encoding="utf-8")
    item = re.search(r'<script type="application/ld\+json">.*?</script>',
                     text).group(0)
    path.write_text(text.replace(item, item + item, 1), encoding="utf-8")
    finding = one(check_event_pages(site_copy.site()), "Event")
    assert_names(finding, "_data/events.yaml", event.line, _rel(event))
    assert "2 schema.org Event items" in finding.what


def test_a_page_of_no_event_is_named(site_copy, guide_data, one):
    event = _first_dated(guide_data)
    gone = published.html_file(published.event_page("summit-gone-1999"))
    (site_copy.html / gone).write_bytes((site_copy.html /
                                         _rel(event)).read_bytes())
    finding = one(check_event_pages(site_copy.site()), "summit-gone-1999")
    assert finding.file == gone and "page of no event" in finding.what


# -- structured data, calendar file and links, on every event page ----------
# Each event page is its own text; these read every one of them (cheap
# static reads, no browser).

def test_only_a_fully_known_event_has_an_event_item(guide_site,
                                                    guide_data):
    """Dates, place and format verified: one Event; else none."""
    for event in guide_data.events:
        items = json_ld_events(_page(guide_site, event))
        assert len(items) == (1 if event.fully_known else 0), event.id
        if items:
            assert items[0]["url"].endswith(
                f"/events-guide/events/{event.id}.html")
            assert items[0]["name"] == event.name


def test_each_calendar_file_holds_its_event_with_the_feeds_uid(built_html,
                                                               guide_data):
    feed = icalendar.Calendar.from_ical(
        (built_html / "feeds" / "events.ics").read_bytes())
    feed_uids = {str(entry["uid"]) for entry in feed.walk("VEVENT")}
    for event in guide_data.events:
        path = _calendar_file(built_html, event)
        if not event.has_dates:
            assert not path.exists(), event.id
            continue
        text = path.read_text(encoding="utf-8")
        (entry,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
        strict = IcsCalendarStream.calendar_from_ics(text)
        assert len(strict.events) == 1
        uid = event_uid(event, UID_DOMAIN)
        assert str(entry["uid"]) == strict.events[0].uid == uid
        assert uid in feed_uids
        assert strict.events[0].dtstart == event.start


def _query(url: str) -> dict:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


def test_add_to_calendar_links_carry_the_dates_title_and_place(guide_site,
                                                               guide_data):
    for event in guide_data.events:
        links = {a.get_text(): a["href"] for a in _page(
            guide_site, event).soup.find_all("a", href=True)}
        if not event.has_dates:
            assert "Google Calendar" not in links, event.id
            continue
        google = _query(links["Google Calendar"])
        after_end = event.end + datetime.timedelta(days=1)
        assert google["text"] == event.name
        assert google.get("location") == (
            None if event.place is None else event.place_label)
        start, end = google["dates"].split("/")
        assert start == f"{event.start:%Y%m%d}"
        assert end == f"{after_end:%Y%m%d}"
        outlook = _query(links["Outlook"])
        assert (outlook["subject"], outlook["startdt"], outlook["allday"]) \
            == (event.name, event.start.isoformat(), "true")
        assert outlook["enddt"] == after_end.isoformat()
        assert links["Download the calendar file"] == f"{event.id}.ics"


# -- status: fixed events of the test root ----------------------------------

@pytest.fixture(scope="module")
def status_html(build_test_root):
    return build_test_root("events-status")


def _ld(html, event_id):
    text = (html / "events" / f"{event_id}.html").read_text()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>',
                      text)
    return json.loads(match.group(1)) if match else None


def _feed_entry(html, event_id):
    feed = icalendar.Calendar.from_ical(
        (html / "feeds" / "events.ics").read_bytes())
    return next(entry for entry in feed.walk("VEVENT")
                if str(entry["uid"]).startswith(event_id + "@"))


def test_a_cancelled_event_says_so_on_its_page_in_the_feed_and_its_data(
        status_html):
    page = BeautifulSoup((status_html / "events" /
                          "ptg-cancelled-2025.html").read_text(), "lxml")
    assert "Cancelled" in page.body.get_text()
    entry = _feed_entry(status_html, "ptg-cancelled-2025")
    assert (str(entry["status"]), int(entry["sequence"])) == ("CANCELLED", 1)
    assert _ld(status_html, "ptg-cancelled-2025")["eventStatus"] == \
        "https://schema.org/EventCancelled"
    history = (status_html / "index.html").read_text()
    assert "(cancelled)" in history


def test_a_rescheduled_event_gives_its_earlier_dates(status_html):
    text = (status_html / "events" / "ptg-rescheduled-2026.html").read_text()
    assert "planned before for 7–11 September 2026" in text
    record = _ld(status_html, "ptg-rescheduled-2026")
    assert record["eventStatus"] == "https://schema.org/EventRescheduled"
    assert record["previousStartDate"] == "2026-09-07"
    assert record["eventAttendanceMode"] == \
        "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in record["location"]] == [
        "Place", "VirtualLocation"]
    entry = _feed_entry(status_html, "ptg-rescheduled-2026")
    assert (str(entry["status"]), int(entry["sequence"])) == ("CONFIRMED", 1)


def test_an_event_moved_online_says_where_it_was_planned(status_html):
    text = (status_html / "events" / "summit-moved-2020.html").read_text()
    assert "Moved online" in text and "Berlin, Germany" in text
    record = _ld(status_html, "summit-moved-2020")
    assert record["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert record["location"]["@type"] == "VirtualLocation"


def test_an_undated_event_has_a_page_but_no_event_data_or_calendar(
        status_html):
    text = (status_html / "events" / "summit-undated-2011.html").read_text()
    assert _ld(status_html, "summit-undated-2011") is None
    assert not (status_html / "events" / "summit-undated-2011.ics").exists()
    assert "no source the guide could check confirms its dates" in text


def test_an_unverified_event_with_an_event_item_is_named(
        status_html, rootdir, tmp_path, one):
    """An event whose dates are not verified must not tell search engines
    it has some (the root's undated Summit, given a dated page's Event)."""
    from events_guide.sitecheck import Site
    html = tmp_path / "html"
    shutil.copytree(status_html, html)
    dated = (html / "events" / "ptg-cancelled-2025.html").read_text()
    item = re.search(r'<script type="application/ld\+json">.*?</script>',
                     dated).group(0)
    undated = html / "events" / "summit-undated-2011.html"
    undated.write_text(undated.read_text().replace(
        "</head>", item + "</head>", 1))
    site = Site(html, rootdir / "test-events-status")
    finding = one(check_event_pages(site), "Event")
    assert finding.line == next(
        event.line for event in site.event_data.events
        if event.id == "summit-undated-2011")
    assert "not verified" in finding.what


def test_an_event_as_announced_has_sequence_zero(build_test_root):
    html = build_test_root("events-tables")
    entry = _feed_entry(html, "ptg-first-2017")
    assert (str(entry["status"]), int(entry["sequence"])) == ("CONFIRMED", 0)
