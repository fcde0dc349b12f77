"""Link checks over the built HTML.

* :func:`check_internal_links` -- every internal href/src (navigation,
  toctree, :ref:, :doc:, :term:, images, CSS, JS, plain relative URLs)
  names a file in the build, and every ``#fragment`` an id in its target.
* :func:`check_url_form` -- external links use https (exceptions in
  ``url_allowlist.toml``), are well formed, and never point at local files.
* :func:`check_link_text` -- no "click here" style link text.

Every page of the build is checked, generated ones (search, index, 404)
included: a broken stylesheet or link there fails readers just the same.
"""

from __future__ import annotations

import dataclasses
import difflib
import pathlib
import posixpath
import re
import tomllib
import urllib.parse

from ..findings import Finding, sort_findings
from .site import Page, Site, clean_text

ALLOWLIST_FILE = pathlib.Path(__file__).with_name("url_allowlist.toml")

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

#: Where a path from the root of a disk most likely comes from.
_FILESYSTEM_ROOTS = ("/home/", "/Users/", "/tmp/", "/var/", "/etc/",
                     "/usr/", "/opt/", "/root/", "/mnt/", "/media/",
                     "/private/", "/srv/", "/work/")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SCHEME_WITHOUT_COLON = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*//")
_HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
_KNOWN_SCHEMES = ("https", "http", "mailto", "webcal", "ftp", "file")


class AllowlistError(ValueError):
    """The allow-list file is malformed; the message names file and entry."""


@dataclasses.dataclass(frozen=True)
class UrlAllowlist:
    http_hosts: frozenset[str]
    schemes: frozenset[str]
    own_site_only_schemes: frozenset[str]
    source: str = "url_allowlist.toml"


def load_allowlist(path=ALLOWLIST_FILE) -> UrlAllowlist:
    """Read and validate the allow-list; every entry needs a reason."""
    path = pathlib.Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AllowlistError(
            f"{path}: file not found (an installed package needs it too: "
            "setup.cfg [options.package_data] events_guide.sitecheck = "
            "*.toml)") from None
    except tomllib.TOMLDecodeError as error:
        raise AllowlistError(f"{path}: not valid TOML: {error}") from None
    unknown = set(data) - {"http", "scheme"}
    if unknown:
        raise AllowlistError(
            f"{path}: unknown table(s) {sorted(unknown)}; only [[http]] and "
            "[[scheme]] entries are read")
    hosts, schemes, own_only = set(), set(), set()
    for kind, key in (("http", "host"), ("scheme", "name")):
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise AllowlistError(f"{path}: write each {kind} entry as "
                                 f"[[{kind}]], not [{kind}]")
        for number, entry in enumerate(entries, start=1):
            where = f"{path}: [[{kind}]] entry {number}"
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                raise AllowlistError(f"{where}: needs {key} = \"...\"")
            where += f" ({value})"
            reason = entry.get("reason")
            if not isinstance(reason, str) or not reason.strip():
                raise AllowlistError(
                    f"{where}: needs reason = \"...\" saying why it is "
                    "allowed")
            extra = set(entry) - {key, "reason", "own_site_only"}
            if extra:
                raise AllowlistError(f"{where}: unknown key(s) "
                                     f"{sorted(extra)}")
            if kind == "http":
                hosts.add(value.strip().lower())
            else:
                if value.lower() in ("https", "http", "file"):
                    raise AllowlistError(
                        f"{where}: {value} cannot be allowed here (https is "
                        "always allowed, http per host, file never)")
                schemes.add(value.strip().lower())
                if entry.get("own_site_only"):
                    own_only.add(value.strip().lower())
    return UrlAllowlist(frozenset(hosts), frozenset(schemes),
                        frozenset(own_only), path.name)


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


def _valid_host(host: str) -> bool:
    labels = host.rstrip(".").split(".")
    return bool(host) and all(_HOST_LABEL.match(label) for label in labels)


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


def check_internal_links(site: Site) -> list[Finding]:
    """Every relative href/src resolves to a file, every #fragment to an
    id in the page it points at."""
    findings = []
    for page in site.pages.values():
        for element, attribute, url in iter_urls(page):
            root_relative = _is_root_relative(page, url)
            if not url or not (root_relative or _is_internal(url)):
                continue
            parts = urllib.parse.urlsplit(url)
            if root_relative:
                target = site.resolve_from_root(parts.path) or parts.path
            else:
                target = site.resolve(page, parts.path)
            text = _link_text(element)
            if target.startswith("../") or target == "..":
                findings.append(_finding(
                    page, "link-outside-build", url,
                    f'<{element.name} {attribute}="{url}"> points outside '
                    "the built site.",
                    "Link to a page of the guide with a path inside the "
                    "build, or to an https:// address.",
                    url, parts.path, text))
                continue
            if not site.exists(target):
                hint = ""
                first = parts.path.split("/")[0]
                if re.match(r"^[\w-]+(\.[\w-]+)*\.(org|com|net|dev|io|edu)$",
                            first):
                    hint = (" It looks like a web address: write "
                            f"https://{url}.")
                findings.append(_finding(
                    page, "broken-link", url,
                    f'<{element.name} {attribute}="{url}"> points at '
                    f'"{target}", which is not in the build.',
                    "Point it at an existing page or file (use :doc: or "
                    ":ref: for pages, so that Sphinx checks them)." + hint,
                    url, parts.path, text))
                continue
            fragment = urllib.parse.unquote(parts.fragment)
            if not fragment or not target.endswith(".html"):
                continue
            target_page = site.page(target) or site.page(
                target + "/index.html")
            if target_page is not None and fragment not in target_page.ids:
                where = ("this page" if target_page is page
                         else f'"{target_page.rel}"')
                findings.append(_finding(
                    page, "broken-fragment", url,
                    f'<{element.name} {attribute}="{url}">: {where} has no '
                    f'element with id "{fragment}".',
                    "Point at an existing section (a :ref: label checks "
                    "this for you) or add the missing target.",
                    url, "#" + parts.fragment, text))
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


# -- external links ---------------------------------------------------------

def _typo_hint(scheme: str) -> str:
    close = difflib.get_close_matches(scheme.lower(), _KNOWN_SCHEMES, n=1,
                                      cutoff=0.6)
    return f' (a typo for "{close[0]}:"?)' if close else ""


def _form_problem(site: Site, url: str, allowlist: UrlAllowlist):
    """(check, what, fix) when a non-relative URL breaks a rule, or None."""
    if url.startswith("//"):
        return ("insecure-link", "is protocol-relative (no scheme).",
                "Write the scheme: https://" + url[2:])
    if url.startswith("\\\\") or re.match(r"^[A-Za-z]:[\\/]", url):
        return ("local-file-link",
                "points at a file on someone's disk, which readers do not "
                "have.", "Link to the page in the build (a relative link "
                "or :doc:) or to an https:// address.")
    if url.startswith("/"):
        if url.startswith(_FILESYSTEM_ROOTS):
            return ("local-file-link",
                    "is an absolute path on someone's disk, which readers "
                    "do not have.", "Link to the page in the build (a "
                    "relative link or :doc:) or to an https:// address.")
        return ("absolute-path-link",
                "starts at the server's root, so it breaks when the guide "
                "is published in a sub-folder or opened from disk.",
                "Write a relative link (or use :doc: / :ref:).")
    if _SCHEME_WITHOUT_COLON.match(url):
        scheme = url.split("/", 1)[0]
        return ("malformed-url",
                f'is missing the ":" after "{scheme}"{_typo_hint(scheme)}; '
                "browsers read it as a relative path.",
                f"Write {scheme}:{url[len(scheme):]}")
    if url.lower().startswith("www."):
        return ("malformed-url", "has no scheme, so browsers read it as a "
                "relative path.", f"Write https://{url}")
    scheme = _SCHEME.match(url).group(1).lower()
    if scheme == "file":
        return ("local-file-link",
                "is a file:// link to someone's disk, which readers do not "
                "have.", "Link to the page in the build or to an https:// "
                "address.")
    if scheme in ("https", "http", "webcal"):
        try:
            parts = urllib.parse.urlsplit(url)
            parts.port  # noqa: B018 -- raises on a malformed port
        except ValueError as error:
            return ("malformed-url", f"is not a well-formed URL ({error}).",
                    "Correct the address.")
        if not url[len(scheme) + 1:].startswith("//"):
            return ("malformed-url",
                    f'needs "//" after "{scheme}:".',
                    f"Write {scheme}://{url[len(scheme) + 1:].lstrip('/')}")
        host = (parts.hostname or "")
        if not _valid_host(host):
            what = ("has no host." if not host
                    else f'has an invalid host "{host}".')
            return ("malformed-url", what,
                    "Write the full address, such as https://host/path.")
        if scheme == "http" and host.lower() not in allowlist.http_hosts:
            return ("insecure-link",
                    "uses http, which is not encrypted.",
                    f"Use https://{url[len('http://'):]} (if the host has "
                    f"no https, add it with a reason to "
                    f"{allowlist.source} under [[http]]).")
        if scheme == "webcal":
            return _webcal_problem(site, url, parts, allowlist)
        return None
    if scheme == "mailto" and scheme in allowlist.schemes:
        address = urllib.parse.unquote(url[len("mailto:"):].split("?")[0])
        if not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", address):
            return ("malformed-url", "is not a valid e-mail address.",
                    "Write mailto:name@example.org")
        return None
    if scheme in allowlist.schemes and scheme not in \
            allowlist.own_site_only_schemes:
        return None
    if len(scheme) == 1:
        return ("local-file-link", "looks like a drive letter path.",
                "Link to the page in the build or to an https:// address.")
    return ("malformed-url",
            f'uses the scheme "{scheme}:"{_typo_hint(scheme)}, which is '
            "not allowed.",
            f"Use https:// (other schemes need an entry with a reason in "
            f"{allowlist.source}).")


def _webcal_problem(site, url, parts, allowlist):
    if "webcal" not in allowlist.schemes:
        return ("malformed-url", 'uses "webcal:", which is not allowed.',
                f"Add a [[scheme]] entry for webcal to {allowlist.source}.")
    if "webcal" not in allowlist.own_site_only_schemes:
        return None
    base = site.base_url
    if not base:
        return ("foreign-feed-link",
                "is a calendar subscription, but the site's published "
                "address is unknown, so it cannot be shown to be one of the "
                "guide's own feeds.",
                "Set html_baseurl in doc/source/conf.py (Sphinx then writes "
                '<link rel="canonical"> into every page).')
    as_https = "https" + url[len("webcal"):]
    if not as_https.startswith(base) and not \
            ("http" + url[len("webcal"):]).startswith(base):
        return ("foreign-feed-link",
                f"subscribes to a calendar outside this site ({base}); "
                "webcal:// is allowed only for the guide's own feeds.",
                "Link to the other calendar with https://, or to our own "
                "feed under " + base)
    rest = urllib.parse.unquote(as_https[len(base):] if as_https.startswith(
        base) else ("http" + url[len("webcal"):])[len(base):])
    rest = rest.split("#")[0].split("?")[0]
    if not site.exists(rest):
        return ("broken-link",
                f'subscribes to "{rest}", which is not in the build.',
                "Point it at a feed file that the build writes.")
    return None


def check_url_form(site: Site, allowlist: UrlAllowlist | None = None
                   ) -> list[Finding]:
    """External links: https only (exceptions listed with reasons), well
    formed, never to local files."""
    allowlist = allowlist or load_allowlist()
    findings = []
    for page in site.pages.values():
        for element, attribute, url in iter_urls(page):
            if not url or _is_internal(url) or _is_root_relative(page, url):
                continue
            problem = _form_problem(site, url, allowlist)
            if problem is None:
                continue
            check, what, fix = problem
            findings.append(_finding(
                page, check, url,
                f'<{element.name} {attribute}="{url}"> {what}', fix,
                url, _link_text(element)))
    return _collapse_template_findings(site, findings)


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


LINK_CHECKS = (check_internal_links, check_stylesheet_urls, check_url_form,
               check_link_text)


def check_links(site: Site) -> list[Finding]:
    """All link checks, findings sorted."""
    return sort_findings(f for check in LINK_CHECKS for f in check(site))
