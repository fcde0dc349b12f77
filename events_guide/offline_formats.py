"""Sphinx extension: the EPUB uses its own theme's stylesheet.

``html_style`` names the web site's single stylesheet, which
``events_guide.theme_tuning`` writes for sphinx-rtd-theme only. The EPUB
builder uses Sphinx's ``epub`` theme and would otherwise link a stylesheet
that is not in the book (epubcheck: RSC-007). For EPUB builds this drops
``html_style`` so the epub theme's own ``epub.css`` is used.
"""

from __future__ import annotations


def _on_builder_inited(app):
    if app.builder.name != "epub" or app.config.html_style is None:
        return
    app.config.html_style = None
    app.builder.init_css_files()


def setup(app):
    # Before other extensions look at the builder's stylesheets.
    app.connect("builder-inited", _on_builder_inited, priority=100)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
