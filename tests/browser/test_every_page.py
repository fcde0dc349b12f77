"""Every page, in a real browser: accessible, quiet, local, CSP-clean.

Each page is opened once: checked with axe-core in the light scheme, then
switched to the dark scheme (no reload) and checked again. The pages are
dealt into shards so that the test workers share them; each test then
looks at one kind of finding over one shard. The tests of a shard run on
one worker (xdist group), which visits its pages once for all of them.
"""

import pytest

from events_guide.sitecheck import format_report
from events_guide.sitecheck.browser import (axe_findings,
                                            clipped_table_findings,
                                            dark_scheme_findings,
                                            visit_every_page)

pytestmark = pytest.mark.browser

#: How many parts the pages are dealt into (every page is in one).
SHARDS = 6
EVERY_SHARD = [pytest.param(shard, marks=pytest.mark.xdist_group(
    f"every-page-{shard}"), id=f"pages-{shard + 1}-of-{SHARDS}")
    for shard in range(SHARDS)]


@pytest.fixture(scope="module")
def findings_of(visitor, pages):
    """Every finding on the pages of a shard, from one visit each."""
    found = {}

    def shard_findings(shard: int):
        if shard not in found:
            found[shard] = visit_every_page(
                visitor, pages[shard::SHARDS], axe_findings,
                dark_scheme_findings, clipped_table_findings)
        return found[shard]
    return shard_findings


def of(findings, *checks):
    return [f for f in findings if f.check.startswith(checks)]


@pytest.mark.parametrize("shard", EVERY_SHARD)
def test_no_wcag_21_aa_violation(findings_of, shard):
    findings = of(findings_of(shard), "axe:")
    assert not findings, format_report(findings, "axe-core (WCAG 2.1 AA)")


@pytest.mark.parametrize("shard", EVERY_SHARD)
def test_no_wcag_21_aa_violation_in_dark_scheme(findings_of, shard):
    findings = of(findings_of(shard), "dark:axe:")
    assert not findings, format_report(findings, "axe-core, dark scheme")


@pytest.mark.parametrize("shard", EVERY_SHARD)
def test_dark_scheme_is_dark(findings_of, shard):
    findings = of(findings_of(shard), "dark:dark-scheme")
    assert not findings, format_report(findings)


@pytest.mark.parametrize("shard", EVERY_SHARD)
def test_no_table_clips_its_content_at_1280px(findings_of, shard):
    findings = of(findings_of(shard), "clipped-table")
    assert not findings, format_report(findings)


@pytest.mark.parametrize("shard", EVERY_SHARD)
def test_no_console_error(findings_of, shard):
    findings = of(findings_of(shard), "console-error", "http-error")
    assert not findings, format_report(findings)


@pytest.mark.parametrize("shard", EVERY_SHARD)
def test_no_request_leaves_localhost(findings_of, shard):
    findings = of(findings_of(shard), "offsite-request")
    assert not findings, format_report(findings)


@pytest.mark.parametrize("shard", EVERY_SHARD)
def test_strict_content_security_policy_holds(findings_of, shard):
    findings = of(findings_of(shard), "csp-violation")
    assert not findings, format_report(findings)


def test_the_shards_cover_every_page(pages):
    dealt = sorted(page for shard in range(SHARDS)
                   for page in pages[shard::SHARDS])
    assert dealt == sorted(pages)


def test_each_shard_stays_on_one_worker(request):
    """Under ``--dist loadgroup`` every test of a shard carries its group
    in its id (``...@every-page-N``), so one worker visits the shard once.
    Without it (pytest-dev/pytest-xdist#1386) each shard is visited by
    every worker that gets one of its tests: the pass takes twice as long.
    """
    if not request.config.getoption("loadgroup", False):
        pytest.skip("not under pytest-xdist --dist loadgroup")
    lost = [item.nodeid for item in request.session.items
            if item.get_closest_marker("xdist_group")
            and "@" not in item.nodeid.rpartition("]")[2]]
    assert not lost, (
        f"{len(lost)} grouped tests lost their xdist group, e.g. {lost[0]}: "
        "this pytest and pytest-xdist do not keep groups together "
        "(pytest-dev/pytest-xdist#1386); install the pytest that setup.cfg "
        "allows (pip install -e '.[test]').")
