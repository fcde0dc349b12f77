"""Two edits to the theme's ``layout.html`` that no template block reaches.

The theme ends ``layout.html`` with an inline script and opens its side
navigation with a ``<nav>`` tag, both outside every Jinja block, so a
template override cannot change them. A Jinja preprocessor edits them when
the theme's template is loaded:

* the inline ``SphinxRtdTheme.Navigation.enable`` call goes: a strict
  Content-Security-Policy (no ``'unsafe-inline'``) would block it and log a
  violation on every page, and the theme.js it calls is not shipped;
* the ``<nav>`` becomes a popover with a known ``id``, so the menu button
  (``popovertarget`` in ``_templates/layout.html``) opens and closes it
  without any script.

If a new theme version changes either, the build stops with a message
naming the template and what to update here.
"""

from __future__ import annotations

import re

import jinja2.ext
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from .web import web_only

#: The ``id`` of the side navigation, the menu button's ``popovertarget``.
NAVIGATION_ID = "site-navigation"
#: The theme's side navigation, outside any Jinja block of its layout.
THEME_NAV = '<nav data-toggle="wy-nav-shift" class="wy-nav-side">'
#: The theme's inline navigation script, at the end of its layout.html.
INLINE_NAV_SCRIPT = re.compile(
    r"<script>\s*jQuery\(function \(\) \{\s*"
    r"SphinxRtdTheme\.Navigation\.enable\([^)]*\);\s*\}\);\s*</script>",
    re.S)


class AdaptThemeLayout(jinja2.ext.Extension):
    """The Jinja preprocessor that makes the two edits (see the module)."""

    def preprocess(self, source, name, filename=None):
        if "SphinxRtdTheme.Navigation.enable" not in source:
            return source
        where = filename or name
        source, count = INLINE_NAV_SCRIPT.subn("", source)
        if count != 1:
            raise ExtensionError(
                f"events_guide.ext.theme: {where} has the theme's inline "
                "SphinxRtdTheme.Navigation.enable script in a form this "
                "extension does not know; update INLINE_NAV_SCRIPT in "
                "events_guide/ext/theme/layout.py for this theme version.")
        if source.count(THEME_NAV) != 1:
            raise ExtensionError(
                f"events_guide.ext.theme: {where} has no single "
                f"{THEME_NAV!r} to turn into the menu popover; update "
                "THEME_NAV in events_guide/ext/theme/layout.py for this "
                "theme version.")
        return source.replace(THEME_NAV, popover_nav())


def popover_nav() -> str:
    """The theme's ``<nav>`` tag with the popover attributes."""
    return THEME_NAV[:-1] + f' id="{NAVIGATION_ID}" popover>'


def add_layout_preprocessor(app: Sphinx) -> None:
    """Load the preprocessor into the builder's template environment."""
    app.builder.templates.environment.add_extension(AdaptThemeLayout)


def add_navigation_id(app, pagename, templatename, context, doctree) -> None:
    """For the menu buttons' ``popovertarget`` (_templates/layout.html)."""
    context["navigation_id"] = NAVIGATION_ID


def setup_layout(app: Sphinx) -> None:
    app.connect("builder-inited", web_only(add_layout_preprocessor))
    app.connect("html-page-context", web_only(add_navigation_id),
                priority=900)
