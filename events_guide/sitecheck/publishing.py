"""Discovery checks: what search engines, link previews and a mistyped
address get from the built site.

* :func:`check_sitemap` -- ``sitemap.xml`` lists every published page (built
  from a source, or generated from the event data, of every family) once,
  at its published URL, with well-formed dates.
* :func:`check_head` -- every published page has its canonical URL, the
  Open Graph tags and, as its description, its first paragraph (the
  summary).
* :func:`check_404_links` -- the 404 page, served at any depth, links
  absolutely under the published path, to files that exist.

The published address is the canonical URL Sphinx writes into
``index.html`` from ``html_baseurl`` (:attr:`Site.base_url`).
"""

from __future__ import annotations

import re
import urllib.parse

from lxml import etree

from .. import published
from ..text import tidy_summary
from ..findings import Finding, sort_findings
from .site import Page, Site, clean_text

SITEMAP = published.SITEMAP
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
_LASTMOD = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
OPEN_GRAPH = ("og:title", "og:type", "og:url", "og:site_name",
              "og:description")
NOT_FOUND_PAGE = published.html_file(published.NOT_FOUND_PAGE)


def _sitemap_finding(line, subject, what, fix) -> Finding:
    return Finding(file=SITEMAP, line=line, html=SITEMAP, check="sitemap",
                   subject=subject, what=what, fix=fix)


# -- sitemap ------------------------------------------------------------------

def check_sitemap(site: Site) -> list[Finding]:
    """Each page built from a source is listed once at its published URL;
    nothing else is listed; every ``<lastmod>`` is a UTC timestamp."""
    base = site.base_url
    if base is None:
        return []  # check_head reports the missing canonical link
    if SITEMAP not in site.files:
        return [_sitemap_finding(None, SITEMAP,
                                 "the build has no sitemap.xml.",
                                 "Enable sphinx_sitemap in conf.py and set "
                                 "html_baseurl.")]
    tree = etree.fromstring(site.text(SITEMAP).encode("utf-8"))
    locs = tree.findall("s:url/s:loc", SITEMAP_NS)
    findings = _sitemap_entries(site, base, locs)
    for lastmod in tree.findall("s:url/s:lastmod", SITEMAP_NS):
        if not _LASTMOD.fullmatch(lastmod.text or ""):
            findings.append(_sitemap_finding(
                lastmod.sourceline, lastmod.text or "",
                f"<lastmod>{lastmod.text}</lastmod> is "
                "not a UTC timestamp (YYYY-MM-DDTHH:MM:SSZ).",
                "Check sitemap_show_lastmod and the git dates in conf.py."))
    return sort_findings(findings)


def _sitemap_entries(site: Site, base: str, locs) -> list[Finding]:
    seen: dict[str, int] = {}
    findings = []
    expected = {base + page.rel: page
                for page in site.published_pages}
    for loc in locs:
        url = (loc.text or "").strip()
        seen[url] = seen.get(url, 0) + 1
        rel = url[len(base):] if url.startswith(base) else None
        if seen[url] == 2:
            what, fix = (f"{url} is listed more than once.",
                         "Rebuild from a clean output folder.")
        elif rel is None or not site.exists(rel):
            what, fix = (f"{url} names no file of the build.",
                         "Rebuild: the page it names is gone.")
        elif site.source_dir is not None and url not in expected:
            what, fix = (f"{url} is not a page built from a source or "
                         "from the event data.",
                         "List generated pages in sitemap_excludes "
                         "(conf.py).")
        else:
            continue
        findings.append(_sitemap_finding(loc.sourceline, url, what, fix))
    for url, page in expected.items():
        if url not in seen:
            findings.append(page.finding(
                "sitemap", url, f"sitemap.xml does not list {url}.",
                "Rebuild; if it is still missing, check sitemap_excludes "
                "and that events_guide.ext.whole_site is in conf.py's "
                "extensions (incremental builds need it)."))
    return findings


# -- the head of each page ----------------------------------------------------

def first_paragraph_text(page: Page) -> str | None:
    """The page's summary as readers see it (footnote marks dropped)."""
    body = page.soup.select_one('[itemprop="articleBody"]') or page.soup.body
    for paragraph in (body or page.soup).find_all("p"):
        if paragraph.parent.name in ("section", "div") and \
                paragraph.find_parent(["table", "aside", "footer", "nav"]) \
                is None and paragraph.parent.get("class") in (None, []):
            copy = paragraph.__copy__()
            for mark in copy.select("a.footnote-reference"):
                mark.decompose()
            return tidy_summary(clean_text(copy))
    return None


def check_head(site: Site) -> list[Finding]:
    """Canonical URL, Open Graph tags and the summary as description on
    every published page: built from a source, or generated from the
    data (each family's pages get the same head as the others)."""
    base = site.base_url
    if base is None:
        index = site.page("index.html")
        return [Finding(
            file=index.file if index else "index.html", line=None,
            html="index.html", check="head",
            subject='<link rel="canonical">',
            what="index.html has no canonical link, so the published "
            "address is unknown.",
            fix="Set html_baseurl in doc/source/conf.py.")]
    return sort_findings(f for page in site.published_pages
                         for f in _head_problems(page, base + page.rel))


def _head_problems(page: Page, url: str):
    def problem(subject, what, fix, line=None):
        if not page.has_source:
            fix = ("The page is generated from the event data: give it "
                   "the same head as the others (events_guide/ext/events/"
                   "generated.py).")
        return page.finding("head", subject, what, fix, line)

    canonical = [link.get("href")
                 for link in page.soup.select('link[rel="canonical"]')]
    if canonical != [url]:
        yield problem('<link rel="canonical">',
                      f"the canonical links are {canonical}, not [{url}].",
                      "Set html_baseurl in doc/source/conf.py.")
    found = {tag.get("property") or tag.get("name"): tag.get("content")
             for tag in page.soup.select("head meta")}
    for name in OPEN_GRAPH:
        if not found.get(name):
            yield problem(name, f"the page has no {name} tag.",
                          "Check the ogp_* settings in conf.py.")
    if found.get("og:url") and found["og:url"] != url:
        yield problem("og:url", f"og:url is {found['og:url']}, not {url}.",
                      "Set ogp_site_url to html_baseurl in conf.py.")
    summary = first_paragraph_text(page)
    meta_line = page.find_line(".. meta::") if page.has_source else None
    descriptions = page.soup.select('head meta[name="description"]')
    if len(descriptions) != 1:
        yield problem("description", f"the page has {len(descriptions)} "
                      '<meta name="description"> tags, not one.',
                      "Remove the '.. meta::' block: the summary paragraph "
                      "is the description.", meta_line)
    elif descriptions[0].get("content") != summary:
        yield problem("description", "the description is not the page's "
                      f"first paragraph {summary!r}.",
                      "Remove the '.. meta::' block: the summary paragraph "
                      "is the description.", meta_line)
    for name in ("description", "og:description"):
        stray = re.search(r"\S*\s[.,;:!?]", found.get(name) or "")
        if stray:
            yield problem(name, f"the {name} has a space before its "
                          f"punctuation ({stray.group(0)!r}), as search "
                          "results and link previews would show it.",
                          "A footnote or reference at the end of the "
                          "summary leaves it behind: move it after the "
                          "sentence's punctuation, or out of the first "
                          "paragraph.", meta_line)
    if found.get("og:description") and found["og:description"] != summary:
        yield problem("og:description", "og:description is not the page's "
                      "first paragraph.", "Remove the '.. meta::' block.",
                      meta_line)


# -- the 404 page -------------------------------------------------------------

def check_404_links(site: Site) -> list[Finding]:
    """Every local link of the 404 page is absolute under the published
    path and names a file of the build."""
    page = site.page(NOT_FOUND_PAGE)
    if page is None or site.base_url is None:
        return []
    prefix = urllib.parse.urlsplit(site.base_url).path
    findings = []
    for tag in page.soup.find_all(["a", "link", "script", "img", "form"]):
        for attribute in ("href", "src", "action"):
            url = tag.get(attribute)
            parts = urllib.parse.urlsplit(url or "")
            if url is None or parts.scheme or parts.netloc or \
                    url.startswith("#"):
                continue  # external, or this page
            html = f"<{tag.name} {attribute}={url!r}>"
            if not parts.path.startswith(prefix):
                what = (f"{html} is not absolute under {prefix}, so it "
                        "breaks when the page is served at another depth.")
            elif not site.exists(parts.path[len(prefix):] or "index.html"):
                what = f"{html} names no file of the build."
            else:
                continue
            findings.append(Finding(
                file=NOT_FOUND_PAGE, line=tag.sourceline,
                html=NOT_FOUND_PAGE, check="404-link", subject=url,
                what=what, fix="Check notfound_urls_prefix and "
                "notfound_context in conf.py."))
    return sort_findings(findings)


PUBLISHING_CHECKS = (check_sitemap, check_head, check_404_links)
