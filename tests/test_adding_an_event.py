"""Adding an event, as contributing/adding-an-event.rst says, keeps the
guide green: by hand, and with ``tox -e add-event``.

A copy of ``doc/source`` gets a real past event appended to its
``_data/events.yaml`` in the documented form (the newest past Day, taken
out of its place first; nothing else is touched), the same event moved
to a year the guide has no page for, and a new Day added by the
``add-event`` command as a script runs it (no terminal, ``--offline``).
The copy is built once, strictly, and must show the events on their
pages and in the feeds, and pass every site check and the published-URL
inventory: no test or check may depend on how many events the guide
holds.
"""

import datetime
import json
import re
import shutil

import pytest
import yaml

from events_guide.data import DEFAULT_EVENTS_FILE, load_kinds
from events_guide.sitecheck import Site
from events_guide.sitecheck import __main__ as sitecheck_command
from test_add_event import NEW_DAY
from test_add_event import run as run_add_event

#: One worker runs this module: its tests share one build.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("added-event")]

#: The kind of the event the test adds.
KIND = "days"


def take_out_newest_past_event(text: str, kind: str) -> tuple[str, str, str]:
    """Remove from an events file the newest past event of *kind* with both
    dates; return the file without it, the entry's text and its id.

    The test adds that real event back at the end of the file, exactly as
    adding-an-event.rst tells a contributor to add one, so it never needs
    a new candidate event however much the data grows.
    """
    today = datetime.datetime.now(datetime.timezone.utc).date()
    past = [e for e in yaml.safe_load(text)["events"]
            if kind in e["kinds"] and e.get("end") and e["end"] < today]
    newest = max(past, key=lambda e: (e["end"], e["id"]))
    block = re.search(r"(  - id: %s\n.*?)(?=\n  - id: |\n  # |\Z)"
                      % re.escape(newest["id"]), text, re.S)
    rest = text[:block.start()] + text[block.end():]
    return rest, block.group(1).rstrip("\n") + "\n", newest["id"]


#: Files outside doc/source that the sources include, relative to the
#: repository (hosting.rst shows the benchmark's summary).
INCLUDED_FROM_OUTSIDE = ("bench/summary.rst",)


@pytest.fixture(scope="module")
def guide_with_one_more_event(repo_root, doc_source, tmp_path_factory):
    """A copy of the guide's sources with one event appended; returns the
    copy and the new event's id."""
    checkout = tmp_path_factory.mktemp("added")
    copy = checkout / doc_source.relative_to(repo_root)
    shutil.copytree(doc_source, copy)
    for name in INCLUDED_FROM_OUTSIDE:
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(repo_root / name, checkout / name)
    events = copy / DEFAULT_EVENTS_FILE
    rest, entry, new_id = take_out_newest_past_event(
        events.read_text(encoding="utf-8"), KIND)
    events.write_text(rest.rstrip("\n") + "\n\n" + entry + "\n"
                      + in_a_new_year(rest, entry), encoding="utf-8")
    return copy, new_id


@pytest.fixture(scope="module")
def added_by_command(guide_with_one_more_event):
    """The file before and after ``tox -e add-event`` added NEW_DAY, and
    what the command printed."""
    source, _ = guide_with_one_more_event
    events = source / DEFAULT_EVENTS_FILE
    before = events.read_text(encoding="utf-8")
    result = run_add_event(source, *NEW_DAY)
    assert result.returncode == 0, result.stderr
    return before, events.read_text(encoding="utf-8"), result


def in_a_new_year(text: str, entry: str) -> str:
    """The same entry moved to the year after every year on record (a year
    the guide has no page for): a new id, its dates in that year."""
    years = [int(year) for year in re.findall(
        r"^\s+(?:start|end|year): (\d{4})", text, re.M)]
    new_year = max(years) + 1
    moved = re.sub(r"\b(start|end): (\d{4})",
                   lambda m: f"{m.group(1)}: {new_year}", entry)
    moved = re.sub(r"  - id: ([a-z0-9-]+?)(?:-\d{4})?$",
                   rf"  - id: \1-{new_year}", moved, count=1, flags=re.M)
    moved = re.sub(r"^(    name: .*?)(?: \d{4})?$", rf"\1 {new_year}",
                   moved, count=1, flags=re.M)
    # Its key dates, if any, would fall in other years: leave them out.
    return moved.split("    deadlines:")[0].rstrip("\n") + "\n"


@pytest.fixture(scope="module")
def added_html(guide_with_one_more_event, added_by_command,
               strict_sphinx_build, tmp_path_factory):
    source, _ = guide_with_one_more_event
    return strict_sphinx_build(source, tmp_path_factory.mktemp("added-out"))


def test_the_new_event_is_on_its_pages_and_in_the_feeds(
        guide_with_one_more_event, added_html):
    source, new_id = guide_with_one_more_event
    kinds = load_kinds(source / "_data" / "kinds.yaml")
    feed = json.loads((added_html / "feeds" / "events.json").read_text())
    (event,) = [e for e in feed["events"] if e["id"] == new_id]
    # The newest past event of its kind is among the latest on its page,
    # and every event is on the page of its year.
    for page in (f"{kinds[KIND].page}.html",
                 f"history/{event['start'][:4]}.html"):
        assert event["name"] in (added_html / page).read_text(), page
    assert f"UID:{new_id}@" in (added_html / "feeds" / f"{KIND}.ics"
                                ).read_text()


def test_a_year_with_no_page_yet_gets_one(guide_with_one_more_event,
                                          added_html):
    """The event in a new year adds that year's page and its own page,
    with no other edit (and the inventory check below passes)."""
    newest = max(int(page.stem) for page in (added_html / "history").glob(
        "[0-9][0-9][0-9][0-9].html"))
    year_page = (added_html / "history" / f"{newest}.html").read_text()
    assert f"Events of {newest}" in year_page
    (link,) = re.findall(r'href="\.\./events/([a-z0-9-]+)\.html"',
                         year_page)
    assert (added_html / "events" / f"{link}.html").is_file()


def test_every_site_check_passes(guide_with_one_more_event, added_html,
                                 repo_root, capsys):
    """The quick site checks, the published-URL inventory among them, as
    the site check command runs them: it passes, and says on standard
    error what it checks as it goes (a long check is not silent). (The
    command's one pass over a whole guide is this one.)"""
    source, _ = guide_with_one_more_event
    inventory = repo_root / "tests" / "published-urls.txt"
    status = sitecheck_command.main([
        "check", str(added_html), "--source", str(source), "--inventory",
        str(inventory)])
    out, err = capsys.readouterr()
    assert status == 0, out
    assert f"Checking {len(Site(added_html).pages)} pages" in err
    assert "check_internal_links: 0 problems" in err


def test_the_command_adds_its_event_whole_and_keeps_every_line(
        added_by_command, added_html):
    """The entry is inserted whole, every line of the file is kept, the
    event gets its page, and the command says what to run next."""
    before, after, result = added_by_command
    assert "Added openinfra-day-testland-2099" in result.stdout
    assert "git review" in result.stdout
    assert [line for line in after.splitlines()
            if line not in before.splitlines()][0] == \
        "  - id: openinfra-day-testland-2099"
    assert all(line in after for line in before.splitlines())
    assert (added_html / "events" / "openinfra-day-testland-2099.html"
            ).is_file()
