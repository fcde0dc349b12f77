"""How pages hang together: every page built from a source is listed in
a toctree and can be reached by following links from the landing page.

Generated pages (search, index, 404) are never required to be in a
toctree: the theme links them from its search box and index link.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse

from ..findings import Finding, sort_findings
from .site import Page, Site

ROOT_PAGE = "index.html"
_NOT_RELATIVE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^/|^\\\\")


def _internal_targets(site: Site, page: Page, anchors) -> set[str]:
    targets = set()
    for anchor in anchors:
        href = anchor.get("href", "").strip()
        if not href or _NOT_RELATIVE.match(href):
            continue
        target = site.resolve(page, urllib.parse.urlsplit(href).path)
        if target in site.pages:
            targets.add(target)
        elif target + "/index.html" in site.pages:
            targets.add(target + "/index.html")
    return targets


def _toctree_anchors(page: Page):
    """Links that Sphinx writes for toctree entries: in toctree blocks of
    the content and in the theme's global navigation (li.toctree-lN)."""
    anchors = page.soup.select("li[class*='toctree-l'] > a[href]")
    anchors += page.soup.select("div.toctree-wrapper a[href]")
    return anchors


def parent_toctree(site: Site, page: Page, root: str = ROOT_PAGE):
    """(index page, entry) for where a page belongs: the index of its own
    folder (or of the folder above, for an index), else the landing page;
    the entry is the page's name as that index's toctree writes it."""
    folder = posixpath.dirname(page.rel)
    if page.rel.endswith("/index.html"):
        folder = posixpath.dirname(folder)
    while folder:
        index = site.page(f"{folder}/index.html")
        if index is not None and index is not page and index.has_source:
            break
        folder = posixpath.dirname(folder)
    else:
        index = site.page(root)
    home = posixpath.dirname(index.rel) if index else ""
    entry = posixpath.relpath(page.rel[:-len(".html")], home or ".")
    return index, entry


def check_in_toctree(site: Site, root: str = ROOT_PAGE) -> list[Finding]:
    """Every page built from a source is an entry of some toctree."""
    listed = set()
    for page in site.pages.values():
        listed |= _internal_targets(site, page, _toctree_anchors(page))
    findings = []
    for page in site.source_pages:
        if page.rel == root or page.rel in listed:
            continue
        orphan = "orphan" in page.metadata
        index, entry = parent_toctree(site, page, root)
        where = index.file if index is not None else "index.rst"
        findings.append(page.finding(
            "not-in-toctree", page.rel,
            f"{page.rel} is in no toctree"
            + (" (it is marked :orphan:)" if orphan else "") + ".",
            f"Add the line `{entry}` to the toctree of {where}"
            + (" and remove :orphan:" if orphan else "") + ".",
            line=page.find_line(":orphan:") if orphan else None))
    return sort_findings(findings)


def check_reachable(site: Site, root: str = ROOT_PAGE) -> list[Finding]:
    """Every page built from a source or from the event data can be reached
    by following links from the landing page."""
    if root not in site.pages:
        return [Finding(file=root, line=None, html=root, check="unreachable",
                        subject=root, what=f"the landing page {root} was "
                        "not built.", fix="Add doc/source/index.rst.")]
    seen, queue = {root}, [root]
    while queue:
        page = site.pages[queue.pop()]
        for target in _internal_targets(site, page,
                                        page.soup.find_all("a", href=True)):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return sort_findings(
        page.finding("unreachable", page.rel,
                     f"{page.rel} cannot be reached by following links from "
                     f"{root}.",
                     "List it in a toctree that is itself reachable from "
                     "index.rst." if page.has_source else "Link to it from "
                     "the generated page that lists it (a year page lists "
                     "its events, the years' index its years).")
        for page in site.published_pages
        if page.rel not in seen)


NAVIGATION_CHECKS = (check_in_toctree, check_reachable)
