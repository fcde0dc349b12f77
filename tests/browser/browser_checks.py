"""What the browser tests check on a page, as plain functions.

Each check returns findings as readable strings that name the page, so a
test can look at every page and report all findings in one run, and a
seeded-defect test can feed the same check a broken page.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import pathlib
import threading
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

#: Where the guide is published (conf.py html_baseurl); 404.html links
#: absolutely under it, so the test server serves the build there too.
SITE_PREFIX = "/events-guide/"

#: axe-core rules for WCAG 2.1 level A and AA, plus WCAG 2.2's target
#: size (``wcag22aa``), which Lighthouse's accessibility score counts too.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

#: The strict policy every page must live with (no 'unsafe-inline'), sent
#: when the served folder ships no ``_headers`` of its own.
CONTENT_SECURITY_POLICY = "default-src 'self'"

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

#: Records what a page did; the init script runs before any page script.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
    + `at ${event.sourceFile || "the page"}:${event.lineNumber}`);
});
"""

_axe = Axe()


def shipped_headers(root: pathlib.Path) -> dict[str, str]:
    """The headers ``_headers`` (from doc/source/_extra) sets for ``/*``."""
    headers, in_block = {}, False
    path = root / "_headers"
    if not path.is_file():
        return headers
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            in_block = line.strip() == "/*"
        elif in_block and ":" in line:
            name, value = line.strip().split(":", 1)
            headers[name.strip()] = value.strip()
    return headers


class _GuideHandler(http.server.SimpleHTTPRequestHandler):
    """Serve one folder under SITE_PREFIX with the shipped headers.

    The Content-Security-Policy is the one ``_headers`` ships when the
    folder has it (it must include ``default-src 'self'``), else the bare
    strict policy.
    """

    extra_headers: dict[str, str] = {}

    def translate_path(self, path):
        if path.startswith(SITE_PREFIX):
            path = "/" + path[len(SITE_PREFIX):]
        return super().translate_path(path)

    def end_headers(self):
        headers = {"Content-Security-Policy": CONTENT_SECURITY_POLICY,
                   **self.extra_headers}
        headers.pop("Strict-Transport-Security", None)  # plain HTTP here
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base's name
        pass


@contextlib.contextmanager
def serve(root: pathlib.Path):
    """Serve ``root`` on 127.0.0.1 (free port); yield the site's base URL."""
    handler_class = type("GuideHandler", (_GuideHandler,),
                         {"extra_headers": shipped_headers(root)})
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{SITE_PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


def site_pages(root: pathlib.Path) -> list[str]:
    """Every HTML page of a build, relative to its root, sorted."""
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.html")
        if not any(part.startswith("_") for part in
                   path.relative_to(root).parts[:-1]))


class Visit:
    """What happened while one page was open."""

    def __init__(self, name: str):
        self.name = name
        self.console_errors: list[str] = []
        self.offsite_requests: list[str] = []
        self.csp_violations: list[str] = []
        self.failed_responses: list[str] = []


class Visitor:
    """A browser context that keeps every request on this machine.

    Requests to anything but localhost are aborted and recorded; console
    errors, uncaught page errors, HTTP errors and CSP violations are
    recorded for the page being visited.
    """

    def __init__(self, browser, base_url: str, **context_options):
        self.browser = browser
        self.base_url = base_url
        self.context_options = context_options
        self.context = None
        self.page = None
        self.current: Visit | None = None

    def __enter__(self):
        self.context = self.browser.new_context(**self.context_options)
        self.context.route("**/*", self._guard)
        self.context.add_init_script(RECORD_CSP_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", self._page_error)
        self.page.on("response", self._response)
        return self

    def __exit__(self, *exc_info):
        self.context.close()

    def _guard(self, route):
        host = urlsplit(route.request.url).hostname or ""
        if host in LOCAL_HOSTS:
            route.continue_()
            return
        if self.current is not None:
            self.current.offsite_requests.append(
                f"{self.current.name}: blocked request to "
                f"{route.request.url}")
        route.abort("blockedbyclient")

    def _console(self, message):
        if message.type == "error" and self.current is not None:
            location = message.location or {}
            where = location.get("url", "")
            if location.get("lineNumber") is not None and where:
                where = f" ({where}:{location['lineNumber']})"
            self.current.console_errors.append(
                f"{self.current.name}: console error: {message.text}{where}")

    def _page_error(self, error):
        if self.current is not None:
            self.current.console_errors.append(
                f"{self.current.name}: uncaught error: {error}")

    def _response(self, response):
        if response.status >= 400 and self.current is not None:
            self.current.failed_responses.append(
                f"{self.current.name}: HTTP {response.status} for "
                f"{response.url}")

    def url(self, name: str) -> str:
        return self.base_url + name

    def visit(self, name: str, query: str = "") -> Visit:
        """Open a page and wait until it has loaded; return its record."""
        self.current = Visit(name)
        self.page.goto(self.url(name) + query, wait_until="load")
        self.current.csp_violations = [
            f"{name}: CSP violation: {text}"
            for text in self.page.evaluate("window.__cspViolations || []")]
        return self.current


#: The rules whose outcome depends on the colour scheme.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_findings(page, name: str, colours_only: bool = False) -> list[str]:
    """WCAG 2.1 A/AA violations axe-core finds on the open page.

    ``colours_only`` runs just the rules that a colour scheme can change
    (contrast), for a second pass over the same pages in the dark scheme.
    """
    run_only = ({"type": "rule", "values": COLOUR_RULES} if colours_only
                else {"type": "tag", "values": WCAG_21_AA})
    results = _axe.run(page, options={
        "runOnly": run_only, "resultTypes": ["violations"]})
    findings = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            target = " ".join(map(str, node.get("target", [])))
            detail = (node.get("failureSummary") or "").replace("\n", " ")
            findings.append(
                f"{name}: {violation['id']} ({violation.get('impact')}): "
                f"{violation['help']} at `{target}`: {detail}")
    return sorted(findings)


def horizontal_overflow(page, name: str) -> list[str]:
    """Report a page that scrolls sideways, naming what sticks out."""
    result = page.evaluate("""() => {
      const root = document.documentElement;
      const width = root.clientWidth;
      if (root.scrollWidth <= width) return null;
      const culprits = [];
      for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.right > width + 1 && box.width > 0) {
          let inScroller = false;
          for (let up = element.parentElement; up && up !== document.body;
               up = up.parentElement) {
            const style = getComputedStyle(up);
            if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX)
                && up.getBoundingClientRect().right <= width + 1) {
              inScroller = true; break;
            }
          }
          if (!inScroller) {
            const id = element.id ? "#" + element.id : "";
            const cls = element.className && typeof element.className
              === "string" ? "." + element.className.trim().split(/\\s+/)
              .join(".") : "";
            culprits.push(`${element.tagName.toLowerCase()}${id}${cls}`
              + ` (right edge ${Math.round(box.right)}px)`);
          }
        }
        if (culprits.length >= 3) break;
      }
      return {scroll: root.scrollWidth, width, culprits};
    }""")
    if result is None:
        return []
    return [f"{name}: scrolls sideways at {result['width']}px "
            f"(content is {result['scroll']}px wide); sticking out: "
            f"{', '.join(result['culprits']) or 'unknown'}"]


def focus_indicator(page) -> str | None:
    """Describe the visible focus indicator of the focused element."""
    return page.evaluate("""() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== "none"
        && parseFloat(style.outlineWidth) >= 2;
      const shadow = style.boxShadow && style.boxShadow !== "none";
      return outline ? `outline ${style.outlineWidth} ${style.outlineStyle}`
        : shadow ? `box-shadow ${style.boxShadow}` : null;
    }""")


def relative_luminance(css_colour: str) -> float:
    """Relative luminance of an ``rgb(...)``/``rgba(...)`` colour."""
    numbers = css_colour[css_colour.index("(") + 1:-1].split(",")
    red, green, blue = (float(value) / 255 for value in numbers[:3])

    def linear(channel):
        if channel <= 0.03928:
            return channel / 12.92
        return ((channel + 0.055) / 1.055) ** 2.4
    return (0.2126 * linear(red) + 0.7152 * linear(green)
            + 0.0722 * linear(blue))
