"""The built site as the checks see it: every page parsed once.

A :class:`Site` is a folder of built HTML plus, when known, the source
folder it was built from and the committed inventory of published URLs.
Each built page (:class:`~.page.Page`) knows its source file (for
``doc/source/summit.rst`` the page ``summit.html``), so that findings can
name the file a contributor edits and the line at fault.
"""

from __future__ import annotations

import functools
import pathlib
import posixpath
import urllib.parse

from .. import published
from ..findings import display_path
from .page import Page, clean_text

__all__ = ["Page", "Site", "clean_text", "load_site"]

#: Source suffixes Sphinx may have read a page from, in the order tried.
SOURCE_SUFFIXES = (".rst", ".md", ".txt")

#: Folders of the build that hold assets, never pages.
_ASSET_PREFIXES = tuple(folder + "/" for folder in published.ASSET_FOLDERS)

#: Generated pages that readers land on: the 404 page (sphinx-notfound-page).
READER_GENERATED_PAGES = (published.html_file(published.NOT_FOUND_PAGE),)


class Site:
    """A built HTML folder and, when known, its source folder."""

    def __init__(self, html_dir, source_dir=None, inventory=None):
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
        #: The committed list of published URLs (see inventory.py), if any.
        self.inventory = pathlib.Path(inventory) if inventory else None
        self.files = frozenset(
            path.relative_to(self.html_dir).as_posix()
            for path in self.html_dir.rglob("*") if path.is_file())
        self.pages = {}
        for rel in sorted(self.files):
            if rel.endswith(".html") and not rel.startswith(_ASSET_PREFIXES):
                self.pages[rel] = Page(self, rel, source=self._source_of(rel))

    @classmethod
    def from_strings(cls, pages: dict[str, str],
                     sources: dict[str, str] | None = None,
                     files=()) -> "Site":
        """A site held in memory: ``pages`` maps ``x.html`` to its HTML,
        ``sources`` maps the same name to the page's RST (for tests)."""
        site = cls.__new__(cls)
        site.html_dir = pathlib.Path("<memory>")
        site.source_dir = site.inventory = None
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

    @property
    def data_pages(self) -> list[Page]:
        """Pages generated from the event data, of every family
        (:data:`events_guide.published.GENERATED_FAMILIES`: year pages,
        event pages): no source file, but read like any page, with the same
        head, in the sitemap and the inventory."""
        return [page for rel, page in self.pages.items()
                if published.family_of(rel) is not None
                and not page.has_source]

    @property
    def published_pages(self) -> list[Page]:
        """Every page search engines and link previews see: those built
        from a source and those generated from the data."""
        return self.source_pages + self.data_pages

    @property
    def reader_pages(self) -> list[Page]:
        """Every page a reader reads: the published ones and the 404
        page."""
        return self.published_pages + [
            self.pages[rel] for rel in READER_GENERATED_PAGES
            if rel in self.pages]

    @functools.cached_property
    def browser_pages(self) -> list[str]:
        """The pages a browser opens for the checks that need one (axe in
        both schemes, the phone layout, console, requests, CSP): every page
        that is not generated from the data, and of each generated family
        one page per distinct inline stylesheet.

        Why that is enough: the pages of one family come from one template
        and differ in their text, links and head, which the static checks
        read on every page; what a browser adds (layout, colours, focus,
        the policy) follows from the template and the stylesheet, so one
        page per stylesheet stands for the others. Of each group the page
        with the longest unbroken word is opened, the one most likely to
        push a phone's layout sideways. So the browser's work grows with
        the templates, not with the number of events."""
        chosen, groups = [], {}
        for rel, page in sorted(self.pages.items()):
            family = published.family_of(rel)
            if family is None or page.has_source:
                chosen.append(rel)
                continue
            style = page.soup.find("style")
            key = (family.name, style.string if style else None)
            groups.setdefault(key, []).append(page)
        for pages in groups.values():
            chosen.append(max(pages, key=lambda page: (
                page.longest_word, page.rel)).rel)
        return sorted(chosen)

    @functools.cached_property
    def event_data(self):
        """The event data the site was built from (``_data/events.yaml``
        and ``kinds.yaml`` of its sources), or None when the site has no
        sources, no data or data that does not load (the build says why).
        """
        from ..data import (DEFAULT_EVENTS_FILE, DEFAULT_KINDS_FILE,
                            EventDataError, load)
        if self.source_dir is None:
            return None
        events = self.source_dir / DEFAULT_EVENTS_FILE
        kinds = self.source_dir / DEFAULT_KINDS_FILE
        if not (events.is_file() and kinds.is_file()):
            return None
        try:
            return load(events, kinds)
        except EventDataError:
            return None

    @property
    def events_file(self) -> str:
        """The events file as findings name it."""
        from ..data import DEFAULT_EVENTS_FILE
        return display_path(self.source_dir / DEFAULT_EVENTS_FILE) \
            if self.source_dir else DEFAULT_EVENTS_FILE

    def page(self, rel: str) -> Page | None:
        return self.pages.get(rel)

    def text(self, rel: str) -> str:
        """The text of a file of the build (a page's HTML, a stylesheet)."""
        page = self.pages.get(rel)
        if page is not None:
            return page.html_text
        return (self.html_dir / rel).read_text(encoding="utf-8",
                                               errors="replace")

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
def _load_site(*paths: str | None) -> Site:
    return Site(*paths)


def load_site(html_dir, source_dir=None, inventory=None) -> Site:
    """A :class:`Site`, shared by every caller in this process, so that a
    test session parses each built page once."""
    return _load_site(*(str(pathlib.Path(path).resolve()) if path else None
                        for path in (html_dir, source_dir, inventory)))
