"""Each page's own stylesheet, inline in its ``<head>``.

A page paints only when it has its CSS. A linked stylesheet is one more
request after the HTML, one more round trip on a slow link; so each page
carries, in a ``<style>`` element, exactly the rules of the guide's
stylesheet (:mod:`.stylesheet`) that can match its markup (:mod:`.purge`).

To know its markup, the page is rendered with a placeholder where its
style goes (the same template and context Sphinx renders next), its rules
are purged against that HTML, and the template
(``_templates/layout.html``) writes them as ``events_guide_style``; the
page Sphinx writes is that same output with the placeholder replaced
(:class:`_RenderedOnce`), so each page is rendered once. The ``<style>``
contents differ from page to page, so each page carries, just before
it, a Content-Security-Policy of its own that allows that stylesheet by
hash (``events_guide_style_policy``, :func:`events_guide.csp.page_policy`,
in a ``<meta http-equiv>``): the shipped headers stay the same size
however many pages and stylesheets there are.

Since the pages carry the stylesheet, a change to it (a new reader.css,
a new theme version) makes every page out of date, also in an incremental
build: the environment remembers the stylesheet's fingerprint.

Purging is most of a build's writing time, and every build rewrites every
page (:mod:`events_guide.ext.whole_site`), though an edit changes one. So
each page's result is kept in the doctree folder
(``events_guide_page_styles.json``) under the hash of the stylesheet and
of the page's HTML: a page whose HTML did not change gets the same CSS
without being matched again. The key holds everything the result
depends on, so a kept result is never stale; entries no page used in a
build are dropped when it ends. A process that builds more than once
(the test session builds the guide several times) also keeps the most
recent results in memory under the same keys.

Setting ``events_guide_theme_purge = False`` inlines the whole stylesheet
(for looking into a styling problem).
"""

from __future__ import annotations

import functools
import hashlib
import json
import weakref

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ...csp import page_policy
from ...published import PAGES_WITH_SCRIPTS
from .css import RulesText
from .purge import Purger
from .stylesheet import guide_stylesheet, stylesheet_sources
from .web import web_only

#: The stylesheet, compiled (see :func:`_compiled`), and the purged CSS of
#: each running build.
_PURGERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

#: The template variable that holds a page's stylesheet.
STYLE_VARIABLE = "events_guide_style"
#: The template variable that holds the page's own policy, which allows
#: that stylesheet.
POLICY_VARIABLE = "events_guide_style_policy"
#: Where the environment keeps the stylesheet's fingerprint.
FINGERPRINT = "events_guide_theme_stylesheet"


#: How the keys of results kept by a page's skeleton begin (the others
#: are the hash of a page's HTML).
SKELETON_KEY = "skeleton:"
#: The file in the doctree folder that keeps each page's purged CSS.
CACHE_FILE = "events_guide_page_styles.json"
#: Purged CSS by key, kept in memory across the builds of one process.
_IN_MEMORY: dict[str, str] = {}
#: How many results stay in memory (a few builds' pages, by HTML and by
#: skeleton; pages with one result share one string).
IN_MEMORY_LIMIT = 4000


@functools.lru_cache(maxsize=2)
def _compiled(sources: tuple[str, str, str]
              ) -> tuple[Purger, RulesText, str]:
    """The stylesheet made of ``sources``, parsed and compiled for the
    purge, its serializer and its fingerprint: once per process for the
    same sources (the test session builds the guide several times)."""
    purger = Purger(guide_stylesheet(sources))
    text = RulesText()
    return purger, text, hashlib.sha256(
        text(purger.rules).encode("utf-8")).hexdigest()


class _PurgedStyles:
    """Each page's purged CSS, by the hash of the stylesheet and the page's
    HTML, kept from one build to the next (see the module)."""

    def __init__(self, app: Sphinx):
        self.purger, self.text, self.fingerprint = _compiled(
            stylesheet_sources(app))
        # What the skeletons remember holds every distinct element of the
        # last build's pages: start each build afresh.
        self.purger.skeletons.forget()
        self.path = app.doctreedir / CACHE_FILE
        try:
            self.kept = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.kept = {}
        self.used: dict[str, str] = {}

    def _known(self, key: str) -> str | None:
        if key not in self.kept:
            found = _IN_MEMORY.pop(key, None)
            if found is None:
                return None
            self.kept[key] = found
        return self.kept[key]

    def _keep(self, key: str, css: str) -> str:
        self.kept[key] = self.used[key] = _IN_MEMORY[key] = css
        while len(_IN_MEMORY) > IN_MEMORY_LIMIT:  # the least recent first
            del _IN_MEMORY[next(iter(_IN_MEMORY))]
        return css

    def css(self, html: str, script_markup: bool) -> str:
        """The page's CSS: kept under the hash of its HTML (an unchanged
        page is not even parsed), else under its skeleton (a page of a
        family whose skeleton another page had), else matched."""
        key = hashlib.sha256(f"{self.fingerprint}\0{script_markup}\0{html}"
                             .encode("utf-8")).hexdigest()
        css = self._known(key)
        if css is None:
            root = self.purger.parse(html, script_markup)
            shape = SKELETON_KEY + hashlib.sha256(
                f"{self.fingerprint}\0{self.purger.skeleton(root)}"
                .encode("utf-8")).hexdigest()
            css = self._known(shape)
            if css is None:
                css = self.text(self.purger.rules_of(root))
            self._keep(shape, css)
        return self._keep(key, css)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.used, sort_keys=True),
                             encoding="utf-8")


def prepare_stylesheet(app: Sphinx) -> None:
    """Read the guide's stylesheet at the start of a build (compiled
    again only when its sources changed since the process compiled it)."""
    _PURGERS[app] = _PurgedStyles(app)


def keep_purged_styles(app: Sphinx, exception) -> None:
    """Keep this build's purged CSS for the next one (if it succeeded)."""
    if exception is None and app in _PURGERS and _PURGERS[app].used:
        _PURGERS[app].save()


def outdated_by_stylesheet(app: Sphinx, env, added, changed, removed):
    """Every page, when the stylesheet changed since the last build."""
    if app not in _PURGERS:  # not a web builder
        return []
    fingerprint = _PURGERS[app].fingerprint
    previous = getattr(env, FINGERPRINT, None)
    setattr(env, FINGERPRINT, fingerprint)
    return sorted(env.found_docs) if previous != fingerprint else []


def page_stylesheet(app: Sphinx, pagename: str, html: str) -> str:
    """The CSS text one page needs, given its HTML."""
    styles = _PURGERS[app]
    if not app.config.events_guide_theme_purge:
        return styles.text(styles.purger.rules)
    return styles.css(html, script_markup=pagename in PAGES_WITH_SCRIPTS)


def figure_stylesheet(app: Sphinx, html: str) -> str:
    """The rules of the guide's stylesheet that a figure drawn as a file
    of its own uses (an image does not see its page's stylesheet), given
    the figure inside a bare page; empty when the theme is not in use."""
    if app not in _PURGERS:
        return ""
    return page_stylesheet(app, "", html)


#: What the template writes in the ``<style>`` element while the page is
#: rendered for its purge; a NUL never occurs in a page's HTML.
PLACEHOLDER = "\0events-guide-page-style\0"
#: What the template writes as the page's own policy meanwhile.
POLICY_PLACEHOLDER = "\0events-guide-page-policy\0"
#: The context key that hands the page rendered for its purge to
#: :class:`_RenderedOnce`.
_RENDERED = "events_guide_rendered"


class _RenderedOnce:
    """The builder's template loader, which renders each page once.

    :func:`add_page_style` renders a page to learn its markup, with a
    placeholder where its stylesheet goes; Sphinx then renders the same
    template with the same context again to write the page. This loader
    answers that second call with the first output, the placeholder
    replaced by the stylesheet (the template writes the variable as it
    is, once), and passes every other call to the loader it wraps.
    """

    def __init__(self, loader):
        self._loader = loader

    def __getattr__(self, name):
        return getattr(self._loader, name)

    def render(self, template, context):
        rendered = context.pop(_RENDERED, None) if isinstance(
            context, dict) else None
        if rendered is not None and rendered[0] == template:
            return rendered[1]
        return self._loader.render(template, context)


def add_page_style(app, pagename, templatename, context, doctree) -> None:
    """Put the page's stylesheet into its template context (see the
    module)."""
    context[STYLE_VARIABLE] = PLACEHOLDER
    context[POLICY_VARIABLE] = POLICY_PLACEHOLDER
    html = app.builder.templates.render(templatename, context)
    style = page_stylesheet(app, pagename, html)
    if "</" in style:
        raise ExtensionError(
            f"events_guide.ext.theme: the stylesheet of page {pagename!r} "
            "contains '</', which would end its <style> element early; "
            "remove it from the CSS (in a string, write '<\\/').")
    policy = page_policy(style)
    context[STYLE_VARIABLE], context[POLICY_VARIABLE] = style, policy
    if html.count(PLACEHOLDER) == 1 and \
            html.count(POLICY_PLACEHOLDER) != 1:
        raise ExtensionError(
            f"events_guide.ext.theme: page {pagename!r} carries its "
            f"stylesheet but {html.count(POLICY_PLACEHOLDER)} policies of "
            "its own, not one: browsers would refuse the stylesheet. The "
            "template must write events_guide_style_policy in a <meta "
            'http-equiv="Content-Security-Policy"> just before the <style> '
            "(see _templates/layout.html).")
    if html.count(PLACEHOLDER) == 1 and \
            isinstance(app.builder.templates, _RenderedOnce):
        context[_RENDERED] = (templatename, html.replace(
            PLACEHOLDER, style).replace(POLICY_PLACEHOLDER, policy))


def render_pages_once(app: Sphinx) -> None:
    """builder-inited: the builder's loader renders each page once."""
    if not isinstance(app.builder.templates, _RenderedOnce):
        app.builder.templates = _RenderedOnce(app.builder.templates)


def setup_page_style(app: Sphinx) -> None:
    app.add_config_value("events_guide_theme_purge", True, "html",
                         types=(bool,))
    app.connect("builder-inited", web_only(prepare_stylesheet))
    app.connect("builder-inited", web_only(render_pages_once))
    app.connect("env-get-outdated", outdated_by_stylesheet)
    # Last, once every other extension has made its changes to the page.
    app.connect("html-page-context", web_only(add_page_style), priority=999)
    app.connect("build-finished", keep_purged_styles)
