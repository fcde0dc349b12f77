"""Checks that need a real browser: Debian's Chromium driven by
Playwright, with the site served as a host serves it (serve.py).

A :class:`Visitor` opens pages in a browser context that blocks, and
records, every request leaving the machine, and records console errors,
failed responses and Content-Security-Policy violations as findings.
:func:`axe_findings` (WCAG 2.1 A/AA by axe-core), :func:`overflow_findings`
(sideways scrolling) and :func:`dark_background_findings` look at the open
page. :func:`check_in_browser` runs them all over a built site for
``python -m events_guide.sitecheck --browser``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
from urllib.parse import urlsplit

from ..findings import Finding, sort_findings
from . import scripts
from .serve import serve
from .site import Site
from .validity import ToolMissing

#: axe-core rules for WCAG 2.1 level A and AA, plus WCAG 2.2's target
#: size (``wcag22aa``), which Lighthouse's accessibility score counts too.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
#: The rules whose outcome depends on the colour scheme.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
#: A desktop window, as readers of the guide on a laptop have.
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True,
         "has_touch": True, "device_scale_factor": 2}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-quic", "--no-first-run",
                 "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
INSTALL_CHROMIUM = (
    "install Debian's Chromium with `apt-get install chromium` (as .ci/run "
    "does), or point CHROMIUM_PATH at a Chromium binary; never use "
    "`playwright install`")


def chromium_path() -> str:
    """Debian's Chromium (or $CHROMIUM_PATH), or :class:`ToolMissing`."""
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not os.access(path, os.X_OK):
        raise ToolMissing(f"No Chromium at {path}: the browser checks need "
                          f"one; {INSTALL_CHROMIUM}.")
    return path


def launch(playwright):
    """A headless Chromium with a fresh temporary profile."""
    return playwright.chromium.launch(executable_path=chromium_path(),
                                      args=CHROMIUM_ARGS)


def page_finding(site: Site | None, rel: str, check, subject, what,
                 fix) -> Finding:
    """A finding about the built page ``rel``, naming its source file
    when the site knows it."""
    page = site.page(rel) if site is not None else None
    if page is not None:
        return page.finding(check, subject, what, fix)
    return Finding(file=rel, line=None, html=rel, check=check,
                   subject=subject, what=what, fix=fix)


class Visitor:
    """A browser context that keeps every request on this machine; each
    :meth:`visit` returns the findings recorded while the page loaded."""

    def __init__(self, browser, base_url: str, site: Site | None = None,
                 **context_options):
        self.browser, self.base_url, self.site = browser, base_url, site
        self.context_options = context_options
        self.context = self.page = self.current = None
        self.findings: list[Finding] = []

    def __enter__(self):
        self.context = self.browser.new_context(**self.context_options)
        self.context.route("**/*", self._guard)
        self.context.add_init_script(scripts.RECORD_CSP_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self._record(
            "console-error", str(error), f"uncaught error: {error}"))
        self.page.on("response", self._response)
        return self

    def __exit__(self, *exc_info):
        self.context.close()

    def _record(self, check, subject, what):
        if self.current is not None:
            self.findings.append(page_finding(
                self.site, self.current, check, subject, what,
                FIXES[check]))

    def _guard(self, route):
        if (urlsplit(route.request.url).hostname or "") in LOCAL_HOSTS:
            route.continue_()
            return
        self._record("offsite-request", route.request.url,
                     f"blocked request to {route.request.url}")
        route.abort("blockedbyclient")

    def _console(self, message):
        if message.type == "error":
            location = message.location or {}
            where = location.get("url", "")
            if location.get("lineNumber") is not None and where:
                where = f" ({where}:{location['lineNumber']})"
            self._record("console-error", message.text,
                         f"console error: {message.text}{where}")

    def _response(self, response):
        if response.status >= 400:
            self._record("http-error", response.url,
                         f"HTTP {response.status} for {response.url}")

    def visit(self, name: str, query: str = "") -> list[Finding]:
        """Open a page, wait until it has loaded; return its findings."""
        self.current, self.findings = name, []
        self.page.goto(self.base_url + name + query, wait_until="load")
        for text in self.page.evaluate("window.__cspViolations || []"):
            self._record("csp-violation", text, f"CSP violation: {text}")
        return self.findings


FIXES = {
    "console-error": "Fix the script or the file it needs (see the page's "
    "console in a browser).",
    "http-error": "Ship the missing file, or drop the reference to it.",
    "offsite-request": "Serve the file from the guide itself (html_static_"
    "path), or drop it: pages load nothing from other hosts.",
    "csp-violation": "Move inline scripts and style attributes to files in "
    "_static (see contributing/hosting.rst).",
}


def axe_findings(visitor: Visitor, colours_only: bool = False
                 ) -> list[Finding]:
    """WCAG 2.1 A/AA violations axe-core finds on the open page;
    ``colours_only`` runs just the rules a colour scheme can change."""
    from axe_playwright_python.base import AXE_SCRIPT

    run_only = ({"type": "rule", "values": COLOUR_RULES} if colours_only
                else {"type": "tag", "values": WCAG_21_AA})
    # axe-core goes into the open page once (the dark pass reuses it).
    if not visitor.page.evaluate("typeof window.axe === 'object'"):
        visitor.page.evaluate(AXE_SCRIPT)
    violations = visitor.page.evaluate(
        "options => axe.run(document, options).then(r => r.violations)",
        {"runOnly": run_only, "resultTypes": ["violations"]})
    return sort_findings(
        page_finding(visitor.site, visitor.current, f"axe:{violation['id']}",
                     " ".join(map(str, node.get("target", []))),
                     f"{violation['help']} ({violation.get('impact')}) at "
                     f"`{' '.join(map(str, node.get('target', [])))}`: "
                     + (node.get("failureSummary") or "").replace("\n", " "),
                     f"See {violation.get('helpUrl', 'the axe-core rule')}.")
        for violation in violations
        for node in violation["nodes"])


def overflow_findings(visitor: Visitor) -> list[Finding]:
    """The open page scrolls sideways: say what sticks out."""
    result = visitor.page.evaluate(scripts.HORIZONTAL_OVERFLOW)
    if result is None:
        return []
    return [page_finding(
        visitor.site, visitor.current, "sideways-scroll",
        ", ".join(result["culprits"]) or "unknown",
        f"scrolls sideways at {result['width']}px (content is "
        f"{result['scroll']}px wide); sticking out: "
        f"{', '.join(result['culprits']) or 'unknown'}",
        "Let wide content scroll in its own box, or wrap it.")]


def clipped_table_findings(visitor: Visitor) -> list[Finding]:
    """Each table of the open page that is wider than its box, at the
    visitor's window width."""
    width = visitor.page.viewport_size["width"]
    return [page_finding(
        visitor.site, visitor.current, "clipped-table",
        table["caption"].strip() or "a table",
        f"at {width}px the table \"{table['caption'].strip()}\" is "
        f"{table['table']}px wide in a {table['box']}px box: a reader "
        "must scroll it sideways to see its last columns",
        "Let its cells wrap (shorter column headers, fewer columns), or "
        "split it; reader.css shows each row as a card on a phone.")
        for table in visitor.page.evaluate(scripts.CLIPPED_TABLES)]


def relative_luminance(css_colour: str) -> float:
    """Relative luminance of an ``rgb(...)``/``rgba(...)`` colour."""
    numbers = css_colour[css_colour.index("(") + 1:-1].split(",")

    def linear(channel):
        channel = float(channel) / 255
        return channel / 12.92 if channel <= 0.03928 \
            else ((channel + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(value) for value in numbers[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def dark_background_findings(visitor: Visitor) -> list[Finding]:
    """In the dark scheme the content's background is dark."""
    colour = visitor.page.evaluate(scripts.CONTENT_BACKGROUND)
    if colour is None or relative_luminance(colour) <= 0.05:
        return []
    return [page_finding(visitor.site, visitor.current, "dark-scheme",
                         colour, f"the content background {colour} is not "
                         "dark in the dark colour scheme.",
                         "Give it a dark colour under prefers-color-scheme:"
                         " dark in reader.css.")]


def dark_scheme_findings(visitor: Visitor) -> list[Finding]:
    """The open page switched to the dark scheme (prefers-color-scheme,
    no reload): axe-core's colour rules and a dark background. Their
    checks are named ``dark:...``; the page is switched back after."""
    visitor.page.emulate_media(color_scheme="dark")
    try:
        visitor.page.evaluate(scripts.TRANSITIONS_ENDED)
        found = (axe_findings(visitor, colours_only=True)
                 + dark_background_findings(visitor))
    finally:
        visitor.page.emulate_media(color_scheme="light")
    return [dataclasses.replace(finding, check=f"dark:{finding.check}")
            for finding in found]


def visit_every_page(visitor: Visitor, names, *extra_checks,
                     progress=None):
    """Open each page once; return what happened and what each of
    ``extra_checks`` (a function of the visitor) found there. *progress*
    hears of each page as it is opened."""
    findings = []
    names = list(names)
    for number, name in enumerate(names, 1):
        if progress is not None:
            progress(f"    page {number} of {len(names)}: {name}")
        findings += visitor.visit(name)
        for check in extra_checks:
            findings += check(visitor)
    return sort_findings(findings)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def check_in_browser(site: Site) -> list[Finding]:
    """Every browser check over the pages a browser needs to see
    (:attr:`Site.browser_pages`), each opened once on a desktop: light
    scheme (axe, console, requests, CSP), then the dark scheme (contrast,
    background); and once on a phone (sideways scrolling)."""
    from playwright.sync_api import sync_playwright

    names = site.browser_pages
    with contextlib.ExitStack() as stack:
        base_url = stack.enter_context(serve(site.html_dir))
        browser = launch(stack.enter_context(sync_playwright()))
        passes = [({"color_scheme": "light", "viewport": DESKTOP},
                   [axe_findings, dark_scheme_findings,
                    clipped_table_findings]),
                  (PHONE, [overflow_findings, clipped_table_findings])]
        findings = []
        for options, checks in passes:
            how = "on a phone" if options is PHONE else "light and dark"
            _say(f"  in Chromium, {how}: {len(names)} pages")
            with Visitor(browser, base_url, site, **options) as visitor:
                findings += visit_every_page(visitor, names, *checks,
                                             progress=_say)
        browser.close()
    return sort_findings(findings)
