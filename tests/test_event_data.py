"""The event data loader: every rule fails on a seeded bad entry, with a
message that names the file, the line, the entry and the field; no input,
however malformed, makes it raise anything but EventDataError."""

import datetime
import pathlib

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events_guide import event_data
from events_guide.event_data import EventDataError, parse_events, parse_kinds

REPO = pathlib.Path(__file__).resolve().parent.parent
EVENTS_FILE = REPO / "doc" / "source" / "_data" / "events.yaml"
KINDS_FILE = REPO / "doc" / "source" / "_data" / "kinds.yaml"
SEEDED_FILE = "seeded/events.yaml"

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
"""


def _seed(old: str, new: str) -> str:
    """The good file with one change in the second entry (lines 13-23)."""
    head, seeded = GOOD_ENTRY.split("  - id: ptg-seeded-2020\n")
    assert old in seeded, old
    return head + "  - id: ptg-seeded-2020\n" + seeded.replace(old, new, 1)


def _problem(text: str) -> EventDataError:
    with pytest.raises(EventDataError) as caught:
        parse_events(text, SEEDED_FILE)
    return caught.value


def test_the_good_file_loads():
    events = parse_events(GOOD_ENTRY, SEEDED_FILE)
    assert [e.id for e in events] == ["ptg-good-2017", "ptg-seeded-2020"]
    assert events[0].start == datetime.date(2017, 2, 20)


# (seeded change, field named, line named, words the message must hold)
SEEDED_DEFECTS = {
    "required field missing": (
        ("    name: Seeded PTG\n", ""), "name", 13, "is missing"),
    "start not an ISO date": (
        ("start: 2020-06-01", "start: 1 June 2020"), "start", 16,
        "YYYY-MM-DD"),
    "start not a real day": (
        ("start: 2020-06-01", "start: 2020-02-30"), "start", 16,
        "not a real calendar date"),
    "end before start": (
        ("end: 2020-06-05", "end: 2020-05-30"), "end", 17,
        "before the start date"),
    "unknown kind": (
        ("kinds: [ptg]", "kinds: [ptg, hackathon]"), "kinds[1]", 15,
        "'summit'"),
    "kind listed twice": (
        ("kinds: [ptg]", "kinds: [ptg, ptg]"), "kinds", 15, "twice"),
    "no place": (
        ("    place: virtual\n", ""), "place", 13, "is missing"),
    "place neither city nor virtual": (
        ("place: virtual", "place: online"), "place", 18, "'virtual'"),
    "in-person event without region": (
        ("place: virtual\n    format: virtual",
         "place: {city: Paris, country: France}\n    format: in-person"),
        "region", 13, "needs its region"),
    "virtual event with a city": (
        ("place: virtual", "place: {city: Paris, country: France}"),
        "format", 19, "place: virtual"),
    "no source": (
        ("""    sources:
      - title: Victoria release schedule
        url: https://releases.openstack.org/victoria/schedule.html
""", "    sources: []\n"), "sources", 20, "at least 1"),
    "source without https": (
        ("https://releases", "http://releases"), "sources[0].url", 22,
        "expected form"),
    "misspelt field": (
        ("format: virtual", "format: virtual\n    regoin: Europe"),
        "regoin", 20, "not a known field"),
    "year disagrees with the dates": (
        ("format: virtual", "format: virtual\n    year: 2019"), "year", 20,
        "does not match"),
}


@pytest.mark.parametrize("rule", sorted(SEEDED_DEFECTS))
def test_each_rule_names_file_line_entry_and_field(rule):
    (old, new), field, line, words = SEEDED_DEFECTS[rule]
    error = _problem(_seed(old, new))
    message = str(error)
    assert f"{SEEDED_FILE}:{line}:" in message, message
    assert "entry 'ptg-seeded-2020' (#2)" in message
    assert f"field '{field}'" in message
    assert words in message
    assert "How to fix:" in message
    assert [p.field for p in error.problems] == [field]


def test_duplicate_ids_name_both_entries():
    text = GOOD_ENTRY.replace("id: ptg-seeded-2020", "id: ptg-good-2017")
    message = str(_problem(text))
    assert f"{SEEDED_FILE}:13:" in message
    assert "entry 'ptg-good-2017' (#2), field 'id'" in message
    assert "already used by entry #1" in message


def test_repeated_key_in_one_entry_is_an_error():
    message = str(_problem(_seed("format: virtual",
                                 "format: virtual\n    format: hybrid")))
    assert f"{SEEDED_FILE}:20:" in message
    assert "'format' twice" in message


def test_yaml_syntax_error_names_the_line():
    message = str(_problem(_seed("name: Seeded PTG", "name: [Seeded PTG")))
    assert f"{SEEDED_FILE}:1" in message
    assert "not valid YAML" in message


def test_all_problems_are_reported_in_one_run_sorted_by_line():
    text = _seed("end: 2020-06-05", "end: 2020-05-30").replace(
        "kinds: [ptg]", "kinds: [party]", 1)
    error = _problem(text)
    assert [(p.line, p.field) for p in error.problems] == [
        (4, "kinds[0]"), (17, "end")]


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
    with pytest.raises(EventDataError) as caught:
        event_data.load(tmp_path / "missing.yaml", KINDS_FILE)
    assert "missing.yaml" in str(caught.value)


def test_kinds_file_must_cover_every_kind():
    text = KINDS_FILE.read_text()
    trimmed = text.split("\n  ops-meetup:\n")[0] + "\n"
    with pytest.raises(EventDataError) as caught:
        parse_kinds(trimmed, "seeded/kinds.yaml")
    assert "kind 'ops-meetup': is missing" in str(caught.value)


def test_kinds_file_bad_field_names_kind_and_field():
    text = KINDS_FILE.read_text().replace(
        "    length: Usually a full working week.\n", "", 1)
    with pytest.raises(EventDataError) as caught:
        parse_kinds(text, "seeded/kinds.yaml")
    message = str(caught.value)
    assert "kind 'ptg', field 'length': is missing" in message
    assert "seeded/kinds.yaml:" in message


# -- The guide's own data -----------------------------------------------------

def test_the_guides_data_is_valid_and_complete():
    data = event_data.load(EVENTS_FILE, KINDS_FILE)
    assert len(data.events) == 52
    assert set(data.kinds) == set(event_data.KIND_IDS)
    assert len({e.id for e in data.events}) == 52


def test_no_date_is_invented_for_unverified_events():
    data = event_data.load(EVENTS_FILE, KINDS_FILE)
    by_id = {e.id: e for e in data.events}
    for unverified in ("summit-austin-2010", "summit-santa-clara-2011",
                       "summit-atlanta-2014", "summit-vancouver-2015",
                       "ops-meetup-milan-2017", "ops-meetup-berlin-2022"):
        assert by_id[unverified].start is None
        assert "not verified" in by_id[unverified].dates_label
    assert by_id["summit-paris-2014"].start is None
    assert by_id["summit-san-francisco-2012"].end is None


def test_the_2021_keynotes_are_flagged_as_a_stand_in():
    data = event_data.load(EVENTS_FILE, KINDS_FILE)
    keynotes = [e for e in data.events if e.stand_in]
    assert [e.id for e in keynotes] == ["openinfra-live-keynotes-2021"]


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
        parse_events(text, SEEDED_FILE)
    except EventDataError as error:
        assert str(error)
        assert all(p.path == SEEDED_FILE for p in error.problems)


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
        events = parse_events(text, SEEDED_FILE)
    except EventDataError as error:
        assert error.problems
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
    kinds.write_text(KINDS_FILE.read_text().replace(
        "    length: Usually a full working week.\n", "", 1))
    with pytest.raises(EventDataError) as caught:
        event_data.load(events, kinds)
    found = {(pathlib.Path(p.path).name, p.field)
             for p in caught.value.problems}
    assert found == {("events.yaml", "end"), ("kinds.yaml", "length")}
