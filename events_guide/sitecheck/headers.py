"""The response headers the build ships for hosts, applied per file the
way each host applies them, and checked.

Two files, copied from ``doc/source/_extra`` into the build:

``_headers``
    Netlify and Cloudflare Pages: blocks of a URL pattern (``*`` matches
    anything, ``:name`` one path segment) and indented ``Name: value``
    lines; every block whose pattern matches a path applies. The host
    picks Content-Type from the file's extension unless a block sets it.
``.htaccess``
    Apache: ``Header [always] set`` lines, inside ``<If "%{REQUEST_URI}
    =~ m#regex#">`` blocks or not, and ``AddType type .ext`` lines.

:func:`served_headers` gives the headers a file gets from one of them; the
browser tests serve the build with them. The checks: every page gets the
strict security headers, no file is sent with the wrong Content-Type for
its kind, both files send the same headers for every file, and the
policies each page gets (the header's and the page's own, in a ``<meta
http-equiv>``; browsers enforce both) allow its inline stylesheet (and
inline script) by its hash, and no other inline script.
"""

from __future__ import annotations

import dataclasses
import mimetypes
import pathlib
import re

from ..csp import (DIRECTIVES, META_POLICY, allows_any_inline,
                   allows_inline, inline_elements, inline_hash, sources)
from ..findings import Finding, display_path, sort_findings
from ..published import HEADERS_FILE, HOST_FILES, HTACCESS_FILE
from .site import Site
#: Headers every page must get (see contributing/hosting.rst).
REQUIRED = ("Content-Security-Policy", "X-Content-Type-Options",
            "Referrer-Policy", "X-Frame-Options")
#: Sources that make any policy lax. ('unsafe-inline' is lax where it
#: lets any inline script run: :func:`_security_problems`.)
LAX_SOURCES = ("'unsafe-eval'", "*")
#: File types by extension: Python's built-in table, not this machine's
#: /etc/mime.types, so every machine judges alike.
_TYPES = mimetypes.MimeTypes()
# Hosts' tables (mime-db, Apache's mime.types) know calendars; Python's
# built-in one does not.
_TYPES.add_type("text/calendar", ".ics")

_HTACCESS_HEADER = re.compile(
    r'^\s*Header\s+(?:always\s+)?set\s+([\w-]+)\s+"([^"]*)"')
_HTACCESS_IF = re.compile(r'^\s*<If\s+"%\{REQUEST_URI\}\s*=~\s*m#(.*)#"\s*>')
_HTACCESS_TYPE = re.compile(r"^\s*AddType\s+(\S+)\s+(.+?)\s*$")


@dataclasses.dataclass(frozen=True)
class Rule:
    """Headers a host file sets for the paths ``pattern`` matches."""

    source: str              # one of published.HOST_FILES
    line: int
    pattern: re.Pattern
    headers: tuple[tuple[str, str], ...]


@dataclasses.dataclass(frozen=True, eq=False)
class HostConfig:
    source: str
    rules: tuple[Rule, ...]
    types: dict[str, tuple[str, int]]   # ".ics" -> (media type, line)


def _glob(pattern: str) -> re.Pattern:
    parts = re.split(r"(\*|:[A-Za-z]\w*)", pattern)
    regex = "".join(".*" if part == "*" else "[^/]+" if part.startswith(":")
                    else re.escape(part) for part in parts)
    return re.compile(regex + r"\Z")


def parse_headers_file(text: str,
                       source: str = HEADERS_FILE) -> HostConfig:
    """The rules of a Netlify/Cloudflare Pages ``_headers`` file."""
    rules, current = [], None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = (number, _glob(line.strip()), [])
            rules.append(current)
        elif current is not None and ":" in line:
            name, value = line.strip().split(":", 1)
            current[2].append((name.strip(), value.strip()))
    return HostConfig(source, tuple(Rule(source, n, p, tuple(h))
                                    for n, p, h in rules), {})


def parse_htaccess(text: str, source: str = HTACCESS_FILE) -> HostConfig:
    """The header rules and extra types of an Apache ``.htaccess``."""
    rules, types, condition = [], {}, re.compile(".*")
    for number, line in enumerate(text.splitlines(), start=1):
        if match := _HTACCESS_IF.match(line):
            condition = re.compile(".*" + match.group(1) + ".*")
        elif line.strip() == "</If>":
            condition = re.compile(".*")
        elif match := _HTACCESS_HEADER.match(line):
            rules.append(Rule(source, number, condition,
                              ((match.group(1), match.group(2)),)))
        elif match := _HTACCESS_TYPE.match(line):
            for extension in match.group(2).split():
                types["." + extension.lstrip(".").lower()] = (
                    match.group(1), number)
    return HostConfig(source, tuple(rules), types)


def load_host_config(path: pathlib.Path) -> HostConfig:
    text = path.read_text(encoding="utf-8")
    if path.name == HTACCESS_FILE:
        return parse_htaccess(text)
    return parse_headers_file(text, path.name)


def served_headers(config: HostConfig, rel: str) -> dict[str, tuple]:
    """Header name -> (value, rule line or None) that the host sends for
    the build file ``rel``; Content-Type from the extension unless a rule
    sets it."""
    extension = pathlib.PurePosixPath(rel).suffix.lower()
    media_type, line = config.types.get(
        extension, (_TYPES.guess_type(rel)[0], None))
    headers = {"Content-Type": (media_type, line)} if media_type else {}
    for rule in config.rules:
        if rule.pattern.match("/" + rel):
            for name, value in rule.headers:
                headers[_canonical(headers, name)] = (value, rule.line)
    return headers


def _canonical(headers: dict, name: str) -> str:
    return next((key for key in headers if key.lower() == name.lower()),
                name)


def host_configs(site: Site) -> list[HostConfig]:
    return [load_host_config(site.html_dir / name) for name in HOST_FILES
            if name in site.files]


def _file_of(site: Site, config: HostConfig) -> str:
    """Where a contributor edits a host file: doc/source/_extra/... when
    the build's copy is that file, else the built file."""
    if site.source_dir is not None:
        source = site.source_dir / "_extra" / config.source
        if source.is_file() and source.read_bytes() == (
                site.html_dir / config.source).read_bytes():
            return display_path(source)
    return config.source


def _host_file_finding(site, config, line, rel, subject, what, fix) -> Finding:
    return Finding(file=_file_of(site, config), line=line, html=rel,
                   check="host-headers", subject=subject, what=what, fix=fix)


def _grouped(found: dict, site: Site) -> list[Finding]:
    """One finding per problem, naming the first file and the count."""
    findings = []
    for (config, line, subject, what, fix), files in found.items():
        more = f" (and {len(files) - 1} more files)" if len(files) > 1 else ""
        findings.append(_host_file_finding(
            site, config, line, files[0], subject,
            what.format(rel=files[0]) + more, fix))
    return sort_findings(findings)


def own_policies(page) -> list[tuple[str, int | None]]:
    """The page's own Content-Security-Policies (``<meta http-equiv>`` in
    its head), each with its line in the built page."""
    head = page.soup.head
    return [] if head is None else [
        (meta.get("content") or "", meta.sourceline)
        for meta in head.find_all("meta")
        if (meta.get("http-equiv") or "").lower() == META_POLICY.lower()]


def _security_problems(headers: dict, own: list[str]):
    for name in REQUIRED:
        if name not in headers:
            yield (None, name, f"{{rel}} gets no {name} header.",
                   f"Set {name} for every page (the /* block).")
    policy, line = headers.get("Content-Security-Policy", ("", None))
    if policy and "default-src 'self'" not in policy:
        yield (line, "Content-Security-Policy", f"the policy {policy!r} "
               "lacks default-src 'self'.", "Start it with default-src "
               "'self'.")
    for lax in LAX_SOURCES:
        if lax in policy.lower().replace(";", " ").split():
            yield (line, "Content-Security-Policy", f"the policy allows "
                   f"{lax}, so injected content could run.",
                   "Remove it: no page needs it (see hosting.rst).")
    if policy and allows_any_inline([policy, *own], DIRECTIVES["script"]):
        yield (line, "Content-Security-Policy", "the policy allows any "
               "inline script ('unsafe-inline'), so injected code could "
               "run.", "Remove 'unsafe-inline' from script-src and "
               "default-src: the build lists the guide's own inline "
               "scripts by hash (see hosting.rst).")
    if policy and allows_any_inline([policy, *own], DIRECTIVES["style"]):
        yield (line, "Content-Security-Policy", "the policies the page gets "
               "allow any inline style: the header's 'unsafe-inline' and "
               "no policy of the page's own to narrow it.",
               "Write the page with the guide's layout "
               "(_templates/layout.html gives each page its own policy, "
               "events_guide_style_policy), or remove 'unsafe-inline' "
               "from the header's style-src.")


def check_security_headers(site: Site) -> list[Finding]:
    """Every page gets the strict security headers from each host file."""
    found: dict[tuple, list[str]] = {}
    for config in host_configs(site):
        for rel in sorted(site.pages):
            own = [policy for policy, _ in own_policies(site.page(rel))]
            for line, subject, what, fix in _security_problems(
                    served_headers(config, rel), own):
                found.setdefault((config, line, subject, what, fix),
                                 []).append(rel)
    return _grouped(found, site)


def check_content_types(site: Site) -> list[Finding]:
    """No host file sends a file with a type that is not its kind's
    (``feeds/events.json`` as ``text/calendar``, say)."""
    found: dict[tuple, list[str]] = {}
    for config in host_configs(site):
        for rel in sorted(site.files - set(HOST_FILES)):
            expected = _TYPES.guess_type(rel)[0]
            value, line = served_headers(config, rel).get(
                "Content-Type", (None, None))
            if expected is None or value is None or line is None:
                continue
            if value.split(";")[0].strip().lower() != expected:
                extension = pathlib.PurePosixPath(rel).suffix
                found.setdefault((
                    config, line, extension,
                    f"{{rel}} is sent as {value}, but a {extension} file "
                    f"is {expected}.",
                    "Set Content-Type only for the files of that type (a "
                    "pattern ending in the extension), or let the host "
                    "take it from the extension."), []).append(rel)
    return _grouped(found, site)


def _where(config: HostConfig, line) -> str:
    return (f"{config.source} line {line}" if line is not None
            else f"{config.source} (the type of its extension)")


def check_hosts_agree(site: Site) -> list[Finding]:
    """``_headers`` and ``.htaccess`` send the same headers for each file."""
    configs = host_configs(site)
    if len(configs) < 2:
        return []
    first, second = configs[:2]
    found: dict[tuple, list[str]] = {}
    for rel in sorted(site.files - set(HOST_FILES)):
        one, two = served_headers(first, rel), served_headers(second, rel)
        by_name = {name.lower(): name for name in [*two, *one]}
        for key, name in sorted(by_name.items()):
            a = next((v for k, v in one.items() if k.lower() == key),
                     (None, None))
            b = next((v for k, v in two.items() if k.lower() == key),
                     (None, None))
            if a[0] != b[0]:
                found.setdefault((
                    first, a[1], name, f"{{rel}} gets {name}: {a[0]!r} from "
                    f"{_where(first, a[1])} but {b[0]!r} from "
                    f"{_where(second, b[1])}.", "Make both files send the "
                    "same value (hosting.rst lists them)."), []).append(rel)
    return _grouped(found, site)


def _inline_elements(page):
    """(element, directive) for each inline ``<style>`` and ``<script>``."""
    for tag, directive in DIRECTIVES.items():
        for element in inline_elements(page.soup.find_all(tag)):
            yield element, directive


def check_inline_hashes(site: Site) -> list[Finding]:
    """Every policy a page gets allows each of its inline ``<style>`` and
    ``<script>`` elements, and one of them lists it by hash (not only
    'unsafe-inline'): the page's own policy its stylesheet
    (events_guide.ext.theme.page_style), the shipped header the search
    page's script (events_guide.ext.theme.policy). Else browsers refuse
    it and the page shows unstyled, or its script does not run; or it is
    allowed as anything injected would be."""
    configs = host_configs(site)
    findings = []
    for rel in sorted(site.pages):
        page = site.page(rel)
        own = own_policies(page)
        headers = [(config, *served_headers(config, rel).get(
            "Content-Security-Policy", (None, None))) for config in configs]
        headers = [(config, policy, line)
                   for config, policy, line in headers if policy is not None]
        for element, directive in _inline_elements(page):
            text = element.string or ""
            source = inline_hash(text)
            where = (f"{rel} line {element.sourceline} has an inline "
                     f"<{element.name}> with hash {source}")
            refused = False
            for config, policy, line in headers:
                if allows_inline(policy, directive, text):
                    continue
                refused = True
                findings.append(_host_file_finding(
                    site, config, line, rel, source,
                    f"{where}, which the {directive} of the "
                    f"Content-Security-Policy from {config.source} does "
                    "not allow: browsers refuse it.", _REBUILD))
            for policy, line in own:
                if allows_inline(policy, directive, text):
                    continue
                refused = True
                findings.append(_page_policy_finding(
                    rel, line, source, f"{where}, which the page's own "
                    f"Content-Security-Policy (line {line}) does not "
                    "allow: browsers refuse it."))
            listed = any(source in sources(policy, directive) for policy in
                         [policy for _, policy, _ in headers]
                         + [policy for policy, _ in own])
            if not refused and not listed:
                findings.append(_page_policy_finding(
                    rel, element.sourceline, source, f"{where}, which no "
                    "policy lists by its hash: it is allowed only as "
                    "anything injected would be ('unsafe-inline')."))
    return sort_findings(findings)


_REBUILD = ("Build the guide again (the build gives each page a policy of "
            "its own for its stylesheet, written by _templates/layout.html "
            "as events_guide_style_policy, and lists inline scripts in "
            "_headers and .htaccess); do not edit pages or host files "
            "after the build. A page whose template writes no policy of its "
            "own needs one.")


def _page_policy_finding(rel, line, source, what) -> Finding:
    return Finding(file=rel, line=line, html=rel, check="page-policy",
                   subject=source, what=what, fix=_REBUILD)


HEADER_CHECKS = (check_security_headers, check_content_types,
                 check_hosts_agree, check_inline_hashes)
