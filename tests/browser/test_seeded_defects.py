"""The browser checks can fail: a page with known defects is caught.

A small site is written to a temporary folder and served like the guide
(strict CSP header); each check must report its defect naming the page.
"""

import pytest

from events_guide.sitecheck import Site, format_report
from events_guide.sitecheck.browser import (Visitor, axe_findings,
                                            clipped_table_findings,
                                            overflow_findings)
from events_guide.sitecheck.serve import serve

#: One worker runs this module: its tests share a browser and the sites.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("seeded-defects")]

BROKEN_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Broken on purpose</title>
<link rel="stylesheet" href="broken.css">
<script src="broken.js" defer></script>
</head>
<body>
<main>
<h1>Broken on purpose</h1>
<p class="faint">Grey on white, too faint to read.</p>
<img src="photo.png">
<img src="https://fonts.example.org/tracker.png" alt="third party">
<div class="wide">A box wider than a phone.</div>
<div class="wy-table-responsive"><table class="docutils"><caption>Too wide
</caption><tr><td><span class="unbreakable">A cell wider than its box \
on a phone, because its words never wrap to the next line</span></td></tr>
</table>
</div>
<p><a class="no-focus" href="#x">A link without a focus style</a></p>
<script>document.title = "inline script ran";</script>
<p style="color: red">An inline style attribute.</p>
</main>
</body>
</html>
"""

BROKEN_CSS = """
.faint { color: #bbb; background: #fff; }
.wide { width: 900px; }
.wy-table-responsive { overflow-x: auto; max-width: 100%; }
.unbreakable { white-space: nowrap; }
a.no-focus:focus { outline: none; box-shadow: none; }
"""


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("broken-site")
    (root / "index.html").write_text("<title>Index</title>")
    (root / "broken.html").write_text(BROKEN_PAGE, encoding="utf-8")
    (root / "broken.css").write_text(BROKEN_CSS, encoding="utf-8")
    (root / "broken.js").write_text(
        'console.error("seeded console error from broken.js");\n')
    return Site(root)


@pytest.fixture(scope="module")
def broken(browser, broken_site):
    with serve(broken_site.html_dir) as base_url, \
            Visitor(browser, base_url, broken_site,
                    viewport={"width": 375, "height": 740}) as visitor:
        yield visitor, visitor.visit("broken.html")


def checks_of(findings, check):
    found = [f for f in findings if f.check == check]
    assert found and all(f.html == "broken.html" for f in found), \
        format_report(findings)
    return found


def test_axe_reports_contrast_and_missing_alt(broken):
    visitor, _ = broken
    findings = axe_findings(visitor)
    assert any(".faint" in f.subject
               for f in checks_of(findings, "axe:color-contrast"))
    assert checks_of(findings, "axe:image-alt")


def test_console_error_is_reported(broken):
    _, findings = broken
    assert any("seeded" in error.what and "broken.js" in error.what
               for error in checks_of(findings, "console-error"))


def test_offsite_request_is_blocked_and_reported(browser, broken):
    """With the CSP ignored (a host without the header), the request is
    really attempted and the guard catches it."""
    visitor, _ = broken
    with Visitor(browser, visitor.base_url, visitor.site,
                 bypass_csp=True) as open_visitor:
        findings = open_visitor.visit("broken.html")
    (request,) = checks_of(findings, "offsite-request")
    assert request.subject == "https://fonts.example.org/tracker.png"


def test_csp_violations_are_reported(broken):
    visitor, findings = broken
    assert visitor.page.title() == "Broken on purpose", (
        "the inline script ran: the test server sent no CSP header")
    kinds = " ".join(f.what for f in checks_of(findings, "csp-violation"))
    assert "script-src-elem" in kinds and "style-src-attr" in kinds, kinds


def test_sideways_scrolling_is_reported(broken):
    visitor, _ = broken
    (finding,) = checks_of(overflow_findings(visitor), "sideways-scroll")
    assert "scrolls sideways at 375px" in finding.what
    assert "div.wide" in finding.subject


def test_missing_focus_style_is_noticed(broken, focus_indicator):
    visitor, _ = broken
    visitor.page.locator("a.no-focus").focus()
    assert focus_indicator(visitor.page) is None


def test_a_clipped_table_is_reported(broken):
    visitor, _ = broken
    (finding,) = checks_of(clipped_table_findings(visitor), "clipped-table")
    assert finding.subject == "Too wide" and "at 375px" in finding.what
