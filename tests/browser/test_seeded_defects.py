"""The browser checks can fail: a page with known defects is caught.

A small site is written to a temporary folder and served like the guide
(strict CSP header); each check must report its defect and name the page.
"""

import pytest

from browser_checks import (Visitor, axe_findings, focus_indicator,
                            horizontal_overflow, serve)


pytestmark = pytest.mark.browser

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
a.no-focus:focus { outline: none; box-shadow: none; }
"""

BROKEN_JS = 'console.error("seeded console error from broken.js");\n'


@pytest.fixture(scope="module")
def broken(browser, tmp_path_factory):
    root = tmp_path_factory.mktemp("broken-site")
    (root / "broken.html").write_text(BROKEN_PAGE, encoding="utf-8")
    (root / "broken.css").write_text(BROKEN_CSS, encoding="utf-8")
    (root / "broken.js").write_text(BROKEN_JS, encoding="utf-8")
    with serve(root) as base_url:
        with Visitor(browser, base_url,
                     viewport={"width": 375, "height": 740}) as visitor:
            record = visitor.visit("broken.html")
            yield visitor, record


@pytest.fixture(scope="module")
def broken_without_csp(browser, broken):
    """The same page with its CSP ignored, as a host without the header."""
    visitor, _ = broken
    with Visitor(browser, visitor.base_url, bypass_csp=True) as open_visitor:
        yield open_visitor.visit("broken.html")


def test_axe_reports_contrast_and_missing_alt(broken):
    visitor, _ = broken
    findings = axe_findings(visitor.page, "broken.html")
    assert any(f.startswith("broken.html: color-contrast") and ".faint" in f
               for f in findings), findings
    assert any(f.startswith("broken.html: image-alt") for f in findings), (
        findings)


def test_console_error_is_reported(broken):
    _, record = broken
    assert any(error.startswith("broken.html: console error: seeded")
               and "broken.js" in error
               for error in record.console_errors), record.console_errors


def test_offsite_request_is_blocked_and_reported(broken_without_csp):
    assert broken_without_csp.offsite_requests == [
        "broken.html: blocked request to "
        "https://fonts.example.org/tracker.png"]


def test_csp_violations_are_reported(broken):
    visitor, record = broken
    assert visitor.page.title() == "Broken on purpose", (
        "the inline script ran: the test server sent no CSP header")
    kinds = " ".join(record.csp_violations)
    assert "broken.html: CSP violation: script-src-elem" in kinds, kinds
    assert "style-src-attr" in kinds, kinds
    assert "broken.html:" in kinds


def test_sideways_scrolling_is_reported(broken):
    visitor, _ = broken
    findings = horizontal_overflow(visitor.page, "broken.html")
    assert len(findings) == 1
    assert findings[0].startswith("broken.html: scrolls sideways at 375px")
    assert "div.wide" in findings[0], findings


def test_missing_focus_style_is_noticed(broken):
    visitor, _ = broken
    visitor.page.locator("a.no-focus").focus()
    assert focus_indicator(visitor.page) is None
