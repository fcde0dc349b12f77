"""Claims in a page's prose that cite no source.

A paragraph, list item, definition, field or table row that states a date
or a figure (``events_guide.claims``) must hold a footnote reference
itself: a Sources section somewhere on the page is not enough.
"""

from __future__ import annotations

from docutils import nodes

from ...claims import ambiguous_date, find_claim
from ...evidence import FROM_DATA
from ..doctree import ancestors

#: Blocks that carry their own citation; the innermost one counts.
CLAIM_UNITS = (nodes.list_item, nodes.row, nodes.field,
               nodes.definition_list_item)
#: Blocks that count when no claim unit holds the text.
TEXT_BLOCKS = (nodes.paragraph, nodes.line, nodes.term)
#: Text in these is not a claim of the page's prose.
NOT_PROSE = (nodes.footnote, nodes.citation, nodes.literal_block,
             nodes.literal, nodes.raw, nodes.comment, nodes.title,
             nodes.docinfo, nodes.target, nodes.substitution_definition,
             nodes.footnote_reference, nodes.citation_reference,
             nodes.caption, nodes.field_name)


def _not_prose(node) -> bool:
    if isinstance(node, NOT_PROSE):
        return True
    if isinstance(node, nodes.reference) and node.astext() == node.get(
            "refuri"):
        return True  # a bare URL is an address, not a claim
    return isinstance(node, nodes.Element) and bool(node.get(FROM_DATA))


def claim_unit(text_node):
    """The block that must cite the claim in *text_node*, or None when the
    text is not the page's own prose."""
    above = list(ancestors(text_node))
    if any(map(_not_prose, above)):
        return None
    for kinds in (CLAIM_UNITS, TEXT_BLOCKS):
        for ancestor in above:
            if isinstance(ancestor, kinds):
                return ancestor
    return text_node.parent


def cites(unit) -> bool:
    return next(unit.findall(lambda n: isinstance(
        n, (nodes.footnote_reference, nodes.citation_reference))),
        None) is not None


def dates_in_figures(doctree):
    """(node, claim) for each date of the page's prose written in figures
    only (``12/05/2026``), cited or not: readers read it two ways."""
    for text_node in list(doctree.findall(nodes.Text)):
        claim = ambiguous_date(str(text_node))
        if claim is not None and claim_unit(text_node) is not None:
            yield text_node.parent, claim


def uncited_claims(doctree):
    """(node, claim) once per block that states a claim it does not cite."""
    reported = set()
    for text_node in list(doctree.findall(nodes.Text)):
        claim = find_claim(str(text_node))
        if claim is None:
            continue
        unit = claim_unit(text_node)
        if unit is None or id(unit) in reported or cites(unit):
            continue
        reported.add(id(unit))
        yield text_node.parent, claim
