"""Link checks over the built HTML.

* :func:`check_internal_links` -- every internal href/src (navigation,
  toctree, :ref:, :doc:, :term:, images, CSS, JS, plain relative URLs)
  names a file in the build, and every ``#fragment`` an id in its target.
* :func:`check_stylesheet_urls` -- every url(...) in the stylesheets the
  pages load names a file in the build.
* :func:`check_link_text` -- no "click here" style link text.

External links (https only, well formed) are checked in urls.py.

Every page of the build is checked, generated ones (search, index, 404)
included: a broken stylesheet or link there fails readers just the same.
"""

from __future__ import annotations

import posixpath
import re
import urllib.parse

from ..findings import Finding, sort_findings
from .hrefs import (collapse_template_findings, is_internal,
                    is_root_relative, iter_urls, link_text)
from .site import Page, Site, clean_text

#: Link text that says nothing about where the link goes (compared after
#: lower-casing and dropping punctuation).
VAGUE_LINK_TEXT = frozenset({
    "here", "click here", "this link", "link", "read more", "more",
    "click", "this page", "see here", "click this link",
})


# -- internal links ---------------------------------------------------------

def _internal_link_problem(site: Site, page: Page, url: str):
    """(check, what, fix, needle) when a link inside the site is broken."""
    parts = urllib.parse.urlsplit(url)
    if is_root_relative(page, url):
        target = site.resolve_from_root(parts.path) or parts.path
    else:
        target = site.resolve(page, parts.path)
    if target.startswith("../") or target == "..":
        return ("link-outside-build", "points outside the built site.",
                "Link to a page of the guide with a path inside the build, "
                "or to an https:// address.", parts.path)
    if not site.exists(target):
        hint = ""
        if re.match(r"^[\w-]+(\.[\w-]+)*\.(org|com|net|dev|io|edu)$",
                    parts.path.split("/")[0]):
            hint = f" It looks like a web address: write https://{url}."
        return ("broken-link", f'points at "{target}", which is not in the '
                "build.", "Point it at an existing page or file (use :doc: "
                "or :ref: for pages, so that Sphinx checks them)." + hint,
                parts.path)
    fragment = urllib.parse.unquote(parts.fragment)
    target_page = site.page(target) or site.page(target + "/index.html")
    if not fragment or not target.endswith(".html") or target_page is None \
            or fragment in target_page.ids:
        return None
    where = "this page" if target_page is page else f'"{target_page.rel}"'
    return ("broken-fragment", f'{where} has no element with id '
            f'"{fragment}".', "Point at an existing section (a :ref: label "
            "checks this for you) or add the missing target.",
            "#" + parts.fragment)


def check_internal_links(site: Site) -> list[Finding]:
    """Every relative href/src resolves to a file, every #fragment to an
    id in the page it points at."""
    findings = []
    for page in site.pages.values():
        for element, attribute, url in iter_urls(page):
            if not url or not (is_root_relative(page, url)
                               or is_internal(url)):
                continue
            problem = _internal_link_problem(site, page, url)
            if problem is None:
                continue
            check, what, fix, needle = problem
            html = f'<{element.name} {attribute}="{url}">'
            findings.append(page.finding(
                check, url, f"{html}: {what}" if check == "broken-fragment"
                else f"{html} {what}", fix,
                needles=(url, needle, link_text(element))))
    return collapse_template_findings(site, findings)


# -- stylesheets ------------------------------------------------------------

_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+(['"])([^'"]+)\1""")


def _linked_stylesheets(site: Site) -> list[str]:
    """Stylesheets the pages load (<link rel="stylesheet">): files left in
    _static that no page loads cannot hurt readers and are not checked."""
    found = set()
    for page in site.pages.values():
        for link in page.soup.find_all("link", href=True):
            if "stylesheet" not in (link.get("rel") or []):
                continue
            href = link["href"].strip()
            if is_internal(href):
                target = site.resolve(page, urllib.parse.urlsplit(href).path)
                if target in site.files:
                    found.add(target)
    return sorted(found)


def check_stylesheet_urls(site: Site) -> list[Finding]:
    """Every relative url(...) and @import in the stylesheets the pages load
    (fonts, icons, images, further stylesheets) names a file in the build."""
    if site.html_dir.name == "<memory>":
        return []
    findings = []
    queue, seen = _linked_stylesheets(site), set()
    while queue:
        rel = queue.pop(0)
        if rel in seen:
            continue
        seen.add(rel)
        text = (site.html_dir / rel).read_text(encoding="utf-8",
                                               errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            for match in [*_CSS_URL.finditer(line),
                          *_CSS_IMPORT.finditer(line)]:
                url = match.group(2).strip()
                if not url or url.startswith("#") or not is_internal(url):
                    continue
                path = urllib.parse.urlsplit(url).path
                target = posixpath.normpath(posixpath.join(
                    posixpath.dirname(rel), urllib.parse.unquote(path)))
                if site.exists(target):
                    if target.endswith(".css"):
                        queue.append(target)
                    continue
                findings.append(Finding(
                    file=rel, line=number, html=rel,
                    check="broken-stylesheet-url", subject=url,
                    what=f'url({url}) points at "{target}", which is not in '
                    "the build.",
                    fix="Ship the file (html_static_path) or drop the rule "
                    "that needs it (doc/source/_static or the theme "
                    "tuning in events_guide)."))
    return sort_findings(findings)


# -- link text ----------------------------------------------------------------

def _normalised(text: str) -> str:
    return re.sub(r"[^\w\s]", "", text).strip().lower()


def check_link_text(site: Site) -> list[Finding]:
    """Link text says where the link goes (screen readers list links out
    of context; "here" tells nothing)."""
    findings = []
    for page in site.pages.values():
        for anchor in page.soup.find_all("a", href=True):
            text = anchor.get("aria-label") or clean_text(anchor)
            if _normalised(text) in VAGUE_LINK_TEXT:
                href = anchor["href"]
                findings.append(page.finding(
                    "vague-link-text", text,
                    f'link text "{text}" (to {href}) does not say where '
                    "it goes.",
                    "Use the name of the target as the link text, e.g. "
                    "`the PTG schedule <https://...>`_.",
                    needles=(f"`{text} <", f"{text} <", href,
                             f">{text}<")))
    return collapse_template_findings(site, findings)


LINK_CHECKS = (check_internal_links, check_stylesheet_urls, check_link_text)
