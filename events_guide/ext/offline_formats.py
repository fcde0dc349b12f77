"""Sphinx extension: the builders other than the web ones get what suits
them.

The single-page HTML builder writes one page and nothing else, neither
the search page nor the general index that Sphinx's templates link to:
its page does not link to them (``hasdoc`` says they are not there).

The EPUB is built with the plain ``epub`` theme.

The web site's look comes from sphinx-rtd-theme plus our overrides: the
templates in ``doc/source/_templates`` (written against that theme's
``layout.html``) and the stylesheet that ``events_guide.ext.theme`` puts
into each page of the web build only. Neither fits Sphinx's ``epub``
theme: the overrides would break its XHTML (epubcheck
RSC-016) and the stylesheet would not be in the book (RSC-007).

For EPUB builds this extension therefore drops ``templates_path`` and
``html_style`` and reloads the builder's templates and stylesheets, so the
book uses the epub theme as Sphinx ships it.
"""

from __future__ import annotations

from sphinx.util import logging

from ..published import (GENERAL_INDEX_PAGE, SEARCH_PAGE,
                         SINGLE_PAGE_BUILDER)

logger = logging.getLogger(__name__)


def _on_builder_inited(app):
    if app.builder.name != "epub":
        return
    app.config.templates_path = []
    app.config.html_style = None
    app.builder.init_templates()
    app.builder.init_css_files()
    logger.info("events_guide.ext.offline_formats: EPUB uses the plain epub "
                "theme (no web templates or stylesheet)")


#: Pages Sphinx's templates link to that the single-page builder never
#: writes.
_NOT_IN_A_SINGLE_PAGE = (GENERAL_INDEX_PAGE, SEARCH_PAGE)


def _on_html_page_context(app, pagename, templatename, context, doctree):
    if app.builder.name != SINGLE_PAGE_BUILDER or "hasdoc" not in context:
        return
    hasdoc = context["hasdoc"]
    context["hasdoc"] = lambda name: (name not in _NOT_IN_A_SINGLE_PAGE
                                      and hasdoc(name))


def setup(app):
    # Before other extensions look at the builder's templates or styles.
    app.connect("builder-inited", _on_builder_inited, priority=100)
    app.connect("html-page-context", _on_html_page_context)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
