"""The guide's HTML translator: Sphinx's, with five changes for readers.

* Every table sits in a ``<div class="wy-table-responsive">`` that scrolls
  sideways by itself (the theme's script did this in the browser), made a
  labelled, keyboard-focusable region (``role="region"``, ``tabindex="0"``,
  ``aria-label`` from the table's caption) so keyboard users can scroll it.
* Each body cell of a table with a header row names its column
  (``data-label``), so that on a narrow screen a row reads as a card of
  labelled lines instead of a table wider than the screen (reader.css).
* The toctree captions (``<p class="caption" role="heading">``) get the
  ``aria-level`` that ARIA requires with that role: they head lists of
  pages below the page title, so level 2.
* Markup that nobody sees or hears is left out, so that the biggest pages
  stay small: the ``<p>`` around a table cell's only paragraph (reader.css
  gives the cell the paragraph's line height), the ``row-odd``/``row-even``
  classes (the theme stripes rows with ``:nth-child``), and the brackets
  around footnote reference numbers, which the theme hides
  (``.footnote-reference > span.fn-bracket {display: none}``).

Registered for the web builders only (``html``, ``dirhtml``); the EPUB keeps
Sphinx's own translator.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from ...published import WEB_BUILDERS


class GuideHTMLTranslator(HTML5Translator):
    """Sphinx's HTML5 translator with the changes the module lists."""

    def visit_table(self, node: nodes.table) -> None:
        # Each body cell names its column (data-label), so that on a phone
        # reader.css can show a row as a card of labelled lines.
        head = next(iter(node.findall(nodes.thead)), None)
        self._column_labels = [
            [entry.astext().strip() for entry in row.children]
            for row in (head.children if head is not None else [])][-1:]
        title = next(iter(node.findall(nodes.title)), None)
        caption = title.astext().strip() if title is not None else ""
        label = f"Table: {caption}" if caption else "Table"
        self.body.append(
            '<div class="wy-table-responsive" role="region" tabindex="0" '
            f'aria-label="{html.escape(label)}">')
        super().visit_table(node)

    def depart_table(self, node: nodes.table) -> None:
        self._table_row_indices.pop()
        self.body.append("</table></div>\n")
        self.report_messages(node)

    def visit_row(self, node: nodes.row) -> None:
        self._table_row_indices[-1] += 1
        self.body.append(self.starttag(node, "tr", ""))
        node.column = 0  # read by visit_entry

    def visit_entry(self, node: nodes.entry) -> None:
        super().visit_entry(node)
        labels = getattr(self, "_column_labels", None)
        if not labels or isinstance(node.parent.parent, nodes.thead):
            return
        column = node.parent.column - 1  # visit_entry counted this cell
        if 0 <= column < len(labels[0]) and labels[0][column]:
            tag = self.body[-1]
            self.body[-1] = tag.replace(
                "<td", f'<td data-label="{html.escape(labels[0][column])}"',
                1)

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        if _lone_plain_paragraph_in_cell(node):
            return
        super().visit_paragraph(node)

    def depart_paragraph(self, node: nodes.paragraph) -> None:
        if _lone_plain_paragraph_in_cell(node):
            return
        super().depart_paragraph(node)

    def visit_footnote_reference(self, node: nodes.footnote_reference
                                 ) -> None:
        if self.settings.footnote_references != "brackets":
            super().visit_footnote_reference(node)
            return
        self.body.append(self.starttag(
            node, "a", suffix="", classes=["footnote-reference", "brackets"],
            role="doc-noteref", href="#" + node["refid"]))

    def depart_footnote_reference(self, node: nodes.footnote_reference
                                  ) -> None:
        if self.settings.footnote_references != "brackets":
            super().depart_footnote_reference(node)
            return
        self.body.append("</a>")

    def visit_title(self, node: nodes.title) -> None:
        if not (isinstance(node.parent, addnodes.compact_paragraph)
                and node.parent.get("toctree")):
            super().visit_title(node)
            return
        # Sphinx's own markup for a toctree caption, with aria-level.
        self.body.append(self.starttag(
            node, "p", "", CLASS="caption", ROLE="heading",
            **{"aria-level": "2"}))
        self.body.append('<span class="caption-text">')
        self.context.append("</span></p>\n")


def _lone_plain_paragraph_in_cell(node: nodes.paragraph) -> bool:
    """True for a table cell's only child, a paragraph without id or
    class (its tag would add nothing)."""
    return (isinstance(node.parent, nodes.entry) and len(node.parent) == 1
            and not node.get("ids") and not node.get("classes"))


def setup_translator(app: Sphinx) -> None:
    """Use the guide's translator for the web builders."""
    for builder in WEB_BUILDERS:
        app.set_translator(builder, GuideHTMLTranslator, override=True)
