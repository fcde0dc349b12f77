"""Which builders the theme extension changes: the web ones only
(:data:`events_guide.published.WEB_BUILDERS`, whose pages readers open in
a browser with this theme); the EPUB and the others keep what Sphinx
gives them."""

from __future__ import annotations

import functools

from sphinx.application import Sphinx

from ...published import WEB_BUILDERS

__all__ = ["web_only"]


def web_only(handler):
    """An event handler that runs for the web builders only."""
    @functools.wraps(handler)
    def for_web_builders(app: Sphinx, *args):
        if app.builder.name in WEB_BUILDERS:
            return handler(app, *args)
        return None
    return for_web_builders
