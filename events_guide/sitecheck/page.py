"""One built page as the checks see it: its HTML parsed once, its
source file read once, and how to find the source line of a thing seen in
the HTML (a link, a heading, a field).

Pages that Sphinx or an extension generates without a source file
(``search.html``, ``genindex.html``, ``404.html``) have ``source = None``;
findings then name the built file.
"""

from __future__ import annotations

import functools
import gzip
import pathlib
import re

from bs4 import BeautifulSoup

from ..findings import Finding, display_path

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

    def __init__(self, site, rel: str, html_text: str | None = None,
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

    def finding(self, check, subject, what, fix, line=None, *,
                needles=()) -> Finding:
        """A finding about this page, naming its source file and, when it
        is not given, the first source line that holds one of *needles*
        (see :meth:`find_line`)."""
        if line is None and needles and self.has_source:
            line = self.find_line(*needles)
        return Finding(file=self.file, line=line, html=self.rel, check=check,
                       subject=subject, what=what, fix=fix)

    # -- the HTML --------------------------------------------------------

    @functools.cached_property
    def longest_word(self) -> int:
        """The length of the longest run of text without a space in the
        page's main content (an address, a long name)."""
        main = self.soup.find(id="main-content") or self.soup
        return max((len(word) for word in main.get_text(" ").split()),
                   default=0)

    @functools.cached_property
    def html_text(self) -> str:
        if self._html_text is not None:
            return self._html_text
        return (self.site.html_dir / self.rel).read_text(
            encoding="utf-8", errors="replace")

    @property
    def size(self) -> int:
        """Bytes of HTML a reader downloads (uncompressed)."""
        if self._html_text is not None:
            return len(self._html_text.encode("utf-8"))
        return (self.site.html_dir / self.rel).stat().st_size

    def compressed_size(self, level: int) -> int:
        """Bytes of HTML a reader downloads from a host that gzips it at
        compression *level*."""
        data = (self._html_text.encode("utf-8")
                if self._html_text is not None
                else (self.site.html_dir / self.rel).read_bytes())
        return len(gzip.compress(data, compresslevel=level, mtime=0))

    @functools.cached_property
    def soup(self) -> BeautifulSoup:
        # html.parser keeps each tag's line number (lxml's tree does not).
        return BeautifulSoup(self.html_text, "html.parser")

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
