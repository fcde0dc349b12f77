"""The URLs of a built page, as every link check reads them: which
attributes hold one, which are inside the site, the text a reader sees,
and one report for a link that the theme or conf.py puts on every page.

Shared by links.py (internal links) and urls.py (external ones).
"""

from __future__ import annotations

import dataclasses
import re

from .. import published
from ..findings import Finding, sort_findings
from .site import Page, Site, clean_text

#: (tag, attribute) pairs that hold a URL the browser follows or loads.
URL_ATTRIBUTES = (
    ("a", "href"), ("area", "href"), ("link", "href"), ("form", "action"),
    ("img", "src"), ("script", "src"), ("iframe", "src"), ("embed", "src"),
    ("source", "src"), ("video", "src"), ("video", "poster"),
    ("audio", "src"), ("track", "src"), ("object", "data"),
)

#: ``https:``, ``mailto:``: a URL's scheme and its colon.
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
#: ``https//host``: a scheme whose colon was forgotten.
SCHEME_WITHOUT_COLON = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*//")

#: Pages a server shows at any address (a missing page's URL), so their
#: links start at the site's root: sphinx-notfound-page writes them with
#: its ``notfound_urls_prefix``. Their root-absolute links are resolved by
#: dropping the prefix, and must then name a file of the build.
ROOT_RELATIVE_PAGES = (published.html_file(published.NOT_FOUND_PAGE),)


def iter_urls(page: Page):
    """(tag, attribute, url) for every URL on the page, in page order."""
    wanted = {}
    for tag, attribute in URL_ATTRIBUTES:
        wanted.setdefault(tag, []).append(attribute)
    for element in page.soup.find_all(list(wanted)):
        for attribute in wanted[element.name]:
            value = element.get(attribute)
            if value is not None:
                yield element, attribute, value.strip()


def link_text(element) -> str:
    """What a reader sees of a link (empty for what is not an ``<a>``)."""
    if element.name != "a":
        return ""
    return clean_text(element)


def is_root_relative(page: Page, url: str) -> bool:
    """A ``/prefix/page.html`` link of a page served at any depth."""
    return (page.rel in ROOT_RELATIVE_PAGES and url.startswith("/")
            and not url.startswith("//"))


def is_internal(url: str) -> bool:
    """A relative URL: a file of the build, not another site."""
    return not (SCHEME.match(url) or url.startswith(("/", "\\"))
                or SCHEME_WITHOUT_COLON.match(url)
                or url.lower().startswith("www."))


def _from_template_note(page: Page, finding: Finding) -> Finding:
    """Say where to look when the link is not in the page's source."""
    if finding.line is not None or not page.has_source:
        return finding
    return dataclasses.replace(
        finding, what=finding.what + " It is not in the page's source: it "
        "comes from conf.py, the theme, a template or an extension.")


def collapse_template_findings(site: Site, findings) -> list[Finding]:
    """A broken link in the theme or conf.py shows on every page; report it
    once, naming the pages, instead of once per page."""
    kept, by_subject = [], {}
    for finding in findings:
        page = site.page(finding.html)
        finding = _from_template_note(page, finding)
        if finding.line is None:
            by_subject.setdefault((finding.check, finding.subject),
                                  []).append(finding)
        else:
            kept.append(finding)
    for group in by_subject.values():
        if len(group) < 3:
            kept.extend(group)
            continue
        # Name a page built from a source first: contributors edit those.
        first = sorted(group, key=lambda f: (not site.page(f.html)
                                             .has_source, f.sort_key()))[0]
        pages = sorted({f.html for f in group})
        shown = ", ".join(pages[:5]) + (", ..." if len(pages) > 5 else "")
        kept.append(dataclasses.replace(
            first, what=f"{first.what} Seen on {len(pages)} pages: "
            f"{shown}."))
    return sort_findings(kept)
