"""What a page asks for before it paints, kept small (see bench/RESULTS.md
and contributing/hosting.rst).

Three budgets, all measured with Lighthouse (``tox -e bench``):

* Page size. A new connection sends about 14 KB in its first round trip
  and about 29 KB more in the second (TCP slow start); a page whose HTML
  needs a third round trip painted 150 ms later on a slow link (the
  Summit page at 45 KB did, at 42 KB it did not). So each page's HTML,
  uncompressed, stays under :data:`MAX_PAGE_BYTES`, not counting its
  inline stylesheet, which has a budget of its own
  (:data:`MAX_STYLE_BYTES`): the page carries it so as not to wait for a
  second request, which cost more than the bytes (bench/RESULTS.md).
* The first round trip. Hosts send pages compressed; a page whose
  compressed HTML and response headers fit the first round trip of a new
  connection (10 segments of 1460 bytes) paints as soon as the bare
  floor does. The Meet-ups page, at 13.5 KB gzipped with 1.5 KB of
  headers, did not: its largest paint came 1.21-1.31x the floor's
  (bench, November 2026); nor did six pages of 12.7-13.3 KB when the
  headers had grown to 2 KB (December 2026). So each page, gzipped as
  Apache's default level does, stays under what the first round trip
  leaves once the headers it is sent with are counted
  (:func:`first_round_trip_budget`: the headers the build ships for that
  page, and an allowance for those every server adds).
* Scripts. One script request on a reading page, however small and
  however deferred, made its largest paint about two simulated round
  trips later on a slow link. So reading pages load no script; only the
  pages in :data:`PAGES_WITH_SCRIPTS` may.
"""

from __future__ import annotations

import re

from .. import published
from ..csp import is_data_block
from ..findings import Finding, sort_findings
from .headers import host_configs, served_headers
from .serve import CONTENT_SECURITY_POLICY
from .site import Site

#: Pages that need scripts to do their job.
PAGES_WITH_SCRIPTS = frozenset(published.html_file(page)
                               for page in published.PAGES_WITH_SCRIPTS)

#: Each page's HTML fits in the first two round trips of a new connection
#: (10 + 20 segments of 1460 bytes, less room for the response headers).
MAX_PAGE_BYTES = 42 * 1024
#: A page's inline stylesheet (events_guide.ext.theme keeps only the rules
#: the page uses; the biggest pages need about 19 KiB).
MAX_STYLE_BYTES = 24 * 1024


#: An inline stylesheet's text (it cannot hold "</style": the build
#: refuses such CSS), read without parsing the page: the size budget is
#: checked on every page of every family, thousands with ten times the
#: data.
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)


def style_bytes(page) -> int:
    """The bytes of a page's inline stylesheets."""
    return sum(len(style.encode("utf-8"))
               for style in _STYLE.findall(page.html_text))


def check_page_size(site: Site) -> list[Finding]:
    """Every page's HTML is at most :data:`MAX_PAGE_BYTES` besides its
    inline stylesheet, and that at most :data:`MAX_STYLE_BYTES`."""
    findings = []
    for page in site.pages.values():
        style = style_bytes(page)
        if style > MAX_STYLE_BYTES:
            findings.append(Finding(
                file=page.file, line=None, html=page.rel, check="style-size",
                subject=page.rel,
                what=f"{page.rel} carries {style} bytes of CSS, "
                f"{style - MAX_STYLE_BYTES} over the {MAX_STYLE_BYTES}-byte "
                "budget.", fix="Make doc/source/_static/reader.css smaller, "
                "or use fewer kinds of markup on the page."))
        size = page.size - style
        if size <= MAX_PAGE_BYTES:
            continue
        findings.append(Finding(
            file=page.file, line=None, html=page.rel, check="page-size",
            subject=page.rel,
            what=f"{page.rel} is {size} bytes of HTML (besides its "
            "stylesheet), "
            f"{size - MAX_PAGE_BYTES} over the {MAX_PAGE_BYTES}-byte "
            "budget: a reader on a slow link waits one more round trip "
            "before it paints.",
            fix="Shorten the page or move a part of it (a long table, say) "
            "to a page of its own."))
    return sort_findings(findings)


#: What the first round trip of a new connection carries: TCP's initial
#: window of 10 segments (RFC 6928) of 1,460 bytes, as the simulated
#: network of Lighthouse assumes.
FIRST_ROUND_TRIP_BYTES = 10 * 1460
#: The status line and the headers a server adds to every response
#: besides the shipped ones (Date, Server, Content-Length,
#: Content-Encoding, Last-Modified, ETag, Vary, Keep-Alive: about 330
#: bytes from Apache), with some room.
SERVER_HEADER_BYTES = 400
#: mod_deflate's default compression level (Apache, the shipped .htaccess).
GZIP_LEVEL = 6


def shipped_header_bytes(site: Site, rel: str, configs=None) -> int:
    """The bytes of the headers the build ships for a page (``Name:
    value`` lines, the larger of the host files' ``configs``, read from
    the site when not given); a site without host files is served with
    the bare policy (:mod:`.serve`)."""
    sizes = [sum(len(f"{name}: {value}\r\n") for name, (value, _) in
                 served_headers(config, rel).items())
             for config in (host_configs(site) if configs is None
                            else configs)]
    return max(sizes, default=len(
        f"Content-Security-Policy: {CONTENT_SECURITY_POLICY}\r\n"))


def first_round_trip_budget(site: Site, rel: str, configs=None) -> int:
    """How many bytes of gzipped HTML the first round trip leaves for a
    page, once its response headers are counted."""
    return (FIRST_ROUND_TRIP_BYTES - SERVER_HEADER_BYTES
            - shipped_header_bytes(site, rel, configs))


def check_first_round_trip(site: Site) -> list[Finding]:
    """Every page, gzipped, fits the first round trip with its headers
    (:func:`first_round_trip_budget`; the host files are read once)."""
    configs = host_configs(site)
    findings = []
    for page in site.pages.values():
        size = page.compressed_size(GZIP_LEVEL)
        budget = first_round_trip_budget(site, page.rel, configs)
        if size <= budget:
            continue
        headers = FIRST_ROUND_TRIP_BYTES - budget
        findings.append(Finding(
            file=page.file, line=None, html=page.rel,
            check="compressed-size", subject=page.rel,
            what=f"{page.rel} is {size} bytes gzipped, {size - budget} "
            f"over the {budget}-byte budget: with its {headers} bytes of "
            f"headers it no longer fits the first round trip "
            f"({FIRST_ROUND_TRIP_BYTES} bytes), and paints one round trip "
            "later than a lighter page.",
            fix="Shorten the page or move a part of it (a kind of event, "
            "a long table) to a page of its own; or, if the headers grew, "
            "make them smaller (doc/source/_extra/_headers, "
            "contributing/hosting.rst)."))
    return sort_findings(findings)


def check_no_scripts(site: Site) -> list[Finding]:
    """No script on a reading page (any page but PAGES_WITH_SCRIPTS);
    a data block (``application/ld+json``) is data, not a script."""
    findings = []
    for page in site.pages.values():
        if page.rel in PAGES_WITH_SCRIPTS:
            continue
        for script in page.soup.find_all("script"):
            if is_data_block(script):
                continue  # data (an event's JSON-LD), never run
            what = script.get("src") or "an inline script"
            findings.append(Finding(
                file=page.rel, line=script.sourceline, html=page.rel,
                check="script-on-reading-page", subject=what,
                what=f"{page.rel} loads {what}; reading pages load no "
                "script (it delays their first paint on slow links).",
                fix="Remove it (a template, html_js_files or an "
                "extension adds it), or do the job with HTML and CSS."))
    return sort_findings(findings)


WEIGHT_CHECKS = (check_page_size, check_first_round_trip, check_no_scripts)
