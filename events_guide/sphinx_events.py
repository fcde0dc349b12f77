"""Sphinx extension that renders the guide's event data (STUB).

Directives (the names are fixed; the content pages already use them):

``.. event-comparison::``      the kinds side by side
``.. event-glance:: KIND``     a kind's "at a glance" box
``.. event-history:: KIND``    a kind's past and future events, newest first
``.. next-event:: KIND``       the next event of a kind, or "none announced"
``.. event-feeds:: [KIND]``    subscribe/download links for the feeds

This stub renders a placeholder so the pages build while the real
implementation is written.
"""

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class _Placeholder(SphinxDirective):
    optional_arguments = 1
    has_content = False

    def run(self):
        para = nodes.paragraph(text=f"[{self.name} {' '.join(self.arguments)}]")
        return [para]


def setup(app):
    for name in ("event-comparison", "event-glance", "event-history",
                 "next-event", "event-feeds"):
        app.add_directive(name, _Placeholder)
    return {"version": "0.1", "parallel_read_safe": True,
            "parallel_write_safe": True}
