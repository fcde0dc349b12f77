"""Each page's stylesheet: the rules of the guide's stylesheet that can
match something on that page, found with cssselect2.

Every selector is compiled once (:class:`Purger`; a process keeps it for
as long as the stylesheet stays the same). A page's HTML is parsed with
lxml. A selector that names a class or id outside any ``:not()``-like
function needs that class or id on the page: a page without it skips the
selector unmatched (most of the theme's selectors, on most pages). The
page's elements are filed by id, class and tag (the way cssselect2's
``Matcher`` files selectors); each other selector is tried on the
elements it can apply to, only until its first match. A rule keeps the
selectors that matched, and a rule, ``@media`` or ``@keyframes`` block
that keeps nothing is dropped. So that nothing a reader can trigger is lost:

* states a reader brings about (``:hover``, ``:focus``, ``:target`` ...)
  count as present when they are the last part of a selector's compound;
* a selector cssselect2 cannot judge (``:popover-open``, a state inside
  ``:not()``) is always kept;
* markup that scripts add (the search results) is matched too, from
  ``SCRIPT_MARKUP``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

import cssselect2
import lxml.html
import tinycss2
from tinycss2 import ast
from webencodings import ascii_lower

from .css import GroupRule, Rule, StyleRule, style_rules
from .skeleton import Skeletons

#: States that depend on the reader, not on the markup.
READER_STATES = frozenset({
    "hover", "active", "focus", "focus-within", "focus-visible", "visited",
    "target", "target-within",
})

#: What Sphinx's search scripts add to ``#search-results`` (searchtools.js,
#: sphinx_highlight.js), so the search page keeps the rules for it.
SCRIPT_MARKUP = (
    '<h2>Searching<span></span></h2><p class="search-summary"></p>'
    '<ul class="search" role="list"><li class="kind-index kind-object '
    'kind-title kind-text"><a href="#">x</a><span></span>'
    '<p class="context"><span class="highlighted">x</span></p></li></ul>')
SCRIPT_MARKUP_PARENT = "search-results"


@dataclasses.dataclass
class _Selector:
    """One compiled selector of a rule, with the classes and ids (``.x``,
    ``#y``) an element of the page must have for it to match."""

    compiled: object  # cssselect2.compiler.CompiledSelector
    key: tuple[int, int]  # (id of the rule, index of the selector)
    needs: frozenset[str]


@dataclasses.dataclass
class _Selectors:
    """The compiled selectors of a stylesheet; ``always`` holds the keys of
    those kept without matching."""

    selectors: list[_Selector]
    always: set[tuple[int, int]]

    def used_on(self, root) -> set[tuple[int, int]]:
        """The keys of the selectors that match an element of the page
        ``root``, and of those always kept. A selector is tried only if
        the page has all its classes and ids, only on the elements it can
        apply to, and only until it first matches."""
        elements = _Elements(root)
        used = set(self.always)
        for selector in self.selectors:
            if selector.key in used or not selector.needs <= elements.present:
                continue
            test = selector.compiled.test
            if any(map(test, elements.candidates(selector.compiled))):
                used.add(selector.key)
        return used


class _Elements:
    """A page's elements filed by what a selector's last compound can ask
    of them (id, class, tag, namespace, a lang attribute), as
    cssselect2's ``Matcher`` files selectors, so that a selector is tried
    only on the elements it can apply to; and every class (``.x``) and id
    (``#x``) the page has."""

    def __init__(self, root):
        self.all = list(cssselect2.ElementWrapper.from_html_root(
            root).iter_subtree())
        self.ids: dict[str, list] = {}
        self.classes: dict[str, list] = {}
        self.names: dict[str, list] = {}
        self.namespaces: dict[str, list] = {}
        self.lang: list = []
        for element in self.all:
            if element.id is not None:
                self.ids.setdefault(element.id, []).append(element)
            for name in element.classes:
                self.classes.setdefault(name, []).append(element)
            self.names.setdefault(ascii_lower(element.local_name),
                                  []).append(element)
            self.namespaces.setdefault(element.namespace_url, []).append(
                element)
            if "lang" in element.etree_element.attrib:
                self.lang.append(element)
        self.present = {f".{name}" for name in self.classes} | {
            f"#{name}" for name in self.ids}

    def candidates(self, compiled) -> list:
        """The elements a compiled selector can apply to."""
        if compiled.never_matches:
            return []
        if compiled.id is not None:
            return self.ids.get(compiled.id, [])
        if compiled.class_name is not None:
            return self.classes.get(compiled.class_name, [])
        if compiled.local_name is not None:
            return self.names.get(compiled.lower_local_name, [])
        if compiled.namespace is not None:
            return self.namespaces.get(compiled.namespace, [])
        if compiled.requires_lang_attr:
            return self.lang
        return self.all


class Purger:
    """Finds, page by page, the rules of ``rules`` that the page uses."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self._selectors = _compile(rules)
        self.skeletons = Skeletons(selector for rule in style_rules(rules)
                                   for selector in rule.selectors)

    @staticmethod
    def parse(html: str, script_markup: bool = False):
        """The page's parsed tree, as the purge matches it (with the
        markup scripts add, for a page that has them)."""
        return _parse(html, script_markup)

    def skeleton(self, root) -> str:
        """The key of what the selectors can see of a parsed page: pages
        with one key keep the same rules (:mod:`.skeleton`)."""
        return self.skeletons.key(root)

    def page_rules(self, html: str, script_markup: bool = False
                   ) -> list[Rule]:
        """The rules the page (its whole HTML) can use, in cascade order."""
        return self.rules_of(_parse(html, script_markup))

    def rules_of(self, root) -> list[Rule]:
        """The rules a parsed page (:meth:`parse`) can use."""
        used = self._selectors.used_on(root)
        kept = _keep(self.rules, used)
        return _drop_unused_keyframes(kept, _animation_names(kept))


def _compile(rules: list[Rule]) -> _Selectors:
    selectors, always = [], set()
    for rule in style_rules(rules):
        for index, selector in enumerate(rule.selectors):
            key = (id(rule), index)
            try:
                compiled = cssselect2.compile_selector_list(
                    _reader_states_present(selector))
            except (cssselect2.SelectorError, NotImplementedError):
                always.add(key)
                continue
            needs = _needed_classes_and_ids(selector)
            selectors += [_Selector(one, key, needs) for one in compiled]
    return _Selectors(selectors, always)


def _needed_classes_and_ids(selector: list[ast.Node]) -> frozenset[str]:
    """The classes (``.x``) and ids (``#x``) of a selector outside its
    functions and attribute tests: an element of the page must have each
    of them for the selector to match (``.x`` and ``#x`` as written)."""
    needs, previous = set(), None
    for token in selector:
        if token.type == "ident" and previous is not None and \
                previous.type == "literal" and previous.value == ".":
            needs.add(f".{token.value}")
        elif token.type == "hash":
            needs.add(f"#{token.value}")
        previous = token
    return frozenset(needs)


def _reader_states_present(selector: list[ast.Node]) -> list[ast.Node]:
    """The selector with each reader state (``a:hover``) made to match
    (``a:is(*)``); a state inside a function cannot be judged: it raises
    SelectorError, so the selector is always kept."""
    out: list[ast.Node] = []
    for token in selector:
        state = (token.type == "ident" and token.lower_value in READER_STATES
                 and out and out[-1].type == "literal" and out[-1].value == ":"
                 and not (len(out) > 1 and out[-2].type == "literal"
                          and out[-2].value == ":"))
        if state:
            out.pop()
            out += tinycss2.parse_component_value_list(":is(*)")
            continue
        if token.type == "function" and any(
                part.type == "ident" and part.lower_value in READER_STATES
                for part in token.arguments):
            raise cssselect2.SelectorError("a reader state inside "
                                           f":{token.name}()")
        out.append(token)
    return out


def _parse(html: str, script_markup: bool):
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    root = lxml.html.document_fromstring(html, parser=parser)
    if script_markup:
        parent = root.get_element_by_id(SCRIPT_MARKUP_PARENT, None)
        if parent is not None:
            parent.extend(lxml.html.fragments_fromstring(SCRIPT_MARKUP))
    return root


def _keep(rules: list[Rule], used: set[tuple[int, int]]) -> list[Rule]:
    kept: list[Rule] = []
    for rule in rules:
        if isinstance(rule, StyleRule):
            selectors = [selector for index, selector in
                         enumerate(rule.selectors)
                         if (id(rule), index) in used]
            if selectors:
                kept.append(StyleRule(selectors, rule.declarations))
        elif isinstance(rule, GroupRule):
            inner = _keep(rule.rules, used)
            if inner:
                kept.append(GroupRule(rule.at_rule, inner))
        else:
            kept.append(rule)
    return kept


def _animation_names(rules: Iterable[Rule]) -> set[str]:
    names = set()
    for rule in style_rules(rules):
        for declaration in rule.declarations:
            if declaration.lower_name.endswith(("animation",
                                                "animation-name")):
                names.update(token.value for token in declaration.value
                             if token.type == "ident")
    return names


def _drop_unused_keyframes(rules: list[Rule], names: set[str]) -> list[Rule]:
    kept: list[Rule] = []
    for rule in rules:
        if isinstance(rule, GroupRule):
            inner = _drop_unused_keyframes(rule.rules, names)
            if inner:
                kept.append(GroupRule(rule.at_rule, inner))
        elif isinstance(rule, ast.AtRule) and \
                rule.lower_at_keyword.endswith("keyframes") and \
                tinycss2.serialize(rule.prelude).strip() not in names:
            continue
        else:
            kept.append(rule)
    return kept
