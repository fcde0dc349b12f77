"""Text as a quote is compared: the words, not their markup or typography.

A page is reduced to the words a reader sees (HTML tags dropped; for a raw
Markdown, RST or YAML file, its markup characters and YAML keys dropped);
both page and quote then lose case, typographic quotes and dashes, and runs
of white space, so that only a real change of words makes a quote missing.
"""

from __future__ import annotations

import html
import re
import unicodedata

from bs4 import BeautifulSoup

_TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"',
    "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2012": "-",
    "\u2212": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "\u2026": "...",
})
#: Markdown/RST emphasis, headings, quotes, tables and list bullets.
_MARKUP = re.compile(r"[*_`#>|]+")
#: A YAML key at the start of a line (front matter of the website's pages).
_YAML_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z][\w-]*:(?:\s+[>|][+-]?)?\s",
                       re.M)
_SPACE = re.compile(r"\s+")
#: A Markdown link or image, ``[text](address "title")``: its text stays.
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LOOKS_LIKE_HTML = re.compile(r"<(?:html|body|div|p|span|a|h[1-6]|li)\b",
                              re.I)


def normalise(text: str) -> str:
    """Case, typography, markup characters and white space folded."""
    text = unicodedata.normalize("NFKC", html.unescape(text))
    text = _MARKUP.sub(" ", text.translate(_TYPOGRAPHY))
    return _SPACE.sub(" ", text).strip().casefold()


def page_text(body: str, content_type: str = "") -> str:
    """The normalised words of a fetched page or raw file."""
    if "html" in content_type or _LOOKS_LIKE_HTML.search(body[:5000]):
        soup = BeautifulSoup(body, "lxml")
        for tag in soup(["script", "style", "noscript", "template"]):
            tag.decompose()
        body = soup.get_text(" ")
    else:
        # A Markdown link or image reads as its text: [text](address).
        body = _MARKDOWN_LINK.sub(r"\1", body)
        body = _YAML_KEY.sub(" ", body)
    # Inline HTML inside a raw Markdown file, and what a tag split apart.
    body = re.sub(r"<[^>]+>", " ", body)
    return normalise(body)
