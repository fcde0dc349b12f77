"""Each page's own stylesheet, inline in its ``<head>``.

A page paints only when it has its CSS. A linked stylesheet is one more
request after the HTML, one more round trip on a slow link; so each page
carries, in a ``<style>`` element, exactly the rules of the guide's
stylesheet (:mod:`.stylesheet`) that can match its markup (:mod:`.purge`).

To know its markup, the page is rendered once with an empty style (the
same template and context Sphinx renders next), its rules are purged
against that HTML, and the template (``_templates/layout.html``) writes
them as ``events_guide_style``. The ``<style>`` contents differ from page
to page; :mod:`.policy` lists their hashes in the shipped
Content-Security-Policy.

Since the pages carry the stylesheet, a change to it (a new reader.css,
a new theme version) makes every page out of date, also in an incremental
build: the environment remembers the stylesheet's fingerprint.

Setting ``events_guide_theme_purge = False`` inlines the whole stylesheet
(for looking into a styling problem).
"""

from __future__ import annotations

import hashlib
import weakref

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from .css import rules_text
from .purge import Purger
from .stylesheet import guide_stylesheet
from .web import web_only

#: The compiled stylesheet of each running build.
_PURGERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

#: The template variable that holds a page's stylesheet.
STYLE_VARIABLE = "events_guide_style"
#: The page whose scripts add markup (search results) to style.
SEARCH_PAGE = "search"
#: Where the environment keeps the stylesheet's fingerprint.
FINGERPRINT = "events_guide_theme_stylesheet"


def prepare_stylesheet(app: Sphinx) -> None:
    """Read and compile the guide's stylesheet once per build."""
    _PURGERS[app] = Purger(guide_stylesheet(app))


def outdated_by_stylesheet(app: Sphinx, env, added, changed, removed):
    """Every page, when the stylesheet changed since the last build."""
    if app not in _PURGERS:  # not a web builder
        return []
    text = rules_text(_PURGERS[app].rules)
    fingerprint = hashlib.sha256(text.encode("utf-8")).hexdigest()
    previous = getattr(env, FINGERPRINT, None)
    setattr(env, FINGERPRINT, fingerprint)
    return sorted(env.found_docs) if previous != fingerprint else []


def page_stylesheet(app: Sphinx, pagename: str, html: str) -> str:
    """The CSS text one page needs, given its HTML."""
    purger = _PURGERS[app]
    if not app.config.events_guide_theme_purge:
        return rules_text(purger.rules)
    rules = purger.page_rules(html, script_markup=pagename == SEARCH_PAGE)
    return rules_text(rules)


def add_page_style(app, pagename, templatename, context, doctree) -> None:
    """Put the page's stylesheet into its template context (see the
    module)."""
    context[STYLE_VARIABLE] = ""
    html = app.builder.templates.render(templatename, context)
    style = page_stylesheet(app, pagename, html)
    if "</" in style:
        raise ExtensionError(
            f"events_guide.ext.theme: the stylesheet of page {pagename!r} "
            "contains '</', which would end its <style> element early; "
            "remove it from the CSS (in a string, write '<\\/').")
    context[STYLE_VARIABLE] = style


def setup_page_style(app: Sphinx) -> None:
    app.add_config_value("events_guide_theme_purge", True, "html",
                         types=(bool,))
    app.connect("builder-inited", web_only(prepare_stylesheet))
    app.connect("env-get-outdated", outdated_by_stylesheet)
    # Last, once every other extension has made its changes to the page.
    app.connect("html-page-context", web_only(add_page_style), priority=999)
