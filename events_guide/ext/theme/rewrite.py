"""Declarations of the theme's CSS, rewritten for the guide.

* System font stacks where the theme names its web fonts (Lato, Roboto
  Slab, its monospace stack) or its icon font (FontAwesome), which the
  guide does not ship.
* The theme's colours become CSS custom properties (``var(--guide-...)``):
  reader.css defines them for the light and the dark colour scheme (and
  :func:`.stylesheet.guide_stylesheet` makes sure it defines each), so one
  set of values fixes contrast everywhere, whatever the specificity of the
  theme's selectors. Text colours and other uses of
  the same colour differ: the theme blue is a link colour in text and a
  background behind white text.
* Declarations no current browser reads are left out: IE's ``-ms-``
  properties and its ``_name`` and ``\\9`` hacks, names that are no
  property (``NOT_PROPERTIES``), and a ``-webkit-`` or
  ``-moz-`` form beside the standard one of a property every current
  browser knows unprefixed (``PREFIX_FREE``).
"""

from __future__ import annotations

import tinycss2
from tinycss2 import ast

#: Font stacks that every reader's system already has.
SYSTEM_SANS = ('system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",'
               '"Helvetica Neue",Arial,sans-serif')
SYSTEM_SERIF = 'Georgia,Cambria,"Times New Roman",Times,serif'
SYSTEM_MONO = ('ui-monospace,SFMono-Regular,Menlo,Monaco,Consolas,'
               '"Liberation Mono","Courier New",monospace')

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


#: Names in the theme's CSS that are no CSS property (a Sass slip).
NOT_PROPERTIES = frozenset({"outline-none"})

#: Properties every current browser reads without a vendor prefix.
PREFIX_FREE = frozenset({"box-sizing", "transition", "transform",
                         "animation", "border-radius", "box-shadow"})


def rewrite_declarations(body: list[ast.Declaration]
                         ) -> list[ast.Declaration]:
    """A rule's declarations as the guide needs them (see the module)."""
    names = {declaration.lower_name for declaration in body}
    kept = []
    for declaration in body:
        unprefixed = declaration.lower_name.split("-", 2)[-1]
        if declaration.lower_name.startswith(("-webkit-", "-moz-")) and \
                unprefixed in PREFIX_FREE and unprefixed in names:
            continue
        rewritten = rewrite_declaration(declaration)
        if rewritten is not None:
            kept.append(rewritten)
    return kept


def rewrite_declaration(declaration: ast.Declaration
                        ) -> ast.Declaration | None:
    """The declaration as the guide needs it, or None to leave it out."""
    name = declaration.lower_name
    if name.startswith(("-ms-", "_")) or name in NOT_PROPERTIES or any(
            token.type == "ident" and token.value.endswith("\t")
            for token in declaration.value):
        return None
    value = declaration.value
    text = tinycss2.serialize(value)
    if name == "font" and "FontAwesome" in text:
        value = _tokens("inherit")
    elif name == "font-family":
        value = _font_stack(value, text)
    table = TEXT_COLOURS if name == "color" else OTHER_COLOURS
    value = list(_colour_variables(value, table))
    return ast.Declaration(declaration.source_line, declaration.source_column,
                           declaration.name, name, value,
                           declaration.important)


def _font_stack(value: list[ast.Node], text: str) -> list[ast.Node]:
    """A system stack in place of the stack that names a web font."""
    if "FontAwesome" in text:
        return _tokens("inherit")
    if "Roboto Slab" in text:
        return _tokens(SYSTEM_SERIF)
    if "Lato" in text:
        return _tokens(SYSTEM_SANS)
    if "Consolas" in text or "courier" in text.lower():
        return _tokens(SYSTEM_MONO)
    return value


def _colour_variables(tokens, table):
    """Each colour of ``table`` in the tokens as ``var(--name)``."""
    for token in tokens:
        colour = None
        if token.type == "hash":
            colour = "#" + token.value.lower()
        elif token.type == "ident" and token.lower_value in ("grey", "gray"):
            colour = token.lower_value
        if colour in table:
            yield from _tokens(f"var({table[colour]})")
        elif token.type == "function":
            yield ast.FunctionBlock(
                token.source_line, token.source_column, token.name,
                list(_colour_variables(token.arguments, table)))
        else:
            yield token


def _tokens(css: str) -> list[ast.Node]:
    return tinycss2.parse_component_value_list(css)
