"""One build date for the whole build: ``events_guide_build_date``.

Its default comes from ``SOURCE_DATE_EPOCH`` (else today, UTC), computed by
:mod:`events_guide.build_date`; every extension reads the same value, and
so do the dates Sphinx's own settings print (copyright year, edition, the
PDF's date). Test roots pin it one way only: ``events_guide_build_date``
in their conf.py (or ``-D`` on the command line).
"""

import datetime
import json
import runpy

import pytest

from events_guide import build_date

UTC = datetime.timezone.utc
#: 2026-12-01 00:00 UTC and 2026-11-28 12:00 UTC.
MIDNIGHT_EPOCH, NOON_EPOCH = "1796083200", "1795867200"


def test_source_date_epoch_sets_the_moment():
    assert build_date.environment_build_datetime(
        {"SOURCE_DATE_EPOCH": NOON_EPOCH}) \
        == datetime.datetime(2026, 11, 28, 12, tzinfo=UTC)


def test_without_source_date_epoch_it_is_today_at_midnight_utc():
    moment = build_date.environment_build_datetime({})
    assert moment.date() == datetime.datetime.now(tz=UTC).date()
    assert (moment.hour, moment.minute, moment.tzinfo) == (0, 0, UTC)


@pytest.mark.parametrize("value", ["2026-11-28", datetime.date(2026, 11, 28),
                                   datetime.datetime(2026, 11, 28)])
def test_a_pinned_date_is_midnight_utc(value):
    assert build_date.pinned_datetime(value) == datetime.datetime(
        2026, 11, 28, tzinfo=UTC)


@pytest.mark.parametrize("value, problem", [
    ("28 November 2026", "is not a date written as YYYY-MM-DD"),
    ("", "is not a date written as YYYY-MM-DD"),
    ("2026-02-30", "is not a real calendar date")])
def test_a_bad_pinned_date_is_a_clear_value_error(value, problem):
    with pytest.raises(ValueError, match=problem):
        build_date.pinned_datetime(value)


def test_a_bad_source_date_epoch_is_a_clear_value_error():
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH='soon'"):
        build_date.environment_build_datetime({"SOURCE_DATE_EPOCH": "soon"})


def test_conf_py_leaves_its_dates_to_the_build_date(doc_source):
    config = runpy.run_path(str(doc_source / "conf.py"))
    assert config["version"] == config["release"] == ""
    assert "{build_year}" in config["copyright"]
    assert all("date" not in document
               for document in config["rinoh_documents"])
    assert "events_guide_build_date" not in config  # the default holds


def test_a_pinned_date_sets_every_date_sphinx_prints(
        copy_root, strict_sphinx_build, tmp_path):
    """-D events_guide_build_date pins the copyright year and the edition
    too, not only "next event": a preview prints no other date."""
    source = copy_root("events-next")
    with (source / "conf.py").open("a") as conf:
        conf.write('\ncopyright = "2019-{build_year}, Someone"\n'
                   'version = release = ""\n')
    out = strict_sphinx_build(source, tmp_path / "out", extra_args=[
        "-D", "events_guide_build_date=2025-03-04"])
    assert "2019-2025, Someone" in (out / "index.html").read_text()
    assert "VERSION: '2025.03.04'" in (
        out / "_static" / "documentation_options.js").read_text()


def test_the_default_follows_source_date_epoch(copy_root, strict_sphinx_build,
                                               tmp_path, monkeypatch):
    """Without a pin, "next event" and the feeds follow SOURCE_DATE_EPOCH."""
    source = copy_root("events-next")
    conf = source / "conf.py"
    conf.write_text("\n".join(line for line in conf.read_text().splitlines()
                              if "events_guide_build_date" not in line))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOON_EPOCH)
    out = strict_sphinx_build(source, tmp_path / "out")
    feed = json.loads((out / "feeds" / "events.json").read_text())
    assert feed["generated"] == "2026-11-28T12:00:00+00:00"
    page = " ".join((out / "index.html").read_text().split())
    assert "Next PTG: none announced yet (as of 28 November 2026)" in page


def test_a_bad_pinned_date_stops_the_build_cleanly(stopped_build):
    status, log, outdir = stopped_build(
        "events-tables", events_guide_build_date="next week")
    assert status == 2
    assert ("conf.py: events_guide_build_date: 'next week' is not a date "
            "written as YYYY-MM-DD. How to fix: write "
            "events_guide_build_date = 'YYYY-MM-DD'") in log
    assert not (outdir / "index.html").exists()
