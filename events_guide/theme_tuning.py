"""Make sphinx-rtd-theme light, accessible and CSP-clean, without forking it.

What this extension changes, all at build time and all in the output folder
(never in ``doc/source``):

* One stylesheet per page (``theme_tuning_stylesheet``): the theme's
  ``css/theme.css`` without its web fonts (``@font-face``), without the
  FontAwesome icon font and the parts of the theme we never render, with
  system font stacks instead of Lato and Roboto Slab; then the Pygments
  colours (light, and dark under ``prefers-color-scheme: dark``); then our
  own rules from ``theme_tuning_css`` (``_static/reader.css``).
* No script on reading pages: the theme's ``theme.js`` (and the jQuery it
  needs) is dropped, and the navigation menu on narrow screens is an HTML
  popover (the ``popover`` attribute on the theme's ``<nav>`` and a
  ``popovertarget`` button), which the browser opens, closes and labels
  without JavaScript. Only the search page has a script: a small deferred
  loader (``_templates/search.html``) that fetches Sphinx's search scripts
  when there is a query. Every script request before the first paint
  costs a reader on a slow link round trips; see bench/RESULTS.md.
* Markup that nobody sees or hears is left out (``slim_markup``), so that
  the biggest pages still arrive in two round trips.
* No inline script: the theme's ``layout.html`` ends with an inline
  ``SphinxRtdTheme.Navigation.enable(...)`` call outside any Jinja block, so
  a template override cannot drop it; a Jinja preprocessor removes exactly
  that call when the theme's template is loaded, and gives the theme's
  ``<nav>`` (also outside any block) its ``id`` and ``popover`` attribute.
  The build stops with a clear message if the theme no longer has either
  in the form expected, so the change is noticed.
* Wide tables scroll inside their own box: every ``<table>`` in a page body
  is wrapped at build time in ``<div class="wy-table-responsive">`` (which
  the theme's JavaScript did in the browser before), made a labelled,
  keyboard-focusable region so that keyboard users can scroll it.
* The web fonts and scripts that no page loads any more are removed from
  the output.
"""

from __future__ import annotations

import html
import pathlib
import re
import shutil
import zlib

import jinja2.ext
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.highlighting import PygmentsBridge
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Font stacks that every reader's system already has.
SYSTEM_SANS = ('system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",'
               '"Helvetica Neue",Arial,sans-serif')
SYSTEM_SERIF = 'Georgia,Cambria,"Times New Roman",Times,serif'
SYSTEM_MONO = ('ui-monospace,SFMono-Regular,Menlo,Monaco,Consolas,'
               '"Liberation Mono","Courier New",monospace')

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

#: Files in the output that no page loads once this extension has run.
UNUSED_OUTPUT = (
    "_static/fonts",
    "_static/css/fonts",
    "_static/css/badge_only.css",
    "_static/js/badge_only.js",
    "_static/js/versions.js",
    "_static/js/theme.js",
    "_static/jquery.js",
    "_static/_sphinx_javascript_frameworks_compat.js",
)

#: Selectors for theme parts that the guide never renders: the icon font's
#: own classes, the Read the Docs version flyout, the HTML4 writer, and the
#: form widgets of the theme's CSS framework that no page uses.
UNUSED_SELECTOR = re.compile(
    r"\.fa\b|\.fa-|\.rst-versions|\.writer-html4|\.wy-dropdown|\.wy-tray"
    r"|\.wy-switch|\.mirror|\.btn-mini|\.wy-control|\.wy-checkbox"
    r"|\.wy-inline-validate|\.wy-input-|\.wy-tag-|\.wy-alert|\.wy-text-"
    r"|\.wy-form-(?:aligned|stacked|narrow|halves|thirds|message)"
    r"|\.switch-menus|\.shift-up|\.icon-(?!home)"
    r"|input\[type=(?:color|checkbox|radio|file|range|week|month|datetime)"
)

#: The theme's inline navigation script, at the end of its layout.html.
INLINE_NAV_SCRIPT = re.compile(
    r"<script>\s*jQuery\(function \(\) \{\s*"
    r"SphinxRtdTheme\.Navigation\.enable\([^)]*\);\s*\}\);\s*</script>",
    re.S)

TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S)
TAG = re.compile(r"<[^>]+>")


#: The ``id`` of the side navigation, the menu button's ``popovertarget``.
NAVIGATION_ID = "site-navigation"
#: The theme's side navigation, outside any Jinja block of its layout.
THEME_NAV = '<nav data-toggle="wy-nav-shift" class="wy-nav-side">'


class AdaptThemeLayout(jinja2.ext.Extension):
    """Two edits to the theme's ``layout.html`` that no block override reaches.

    * Remove the inline ``SphinxRtdTheme.Navigation.enable`` call: a strict
      Content-Security-Policy (no ``'unsafe-inline'``) would block it and
      log a violation on every page, and the theme.js it calls is gone.
    * Make the side navigation a popover with a known ``id``, so that the
      menu button opens and closes it without any script.
    """

    def preprocess(self, source, name, filename=None):
        if "SphinxRtdTheme.Navigation.enable" not in source:
            return source
        where = filename or name
        source, count = INLINE_NAV_SCRIPT.subn("", source)
        if count != 1:
            raise ExtensionError(
                f"events_guide.theme_tuning: {where} has the theme's inline "
                "SphinxRtdTheme.Navigation.enable script in a form this "
                "extension does not know; update INLINE_NAV_SCRIPT in "
                "events_guide/theme_tuning.py for this theme version.")
        if source.count(THEME_NAV) != 1:
            raise ExtensionError(
                f"events_guide.theme_tuning: {where} has no single "
                f"{THEME_NAV!r} to turn into the menu popover; update "
                "THEME_NAV in events_guide/theme_tuning.py for this theme "
                "version.")
        return source.replace(THEME_NAV, popover_nav())


def popover_nav() -> str:
    """The theme's ``<nav>`` tag with the popover attributes."""
    return THEME_NAV[:-1] + f' id="{NAVIGATION_ID}" popover>'


def split_rules(css: str) -> list[str]:
    """Split a stylesheet into its top-level rules and at-rules."""
    rules, depth, start = [], 0, 0
    for index, char in enumerate(css):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append(css[start:index + 1].strip())
                start = index + 1
    return rules


def trim_rule(rule: str) -> str:
    """Return the rule without unused selectors or icon-font glyphs."""
    rule = re.sub(r"/\*.*?\*/", "", rule, flags=re.S).strip()
    head, _, body = rule.partition("{")
    head = head.strip()
    if head.startswith("@font-face"):
        return ""
    if head.startswith("@media") or head.startswith("@supports"):
        inner = body.rsplit("}", 1)[0]
        kept = [trimmed for trimmed in map(trim_rule, split_rules(inner))
                if trimmed]
        return f"{head}{{{''.join(kept)}}}" if kept else ""
    if head.startswith("@"):
        return rule
    declarations = body.rsplit("}", 1)[0]
    # A glyph of the icon font (a private-use code point) draws nothing
    # without the font: drop the rule; reader.css draws what is needed.
    if re.search(r'content:\s*"(?:\\f[0-9a-f]{3}|[\ue000-\uf8ff])"',
                 declarations):
        return ""
    selectors = [selector for selector in head.split(",")
                 if not UNUSED_SELECTOR.search(selector)]
    if not selectors:
        return ""
    declarations = colour_variables(system_fonts(declarations))
    return f"{','.join(selectors)}{{{declarations}}}"


#: The theme's colours become CSS custom properties (defined, for the light
#: and the dark scheme, in reader.css), so that one set of values fixes
#: contrast everywhere, whatever the specificity of the theme's selectors.
#: Text colours and other uses of the same colour differ: the theme blue is
#: a link colour in text and a background behind white text.
TEXT_COLOURS = {
    "#2980b9": "--guide-link",
    "#3091d1": "--guide-link",
    "#9b59b6": "--guide-visited",
    "#404040": "--guide-text",
    "#333": "--guide-text",
    "#555": "--guide-text-soft",
    "#000": "--guide-strong",
    "grey": "--guide-muted",
    "gray": "--guide-muted",
    "#808080": "--guide-muted",
    "#e74c3c": "--guide-code",
}
OTHER_COLOURS = {
    "#2980b9": "--guide-blue",
    "#fcfcfc": "--guide-page",
    "#f3f6f6": "--guide-stripe",
    "#edf0f2": "--guide-back",
    "#e1e4e5": "--guide-line",
    "#e7f2fa": "--guide-note",
    "#dbfaf4": "--guide-tip",
    "#ffedcc": "--guide-warn",
    "#fdf3f2": "--guide-danger",
}
COLOUR_TOKEN = re.compile(r"#[0-9a-fA-F]{3,6}\b|\bgr[ae]y\b")


def colour_variables(declarations: str) -> str:
    """Replace the theme's colours with custom properties (see above)."""
    def declaration(match: re.Match) -> str:
        prop, value = match.group(1), match.group(2)
        table = TEXT_COLOURS if prop == "color" else OTHER_COLOURS

        def token(found: re.Match) -> str:
            colour = found.group(0).lower()
            name = table.get(colour)
            return f"var({name},{colour})" if name else found.group(0)
        return f"{prop}:{COLOUR_TOKEN.sub(token, value)}"
    return re.sub(r"([a-z-]+):([^;]+)", declaration, declarations)


def system_fonts(declarations: str) -> str:
    """Use system font stacks where the theme names its web fonts."""
    declarations = re.sub(r"font:normal normal normal 14px/1 FontAwesome",
                          "font:inherit", declarations)
    declarations = declarations.replace("font-family:FontAwesome",
                                        "font-family:inherit")

    def replace(match: re.Match) -> str:
        stack = match.group(1)
        if "Roboto Slab" in stack:
            return f"font-family:{SYSTEM_SERIF}"
        if "Lato" in stack:
            return f"font-family:{SYSTEM_SANS}"
        if "Consolas" in stack or "courier" in stack.lower():
            return f"font-family:{SYSTEM_MONO}"
        return match.group(0)
    return re.sub(r"font-family:([^;}]*)", replace, declarations)


def trimmed_theme_css(theme_css: str) -> str:
    """The theme's stylesheet without web fonts, icon font or unused parts."""
    return "".join(filter(None, map(trim_rule, split_rules(theme_css))))


def theme_stylesheet(app: Sphinx) -> pathlib.Path:
    """Find the theme's own ``css/theme.css``."""
    for theme_dir in app.builder.theme.get_theme_dirs():
        candidate = pathlib.Path(theme_dir) / "static" / "css" / "theme.css"
        if candidate.is_file():
            return candidate
    raise ExtensionError(
        "events_guide.theme_tuning: the theme has no static/css/theme.css; "
        "it is written for sphinx-rtd-theme (html_theme = "
        '"sphinx_rtd_theme").')


def pygments_css(app: Sphinx) -> str:
    """Code colours: the configured style, and a dark one for dark mode."""
    light = app.builder.highlighter.get_stylesheet()
    dark_style = app.config.theme_tuning_pygments_dark_style
    dark = PygmentsBridge("html", dark_style).get_stylesheet()
    return f"{light}\n@media (prefers-color-scheme: dark){{\n{dark}\n}}\n"


STYLESHEET_HEADER = (
    "/* Built by events_guide/theme_tuning.py: sphinx-rtd-theme's theme.css "
    "without web fonts, the icon font or rules no page uses; code colours; "
    "then the guide's own rules (_static/reader.css). Do not edit. */")


def stylesheet_name(app: Sphinx) -> str:
    """Where the one stylesheet goes, relative to ``_static``."""
    return app.config.theme_tuning_stylesheet


def write_stylesheet(app: Sphinx) -> None:
    """Write the single stylesheet into the output's ``_static``."""
    parts = [
        STYLESHEET_HEADER,
        trimmed_theme_css(theme_stylesheet(app).read_text(encoding="utf-8")),
        pygments_css(app),
    ]
    parts.append("/* -- theme_tuning: our own rules -- */")
    for name in app.config.theme_tuning_css:
        source = pathlib.Path(app.confdir, name)
        if not source.is_file():
            raise ExtensionError(
                f"events_guide.theme_tuning: theme_tuning_css names {name!r} "
                f"but {source} does not exist; fix the list in conf.py.")
        parts.append(source.read_text(encoding="utf-8"))
    target = pathlib.Path(app.outdir, "_static", stylesheet_name(app))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(parts), encoding="utf-8")


#: The builders whose pages readers open in a browser with this theme.
TUNED_BUILDERS = frozenset({"html", "dirhtml"})


def tuned(app: Sphinx) -> bool:
    """Tune the web builders only (not EPUB, single-page or others)."""
    return app.builder.name in TUNED_BUILDERS


def on_builder_inited(app: Sphinx) -> None:
    if not tuned(app):
        return
    # The theme sets a FontAwesome glyph as the permalink sign; without the
    # icon font it would show as a box.
    app.config.html_permalinks_icon = "\u00b6"
    app.builder.templates.environment.add_extension(
        AdaptThemeLayout)
    write_stylesheet(app)
    # In place of the theme's css/theme.css (dropped in on_page_context).
    app.add_css_file(stylesheet_name(app), priority=200)


def wrap_table(match: re.Match) -> str:
    """Put one table in a labelled box that scrolls sideways by itself."""
    table = match.group(0)
    caption = CAPTION.search(table)
    label = "Table"
    if caption:
        text = html.unescape(TAG.sub("", caption.group(1))).strip()
        label = f"Table: {text}" if text else label
    return (f'<div class="wy-table-responsive" role="region" tabindex="0" '
            f'aria-label="{html.escape(label)}">{table}</div>')


def wrap_tables(body: str) -> str:
    """Wrap each table that is not in a scroll box yet."""
    out, last = [], 0
    for match in TABLE.finditer(body):
        before = body[max(0, match.start() - 200):match.start()]
        already = re.search(r'class="[^"]*wy-table-responsive[^"]*"[^<]*>\s*$',
                            before)
        out.append(body[last:match.start()])
        out.append(match.group(0) if already else wrap_table(match))
        last = match.end()
    out.append(body[last:])
    return "".join(out)


#: A table row's "row-odd"/"row-even" class: the theme stripes rows with
#: :nth-child, so the classes only add bytes.
ROW_CLASS = re.compile(r'<tr class="row-(?:odd|even)">')
#: A table cell whose whole content is one paragraph.
LONE_PARAGRAPH_CELL = re.compile(
    r"<(td|th)(\s[^>]*)?><p>((?:(?!</?p[\s>]).)*?)</p>\s*</\1>", re.S)
#: The brackets around a footnote reference's number, which the theme
#: hides (``.footnote-reference > span.fn-bracket {display: none}``).
HIDDEN_FOOTNOTE_BRACKETS = re.compile(
    r'(<a class="footnote-reference brackets"[^>]*>)'
    r'<span class="fn-bracket">\[</span>([^<]*)'
    r'<span class="fn-bracket">\]</span></a>')


def slim_markup(body: str) -> str:
    """Drop markup that changes nothing a reader sees or hears.

    Every page's HTML should reach the reader in the first two round trips
    of a new connection (about 43 KB uncompressed; bench/RESULTS.md shows
    a third one costing 150 ms on a slow link), and the event tables and
    footnote references are much of the biggest pages' weight. So:

    * the ``<p>`` around a table cell's only paragraph goes (reader.css
      gives the cell the paragraph's line height);
    * the ``row-odd``/``row-even`` classes go (the theme uses :nth-child);
    * the brackets around footnote reference numbers go: the theme hides
      them, so neither eyes nor screen readers get them.
    """
    body = ROW_CLASS.sub("<tr>", body)
    body = HIDDEN_FOOTNOTE_BRACKETS.sub(r"\1\2</a>", body)
    return LONE_PARAGRAPH_CELL.sub(
        lambda match: (f"<{match.group(1)}{match.group(2) or ''}>"
                       f"{match.group(3)}</{match.group(1)}>"), body)


def with_heading_levels(markup: str) -> str:
    """Give the toctree captions (``role="heading"``) their level.

    Sphinx marks the captions of toctrees ``<p class="caption"
    role="heading">``; ARIA requires ``aria-level`` with that role. They
    head lists of pages, below the page title: level 2.
    """
    return re.sub(r'role="heading"(?! aria-level)',
                  'role="heading" aria-level="2"', markup)


def on_page_context(app, pagename, templatename, context, doctree):
    if not tuned(app):
        return
    scripts = []
    for script in context.get("script_files", []):
        filename = str(getattr(script, "filename", script))
        if filename in DROPPED_SCRIPTS:
            continue
        if filename in SEARCH_SCRIPTS and pagename != "search":
            continue
        attributes = dict(getattr(script, "attributes", {}) or {})
        if attributes.get("body"):
            raise ExtensionError(
                f"events_guide.theme_tuning: page {pagename!r} would get an "
                f"inline script ({filename or 'no file'}); a strict "
                "Content-Security-Policy blocks it. Ship it as a file in "
                "_static and add it with html_js_files instead.")
        if "async" not in attributes:
            attributes["defer"] = "defer"
        scripts.append(type(script)(filename,
                                    priority=getattr(script, "priority", 500),
                                    **attributes))
    context["script_files"] = scripts
    # For the menu button's popovertarget (_templates/layout.html).
    context["navigation_id"] = NAVIGATION_ID
    context["css_files"] = [
        css for css in context.get("css_files", [])
        if str(getattr(css, "filename", css)) not in
        {"_static/pygments.css", "_static/css/theme.css"}]
    if context.get("body"):
        context["body"] = with_heading_levels(
            wrap_tables(slim_markup(context["body"])))
    toctree = context.get("toctree")
    if callable(toctree):
        context["toctree"] = lambda **kwargs: with_heading_levels(
            toctree(**kwargs))


#: Classes that scripts add in the browser, so no built page shows them:
#: sphinx_highlight.js and searchtools.js, on the search page.
SCRIPT_CLASSES = frozenset({
    "highlighted", "search", "search-summary", "context", "kind-index",
    "kind-object", "kind-title", "kind-text", "wy-table-responsive",
})
CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
NOT_PSEUDO = re.compile(r":not\([^()]*\)")
CLASS_NAME = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


#: Elements that scripts create (search results).
SCRIPT_TAGS = frozenset({"h2", "p", "ul", "li", "a", "span", "div"})
START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
COMPOUND_TAG = re.compile(r"(?:^|[\s>+~])([a-zA-Z][a-zA-Z0-9-]*)")


def classes_in_pages(outdir: pathlib.Path) -> set[str]:
    """Every class and element name the built pages use, with scripts'."""
    used = set(SCRIPT_CLASSES) | {f"<{tag}>" for tag in SCRIPT_TAGS}
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        for value in CLASS_ATTRIBUTE.findall(text):
            used.update(value.split())
        used.update(f"<{tag.lower()}>" for tag in START_TAG.findall(text))
    return used


def selector_needs(selector: str) -> set[str]:
    """The classes and elements a selector needs to match anything."""
    bare = NOT_PSEUDO.sub("", selector)
    bare = re.sub(r"\[[^\]]*\]|::?[a-zA-Z-]+(?:\([^)]*\))?", " ", bare)
    needs = set(CLASS_NAME.findall(bare))
    needs.update(f"<{tag.lower()}>" for tag in COMPOUND_TAG.findall(
        re.sub(r"[.#][\w-]+", "", bare).strip()))
    return needs


def purge_rule(rule: str, used: set[str]) -> str:
    """Drop the selectors that need a class no page uses."""
    head, _, body = rule.partition("{")
    head = head.strip()
    if head.startswith(("@media", "@supports")):
        inner = body.rsplit("}", 1)[0]
        kept = "".join(filter(None, (purge_rule(r, used)
                                     for r in split_rules(inner))))
        return f"{head}{{{kept}}}" if kept else ""
    if head.startswith("@") or not body:
        return rule
    selectors = [selector for selector in head.split(",")
                 if selector_needs(selector) <= used]
    if not selectors:
        return ""
    return f"{','.join(selectors)}{{{body}"


def minify(css: str) -> str:
    """Drop comments and needless white space (a careful, small subset)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};,])\s*", r"\1", css)
    return css.replace(";}", "}").strip()


def purge_stylesheet(app: Sphinx) -> None:
    """Keep only the theme rules the built pages can use.

    Runs when every page is written, so it knows every class they use;
    then the stylesheet's ``?v=`` checksum in the pages is brought up to
    date, so that browsers and caches see the new file.
    """
    outdir = pathlib.Path(app.outdir)
    name = stylesheet_name(app)
    target = outdir / "_static" / name
    if not target.is_file():
        return
    css = target.read_text(encoding="utf-8")
    marker = "/* -- theme_tuning: our own rules -- */"
    theme_part, _, own_part = css.partition(marker)
    theme_part = re.sub(r"/\*.*?\*/", "", theme_part, flags=re.S)
    used = classes_in_pages(outdir)
    purged = "".join(filter(None, (purge_rule(rule, used)
                                   for rule in split_rules(theme_part))))
    new_css = (f"{STYLESHEET_HEADER}\n{purged}\n{marker}\n"
               f"{minify(own_part)}\n")
    target.write_text(new_css, encoding="utf-8")
    checksum = f"{zlib.crc32(new_css.encode('utf-8')):08x}"
    link = re.compile(re.escape(name) + r"\?v=[0-9a-f]+")
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        updated = link.sub(f"{name}?v={checksum}", text)
        if updated != text:
            page.write_text(updated, encoding="utf-8")


def on_build_finished(app: Sphinx, exception) -> None:
    if exception or not tuned(app):
        return
    outdir = pathlib.Path(app.outdir)
    if app.config.theme_tuning_purge:
        purge_stylesheet(app)
    for name in UNUSED_OUTPUT:
        path = outdir / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.is_file():
            path.unlink()
    # html_extra_path copies dotfiles too, but make sure the Apache
    # configuration arrives even where a pattern excludes it.
    for extra in app.config.html_extra_path:
        htaccess = pathlib.Path(app.confdir, extra, ".htaccess")
        if htaccess.is_file() and not (outdir / ".htaccess").is_file():
            shutil.copyfile(htaccess, outdir / ".htaccess")


def setup(app: Sphinx) -> dict:
    app.add_config_value("theme_tuning_stylesheet", "css/events-guide.css",
                         "html", types=(str,))
    app.add_config_value("theme_tuning_css", [], "html", types=(list,))
    app.add_config_value("theme_tuning_purge", True, "html", types=(bool,))
    app.add_config_value("theme_tuning_pygments_dark_style", "github-dark",
                         "html", types=(str,))
    app.connect("builder-inited", on_builder_inited)
    app.connect("html-page-context", on_page_context, priority=900)
    app.connect("build-finished", on_build_finished)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
