"""``tox -e add-event``: one command adds an event where it belongs (the
guide then builds strictly and passes every site check with no other
edit: tests/test_a_contributors_change.py, which builds it once with the
events added by hand), and an entry that is already there, or a wrong
fact, is refused before anything is written.

The command runs as tox runs it (``python -m events_guide.add_event``)
on a copy of the guide, with no terminal and ``--offline`` (the tests
need no network); the quote look-up is tested with a stand-in fetch.
"""

import datetime
import pathlib
import subprocess
import sys

import pytest

from events_guide import add_event, data
from events_guide.factcheck.fetch import Fetched

#: The facts of a new Day, as a script would give them.
NEW_DAY = ["--kind", "days", "--name", "OpenInfra Day Testland 2099",
           "--start", "2099-05-04", "--end", "2099-05-05",
           "--city", "Nairobi", "--country", "Kenya",
           "--source-url", "https://openinfra.org/days",
           "--source-title", "OpenInfra Days page",
           "--quote", "OpenInfra Day Testland May 4 & 5, 2099 Nairobi",
           "--deadline", "cfp-closes=2099-03-01T23:59@Africa/Nairobi"]


def run(source: pathlib.Path, *arguments):
    return subprocess.run(
        [sys.executable, "-m", "events_guide.add_event", "--source",
         str(source), "--offline", *arguments],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
        cwd=source.parent.parent)


def test_the_same_event_again_is_refused_and_nothing_written(copy_root,
                                                             tmp_path):
    source = copy_root("events-tables")
    events = source / data.DEFAULT_EVENTS_FILE
    before = events.read_text(encoding="utf-8")
    # The first test PTG again: same kind, same city, overlapping dates.
    result = run(source, "--kind", "ptg", "--name", "Test PTG once more",
                 "--id", "ptg-once-more-2017", "--start", "2017-02-21",
                 "--city", "Atlanta", "--country", "United States",
                 "--source-url", "https://releases.openstack.org/",
                 "--source-title", "Releases", "--quote", "Atlanta")
    assert result.returncode == 1
    assert "refused: this is the same event as entry 'ptg-first-2017'" \
        in result.stderr
    assert events.read_text(encoding="utf-8") == before


def test_an_id_that_exists_is_refused(copy_root):
    source = copy_root("events-tables")
    result = run(source, "--kind", "ptg", "--name", "Other PTG",
                 "--id", "ptg-first-2017", "--start", "2018-02-20",
                 "--online", "--source-url", "https://releases.openstack.org/",
                 "--source-title", "Releases", "--quote", "PTG")
    assert result.returncode == 1
    assert "the id 'ptg-first-2017' is already the id of" in result.stderr


@pytest.mark.parametrize("change, said", [
    (("--deadline", "cfp-closes=2099-02-30"),
     "--deadline cfp-closes '2099-02-30' is not a day"),
    (("--deadline", "cfp-closes=2099-02-01T23:59@America"),
     "is not an IANA time zone"),
])
def test_a_wrong_fact_is_refused_with_what_is_wrong(copy_root, change,
                                                    said):
    """No traceback: the option, the value and how to write it."""
    source = copy_root("events-tables")
    events = source / data.DEFAULT_EVENTS_FILE
    before = events.read_text(encoding="utf-8")
    arguments = list(NEW_DAY)
    index = arguments.index(change[0])
    arguments[index + 1] = change[1]
    result = run(source, *arguments)
    assert result.returncode == 1, result.stderr
    assert said in result.stderr and "Traceback" not in result.stderr
    assert events.read_text(encoding="utf-8") == before


def test_data_that_does_not_load_is_refused_with_its_report(copy_root):
    source = copy_root("events-tables")
    events = source / data.DEFAULT_EVENTS_FILE
    events.write_text(events.read_text(encoding="utf-8").replace(
        "start: 2017-02-20", "start: 2017-02-31", 1), encoding="utf-8")
    result = run(source, *NEW_DAY)
    assert result.returncode == 1
    assert "the data does not load as it is" in result.stderr
    assert "events.yaml:" in result.stderr and "Traceback" not in \
        result.stderr


def test_without_a_terminal_it_names_the_missing_options(copy_root):
    result = run(copy_root("events-tables"), "--kind", "days")
    assert result.returncode == 2
    assert "--name, --start, --source-url" in result.stderr


def test_at_a_terminal_it_asks_for_each_missing_fact(copy_root, capsys):
    source = copy_root("events-tables")
    answers = iter(["days", "Day of Tests 2099", "2099-01-10", "",
                    "Japan", "Tokyo", "https://example.org/day",
                    "The Day's page", "Day of Tests, 10 January 2099, Tokyo"])
    asked = []

    def ask(question):
        asked.append(question)
        return next(answers)
    status = add_event.main(["--source", str(source), "--offline"], ask=ask)
    assert status == 0, capsys.readouterr().err
    assert len(asked) == 9
    (event,) = [e for e in data.load(source / data.DEFAULT_EVENTS_FILE,
                                     source / data.DEFAULT_KINDS_FILE).events
                if e.id == "day-of-tests-2099"]
    assert (event.region, event.end) == ("Asia", datetime.date(2099, 1, 10))


def test_a_day_answered_at_a_terminal_in_words_is_refused(copy_root,
                                                          capsys):
    """Answers at the terminal do not pass argparse's check of a day."""
    source = copy_root("events-tables")
    answers = iter(["days", "Day of Tests 2099", "4 May 2099", "",
                    "Japan", "Tokyo", "https://example.org/day",
                    "The Day's page", "Day of Tests, 4 May 2099, Tokyo"])
    status = add_event.main(["--source", str(source), "--offline"],
                            ask=lambda question: next(answers))
    assert status == 1
    assert "--start '4 May 2099' is not a day written YYYY-MM-DD" in \
        capsys.readouterr().err


def test_the_quote_is_looked_up_in_its_source():
    page = Fetched("https://example.org/", "<p>The Day is on 4 May.</p>",
                   "text/html")
    assert "is on" in add_event.confirm_quote(
        "https://example.org/", "The Day is on 4 May", fetch=lambda u: page)
    with pytest.raises(add_event.Refused, match="the quote is not on"):
        add_event.confirm_quote("https://example.org/", "on 5 May",
                                fetch=lambda u: page)
    offline = Fetched("https://example.org/", error="URLError: offline")
    assert "not confirmed" in add_event.confirm_quote(
        "https://example.org/", "x", fetch=lambda u: offline)


def test_the_id_follows_the_datas_convention():
    assert add_event.derive_id("OpenInfra Day Kenya 2027", 2027) == \
        "openinfra-day-kenya-2027"
    assert add_event.derive_id("Virtual Project Teams Gathering "
                               "(2028.1 Juniper)", 2027) == \
        "virtual-project-teams-gathering-2028-1-juniper-2027"
