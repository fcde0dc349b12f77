"""Every check of the built site, one finding type, one command.

Each check is a function of a :class:`Site` (a build folder, its sources
and the committed URL inventory) that returns sorted
:class:`~events_guide.findings.Finding` objects naming the file (and
line) to change. The modules, by what they look at:

* links.py, urls.py -- internal links and fragments, stylesheet URLs,
  link text; external URLs (https only, well formed)
* navigation.py, structure.py -- toctrees and reachability; headings,
  titles, descriptions, image alt text, kind pages (that every dated
  fact cites its source is checked by the build itself:
  events_guide.ext.evidence)
* publishing.py, inventory.py, headers.py -- sitemap, head tags, the 404
  page; published URLs and redirects; the headers shipped for hosts
* events.py -- a page per event of the data, each with its schema.org
  Event (JSON-LD) saying what the data says
* weight.py -- page size and script budgets
* validity.py -- the Nu HTML Checker (needs Java)
* browser.py (with serve.py, scripts.py) -- Chromium via Playwright

``python -m events_guide.sitecheck`` runs them (see ``--help``); a new
check is a function added to one of the tuples below.
"""

import time

from ..findings import Finding, format_report, sort_findings
from .events import EVENT_CHECKS
from .headers import HEADER_CHECKS
from .inventory import check_inventory, check_redirects
from .links import LINK_CHECKS
from .navigation import NAVIGATION_CHECKS
from .publishing import PUBLISHING_CHECKS
from .site import Site, load_site
from .structure import STRUCTURE_CHECKS
from .urls import URL_CHECKS
from .validity import NU_CHECKS, ToolMissing
from .weight import WEIGHT_CHECKS

#: Offline, pure-Python checks: what ``python -m events_guide.sitecheck``
#: runs by default.
QUICK_CHECKS = (LINK_CHECKS + URL_CHECKS + NAVIGATION_CHECKS
                + STRUCTURE_CHECKS + PUBLISHING_CHECKS
                + (check_inventory, check_redirects) + HEADER_CHECKS
                + WEIGHT_CHECKS + EVENT_CHECKS)


def browser_checks():
    """The checks in Chromium (imported only when asked for: Playwright
    is an extra)."""
    from .browser import check_in_browser
    return (check_in_browser,)


def run_checks(site: Site, checks=QUICK_CHECKS,
               progress=None) -> list[Finding]:
    """Every finding of ``checks`` over ``site``, sorted. *progress*, a
    function of a message, hears of each check and how long it took."""
    findings = []
    for check in checks:
        started = time.monotonic()
        found = check(site)
        findings += found
        if progress is not None:
            progress(f"  {check.__name__}: {len(found)} problem"
                     f"{'' if len(found) == 1 else 's'} "
                     f"({time.monotonic() - started:.1f} s)")
    return sort_findings(findings)


__all__ = ["Finding", "NU_CHECKS", "QUICK_CHECKS", "Site", "ToolMissing",
           "browser_checks", "format_report", "load_site", "run_checks",
           "sort_findings"]
