"""The inventory of published URLs: what readers may have bookmarked.

Every URL the guide has published must keep working. The committed file
``tests/published-urls.txt`` lists them, one path per line relative to the
site root (``summit.html``, ``contributing/index.html``, ``sitemap.xml``,
``feeds/summit.ics``). The test suite compares it with a fresh build:

* a listed URL with no file in the build has disappeared: add a redirect
  for it in ``doc/source/redirects.txt`` (the redirect page then exists at
  the old path);
* a file in the build that is not listed is new: regenerate the inventory
  in the same patch.

Regenerate the inventory after building the guide::

    python -m events_guide.url_inventory doc/build/html > tests/published-urls.txt

Check a build against the inventory (exit status 1 and one line per
problem)::

    python -m events_guide.url_inventory doc/build/html --check tests/published-urls.txt
"""

from __future__ import annotations

import argparse
import dataclasses
import pathlib
import posixpath
import re
import sys

#: Folders of the build that hold assets or copies, not published pages.
ASSET_DIRS = ("_static", "_sources", "_images", "_downloads")
#: Single files outside ``*.html`` that are published URLs.
EXTRA_FILES = ("sitemap.xml",)
#: Folders whose every file is a published URL (the calendar feeds).
PUBLISHED_DIRS = ("feeds",)

REGENERATE = ("python -m events_guide.url_inventory doc/build/html "
              "> tests/published-urls.txt")

HEADER = f"""\
# Every URL the guide publishes, one path per line relative to
# https://docs.openstack.org/events-guide/ (checked by
# tests/test_publishing.py). A path may never vanish: when a page moves or
# goes away, add a redirect to doc/source/redirects.txt. Regenerate after a
# build (tox -e docs) and commit with the patch that changes the pages:
#   {REGENERATE}
"""

# The same "from to" grammar sphinxext-rediraffe reads (quoted or bare).
_REDIRECT_LINE = re.compile(
    r"(?:(\"|')(.*?)\1|(\S+))\s+(?:(\"|')(.*?)\4|(\S+))")
_REFRESH_URL = re.compile(r'http-equiv="refresh"\s+content="0;\s*url=([^"]+)"')


def published_urls(html_dir: pathlib.Path) -> list[str]:
    """The sorted URL paths a built site publishes."""
    html_dir = pathlib.Path(html_dir)
    if not html_dir.is_dir():
        raise FileNotFoundError(
            f"{html_dir} is not a folder; build the guide first (tox -e docs "
            "builds into doc/build/html)")
    urls = set()
    for path in html_dir.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(html_dir).as_posix()
        top = rel.split("/", 1)[0]
        if top in ASSET_DIRS:
            continue
        if (rel.endswith(".html") or rel in EXTRA_FILES
                or (top in PUBLISHED_DIRS and "/" in rel)):
            urls.add(rel)
    return sorted(urls)


def read_inventory(path: pathlib.Path) -> list[str]:
    """The URL paths listed in an inventory file (comments skipped)."""
    urls = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            urls.append(line)
    return urls


def format_inventory(urls) -> str:
    return HEADER + "".join(f"{url}\n" for url in sorted(urls))


@dataclasses.dataclass(frozen=True)
class Comparison:
    missing: list[str]   # listed, but gone from the build
    new: list[str]       # built, but not listed

    def problems(self, inventory_name="tests/published-urls.txt"):
        """Readable, sorted messages, one per URL."""
        messages = [
            f"{url}: published URL is listed in {inventory_name} but the "
            "build has no such file; keep it working by appending a "
            "redirect to doc/source/redirects.txt (for example "
            f'"{_source_name(url)}" "new-page.rst")'
            for url in self.missing
        ]
        messages += [
            f"{url}: new URL is not listed in {inventory_name}; regenerate "
            f"the inventory in this patch: {REGENERATE}"
            for url in self.new
        ]
        return messages


def _source_name(url: str) -> str:
    return url[:-len(".html")] + ".rst" if url.endswith(".html") else url


def compare(inventory, published) -> Comparison:
    inventory, published = set(inventory), set(published)
    return Comparison(missing=sorted(inventory - published),
                      new=sorted(published - inventory))


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
    return re.sub(r"\.(rst|txt)$", "", source_path) + ".html"


def read_redirects(path: pathlib.Path) -> list[Redirect]:
    """The redirects in ``redirects.txt``; unreadable lines raise ValueError
    naming the file and line."""
    return parse_redirects(pathlib.Path(path).read_text(encoding="utf-8"),
                           str(path))


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


def redirect_problems(html_dir: pathlib.Path, redirects,
                      redirects_name="doc/source/redirects.txt") -> list[str]:
    """Each redirect's page must exist and send readers to a built page."""
    html_dir = pathlib.Path(html_dir)
    problems = []
    for redirect in redirects:
        where = f"{redirects_name}:{redirect.line}"
        page = html_dir / redirect.source_url
        target = html_dir / redirect.target_url
        if not target.is_file():
            problems.append(
                f"{where}: redirect target {redirect.target_url} is not in "
                "the build; point the redirect at an existing page")
        if not page.is_file():
            problems.append(
                f"{where}: no redirect page at {redirect.source_url}; is "
                "sphinxext.rediraffe enabled and the old page's source "
                "removed?")
            continue
        html = page.read_text(encoding="utf-8")
        match = _REFRESH_URL.search(html)
        if match is None:
            problems.append(
                f"{where}: {redirect.source_url} is not a redirect page (a "
                "page with that name still exists; remove its source or the "
                "redirect)")
            continue
        lands_on = posixpath.normpath(posixpath.join(
            posixpath.dirname(redirect.source_url), match.group(1)))
        if lands_on != redirect.target_url:
            problems.append(
                f"{where}: {redirect.source_url} sends readers to {lands_on}, "
                f"not {redirect.target_url}")
    return sorted(problems)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m events_guide.url_inventory",
        description="Print the inventory of published URLs of a built "
                    "site, or check a built site against an inventory.")
    parser.add_argument("html_dir", type=pathlib.Path,
                        help="the built HTML folder, e.g. doc/build/html")
    parser.add_argument("--check", metavar="INVENTORY", type=pathlib.Path,
                        help="compare with this inventory file instead of "
                             "printing one")
    args = parser.parse_args(argv)
    try:
        urls = published_urls(args.html_dir)
        if args.check is None:
            sys.stdout.write(format_inventory(urls))
            return 0
        problems = compare(read_inventory(args.check), urls).problems(
            str(args.check))
    except (OSError, ValueError) as error:
        print(f"url_inventory: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
