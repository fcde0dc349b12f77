"""What each page loads, and what the output folder keeps.

* No script on reading pages: the theme's ``theme.js`` and the jQuery it
  needs are dropped, and so are Sphinx's search scripts everywhere but the
  search page (whose template carries a loader that fetches them only for
  a query). Every script left is deferred; an inline script (``body``)
  from any extension stops the build, since a strict
  Content-Security-Policy would block it.
* No stylesheet link: the theme's ``css/theme.css`` and Sphinx's
  ``pygments.css`` are replaced by each page's own inline stylesheet
  (:mod:`.page_style`).
* The permalink sign is a pilcrow, not an icon-font glyph.
* A small SVG icon (``html_favicon``) goes into the page as a ``data:``
  URL: the browser asks for no icon file (the policy allows ``data:``
  images), so no request at all follows the page.
* The files no page loads any more are removed from the output (among
  them the copies of our own CSS files, which pages carry inline), and the
  Apache ``.htaccess`` from ``html_extra_path`` is copied even where a
  pattern excludes dot files.
"""

from __future__ import annotations

import pathlib
import shutil
import urllib.parse

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ... import published
from .web import web_only

#: Scripts the theme or Sphinx add that our pages do not need.
DROPPED_SCRIPTS = frozenset({
    "_static/jquery.js",
    "_static/_sphinx_javascript_frameworks_compat.js",
    "_static/js/theme.js",
})

#: Sphinx's scripts that only the search page needs. Reading pages loaded
#: them to mark the searched words on the page a result leads to; here the
#: result links carry a text fragment instead, which the browser marks
#: (_static/search-text-fragments.js).
SEARCH_SCRIPTS = frozenset({
    "_static/documentation_options.js",
    "_static/doctools.js",
    "_static/sphinx_highlight.js",
})

#: Stylesheets that each page's inline stylesheet replaces.
REPLACED_STYLESHEETS = frozenset({"_static/pygments.css",
                                  "_static/css/theme.css"})

#: Files in the output that no page loads once this extension has run.
UNUSED_OUTPUT = (
    "_static/fonts",
    "_static/css/fonts",
    "_static/css/badge_only.css",
    "_static/css/theme.css",
    "_static/basic.css",
    "_static/pygments.css",
    "_static/js/badge_only.js",
    "_static/js/versions.js",
    "_static/js/theme.js",
    "_static/jquery.js",
    "_static/_sphinx_javascript_frameworks_compat.js",
)


def use_pilcrow_permalinks(app: Sphinx) -> None:
    """The theme sets a FontAwesome glyph as the permalink sign; without
    the icon font it would show as a box."""
    app.config.html_permalinks_icon = "\u00b6"


#: An SVG icon larger than this stays a file.
MAX_INLINE_ICON_BYTES = 1024


def inline_icon(app: Sphinx) -> str | None:
    """``html_favicon`` as a ``data:`` URL, if it is a small SVG file."""
    icon = app.config.html_favicon
    if not icon or "://" in icon or not icon.endswith(".svg"):
        return None
    path = pathlib.Path(app.confdir, icon)
    if not path.is_file() or path.stat().st_size > MAX_INLINE_ICON_BYTES:
        return None
    svg = " ".join(path.read_text(encoding="utf-8").split())
    return "data:image/svg+xml," + urllib.parse.quote(svg, safe="=:/;,()")


def page_scripts(pagename: str, scripts: list) -> list:
    """The scripts a page keeps, each deferred (see the module)."""
    kept = []
    for script in scripts:
        filename = str(getattr(script, "filename", script))
        if filename in DROPPED_SCRIPTS or (
                filename in SEARCH_SCRIPTS
                and pagename not in published.PAGES_WITH_SCRIPTS):
            continue
        attributes = dict(getattr(script, "attributes", {}) or {})
        if attributes.get("body"):
            raise ExtensionError(
                f"events_guide.ext.theme: page {pagename!r} would get an "
                f"inline script ({filename or 'no file'}); a strict "
                "Content-Security-Policy blocks it. Ship it as a file in "
                "_static and add it with html_js_files instead.")
        if "async" not in attributes:
            attributes["defer"] = "defer"
        kept.append(type(script)(filename,
                                 priority=getattr(script, "priority", 500),
                                 **attributes))
    return kept


def set_page_assets(app, pagename, templatename, context, doctree) -> None:
    """Scripts and stylesheet links of one page (see the module)."""
    context["script_files"] = page_scripts(pagename,
                                           context.get("script_files", []))
    context["css_files"] = [
        css for css in context.get("css_files", [])
        if str(getattr(css, "filename", css)) not in REPLACED_STYLESHEETS]
    if context.get("favicon_url") and (icon := inline_icon(app)):
        context["favicon_url"] = icon


def copied_own_css(app: Sphinx) -> list[str]:
    """Where ``html_static_path`` copied our own CSS files (their rules are
    in each page's inline stylesheet), relative to the output."""
    copies = []
    for name in app.config.events_guide_theme_css:
        for static in app.config.html_static_path:
            prefix = static.rstrip("/") + "/"
            if name.startswith(prefix):
                copies.append("_static/" + name[len(prefix):])
    return copies


def remove_unused_output(app: Sphinx, exception) -> None:
    """Remove what no page loads; make sure every host file is in the
    output (Sphinx's html_extra_path skips dot files such as .htaccess)."""
    if exception:
        return
    outdir = pathlib.Path(app.outdir)
    for name in [*UNUSED_OUTPUT, *copied_own_css(app)]:
        path = outdir / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.is_file():
            path.unlink()
    for folder in ("_static/css", "_static/js"):
        path = outdir / folder
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for extra in app.config.html_extra_path:
        for name in published.HOST_FILES:
            shipped = pathlib.Path(app.confdir, extra, name)
            if shipped.is_file() and not (outdir / name).is_file():
                shutil.copyfile(shipped, outdir / name)


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", web_only(use_pilcrow_permalinks))
    app.connect("html-page-context", web_only(set_page_assets), priority=900)
    app.connect("build-finished", web_only(remove_unused_output),
                priority=500)
