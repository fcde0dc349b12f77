"""Sphinx extension: a page's first paragraph is its description.

Every page opens with a summary paragraph (one or two sentences that read
well alone). This extension puts exactly that paragraph into
``<meta name="description">`` and ``og:description`` of the page's HTML.

sphinxext-opengraph does the rest (``og:title``, ``og:url``, ...). On its own
it would describe a page with its first 200 or so characters of text, running
past the summary into the next heading; this hook runs just before it and
hands it the summary instead (opengraph keeps a description that is already
there, and takes ``og:`` fields from the page metadata).

A page with an explicit ``.. meta:: :description:`` keeps it (but the guide's
pages carry none).
"""

from __future__ import annotations

import html
import re

from docutils import nodes

from ..text import tidy_summary
from .doctree import ancestors

_SKIP = (nodes.footnote_reference, nodes.citation_reference, nodes.Invisible,
         nodes.raw)


def summary_of(doctree: nodes.document) -> str | None:
    """The text of the page's first paragraph, on one line, or None."""
    for paragraph in doctree.findall(nodes.paragraph):
        # Only a paragraph of the page body counts (not one in a table,
        # admonition, footnote or field list).
        if not isinstance(paragraph.parent, (nodes.section, nodes.document)):
            continue
        parts = []
        for node in paragraph.findall(nodes.Text):
            if any(isinstance(parent, _SKIP) for parent in ancestors(node)):
                continue
            parts.append(str(node))
        return tidy_summary("".join(parts)) or None
    return None


def _has_meta_description(metatags: str) -> bool:
    return re.search(r'<meta[^>]+name="description"', metatags) is not None


def _on_html_page_context(app, pagename, templatename, context, doctree):
    if doctree is None or app.builder.name == "epub":
        return
    summary = summary_of(doctree)
    if not summary:
        return
    metatags = context.get("metatags", "")
    if not _has_meta_description(metatags):
        context["metatags"] = (
            metatags
            + f'<meta name="description" content="{html.escape(summary)}" />'
            + "\n")
    # A copy: context["meta"] is the environment's own metadata dict.
    meta = dict(context.get("meta") or {})
    # opengraph escapes only quotes in og: fields; escape the rest here.
    meta.setdefault("og:description", html.escape(summary, quote=False))
    context["meta"] = meta


def setup(app):
    # sphinxext-opengraph listens at the default priority (500).
    app.connect("html-page-context", _on_html_page_context, priority=400)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
