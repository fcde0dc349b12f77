"""The guide's whole stylesheet, before each page takes what it uses.

In order: sphinx-rtd-theme's ``css/theme.css`` without its web fonts
(``@font-face``), without the rules of the theme parts the guide never
renders (the icon font, the version flyout, form widgets; see
``UNUSED_CLASS_PREFIXES``), with its declarations rewritten
(:mod:`.rewrite`: system fonts, colour custom properties); then the code
colours, light and dark (``prefers-color-scheme: dark``); then the guide's
own rules from ``events_guide_theme_css`` (``_static/reader.css``).
Everything is parsed with tinycss2 and kept as rules, ready for
:mod:`.purge`.
"""

from __future__ import annotations

import pathlib

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.highlighting import PygmentsBridge
from tinycss2 import ast

from . import css
from .rewrite import rewrite_declarations

#: Class names (prefixes) of theme parts the guide never renders: the icon
#: font, the Read the Docs version flyout, the HTML4 writer, and the form
#: widgets of the theme's CSS framework that no page uses. ``icon-home``
#: stays: the guide's home link keeps that class.
UNUSED_CLASS_PREFIXES = (
    "fa-", "rst-versions", "writer-html4", "wy-dropdown", "wy-tray",
    "wy-switch", "mirror", "btn-mini", "wy-control", "wy-checkbox",
    "wy-inline-validate", "wy-input-", "wy-tag-", "wy-alert", "wy-text-",
    "wy-form-aligned", "wy-form-stacked", "wy-form-narrow", "wy-form-halves",
    "wy-form-thirds", "wy-form-message", "switch-menus", "shift-up",
)
UNUSED_CLASSES = frozenset({"fa"})
#: ``input[type=...]`` widgets no page has.
UNUSED_INPUT_TYPES = ("color", "checkbox", "radio", "file", "range", "week",
                      "month", "datetime")


def theme_css_path(app: Sphinx) -> pathlib.Path:
    """The theme's own ``css/theme.css``."""
    for theme_dir in app.builder.theme.get_theme_dirs():
        candidate = pathlib.Path(theme_dir) / "static" / "css" / "theme.css"
        if candidate.is_file():
            return candidate
    raise ExtensionError(
        "events_guide.ext.theme: the theme has no static/css/theme.css; it "
        'is written for sphinx-rtd-theme (html_theme = "sphinx_rtd_theme").')


def selector_is_unused(selector: list[ast.Node]) -> bool:
    """True if the selector needs a theme part the guide never renders."""
    for name in css.class_names(selector):
        if name in UNUSED_CLASSES or name.startswith(UNUSED_CLASS_PREFIXES):
            return True
        if name.startswith("icon-") and not name.startswith("icon-home"):
            return True
    return any(attribute == "type" and value.startswith(UNUSED_INPUT_TYPES)
               for attribute, value in css.attribute_values(selector))


def draws_icon_glyph(body: list[ast.Declaration]) -> bool:
    """True if the rule sets ``content`` to an icon-font glyph (a private
    use character), which draws nothing without the font."""
    for declaration in body:
        if declaration.lower_name != "content":
            continue
        for token in declaration.value:
            if token.type == "string" and len(token.value) == 1 and \
                    0xE000 <= ord(token.value) <= 0xF8FF:
                return True
    return False


def trim_theme_rule(rule: ast.Node) -> ast.Node | None:
    """The theme rule as the guide keeps it, or None to drop it."""
    if rule.type == "at-rule":
        if rule.lower_at_keyword == "font-face":
            return None
        if rule.lower_at_keyword in css.GROUPING_AT_RULES:
            kept = list(filter(None, map(trim_theme_rule,
                                         css.parse_block_rules(rule))))
            return css.GroupRule(rule, kept) if kept else None
        return rule
    if rule.type != "qualified-rule":
        return None
    body = css.declarations(rule)
    selectors = [selector for selector in css.split_selectors(rule.prelude)
                 if not selector_is_unused(selector)]
    body = rewrite_declarations(body) if not draws_icon_glyph(body) else []
    if not selectors or not body:
        return None
    return css.StyleRule(selectors, body)


def pygments_css(app: Sphinx) -> str:
    """Code colours: the configured style, and a dark one for dark mode."""
    light = app.builder.highlighter.get_stylesheet()
    dark_style = app.config.events_guide_theme_pygments_dark_style
    dark = PygmentsBridge("html", dark_style).get_stylesheet()
    return f"{light}\n@media (prefers-color-scheme: dark){{\n{dark}\n}}\n"


def own_css(app: Sphinx) -> str:
    """The guide's own rules, from the files ``events_guide_theme_css``
    names (relative to the source folder)."""
    parts = []
    for name in app.config.events_guide_theme_css:
        source = pathlib.Path(app.confdir, name)
        if not source.is_file():
            raise ExtensionError(
                f"events_guide.ext.theme: events_guide_theme_css names "
                f"{name!r} but {source} does not exist; fix the list in "
                "conf.py.")
        parts.append(source.read_text(encoding="utf-8"))
    return "\n".join(parts)


def custom_properties(rules, declared: bool) -> set[str]:
    """The ``--guide-*`` properties the rules declare (``declared``) or use
    in ``var()``."""
    found = set()
    for rule in css.style_rules(rules):
        for declaration in rule.declarations:
            if declared and declaration.name.startswith("--guide-"):
                found.add(declaration.name)
            elif not declared:
                found.update(css.var_names(declaration.value))
    return {name for name in found if name.startswith("--guide-")}


def stylesheet_sources(app: Sphinx) -> tuple[str, str, str]:
    """The texts the guide's stylesheet is made of: the theme's CSS, the
    code colours and the guide's own rules."""
    return (theme_css_path(app).read_text(encoding="utf-8"),
            pygments_css(app), own_css(app))


def guide_stylesheet(sources: tuple[str, str, str]) -> list[css.Rule]:
    """Every rule a page of the guide may need, in cascade order, from
    :func:`stylesheet_sources`."""
    theme_text, pygments_text, own_text = sources
    rules = list(filter(None, map(trim_theme_rule,
                                  css.parse_rules(theme_text))))
    rules += filter(None, map(css.as_style_rule,
                              css.parse_rules(pygments_text)))
    own = list(filter(None, map(css.as_style_rule,
                                css.parse_rules(own_text))))
    missing = custom_properties(rules + own, declared=False) - \
        custom_properties(own, declared=True)
    if missing:
        raise ExtensionError(
            "events_guide.ext.theme: the theme's colours are used as "
            f"{', '.join(sorted(missing))}, which no file of "
            "events_guide_theme_css declares; declare each in its :root "
            "rule (see doc/source/_static/reader.css).")
    return rules + own


def setup_stylesheet(app: Sphinx) -> None:
    app.add_config_value("events_guide_theme_css", [], "html",
                         types=(list,))
    app.add_config_value("events_guide_theme_pygments_dark_style",
                         "github-dark", "html", types=(str,))
