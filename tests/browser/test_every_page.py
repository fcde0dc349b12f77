"""Every page, in a real browser: accessible, quiet, local, CSP-clean.

Each page is opened once per colour scheme; the tests then look at what
was recorded, and each lists all its findings over all pages in one run.
"""

import pytest

from browser_checks import Visitor, axe_findings, relative_luminance

pytestmark = pytest.mark.browser


def visit_every_page(visitor, pages, colours_only=False):
    """Open each page once; run axe; keep what happened."""
    records, axe = [], []
    for name in pages:
        records.append(visitor.visit(name))
        axe.extend(axe_findings(visitor.page, name, colours_only))
    return records, axe


@pytest.fixture(scope="module")
def light(visitor, pages):
    return visit_every_page(visitor, pages)


@pytest.fixture(scope="module")
def dark(browser, site, pages):
    """Every page in the dark scheme: contrast, and a dark background.

    This pass ignores the CSP header (``bypass_csp``), as a host without
    it would serve the pages: a request to another host is then really
    attempted, and the network guard must catch it.
    """
    with Visitor(browser, site, color_scheme="dark",
                 bypass_csp=True) as dark_visitor:
        records, axe, backgrounds = [], [], []
        for name in pages:
            records.append(dark_visitor.visit(name))
            axe.extend(axe_findings(dark_visitor.page, name,
                                    colours_only=True))
            colour = dark_visitor.page.evaluate(
                "getComputedStyle(document.querySelector("
                "'.wy-nav-content')).backgroundColor")
            if relative_luminance(colour) > 0.05:
                backgrounds.append(
                    f"{name}: content background {colour} is not dark")
        return records, axe, backgrounds


def report(findings):
    return "\n".join(sorted(findings))


def test_no_wcag_21_aa_violation(light):
    _, findings = light
    assert not findings, "axe-core (WCAG 2.1 A/AA):\n" + report(findings)


def test_no_wcag_21_aa_violation_in_dark_scheme(dark):
    _, findings, _ = dark
    assert not findings, ("axe-core, dark scheme (contrast rules):\n"
                          + report(findings))


def test_dark_scheme_is_dark(dark):
    _, _, backgrounds = dark
    assert not backgrounds, report(backgrounds)


def test_no_console_error(light):
    records, _ = light
    findings = [error for record in records
                for error in record.console_errors + record.failed_responses]
    assert not findings, report(findings)


def test_no_request_leaves_localhost(light, dark):
    findings = [request for record in light[0] + dark[0]
                for request in record.offsite_requests]
    assert not findings, report(findings)


def test_strict_content_security_policy_holds(light):
    findings = [violation for record in light[0]
                for violation in record.csp_violations]
    assert not findings, ("Content-Security-Policy: default-src 'self' "
                          "was violated:\n" + report(findings))
