"""Every page says when it was last reviewed, and old reviews fail the build.

The seeded-defect roots under ``tests/roots/test-freshness-*`` each hold a
fresh ``index.rst`` and a ``page.rst`` with one kind of problem. Each pins
the build date in its conf.py (``events_guide_build_date = "2026-11-28"``)
so the roots never age.
"""

import datetime
import re

import pytest
from bs4 import BeautifulSoup

from events_guide.ext import freshness

BUILD_DAY = datetime.date(2026, 11, 28)


def freshness_warnings(text):
    return [line for line in text.splitlines() if "[freshness." in line]


def test_fresh_pages_pass_a_strict_build(build_test_root):
    assert (build_test_root("freshness-fresh") / "page.html").is_file()


@pytest.mark.parametrize("root, subtype, expected", [
    ("freshness-stale", "stale",
     "last reviewed on 2025-11-27, more than 12 months before the build "
     "date 2026-11-28"),
    ("freshness-missing", "missing", "page has no ':reviewed:' date"),
    ("freshness-malformed", "malformed",
     "':reviewed: 2026-02-30' is not a date in YYYY-MM-DD form"),
    ("freshness-future", "future",
     "':reviewed: 2999-01-15' is in the future (today is "),
])
def test_seeded_defect_is_reported_with_file_line_and_fix(
        sphinx_build_log, copy_root, tmp_path, root, subtype, expected):
    _, warnings = sphinx_build_log(copy_root(root), tmp_path / "out")
    found = freshness_warnings(warnings)
    assert len(found) == 1, warnings
    (warning,) = found
    # The page's file and the line of its :reviewed: field (line 1; a
    # page with no field is reported at line 1 too).
    assert re.search(r"page\.rst:1: WARNING: ", warning), warning
    assert expected in warning
    assert f"[freshness.{subtype}]" in warning
    # Every message says what to write instead: today's date (the day of
    # the review), not the build date the root pins.
    today = datetime.datetime.now(datetime.timezone.utc).date()
    assert f":reviewed: {today.isoformat()}" in warning or \
        "actually" in warning


def test_stale_page_fails_a_strict_build(copy_root, strict_sphinx_build,
                                         tmp_path):
    with pytest.raises(pytest.fail.Exception) as failed:
        strict_sphinx_build(copy_root("freshness-stale"), tmp_path / "out")
    assert "page.rst:1: WARNING: page was last reviewed on 2025-11-27" \
        in str(failed.value)


def test_age_limit_is_configurable(copy_root, strict_sphinx_build, tmp_path):
    strict_sphinx_build(copy_root("freshness-stale"), tmp_path / "out",
                        extra_args=["-D",
                                    "events_guide_review_max_age_months=24"])


def test_the_pinned_build_date_moves_the_limit(copy_root,
                                               strict_sphinx_build, tmp_path):
    """The one build date: a later day makes the fresh root stale."""
    with pytest.raises(pytest.fail.Exception) as failed:
        strict_sphinx_build(copy_root("freshness-fresh"), tmp_path / "out",
                            extra_args=["-D",
                                        "events_guide_build_date=2031-01-01"])
    assert "more than 12 months before the build date 2031-01-01" \
        in str(failed.value)


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


def test_every_page_of_the_guide_shows_its_reviewed_date(built_html,
                                                         doc_source):
    """The footer shows the page's own :reviewed: date."""
    problems = []
    for source in sorted(doc_source.rglob("*.rst")):
        docname = source.relative_to(doc_source).with_suffix("").as_posix()
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
