"""The event data loader: every rule fails on a seeded bad entry, with a
finding that names the file, the line, the entry and the field; no input,
however malformed, makes it raise anything but EventDataError.

The seeded files are this module's own; the guide's data is only checked
for properties that hold whatever it holds.
"""

import datetime

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events_guide import data
from events_guide.data import EventDataError, parse_events, parse_kinds

SEEDED_FILE = "seeded/events.yaml"
#: The kinds registry the seeded events are checked against.
SEEDED_KINDS = ("summit", "ptg", "days")

SEEDED_KINDS_FILE = """\
kinds:
  ptg:
    name: PTG
    page: ptg
    audience: Project teams.
    length: Usually a full working week.
    format: Parallel team tracks.
    frequency: Once per release cycle.
    organizer: The Foundation.
    where: Online.
    where_to_look:
      title: OpenStack release schedules
      url: https://releases.openstack.org/
    sources:
      - title: OpenStack Pike release schedule
        url: https://releases.openstack.org/pike/schedule.html
        quote: "The Pike Project Team Gathering will happen"
        checked: 2026-11-30
"""

GOOD_ENTRY = """\
events:
  - id: ptg-good-2017
    name: Good PTG
    kinds: [ptg]
    start: 2017-02-20
    end: 2017-02-24
    place: {city: Atlanta, country: United States}
    region: North America
    format: in-person
    sources:
      - title: Pike release schedule
        url: https://releases.openstack.org/pike/schedule.html
        quote: "will happen 20-24 February 2017 in Atlanta"
        checked: 2026-11-30
  - id: ptg-seeded-2020
    name: Seeded PTG
    kinds: [ptg]
    start: 2020-06-01
    end: 2020-06-05
    place: virtual
    format: virtual
    sources:
      - title: Victoria release schedule
        url: https://releases.openstack.org/victoria/schedule.html
        quote: "Jun 01 - Jun 05 R-19 Virtual PTG"
        checked: 2026-11-30
"""


def _seed(old: str, new: str) -> str:
    """The good file with one change in the second entry (lines 15-27)."""
    head, seeded = GOOD_ENTRY.split("  - id: ptg-seeded-2020\n")
    assert old in seeded, old
    return head + "  - id: ptg-seeded-2020\n" + seeded.replace(old, new, 1)


def _problem(text: str) -> EventDataError:
    with pytest.raises(EventDataError) as caught:
        parse_events(text, SEEDED_FILE, SEEDED_KINDS,
                     today=datetime.date(2026, 11, 30))
    return caught.value


def test_an_unknown_place_and_format_are_null_not_guessed():
    """A Day that a report names without place or format: both null,
    the region given from the country alone."""
    text = _seed("place: virtual\n    format: virtual",
                 "year: 2020\n    place: null\n    region: Africa\n"
                 "    format: null").replace(
        "start: 2020-06-01\n    end: 2020-06-05",
        "start: null\n    end: null")
    event = parse_events(text, SEEDED_FILE, SEEDED_KINDS)[1]
    assert (event.place, event.format, event.region_group) == (
        None, None, "Africa")
    assert event.place_label == "Place not verified"
    assert not event.fully_known


def test_the_good_file_loads():
    events = parse_events(GOOD_ENTRY, SEEDED_FILE, SEEDED_KINDS)
    assert [e.id for e in events] == ["ptg-good-2017", "ptg-seeded-2020"]
    assert events[0].start == datetime.date(2017, 2, 20)


def _deadline(kind: str, day: str, extra: str, field: str, line: int,
              words: str):
    """A seeded defect: one deadline appended to the seeded entry (its
    kind on line 28, its date on 29)."""
    added = (f"    deadlines:\n      - kind: {kind}\n        date: {day}\n"
             + extra + "        sources:\n          - {title: A page, url: "
             "'https://example.org/', quote: closes, checked: 2026-11-30}\n")
    return (("checked: 2026-11-30\n", "checked: 2026-11-30\n" + added),
            field, line, words)


# (seeded change, field named, line named, words the message must hold)
SEEDED_DEFECTS = {
    "required field missing": (
        ("    name: Seeded PTG\n", ""), "name", 15, "is missing"),
    "start not an ISO date": (
        ("start: 2020-06-01", "start: 1 June 2020"), "start", 18,
        "YYYY-MM-DD"),
    "start not a real day": (
        ("start: 2020-06-01", "start: 2020-02-30"), "start", 18,
        "not a real calendar date"),
    "end before start": (
        ("end: 2020-06-05", "end: 2020-05-30"), "end", 19,
        "before the start date"),
    "unknown kind": (
        ("kinds: [ptg]", "kinds: [ptg, hackathon]"), "kinds[1]", 17,
        "not a kind listed in kinds.yaml"),
    "kind listed twice": (
        ("kinds: [ptg]", "kinds: [ptg, ptg]"), "kinds", 17, "twice"),
    "no place": (
        ("    place: virtual\n", ""), "place", 15, "is missing"),
    "place neither city nor virtual": (
        ("place: virtual", "place: online"), "place", 20, "'virtual'"),
    "in-person event without region": (
        ("place: virtual\n    format: virtual",
         "place: {city: Paris, country: France}\n    format: in-person"),
        "region", 15, "needs its region"),
    "virtual event with a city": (
        ("place: virtual", "place: {city: Paris, country: France}"),
        "format", 21, "place: virtual"),
    "no source": (
        ("""    sources:
      - title: Victoria release schedule
        url: https://releases.openstack.org/victoria/schedule.html
        quote: "Jun 01 - Jun 05 R-19 Virtual PTG"
        checked: 2026-11-30
""", "    sources: []\n"), "sources", 22, "at least 1"),
    "source without https": (
        ("https://releases", "http://releases"), "sources[0].url", 24,
        "an http:// address; the guide links over https only: write "
        "https://releases.openstack.org/victoria/schedule.html"),
    "source not a web address": (
        ("https://releases.openstack.org/victoria/schedule.html",
         "releases.openstack.org/victoria"), "sources[0].url", 24,
        "is not a web address starting with https://"),
    "no kind": (("kinds: [ptg]", "kinds: []"), "kinds", 17,
                "at least 1 item"),
    "a virtual event with a region": (
        ("format: virtual", "format: virtual\n    region: Europe"),
        "region", 22, "a virtual event has no region"),
    "coordinates of an event held nowhere": (
        ("format: virtual", "format: virtual\n    coordinates: [10.0, 20.0]"),
        "coordinates", 22, "only an event held in a city has coordinates"),
    "a year before the guide's": (
        ("format: virtual", "format: virtual\n    year: 1999"), "year", 22,
        "greater than or equal to 2000"),
    "status sources of a scheduled event": (
        ("format: virtual", "format: virtual\n    status_sources:\n"
         "      - title: x\n        url: https://example.org/\n"
         '        quote: "x y"\n        checked: 2026-11-30'),
        "status_sources", 22, "the event is scheduled"),
    "quote in quotation marks": (
        ('quote: "Jun 01 - Jun 05 R-19 Virtual PTG"',
         "quote: '\"Jun 01 - Jun 05 R-19 Virtual PTG\"'"),
        "sources[0].quote", 25, "wrapped in quotation marks"),
    "source title too long": (
        ("title: Victoria release schedule", "title: " + "x" * 101),
        "sources[0].title", 23, "at most 100 characters"),
    "misspelt field": (
        ("format: virtual", "format: virtual\n    regoin: Europe"),
        "regoin", 22, "not a known field"),
    "misspelt field of the place": (
        ("place: virtual\n    format: virtual",
         "place: {city: Paris, country: France, venue: Hall}\n"
         "    format: in-person\n    region: Europe"),
        "place.venue", 20, "known fields: city, country."),
    "year disagrees with the dates": (
        ("format: virtual", "format: virtual\n    year: 2019"), "year", 22,
        "does not match"),
    "source without a quote": (
        ('        quote: "Jun 01 - Jun 05 R-19 Virtual PTG"\n', ""),
        "sources[0].quote", 23, "is missing"),
    "quote too long": (
        ("Jun 01 - Jun 05 R-19 Virtual PTG", " ".join(["word"] * 31)),
        "sources[0].quote", 25, "at most 30"),
    "checked not a date": (
        ("checked: 2026-11-30", "checked: last week"), "sources[0].checked",
        26, "YYYY-MM-DD"),
    "note too long": (
        ("format: virtual", "format: virtual\n    note: " + "word " * 26),
        "note", 22, "more than 25"),
    "virtual place, other format": (
        ("format: virtual", "format: hybrid"), "format", 21,
        "place: virtual has format: virtual"),
    "status without its sources": (
        ("format: virtual", "format: virtual\n    status: cancelled"),
        "status_sources", 15, "'cancelled' needs at least one source"),
    "unknown status": (
        ("format: virtual", "format: virtual\n    status: called-off"),
        "status", 22, "'scheduled', 'cancelled'"),
    "rescheduled without the earlier dates": (
        ("format: virtual", "format: virtual\n    status: rescheduled\n"
         "    status_sources:\n      - {title: A post, url: "
         "'https://example.org/', quote: moved, checked: 2026-11-30}"),
        "previous_start", 15, "gives previous_start and previous_end"),
    "earlier dates of an event as announced": (
        ("format: virtual", "format: virtual\n    previous_start: "
         "2020-05-01"), "previous_start", 22, "a scheduled event has no "
        "previous_start"),
    "moved online but held in person": (
        ("place: virtual\n    format: virtual",
         "place: {city: Paris, country: France}\n    format: in-person\n"
         "    region: Europe\n    status: moved-online"), "status", 23,
        "virtual or hybrid"),
    "deadline of an unknown kind": _deadline(
        "cfp-shuts", "2020-04-01", "", "deadlines[0].kind", 28,
        "not a kind of deadline"),
    "deadline time without its zone": _deadline(
        "cfp-closes", "2020-04-01", '        time: "23:59"\n',
        "deadlines[0].timezone", 28, "give time and timezone together"),
    "deadline in a time zone that does not exist": _deadline(
        "cfp-closes", "2020-04-01",
        '        time: "23:59"\n        timezone: Mars/Olympus\n',
        "deadlines[0].timezone", 31, "is not an IANA time zone"),
    "deadline at a time that does not exist (and nothing else said)":
    _deadline("cfp-closes", "2020-04-01",
              '        time: "25:00"\n        timezone: Europe/Paris\n',
              "deadlines[0].time", 30, "is not a time written HH:MM"),
    "deadline in a folder of the zone database": _deadline(
        "cfp-closes", "2020-04-01",
        '        time: "23:59"\n        timezone: America\n',
        "deadlines[0].timezone", 31, "is not an IANA time zone"),
    "deadline after the event": _deadline(
        "cfp-closes", "2021-04-01", "", "deadlines[0].date", 29,
        "after the event ends (2020-06-05)"),
    "deadline of another kind of event": _deadline(
        "forum-proposals-close", "2020-04-01", "", "deadlines[0].kind", 28,
        "belongs to an event of kind forum"),
    "checked in the future": (
        ("checked: 2026-11-30", "checked: 2027-01-01"),
        "sources[0].checked", 26, "is in the future (today is 2026-11-30); "
        "write the day you read the quote in its source"),
}


@pytest.mark.parametrize("rule", sorted(SEEDED_DEFECTS))
def test_each_rule_names_file_line_entry_and_field(rule):
    (old, new), field, line, words = SEEDED_DEFECTS[rule]
    error = _problem(_seed(old, new))
    message = str(error)
    assert f"{SEEDED_FILE}:{line}: [event-data]" in message, message
    assert "entry 'ptg-seeded-2020' (#2)" in message
    assert f"field '{field}'" in message
    assert words in message
    assert "fix: " in message
    (finding,) = error.findings
    assert (finding.file, finding.line, finding.subject, finding.check) \
        == (SEEDED_FILE, line, field, "event-data")
    assert finding.fix.endswith(".") and len(finding.fix) > 10


def test_an_id_that_is_not_a_slug_is_named_with_its_line():
    """An id becomes the page's address and the calendar UID: written as
    a name (capitals, spaces), it is named on its own line with the form
    it must take."""
    error = _problem(GOOD_ENTRY.replace("  - id: ptg-seeded-2020\n",
                                        "  - id: PTG Seeded 2020\n"))
    (finding,) = error.findings
    line = GOOD_ENTRY.split("  - id: ptg-seeded-2020")[0].count("\n") + 1
    assert (finding.file, finding.line, finding.subject) == (
        SEEDED_FILE, line, "id")
    assert "lower-case letters, digits and hyphens" in finding.fix


def test_unknown_kind_names_the_registrys_kinds():
    error = _problem(_seed("kinds: [ptg]", "kinds: [hackathon]"))
    assert "summit, ptg, days (from kinds.yaml)" in error.findings[0].fix


def test_duplicate_ids_name_both_entries():
    text = GOOD_ENTRY.replace("id: ptg-seeded-2020", "id: ptg-good-2017")
    message = str(_problem(text))
    assert f"{SEEDED_FILE}:15:" in message
    assert "entry 'ptg-good-2017' (#2), field 'id'" in message
    assert "already used by entry #1" in message


def test_repeated_key_in_one_entry_is_an_error():
    message = str(_problem(_seed("format: virtual",
                                 "format: virtual\n    format: hybrid")))
    assert f"{SEEDED_FILE}:22:" in message
    assert "'format' twice" in message


def test_yaml_syntax_error_names_the_line():
    message = str(_problem(_seed("name: Seeded PTG", "name: [Seeded PTG")))
    assert f"{SEEDED_FILE}:1" in message
    assert "not valid YAML" in message


def test_all_problems_are_reported_in_one_run_sorted_by_line():
    text = _seed("end: 2020-06-05", "end: 2020-05-30").replace(
        "kinds: [ptg]", "kinds: [party]", 1)
    error = _problem(text)
    assert [(f.line, f.subject) for f in error.findings] == [
        (4, "kinds[0]"), (19, "end")]


def test_entry_without_id_is_named_by_its_index():
    text = GOOD_ENTRY.replace("  - id: ptg-seeded-2020\n    name:",
                              "  - name:")
    message = str(_problem(text))
    assert "entry #2" in message
    assert "field 'id'" in message


def test_file_without_events_list():
    message = str(_problem("something: else\n"))
    assert f"{SEEDED_FILE}:1:" in message and "'events'" in message


def test_unreadable_file_is_a_clean_error(tmp_path):
    kinds = tmp_path / "kinds.yaml"
    kinds.write_text(SEEDED_KINDS_FILE)
    with pytest.raises(EventDataError) as caught:
        data.load(tmp_path / "missing.yaml", kinds)
    (finding,) = caught.value.findings
    assert finding.file.endswith("missing.yaml") and finding.line is None
    assert "cannot read" in finding.what


# -- The kinds registry -------------------------------------------------------

def test_the_registry_gives_kinds_and_pages_in_order():
    kinds = parse_kinds(SEEDED_KINDS_FILE.replace(
        "kinds:\n", "kinds:\n  ops-meetup:\n" + _kind_facts("meetups")
        + "  meetup:\n" + _kind_facts("meetups"), 1), "seeded/kinds.yaml")
    assert list(kinds) == ["ops-meetup", "meetup", "ptg"]
    assert data.kind_pages(kinds) == ["meetups", "ptg"]
    assert [kind for kind, info in kinds.items()
            if info.page == "meetups"] == ["ops-meetup", "meetup"]


def _kind_facts(page: str) -> str:
    """The facts of the seeded ptg kind, for another kind on *page*."""
    facts = SEEDED_KINDS_FILE.split("  ptg:\n", 1)[1]
    return facts.replace("page: ptg", f"page: {page}")


def test_kinds_file_needs_at_least_one_kind():
    with pytest.raises(EventDataError) as caught:
        parse_kinds("kinds: {}\n", "seeded/kinds.yaml")
    assert "at least one kind" in str(caught.value)


def test_kind_id_must_be_a_slug():
    with pytest.raises(EventDataError) as caught:
        parse_kinds(SEEDED_KINDS_FILE.replace("  ptg:", "  PTG event:"),
                    "seeded/kinds.yaml")
    (finding,) = caught.value.findings
    assert (finding.line, finding.what) == (
        2, "kind 'PTG event': is not a kind id.")


def test_a_stray_top_level_key_of_the_kinds_file_is_named():
    with pytest.raises(EventDataError) as caught:
        parse_kinds(SEEDED_KINDS_FILE + "kind:\n  x: 1\n",
                    "seeded/kinds.yaml")
    (finding,) = caught.value.findings
    assert finding.line == SEEDED_KINDS_FILE.count("\n") + 1
    assert "'kind': is not a known top-level key" in finding.what


def test_kinds_file_bad_field_names_kind_and_field():
    text = SEEDED_KINDS_FILE.replace(
        "    length: Usually a full working week.\n", "", 1)
    with pytest.raises(EventDataError) as caught:
        parse_kinds(text, "seeded/kinds.yaml")
    message = str(caught.value)
    assert "kind 'ptg', field 'length': is missing" in message
    assert "seeded/kinds.yaml:2:" in message


# -- The guide's own data: properties, whatever it holds ---------------------

def test_the_guides_data_is_valid(guide_data, doc_source):
    assert guide_data.events and guide_data.kinds
    assert len({e.id for e in guide_data.events}) == len(guide_data.events)
    for event in guide_data.events:
        assert set(event.kinds) <= set(guide_data.kinds), event.id
    for docname in data.kind_pages(guide_data.kinds):
        assert (doc_source / f"{docname}.rst").is_file(), docname


def test_the_mission_kinds_are_in_the_registry(guide_data):
    assert {"summit", "conference", "forum", "ptg", "days",
            "meetup"} <= set(guide_data.kinds)


def test_no_date_is_invented_for_unverified_events(guide_data):
    """An event without both dates says so, and is left out of the
    calendars."""
    for event in guide_data.events:
        if event.start is None or event.end is None:
            assert "not verified" in event.dates_label, event.id
            assert event not in guide_data.in_calendar()
        else:
            assert "not verified" not in event.dates_label, event.id


# -- Property tests: malformed input never escapes as another exception -------

scalars = (st.none() | st.booleans() | st.integers() | st.floats()
           | st.text(max_size=20) | st.dates().map(str))
trees = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=25)
FIELDS = ("id", "name", "kinds", "start", "end", "year", "month", "place",
          "format", "region", "sources", "note", "stand_in")


def _parse_or_clean_error(text: str) -> None:
    try:
        parse_events(text, SEEDED_FILE, SEEDED_KINDS)
    except EventDataError as error:
        assert str(error)
        assert all(f.file == SEEDED_FILE and f.check == "event-data"
                   for f in error.findings)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(trees)
def test_any_yaml_tree_loads_or_fails_cleanly(tree):
    _parse_or_clean_error(yaml.safe_dump(tree))
    _parse_or_clean_error(yaml.safe_dump({"events": tree}))
    _parse_or_clean_error(yaml.safe_dump({"events": [tree]}))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_string_loads_or_fails_cleanly(text):
    _parse_or_clean_error(text)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(FIELDS), trees)
def test_any_field_value_loads_or_fails_cleanly(field, value):
    entry = yaml.safe_load(GOOD_ENTRY)
    entry["events"][1][field] = value
    _parse_or_clean_error(yaml.safe_dump(entry))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=12) | st.integers() | st.dates().map(
    lambda d: d.isoformat() + "x"))
def test_bad_dates_fail_cleanly_naming_the_field(value):
    text = _seed("start: 2020-06-01", f"start: {yaml.safe_dump(value)}"
                 .replace("\n...\n", "").rstrip("\n"))
    try:
        events = parse_events(text, SEEDED_FILE, SEEDED_KINDS)
    except EventDataError as error:
        assert error.findings
        return
    start = events[1].start
    assert start is None or isinstance(start, datetime.date)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789-:T !&*|>{}[]#'\"\n", max_size=30))
def test_yaml_special_characters_fail_cleanly(text):
    _parse_or_clean_error("events:\n  - id: x\n    start: " + text)


def test_problems_in_both_files_are_reported_together(tmp_path):
    events = tmp_path / "events.yaml"
    kinds = tmp_path / "kinds.yaml"
    events.write_text(_seed("end: 2020-06-05", "end: 2020-05-30"))
    kinds.write_text(SEEDED_KINDS_FILE.replace(
        "    length: Usually a full working week.\n", "", 1))
    with pytest.raises(EventDataError) as caught:
        data.load(events, kinds)
    found = {(f.file.rsplit("/", 1)[-1], f.subject)
             for f in caught.value.findings}
    assert found == {("events.yaml", "end"), ("kinds.yaml", "length")}


def test_events_are_checked_against_the_registry_file(tmp_path):
    events, kinds = tmp_path / "events.yaml", tmp_path / "kinds.yaml"
    events.write_text(GOOD_ENTRY)
    kinds.write_text(SEEDED_KINDS_FILE)
    assert [e.id for e in data.load(events, kinds).events] == [
        "ptg-good-2017", "ptg-seeded-2020"]
    events.write_text(GOOD_ENTRY.replace("kinds: [ptg]", "kinds: [summit]",
                                         1))
    with pytest.raises(EventDataError) as caught:
        data.load(events, kinds)
    (finding,) = caught.value.findings
    assert (finding.line, finding.subject) == (4, "kinds[0]")
    assert "list one or more of: ptg (from kinds.yaml)" in finding.fix


def test_a_call_that_opens_after_it_closes_names_the_opening():
    (old, new), *_ = _deadline("cfp-closes", "2020-03-01", "", "", 0, "")
    text = _seed(old, new).replace(
        "    deadlines:\n", "    deadlines:\n      - kind: cfp-opens\n"
        "        date: 2020-04-01\n        sources:\n          - {title: "
        "A page, url: 'https://example.org/', quote: opens, checked: "
        "2026-11-30}\n")
    (finding,) = _problem(text).findings
    assert (finding.line, finding.subject) == (29, "deadlines[0].date")
    assert "opens (2020-04-01) after it closes (2020-03-01)" in finding.what


# -- an entry as a whole, and two entries that are one -----------------------

IN_PARIS = ("place: virtual\n    format: virtual",
            "place: {city: Paris, country: France}\n    format: in-person\n"
            "    region: Europe")


def _whole(old_new_pairs) -> str:
    text = GOOD_ENTRY
    head, seeded = text.split("  - id: ptg-seeded-2020\n")
    for old, new in old_new_pairs:
        assert old in seeded, old
        seeded = seeded.replace(old, new, 1)
    return head + "  - id: ptg-seeded-2020\n" + seeded


WHOLE_ENTRY_DEFECTS = {
    "a region that is not the country's continent": (
        [IN_PARIS, ("region: Europe", "region: Asia")], "region", 22,
        "France is in Europe, not Asia"),
    "a country the gazetteer does not know": (
        [IN_PARIS, ("country: France", "country: Frankreich")],
        "place.country", 20, "not a country the gazetteer"),
    "an event longer than its kind, without a note": (
        [("end: 2020-06-05", "end: 2020-06-25")], "end", 19,
        "lasts 25 days; a PTG lasts at most 7"),
    "a year in the name that is not the event's": (
        [("name: Seeded PTG", "name: Seeded PTG 2019")], "name", 16,
        "the name says 2019, but the event is in 2020"),
    "an event before the guide's first year": (
        [("start: 2020-06-01", "start: 2009-06-01"),
         ("end: 2020-06-05", "end: 2009-06-05")], "start", 18,
        "2009 is before 2010"),
}


@pytest.mark.parametrize("rule", sorted(WHOLE_ENTRY_DEFECTS))
def test_each_whole_entry_rule_names_file_line_and_field(rule):
    changes, field, line, words = WHOLE_ENTRY_DEFECTS[rule]
    kinds = parse_kinds(SEEDED_KINDS_FILE.replace(
        "    name: PTG\n", "    name: PTG\n    max_days: 7\n"))
    try:
        parse_events(_whole(changes), SEEDED_FILE, SEEDED_KINDS,
                     kind_info=kinds)
    except EventDataError as error:
        (finding,) = [f for f in error.findings if f.subject == field]
    else:
        pytest.fail("no problem found")
    assert (finding.file, finding.line, finding.subject) == (
        SEEDED_FILE, line, field), str(finding)
    assert words in finding.what and finding.fix


def test_a_long_event_with_a_note_that_says_why_passes():
    kinds = parse_kinds(SEEDED_KINDS_FILE.replace(
        "    name: PTG\n", "    name: PTG\n    max_days: 7\n"))
    text = _whole([("end: 2020-06-05", "end: 2020-06-25"),
                   ("format: virtual", "format: virtual\n    note: Three "
                    "weeks of online sessions.")])
    assert parse_events(text, SEEDED_FILE, SEEDED_KINDS, kind_info=kinds)


def test_the_same_event_twice_under_two_ids_is_named():
    """Copied after a change of date, say: same kind, same city,
    overlapping dates; the second entry is named, and the first."""
    text = GOOD_ENTRY + GOOD_ENTRY.split("events:\n")[1].split(
        "  - id: ptg-seeded-2020")[0].replace(
        "ptg-good-2017", "ptg-good-again-2017").replace(
        "start: 2017-02-20", "start: 2017-02-21")
    (finding,) = _problem(text).findings
    assert finding.line == 27 and finding.subject == "id"
    assert "is the same event as entry 'ptg-good-2017' (#1)" in finding.what


def test_a_cancelled_event_is_not_the_next_one(rootdir):
    """test-events-status: the 2025 PTG was cancelled, the 2026 one
    rescheduled; in early 2025 the next PTG is the 2026 one."""
    root = rootdir / "test-events-status" / "_data"
    guide = data.load(root / "events.yaml", root / "kinds.yaml")
    upcoming = guide.next_event("ptg", datetime.date(2025, 1, 1))
    assert upcoming.id == "ptg-rescheduled-2026"


@pytest.mark.parametrize("dates, said", [
    ("    previous_start: 2020-05-01\n",
     "a rescheduled event gives previous_end"),
    ("    previous_start: 2020-05-05\n    previous_end: 2020-05-01\n",
     "previous_end 2020-05-01 is before previous_start 2020-05-05"),
])
def test_a_rescheduled_event_gives_its_earlier_dates_in_order(dates, said):
    error = _problem(_seed("format: virtual", "format: virtual\n"
                           "    status: rescheduled\n" + dates.rstrip("\n")))
    (finding,) = [f for f in error.findings if f.subject == "previous_end"]
    assert said in finding.what
