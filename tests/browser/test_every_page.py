"""Every page, in a real browser: accessible, quiet, local, CSP-clean.

Each page is opened once per colour scheme; each test then looks at one
kind of finding, over all pages at once.
"""

import pytest

from events_guide.sitecheck import format_report
from events_guide.sitecheck.browser import (Visitor, axe_findings,
                                            dark_background_findings,
                                            visit_every_page)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def light(visitor, pages):
    return visit_every_page(visitor, pages, axe_findings)


@pytest.fixture(scope="module")
def dark(browser, site, guide_site, pages):
    """Every page in the dark scheme, ignoring the CSP header (as a host
    without it would serve them): a request to another host is then
    really attempted, and the network guard must catch it."""
    with Visitor(browser, site, guide_site, color_scheme="dark",
                 bypass_csp=True) as dark_visitor:
        return visit_every_page(
            dark_visitor, pages,
            lambda visitor: axe_findings(visitor, colours_only=True),
            dark_background_findings)


def of(findings, *checks):
    return [f for f in findings if f.check.startswith(checks)]


def test_no_wcag_21_aa_violation(light):
    findings = of(light, "axe:")
    assert not findings, format_report(findings, "axe-core (WCAG 2.1 AA)")


def test_no_wcag_21_aa_violation_in_dark_scheme(dark):
    findings = of(dark, "axe:")
    assert not findings, format_report(findings, "axe-core, dark scheme")


def test_dark_scheme_is_dark(dark):
    findings = of(dark, "dark-scheme")
    assert not findings, format_report(findings)


def test_no_console_error(light):
    findings = of(light, "console-error", "http-error")
    assert not findings, format_report(findings)


def test_no_request_leaves_localhost(light, dark):
    findings = of(light + dark, "offsite-request")
    assert not findings, format_report(findings)


def test_strict_content_security_policy_holds(light):
    findings = of(light, "csp-violation")
    assert not findings, format_report(findings)
