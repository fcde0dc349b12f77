"""Sphinx extension: the EPUB is built with the plain ``epub`` theme.

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


def setup(app):
    # Before other extensions look at the builder's templates or styles.
    app.connect("builder-inited", _on_builder_inited, priority=100)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
