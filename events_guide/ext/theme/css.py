"""CSS as tinycss2 sees it: parsing, the class names in a selector, and
compact serialization.

Every stylesheet the theme extension reads or writes goes through here, so
that splitting rules, trimming selectors and minifying are done on parsed
CSS (tinycss2 rules, selectors and declarations), never on CSS text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

import tinycss2
from tinycss2 import ast

#: At-rules whose block holds rules (recursed into), not declarations.
GROUPING_AT_RULES = frozenset({"media", "supports"})

#: Combinators and separators around which white space means nothing.
_TIGHT_SELECTOR = frozenset({",", ">", "+", "~"})


@dataclasses.dataclass
class StyleRule:
    """A style rule: its selectors (each a token list) and declarations."""

    selectors: list[list[ast.Node]]
    declarations: list[ast.Declaration]


@dataclasses.dataclass
class GroupRule:
    """A grouping at-rule (``@media``, ``@supports``) and the rules in it."""

    at_rule: ast.AtRule
    rules: list


#: A rule of a parsed stylesheet: StyleRule, GroupRule or another at-rule
#: (``@keyframes``, ``@page``), kept as tinycss2 parsed it.
Rule = StyleRule | GroupRule | ast.AtRule


def parse_rules(css: str) -> list[ast.Node]:
    """A stylesheet's top-level rules, without comments or white space."""
    return tinycss2.parse_stylesheet(css, skip_comments=True,
                                     skip_whitespace=True)


def parse_block_rules(rule: ast.AtRule) -> list[ast.Node]:
    """The rules inside a grouping at-rule such as ``@media``."""
    return tinycss2.parse_rule_list(rule.content or [], skip_comments=True,
                                    skip_whitespace=True)


def as_style_rule(node: ast.Node) -> Rule | None:
    """A tinycss2 rule as a :data:`Rule` (None for a parse error)."""
    if node.type == "qualified-rule":
        return StyleRule(split_selectors(node.prelude), declarations(node))
    if node.type != "at-rule":
        return None
    if node.lower_at_keyword in GROUPING_AT_RULES:
        return GroupRule(node, list(filter(None, map(
            as_style_rule, parse_block_rules(node)))))
    return node


def style_rules(rules: Iterable[Rule]) -> Iterator[StyleRule]:
    """Every style rule, also those inside ``@media`` and the like."""
    for rule in rules:
        if isinstance(rule, StyleRule):
            yield rule
        elif isinstance(rule, GroupRule):
            yield from style_rules(rule.rules)


def var_names(tokens: Iterable[ast.Node]) -> Iterator[str]:
    """The custom properties that ``var()`` calls in the tokens read."""
    for token in tokens:
        if token.type == "function":
            if token.lower_name == "var":
                yield from (part.value for part in token.arguments
                            if part.type == "ident"
                            and part.value.startswith("--"))
            yield from var_names(token.arguments)


def declarations(rule: ast.QualifiedRule | ast.AtRule
                 ) -> list[ast.Declaration]:
    """A rule's declarations; parse errors (old IE hacks like ``*zoom``)
    are left out, as browsers leave them out."""
    return [item for item in tinycss2.parse_blocks_contents(
        rule.content or [], skip_comments=True, skip_whitespace=True)
        if item.type == "declaration"]


def split_selectors(prelude: Iterable[ast.Node]) -> list[list[ast.Node]]:
    """A selector list split at its top-level commas, each part stripped."""
    selectors: list[list[ast.Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [_strip(selector) for selector in selectors if _strip(selector)]


def class_names(tokens: Iterable[ast.Node]) -> Iterator[str]:
    """Every ``.class`` in a selector, also inside ``:not(...)`` and the
    like."""
    previous = None
    for token in tokens:
        if token.type == "ident" and previous is not None and \
                previous.type == "literal" and previous.value == ".":
            yield token.value
        elif token.type == "function":
            yield from class_names(token.arguments)
        previous = token


def attribute_values(tokens: Iterable[ast.Node]) -> Iterator[tuple[str, str]]:
    """Every ``[name=value]`` test in a selector, as (name, value)."""
    for token in tokens:
        if token.type == "[] block":
            parts = [part for part in token.content
                     if part.type != "whitespace"]
            if len(parts) == 3 and parts[1].type == "literal" and \
                    parts[1].value == "=" and parts[0].type == "ident":
                yield parts[0].lower_value, str(parts[2].value)
        elif token.type == "function":
            yield from attribute_values(token.arguments)


def _strip(tokens: list[ast.Node]) -> list[ast.Node]:
    start, end = 0, len(tokens)
    while start < end and tokens[start].type in ("whitespace", "comment"):
        start += 1
    while end > start and tokens[end - 1].type in ("whitespace", "comment"):
        end -= 1
    return tokens[start:end]


def compact(tokens: Iterable[ast.Node], tight: frozenset[str]) -> str:
    """Serialize tokens with each run of white space cut to one space, and
    none next to the ``tight`` literals."""
    kept: list[ast.Node] = []
    for token in _strip([token for token in tokens
                         if token.type != "comment"]):
        if token.type == "whitespace":
            if kept and not (kept[-1].type == "literal"
                             and kept[-1].value in tight):
                kept.append(ast.WhitespaceToken(0, 0, " "))
            continue
        if token.type == "literal" and token.value in tight and kept and \
                kept[-1].type == "whitespace":
            kept.pop()
        kept.append(token)
    return "".join(_compact_token(token, tight) for token in kept)


def _compact_token(token: ast.Node, tight: frozenset[str]) -> str:
    """One token; the contents of a function or bracket block compact."""
    if token.type == "function":
        return (tinycss2.serialize([ast.FunctionBlock(0, 0, token.name, [])])
                [:-1] + compact(token.arguments, tight) + ")")
    brackets = {"() block": "()", "[] block": "[]"}.get(token.type)
    if brackets:
        return brackets[0] + compact(token.content, tight) + brackets[1]
    return tinycss2.serialize([token])


def selector_text(selector: list[ast.Node]) -> str:
    """One selector, compact."""
    return compact(selector, _TIGHT_SELECTOR)


def declaration_text(declaration: ast.Declaration) -> str:
    """``name:value`` (with ``!important``), compact."""
    value = compact(declaration.value, frozenset({","}))
    important = "!important" if declaration.important else ""
    return f"{declaration.name}:{value}{important}"


def at_rule_text(rule: ast.AtRule) -> str:
    """An at-rule that holds no rules (``@keyframes``, ``@page``),
    compact."""
    head = _at_rule_head(rule)
    if rule.content is None:
        return head + ";"
    body = declarations(rule)
    inner = _block_text(body) if body else \
        compact(rule.content, frozenset({",", ";", "{", "}", ":"}))
    return head + "{" + inner + "}"


def rules_text(rules: Iterable[Rule]) -> str:
    """Rules as compact CSS text (no comments, little white space)."""
    return RulesText()(rules)


class RulesText:
    """:func:`rules_text` that serializes each part of a stylesheet once.

    The purge writes, page after page, subsets of one parsed stylesheet:
    the same selectors (token lists), declaration blocks and at-rules
    again and again. Their text is kept by the identity of the parsed
    object, which is kept alive beside it (so an identity is never
    reused); a rule the purge rebuilt with fewer selectors still shares
    its selectors and declarations with the original.
    """

    def __init__(self):
        self._kept: dict[int, tuple[object, str]] = {}

    def __call__(self, rules: Iterable[Rule]) -> str:
        return "".join(map(self._rule, rules))

    def _text(self, part, serialize) -> str:
        kept = self._kept.get(id(part))
        if kept is None or kept[0] is not part:
            kept = self._kept[id(part)] = (part, serialize(part))
        return kept[1]

    def _rule(self, rule: Rule) -> str:
        if isinstance(rule, StyleRule):
            return (",".join(self._text(selector, selector_text)
                             for selector in rule.selectors)
                    + "{" + self._text(rule.declarations, _block_text) + "}")
        if isinstance(rule, GroupRule):
            head = self._text(rule.at_rule, _at_rule_head)
            if rule.at_rule.content is None:
                return head + ";"
            return head + "{" + self(rule.rules) + "}"
        return self._text(rule, at_rule_text)


def _block_text(body: list[ast.Declaration]) -> str:
    return ";".join(map(declaration_text, body))


def _at_rule_head(rule: ast.AtRule) -> str:
    """``@media screen`` of an at-rule (without its block)."""
    prelude = compact(rule.prelude, frozenset({","}))
    return f"@{rule.at_keyword}" + (f" {prelude}" if prelude else "")
