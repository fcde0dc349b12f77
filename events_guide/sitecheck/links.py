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

import dataclasses
import posixpath
import re
import urllib.parse

from ..findings import Finding, sort_findings
from .site import Page, Site, clean_text

#: (tag, attribute) pairs that hold a URL the browser follows or loads.
URL_ATTRIBUTES = (
    ("a", "href"), ("area", "href"), ("link", "href"), ("form", "action"),
    ("img", "src"), ("script", "src"), ("iframe", "src"), ("embed", "src"),
    ("source", "src"), ("video", "src"), ("video", "poster"),
    ("audio", "src"), ("track", "src"), ("object", "data"),
)

#: Link text that says nothing about where the link goes (compared after
#: lower-casing and dropping punctuation).
VAGUE_LINK_TEXT = frozenset({
    "here", "click here", "this link", "link", "read more", "more",
    "click", "this page", "see here", "click this link",
})

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SCHEME_WITHOUT_COLON = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*//")


# -- helpers ----------------------------------------------------------------

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


def _link_text(element) -> str:
    if element.name != "a":
        return ""
    return clean_text(element)


def _finding(page: Page, check, subject, what, fix, *needles) -> Finding:
    line = page.find_line(*needles) if page.has_source else None
    return Finding(file=page.file, line=line, html=page.rel, check=check,
                   subject=subject, what=what, fix=fix)


def _from_template_note(page: Page, finding: Finding) -> Finding:
    """Say where to look when the link is not in the page's source."""
    if finding.line is not None or not page.has_source:
        return finding
    return dataclasses.replace(
        finding, what=finding.what + " It is not in the page's source: it "
        "comes from conf.py, the theme, a template or an extension.")


# -- internal links ---------------------------------------------------------

#: Pages a server shows at any address (a missing page's URL), so their
#: links start at the site's root: sphinx-notfound-page writes them with
#: its ``notfound_urls_prefix``. Their root-absolute links are resolved by
#: dropping the prefix, and must then name a file of the build.
ROOT_RELATIVE_PAGES = ("404.html",)


def _is_root_relative(page: Page, url: str) -> bool:
    return (page.rel in ROOT_RELATIVE_PAGES and url.startswith("/")
            and not url.startswith("//"))


def _is_internal(url: str) -> bool:
    return not (_SCHEME.match(url) or url.startswith(("/", "\\"))
                or _SCHEME_WITHOUT_COLON.match(url)
                or url.lower().startswith("www."))


def _internal_link_problem(site: Site, page: Page, url: str):
    """(check, what, fix, needle) when a link inside the site is broken."""
    parts = urllib.parse.urlsplit(url)
    if _is_root_relative(page, url):
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
            if not url or not (_is_root_relative(page, url)
                               or _is_internal(url)):
                continue
            problem = _internal_link_problem(site, page, url)
            if problem is None:
                continue
            check, what, fix, needle = problem
            html = f'<{element.name} {attribute}="{url}">'
            findings.append(_finding(
                page, check, url,
                f"{html}: {what}" if check == "broken-fragment"
                else f"{html} {what}", fix, url, needle,
                _link_text(element)))
    return _collapse_template_findings(site, findings)


def _collapse_template_findings(site, findings):
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
            if _is_internal(href):
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
                if not url or url.startswith("#") or not _is_internal(url):
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
                findings.append(_finding(
                    page, "vague-link-text", text,
                    f'link text "{text}" (to {href}) does not say where '
                    "it goes.",
                    "Use the name of the target as the link text, e.g. "
                    "`the PTG schedule <https://...>`_.",
                    f"`{text} <", f"{text} <", href, f">{text}<"))
    return _collapse_template_findings(site, findings)


LINK_CHECKS = (check_internal_links, check_stylesheet_urls, check_link_text)
