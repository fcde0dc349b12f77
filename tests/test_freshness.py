"""Every page says when it was last reviewed, and old reviews fail the build.

The seeded-defect roots under ``tests/roots/test-freshness-*`` each hold a
fresh ``index.rst`` and a ``page.rst`` with one kind of problem. The build
date is pinned with SOURCE_DATE_EPOCH to 2026-11-28 so the roots never age.
"""

import contextlib
import datetime
import io
import pathlib
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

from events_guide import freshness

BUILD_DAY = datetime.date(2026, 11, 28)
BUILD_EPOCH = str(int(datetime.datetime(
    2026, 11, 28, 12, 0, tzinfo=datetime.timezone.utc).timestamp()))
DOC_SOURCE = pathlib.Path(__file__).resolve().parent.parent / "doc" / "source"


def build_root(make_app, rootdir, tmp_path, monkeypatch, name):
    """Build a copy of a test root at the pinned date; return its warnings."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    srcdir = tmp_path / name
    shutil.copytree(rootdir / f"test-{name}", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    return app, app.warning.getvalue()


def freshness_warnings(text):
    return [line for line in text.splitlines() if "[freshness." in line]


def test_fresh_pages_give_no_warning(make_app, rootdir, tmp_path,
                                     monkeypatch):
    _, warnings = build_root(make_app, rootdir, tmp_path, monkeypatch,
                             "freshness-fresh")
    assert freshness_warnings(warnings) == []


@pytest.mark.parametrize("root, subtype, expected", [
    ("freshness-stale", "stale",
     "last reviewed on 2025-11-27, more than 12 months before the build "
     "date 2026-11-28"),
    ("freshness-missing", "missing", "page has no ':reviewed:' date"),
    ("freshness-malformed", "malformed",
     "':reviewed: 2026-02-30' is not a date in YYYY-MM-DD form"),
    ("freshness-future", "future",
     "':reviewed: 2027-01-15' is after the build date 2026-11-28"),
])
def test_seeded_defect_is_reported_with_file_line_and_fix(
        make_app, rootdir, tmp_path, monkeypatch, root, subtype, expected):
    _, warnings = build_root(make_app, rootdir, tmp_path, monkeypatch, root)
    found = freshness_warnings(warnings)
    assert len(found) == 1, warnings
    (warning,) = found
    # The page's file and the line of its :reviewed: field (line 1; a
    # page with no field is reported at line 1 too).
    assert re.search(r"page\.rst:1: WARNING: ", warning), warning
    assert expected in warning
    assert f"[freshness.{subtype}]" in warning
    # Every message says what to write instead.
    assert ":reviewed: 2026-11-28" in warning or "actually" in warning


def test_stale_page_fails_a_strict_build(rootdir, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-freshness-stale", srcdir)
    log = io.StringIO()
    with contextlib.redirect_stderr(log), contextlib.redirect_stdout(log):
        status = build_main(["-W", "--keep-going", "-q", "-b", "html",
                             str(srcdir), str(tmp_path / "out")])
    assert status != 0
    assert "page.rst:1: WARNING: page was last reviewed on 2025-11-27" \
        in log.getvalue()


def test_age_limit_is_configurable(make_app, rootdir, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-freshness-stale", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True,
                   confoverrides={"review_max_age_months": 24})
    app.build()
    assert freshness_warnings(app.warning.getvalue()) == []


def test_build_date_follows_source_date_epoch():
    assert freshness.build_date({"SOURCE_DATE_EPOCH": BUILD_EPOCH}) \
        == BUILD_DAY
    today = datetime.datetime.now(tz=datetime.timezone.utc).date()
    assert freshness.build_date({}) == today


@pytest.mark.parametrize("day, months, expected", [
    (datetime.date(2026, 11, 28), 12, datetime.date(2025, 11, 28)),
    (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
    (datetime.date(2024, 3, 30), 1, datetime.date(2024, 2, 29)),
    (datetime.date(2026, 1, 15), 13, datetime.date(2024, 12, 15)),
])
def test_months_before(day, months, expected):
    assert freshness.months_before(day, months) == expected


def test_review_on_the_limit_day_is_still_fresh():
    assert freshness.check_reviewed("2025-11-28", BUILD_DAY, 12) is None
    assert freshness.check_reviewed("2025-11-27", BUILD_DAY, 12)[0] \
        == "stale"


def test_every_page_of_the_guide_shows_its_reviewed_date(built_html):
    """The footer shows the page's own :reviewed: date."""
    problems = []
    for source in sorted(DOC_SOURCE.rglob("*.rst")):
        docname = source.relative_to(DOC_SOURCE).with_suffix("").as_posix()
        match = re.search(r"^:reviewed:\s*(\S+)", source.read_text(
            encoding="utf-8"), re.MULTILINE)
        page = built_html / f"{docname}.html"
        if match is None or not page.is_file():
            continue  # the strict build already reports a missing date
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        shown = soup.select_one("footer .page-reviewed time")
        if shown is None:
            problems.append(f"{docname}.html: no 'last reviewed' date in "
                            "the footer")
        elif shown.get("datetime") != match.group(1):
            problems.append(f"{docname}.html: footer shows reviewed date "
                            f"{shown.get('datetime')}, source says "
                            f"{match.group(1)}")
    assert problems == [], "\n".join(problems)
