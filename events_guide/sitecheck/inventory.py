"""Addresses that stay put: the inventory of published URLs and the
redirects that keep old ones working.

The committed file ``tests/published-urls.txt`` lists every URL the guide
has published, one path per line relative to the site root
(``summit.html``, ``contributing/index.html``, ``sitemap.xml``,
``feeds/summit.ics``). :func:`check_inventory` compares it with a build:

* a listed URL with no file in the build has disappeared: add a redirect
  for it to ``doc/source/redirects.txt`` (the redirect page then exists at
  the old path);
* a file in the build that is not listed is new: regenerate the inventory
  in the same patch (:data:`REGENERATE`); except the pages generated from
  the event data (every family of :mod:`events_guide.published`: year
  pages, event pages and their calendar files), which appear as events
  are added: a contributor adding an event touches nothing else
  (:func:`unlisted_urls`). A regeneration lists them too, and once listed
  they must keep working like any page.

:func:`check_redirects` checks that each line of ``redirects.txt`` left a
page at the old address that sends readers to the new one.
"""

from __future__ import annotations

import dataclasses
import pathlib
import posixpath
import re

from ..findings import Finding, display_path, sort_findings
from ..published import is_generated, is_published
from .site import Site

#: Where the inventory lives in the repository.
INVENTORY_FILE = "tests/published-urls.txt"
#: The redirects file, relative to the source folder (rediraffe_redirects).
REDIRECTS_FILE = "redirects.txt"

REGENERATE = "tox -e sitecheck -- inventory --write"

HEADER = f"""\
# Every URL the guide publishes, one path per line relative to
# https://docs.openstack.org/events-guide/ (checked by
# python -m events_guide.sitecheck). A path may never vanish: when a page
# moves or goes away, add a redirect to doc/source/redirects.txt.
# Regenerate it in the patch that adds a page:
#   {REGENERATE}
"""

# The same "from to" grammar sphinxext-rediraffe reads (quoted or bare).
_REDIRECT_LINE = re.compile(
    r"(?:(\"|')(.*?)\1|(\S+))\s+(?:(\"|')(.*?)\4|(\S+))")
_REFRESH_URL = re.compile(r'http-equiv="refresh"\s+content="0;\s*url=([^"]+)"')


def published_urls(site: Site) -> list[str]:
    """The sorted URL paths a built site publishes."""
    return sorted(rel for rel in site.files if is_published(rel))


def read_inventory(path) -> dict[str, int]:
    """The URL paths an inventory file lists, each with its line number
    (comments and blank lines skipped)."""
    text = pathlib.Path(path).read_text(encoding="utf-8")
    return {line.strip(): number
            for number, line in enumerate(text.splitlines(), start=1)
            if line.strip() and not line.lstrip().startswith("#")}


def format_inventory(urls) -> str:
    return HEADER + "".join(f"{url}\n" for url in sorted(urls))


def unlisted_urls(listed, built) -> list[str]:
    """The built URLs the inventory must list but does not: every new one
    except those the event data generates (they come with a new event)."""
    return sorted(url for url in set(built) - set(listed)
                  if not is_generated(url))


def check_inventory(site: Site) -> list[Finding]:
    """Every listed URL is still built, and every built URL is listed (or
    generated from the data: :func:`unlisted_urls`)."""
    if site.inventory is None:
        return []
    listed = read_inventory(site.inventory)
    built = set(published_urls(site))
    inventory = display_path(site.inventory)
    findings = [Finding(
        file=inventory, line=line, html=url, check="url-removed",
        subject=url,
        what=f"{url} was published (it is listed in {inventory}) but the "
        "build has no such file.",
        fix="Keep the address working: append a redirect to "
        f'doc/source/{REDIRECTS_FILE}, such as "{_source_name(url)}" '
        '"new-page.rst".')
        for url, line in listed.items() if url not in built]
    for url in unlisted_urls(listed, built):
        page = site.page(url)
        findings.append(Finding(
            file=page.file if page is not None else url, line=None,
            html=url, check="url-not-listed", subject=url,
            what=f"{url} is new: {inventory} does not list it.",
            fix=f"Regenerate the inventory in this patch: {REGENERATE}"))
    return sort_findings(findings)


def _source_name(url: str) -> str:
    return url[:-len(".html")] + ".rst" if url.endswith(".html") else url


# -- redirects ----------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Redirect:
    line: int
    source: str   # old page, as a source path (``old/page.rst``)
    target: str   # new page, as a source path

    @property
    def source_url(self):
        return _page_url(self.source)

    @property
    def target_url(self):
        return _page_url(self.target)


def _page_url(source_path: str) -> str:
    return re.sub(r"\.(rst|txt|md)$", "", source_path) + ".html"


def read_redirects(path) -> list[Redirect]:
    """The redirects in ``redirects.txt``; an unreadable line raises
    ValueError naming the file and line."""
    return parse_redirects(pathlib.Path(path).read_text(encoding="utf-8"),
                           display_path(path))


def parse_redirects(text: str, path: str) -> list[Redirect]:
    """The redirects in the text of a redirects file called ``path``."""
    redirects = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = _REDIRECT_LINE.fullmatch(line)
        if match is None:
            raise ValueError(
                f"{path}:{number}: expected two source paths, old then new, "
                f'like "old-page.rst" "new-page.rst"; got {line!r}')
        redirects.append(Redirect(number, match.group(2) or match.group(3),
                                  match.group(5) or match.group(6)))
    return redirects


def redirects_file(site: Site) -> pathlib.Path | None:
    if site.source_dir is None:
        return None
    path = site.source_dir / REDIRECTS_FILE
    return path if path.is_file() else None


def check_redirects(site: Site, redirects=None) -> list[Finding]:
    """Each redirect left a page at the old address that sends readers to
    a built page (``redirects`` defaults to the source's redirects.txt)."""
    path = redirects_file(site)
    if redirects is None:
        if path is None:
            return []
        redirects = read_redirects(path)
    name = display_path(path) if path else REDIRECTS_FILE
    return sort_findings(
        Finding(file=name, line=redirect.line, html=redirect.source_url,
                check="redirect", subject=redirect.source, what=what,
                fix=fix)
        for redirect in redirects
        for what, fix in _redirect_problems(site, redirect))


def _redirect_problems(site: Site, redirect: Redirect):
    old, new = redirect.source_url, redirect.target_url
    if not site.exists(new):
        yield (f"the redirect's target {new} is not in the build.",
               "Point the redirect at an existing page.")
    if not site.exists(old):
        yield (f"there is no redirect page at {old}.",
               "Enable sphinxext.rediraffe in conf.py and remove the old "
               "page's source.")
        return
    match = _REFRESH_URL.search(site.text(old))
    if match is None:
        yield (f"{old} is not a redirect page: a page with that name is "
               "still built.",
               "Remove the old page's source, or this redirect.")
        return
    lands_on = posixpath.normpath(posixpath.join(posixpath.dirname(old),
                                                 match.group(1)))
    if lands_on != new:
        yield (f"{old} sends readers to {lands_on}, not {new}.",
               "Rebuild from a clean output folder, or correct the line.")
