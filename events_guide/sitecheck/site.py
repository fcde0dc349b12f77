"""The built site as the checks see it: every page parsed once.

A :class:`Site` is a folder of built HTML plus, when known, the source
folder it was built from. Each built page knows its source file (for
``doc/source/summit.rst`` the page ``summit.html``), so that findings can
name the file a contributor edits and the line at fault.

Pages that Sphinx or an extension generates without a source file
(``search.html``, ``genindex.html``, ``404.html``) have ``source = None``.
"""

from __future__ import annotations

import functools
import pathlib
import posixpath
import re
import urllib.parse

from bs4 import BeautifulSoup

from ..findings import display_path

#: Source suffixes Sphinx may have read a page from, in the order tried.
SOURCE_SUFFIXES = (".rst", ".md", ".txt")

#: Folders of the build that hold assets, never pages.
ASSET_FOLDERS = ("_static/", "_images/", "_sources/", "_downloads/")

_FIELD = re.compile(r"^:([A-Za-z][\w-]*):\s*(.*?)\s*$")
_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+:.<>_])\1{2,}\s*$")
_SPACES = re.compile(r"\s+")


def clean_text(node) -> str:
    """The visible text of a node, without Sphinx's "¶" heading links."""
    if node is None:
        return ""
    parts = []
    for text in node.find_all(string=True):
        if any(getattr(parent, "name", None) == "a"
               and "headerlink" in (parent.get("class") or [])
               for parent in text.parents):
            continue
        parts.append(str(text))
    return _SPACES.sub(" ", "".join(parts)).strip()


class Page:
    """One built HTML page, parsed on first use."""

    def __init__(self, site: "Site", rel: str, html_text: str | None = None,
                 source_text: str | None = None,
                 source: pathlib.Path | None = None):
        self.site = site
        self.rel = rel
        self._html_text = html_text
        self._source_text = source_text
        self.source = source
        self.docname = rel[:-len(".html")] if self.has_source else None

    # -- identity --------------------------------------------------------

    @property
    def has_source(self) -> bool:
        return self.source is not None or self._source_text is not None

    @property
    def file(self) -> str:
        """What findings name: the source file when there is one."""
        if self.source is not None:
            return display_path(self.source)
        if self._source_text is not None:  # pages given as strings
            return self.rel[:-len(".html")] + ".rst"
        return self.rel

    def __repr__(self):
        return f"<Page {self.rel}>"

    # -- the HTML --------------------------------------------------------

    @functools.cached_property
    def soup(self) -> BeautifulSoup:
        text = self._html_text
        if text is None:
            text = (self.site.html_dir / self.rel).read_text(
                encoding="utf-8", errors="replace")
        # html.parser keeps each tag's line number (lxml's tree does not).
        return BeautifulSoup(text, "html.parser")

    @functools.cached_property
    def ids(self) -> frozenset[str]:
        """Every fragment a link may point at on this page."""
        found = {tag["id"] for tag in self.soup.find_all(id=True)}
        found |= {tag["name"] for tag in self.soup.find_all("a", attrs={
            "name": True})}
        return frozenset(found)

    @functools.cached_property
    def main(self):
        """The page's own content, without the theme's navigation."""
        return (self.soup.find(attrs={"itemprop": "articleBody"})
                or self.soup.find(attrs={"role": "main"})
                or self.soup.body or self.soup)

    def headings(self, container=None):
        """(level, text, tag) for h1-h6 in ``container`` (default: main)."""
        root = self.main if container is None else container
        return [(int(tag.name[1]), clean_text(tag), tag)
                for tag in root.find_all(re.compile(r"^h[1-6]$"))]

    @functools.cached_property
    def title(self) -> str:
        return clean_text(self.soup.title)

    # -- the source ------------------------------------------------------

    @functools.cached_property
    def source_lines(self) -> list[str]:
        if self._source_text is not None:
            return self._source_text.splitlines()
        if self.source is None:
            return []
        return self.source.read_text(encoding="utf-8",
                                     errors="replace").splitlines()

    @functools.cached_property
    def metadata(self) -> dict[str, str]:
        """The file-wide fields at the top of the source
        (``:reviewed: 2026-11-28``, ``:page-kind: event``)."""
        fields: dict[str, str] = {}
        for line in self.source_lines:
            match = _FIELD.match(line)
            if match:
                fields[match.group(1).lower()] = match.group(2)
            elif line.strip() or fields:
                break
        return fields

    def find_line(self, *needles: str) -> int | None:
        """The first source line holding a needle (tried in order): first
        as a whole token (``<url>``, ``"url"``), then anywhere, then
        ignoring case and runs of spaces."""
        for needle in needles:
            if not needle:
                continue
            token = re.compile(r"(?:^|[\s<\"'(`])" + re.escape(needle)
                               + r"(?:$|[\s>\"')`])")
            for number, line in enumerate(self.source_lines, start=1):
                if token.search(line):
                    return number
        for needle in needles:
            if not needle:
                continue
            for number, line in enumerate(self.source_lines, start=1):
                if needle in line:
                    return number
        for needle in needles:  # then ignoring case and runs of spaces
            if not needle or len(needle) < 3:
                continue
            wanted = _SPACES.sub(" ", needle).lower()
            for number, line in enumerate(self.source_lines, start=1):
                if wanted in _SPACES.sub(" ", line).lower():
                    return number
        return None

    def heading_line(self, text: str) -> int | None:
        """The source line of a section title (the text above or between
        its adornment lines), else the first line holding the text."""
        lines = self.source_lines
        for index, line in enumerate(lines):
            if line.strip() != text:
                continue
            below = lines[index + 1] if index + 1 < len(lines) else ""
            if _ADORNMENT.match(below):
                return index + 1
        return self.find_line(text)


class Site:
    """A built HTML folder and, when known, its source folder."""

    def __init__(self, html_dir, source_dir=None):
        self.html_dir = pathlib.Path(html_dir)
        if not self.html_dir.is_dir():
            raise NotADirectoryError(
                f"{self.html_dir}: no such folder; build the guide first "
                "(tox -e docs writes doc/build/html)")
        if not (self.html_dir / "index.html").is_file():
            raise FileNotFoundError(
                f"{self.html_dir}: has no index.html; is this the HTML "
                "output of sphinx-build?")
        self.source_dir = pathlib.Path(source_dir) if source_dir else None
        self.files = frozenset(
            path.relative_to(self.html_dir).as_posix()
            for path in self.html_dir.rglob("*") if path.is_file())
        self.pages = {}
        for rel in sorted(self.files):
            if rel.endswith(".html") and not rel.startswith(ASSET_FOLDERS):
                self.pages[rel] = Page(self, rel, source=self._source_of(rel))

    @classmethod
    def from_strings(cls, pages: dict[str, str],
                     sources: dict[str, str] | None = None,
                     files=()) -> "Site":
        """A site held in memory: ``pages`` maps ``x.html`` to its HTML,
        ``sources`` maps the same name to the page's RST (for tests)."""
        site = cls.__new__(cls)
        site.html_dir = pathlib.Path("<memory>")
        site.source_dir = None
        site.files = frozenset(pages) | frozenset(files)
        sources = sources or {}
        site.pages = {rel: Page(site, rel, html_text=text,
                                source_text=sources.get(rel))
                      for rel, text in sorted(pages.items())}
        return site

    def _source_of(self, rel: str) -> pathlib.Path | None:
        if self.source_dir is None:
            return None
        stem = rel[:-len(".html")]
        for suffix in SOURCE_SUFFIXES:
            candidate = self.source_dir / (stem + suffix)
            if candidate.is_file():
                return candidate
        return None

    # -- views -----------------------------------------------------------

    @property
    def source_pages(self) -> list[Page]:
        """Pages built from a source file: the ones contributors write."""
        return [page for page in self.pages.values() if page.has_source]

    def page(self, rel: str) -> Page | None:
        return self.pages.get(rel)

    @functools.cached_property
    def base_url(self) -> str | None:
        """The published address of the site (from html_baseurl, which
        Sphinx writes as ``<link rel="canonical">``), or None."""
        index = self.pages.get("index.html")
        if index is None:
            return None
        canonical = index.soup.find("link", rel="canonical", href=True)
        url = canonical["href"] if canonical else None
        if not url:
            og_url = index.soup.find("meta", property="og:url",
                                     content=True)
            url = og_url["content"] if og_url else None
        if not url:
            return None
        return url.rsplit("/", 1)[0] + "/"

    def resolve(self, page: Page, path: str) -> str:
        """The build-relative file a relative URL path points at."""
        path = urllib.parse.unquote(path)
        if not path:
            return page.rel
        joined = posixpath.normpath(
            posixpath.join(posixpath.dirname(page.rel), path))
        if path.endswith("/") or joined in ("", "."):
            joined = posixpath.join("" if joined == "." else joined,
                                    "index.html")
        return joined

    def resolve_from_root(self, path: str) -> str | None:
        """The build file a root-absolute path (``/prefix/x.html``) names,
        whatever the prefix the site is served under, or None."""
        segments = urllib.parse.unquote(path).lstrip("/").split("/")
        for start in range(len(segments)):
            candidate = "/".join(segments[start:]) or "index.html"
            if candidate.endswith("/"):
                candidate += "index.html"
            if self.exists(candidate):
                return candidate
        return None

    def exists(self, rel: str) -> bool:
        return rel in self.files or (rel + "/index.html") in self.files


@functools.lru_cache(maxsize=8)
def _load_site(html_dir: str, source_dir: str | None) -> Site:
    return Site(html_dir, source_dir)


def load_site(html_dir, source_dir=None) -> Site:
    """A :class:`Site`, shared by every caller in this process, so that a
    test session parses each built page once."""
    return _load_site(str(pathlib.Path(html_dir).resolve()),
                      str(pathlib.Path(source_dir).resolve())
                      if source_dir else None)
