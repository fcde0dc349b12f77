"""External links: https only (exceptions in ``url_allowlist.toml``, each
with its reason), well formed, never to files on someone's disk, and
``webcal://`` only for the guide's own feeds.
"""

from __future__ import annotations

import dataclasses
import difflib
import pathlib
import re
import tomllib
import urllib.parse

from ..findings import Finding
from .hrefs import (SCHEME, SCHEME_WITHOUT_COLON,
                    collapse_template_findings, is_internal,
                    is_root_relative, iter_urls, link_text)
from .site import Site

ALLOWLIST_FILE = pathlib.Path(__file__).with_name("url_allowlist.toml")

#: Where a path from the root of a disk most likely comes from.
_FILESYSTEM_ROOTS = ("/home/", "/Users/", "/tmp/", "/var/", "/etc/",
                     "/usr/", "/opt/", "/root/", "/mnt/", "/media/",
                     "/private/", "/srv/", "/work/")
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


def _valid_host(host: str) -> bool:
    labels = host.rstrip(".").split(".")
    return bool(host) and all(_HOST_LABEL.match(label) for label in labels)


# -- external links ---------------------------------------------------------

def _typo_hint(scheme: str) -> str:
    close = difflib.get_close_matches(scheme.lower(), _KNOWN_SCHEMES, n=1,
                                      cutoff=0.6)
    return f' (a typo for "{close[0]}:"?)' if close else ""


_LOCAL_FIX = ("Link to the page in the build (a relative link or :doc:) or "
              "to an https:// address.")


def _path_problem(url: str):
    """(check, what, fix) for a URL without a scheme, or None."""
    if url.startswith("//"):
        return ("insecure-link", "is protocol-relative (no scheme).",
                "Write the scheme: https://" + url[2:])
    if url.startswith("\\\\") or re.match(r"^[A-Za-z]:[\\/]", url):
        return ("local-file-link", "points at a file on someone's disk, "
                "which readers do not have.", _LOCAL_FIX)
    if url.startswith("/"):
        if url.startswith(_FILESYSTEM_ROOTS):
            return ("local-file-link", "is an absolute path on someone's "
                    "disk, which readers do not have.", _LOCAL_FIX)
        return ("absolute-path-link",
                "starts at the server's root, so it breaks when the guide "
                "is published in a sub-folder or opened from disk.",
                "Write a relative link (or use :doc: / :ref:).")
    if SCHEME_WITHOUT_COLON.match(url):
        scheme = url.split("/", 1)[0]
        return ("malformed-url",
                f'is missing the ":" after "{scheme}"{_typo_hint(scheme)}; '
                "browsers read it as a relative path.",
                f"Write {scheme}:{url[len(scheme):]}")
    if url.lower().startswith("www."):
        return ("malformed-url", "has no scheme, so browsers read it as a "
                "relative path.", f"Write https://{url}")
    return None


def _web_problem(site: Site, url: str, scheme: str, allowlist):
    """(check, what, fix) for an https, http or webcal URL, or None."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 -- raises on a malformed port
    except ValueError as error:
        return ("malformed-url", f"is not a well-formed URL ({error}).",
                "Correct the address.")
    if not url[len(scheme) + 1:].startswith("//"):
        return ("malformed-url", f'needs "//" after "{scheme}:".',
                f"Write {scheme}://{url[len(scheme) + 1:].lstrip('/')}")
    host = parts.hostname or ""
    if not _valid_host(host):
        what = "has no host." if not host else f'has an invalid host "{host}".'
        return ("malformed-url", what,
                "Write the full address, such as https://host/path.")
    if scheme == "http" and host.lower() not in allowlist.http_hosts:
        return ("insecure-link", "uses http, which is not encrypted.",
                f"Use https://{url[len('http://'):]} (if the host has no "
                f"https, add it with a reason to {allowlist.source} under "
                "[[http]]).")
    if scheme == "webcal":
        return _webcal_problem(site, url, parts, allowlist)
    return None


def _form_problem(site: Site, url: str, allowlist: UrlAllowlist):
    """(check, what, fix) when a non-relative URL breaks a rule, or None."""
    problem = _path_problem(url)
    if problem is not None or not SCHEME.match(url):
        return problem
    scheme = SCHEME.match(url).group(1).lower()
    if scheme == "file":
        return ("local-file-link", "is a file:// link to someone's disk, "
                "which readers do not have.", _LOCAL_FIX)
    if scheme in ("https", "http", "webcal"):
        return _web_problem(site, url, scheme, allowlist)
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
                _LOCAL_FIX)
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
            if not url or is_internal(url) or is_root_relative(page, url):
                continue
            problem = _form_problem(site, url, allowlist)
            if problem is None:
                continue
            check, what, fix = problem
            findings.append(page.finding(
                check, url, f'<{element.name} {attribute}="{url}"> {what}',
                fix, needles=(url, link_text(element))))
    return collapse_template_findings(site, findings)


URL_CHECKS = (check_url_form,)
