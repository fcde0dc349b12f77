"""Every footnote is a source: one link, verbatim quotes, a checked date.

Also each footnote as the evidence builder writes it (a
:class:`~events_guide.evidence.SourceNote`, the contract shared with the
event data and the fact-check) and the ``:quote:`` role that marks a
quote.
"""

from __future__ import annotations

from docutils import nodes
from docutils.utils import get_source_line

from ...evidence import (CHECKED, QUOTE_CLASS, SourceNote, checked_problem,
                         quote_problem)
from ...findings import display_path
from ..doctree import ancestors

OPEN, CLOSE = "\u201c", "\u201d"
SOURCE_NODES = (nodes.footnote, nodes.citation)


def quote_role(name, rawtext, text, lineno, inliner, options=None,
               content=None):
    """``:quote:`words``` -> the words in quotation marks, marked up.

    The words as written are kept on the node too (``quote``): the text the
    reader sees goes through smart quotes, the evidence must not."""
    node = nodes.inline(rawtext, f"{OPEN}{text}{CLOSE}",
                        classes=[QUOTE_CLASS])
    node["quote"] = text
    return [node], []


def quotes_in(node) -> list[str]:
    return [quote["quote"] for quote in node.findall(nodes.inline)
            if QUOTE_CLASS in quote["classes"]]


def links_in(node) -> list[nodes.reference]:
    return [ref for ref in node.findall(nodes.reference)
            if ref.get("refuri", "").startswith(("https://", "http://"))]


def footnote_problems(footnote, today) -> list[str]:
    """What a footnote lacks to be a source, as short sentences."""
    problems = []
    links = links_in(footnote)
    if len(links) != 1:
        problems.append(f"it has {len(links)} links where a source has "
                        "exactly one (`Title <https://...>`__)")
    quotes = quotes_in(footnote)
    if not quotes:
        problems.append("it has no :quote:`...` from the source that "
                        "proves the fact")
    problems += filter(None, map(quote_problem, quotes))
    match = CHECKED.search(footnote.astext())
    problems += filter(None, [checked_problem(
        match.group(1) if match else None, today)])
    return problems


def stray_quotes(doctree):
    """Quotes outside any footnote: evidence belongs with its source."""
    for quote in doctree.findall(nodes.inline):
        if QUOTE_CLASS in quote["classes"] and not any(
                isinstance(parent, SOURCE_NODES)
                for parent in ancestors(quote)):
            yield quote


def source_notes(doctree, path) -> list[SourceNote]:
    """The evidence of every footnote on a page (source file *path*)."""
    notes = []
    for footnote in doctree.findall(nodes.footnote):
        links = links_in(footnote)
        if not links:
            continue
        match = CHECKED.search(footnote.astext())
        notes.append(SourceNote(
            file=display_path(path), line=get_source_line(footnote)[1] or 0,
            url=links[0]["refuri"], title=links[0].astext(),
            quotes=tuple(quotes_in(footnote)),
            checked=match.group(1) if match else ""))
    return notes
