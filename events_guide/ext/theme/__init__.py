"""Sphinx extension ``events_guide.ext.theme``: sphinx-rtd-theme made light,
accessible and CSP-clean for readers, without forking it.

One module per concern, each with a ``setup_<x>``-style entry called here:

``stylesheet``  the guide's whole stylesheet (tinycss2): the theme's CSS
                without web fonts, icon font or unused parts, code
                colours, then ``_static/reader.css``; ``rewrite`` and
                ``css`` are its helpers
``purge``       each page's share of it, matched with cssselect2
``page_style``  that share inline in the page's ``<head>``: no request
                before the first paint
``policy``      the inline styles' hashes in the shipped
                Content-Security-Policy (``_headers``, ``.htaccess``)
``translator``  HTML changes where Sphinx makes HTML: scrollable,
                labelled tables; toctree caption levels; less markup
``layout``      the theme template's inline script and menu popover
``assets``      no script on reading pages; unused files removed
``web``         which builders all this applies to

Only the web builders (``html``, ``dirhtml``) are changed; the EPUB keeps
its own theme (``events_guide.ext.offline_formats``). Settings:
``events_guide_theme_css`` (our own CSS files, relative to the source
folder; default none), ``events_guide_theme_pygments_dark_style`` (code
colours in the dark scheme; default ``github-dark``) and
``events_guide_theme_purge`` (each page keeps only the rules it uses;
default True).
"""

from __future__ import annotations

from sphinx.application import Sphinx

from .assets import setup_assets
from .layout import setup_layout
from .page_style import setup_page_style
from .policy import setup_policy
from .stylesheet import setup_stylesheet
from .translator import setup_translator


def setup(app: Sphinx) -> dict:
    setup_stylesheet(app)
    setup_page_style(app)
    setup_policy(app)
    setup_translator(app)
    setup_layout(app)
    setup_assets(app)
    return {"version": "2.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
