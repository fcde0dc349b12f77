"""What of a page a stylesheet's selectors can see: its skeleton.

Selectors match on the tree of elements, their names, the classes and ids
they mention, the presence of attributes and the outcome of attribute
tests (``[href^="#"]``), and whether an element holds text (``:empty``);
never on the text itself, nor on a class, an id or an attribute value that
no selector mentions. Two pages with the same skeleton therefore keep the
same rules, and the purge (:mod:`.purge`) matches a skeleton once: the
pages of a generated family (one per event, one per year) share a
template and have a handful of skeletons between them, however many
events the data holds.

The skeleton keeps, for each element in document order, its tag, every
attribute name (presence), the mentioned classes and ids it has, the
outcome of each attribute test the stylesheet makes on an attribute it
has (a test that cannot be read is answered with the attribute's whole
value, which is always safe), ``lang`` as it is, and whether it holds
text; and where each element opens and closes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from lxml import etree
from tinycss2 import ast

_OPERATORS = ("~=", "|=", "^=", "$=", "*=", "=")


def _walk(tokens: Iterable[ast.Node]):
    for token in tokens:
        yield token
        if token.type == "function":
            yield from _walk(token.arguments)
        elif token.type in ("[] block", "() block"):
            yield from _walk(token.content)


def _attribute_test(block: ast.Node):
    """(name, test) for an attribute selector ``[name op value i]``;
    ``test`` is a function of the value, or None when the selector only
    asks for the attribute's presence. (name, "whole") when it cannot be
    read: the skeleton then keeps the value itself."""
    parts = [token for token in block.content
             if token.type not in ("whitespace", "comment")]
    if not parts or parts[0].type != "ident":
        return None, "whole"
    name = parts[0].lower_value
    if len(parts) == 1:
        return name, None
    operator, rest = "", parts[1:]
    while rest and rest[0].type == "literal" and len(operator) < 2:
        operator += rest[0].value
        rest = rest[1:]
    if operator not in _OPERATORS or not rest or \
            rest[0].type not in ("string", "ident"):
        return name, "whole"
    value = rest[0].value
    flags = [token.lower_value for token in rest[1:]
             if token.type == "ident"]
    if len(rest) > 1 + len(flags) or set(flags) - {"i", "s"}:
        return name, "whole"
    fold = "i" in flags

    def test(actual: str) -> bool:
        left, right = (actual.lower(), value.lower()) if fold else (actual,
                                                                    value)
        if operator == "=":
            return left == right
        if operator == "~=":
            return right in left.split()
        if operator == "|=":
            return left == right or left.startswith(right + "-")
        if not right:
            return False
        if operator == "^=":
            return left.startswith(right)
        if operator == "$=":
            return left.endswith(right)
        return right in left
    return name, test


class Skeletons:
    """The skeleton of a page for the selectors of a stylesheet (each
    selector a list of tinycss2 tokens)."""

    def __init__(self, selectors: Iterable[list[ast.Node]]):
        self.classes: set[str] = set()
        self.ids: set[str] = set()
        self.tests: dict[str, list] = {}
        self.whole: set[str] = {"lang"}
        self._seen: dict[tuple, str] = {}
        for selector in selectors:
            previous = None
            for token in _walk(selector):
                if token.type == "ident" and previous is not None and \
                        previous.type == "literal" and previous.value == ".":
                    self.classes.add(token.value)
                elif token.type == "hash":
                    self.ids.add(token.value)
                elif token.type == "[] block":
                    name, test = _attribute_test(token)
                    if test == "whole":
                        if name is None:
                            self.whole.add("*")
                        else:
                            self.whole.add(name)
                    elif test is not None:
                        self.tests.setdefault(name, []).append(test)
                previous = token

    def forget(self) -> None:
        """Forget the elements described so far (they are kept for the
        pages of one build)."""
        self._seen.clear()

    def _element(self, element) -> str:
        # Pages of a family repeat most elements exactly (the navigation,
        # the header): each distinct one is described once.
        seen = (element.tag, tuple(element.attrib.items()),
                bool(element.text))
        known = self._seen.get(seen)
        if known is None:
            known = self._seen[seen] = self._describe(element)
        return known

    def _describe(self, element) -> str:
        parts = [element.tag if isinstance(element.tag, str) else "?"]
        attributes = element.attrib
        for name in sorted(attributes):
            value = attributes[name]
            if name in self.whole or "*" in self.whole:
                parts.append(f"{name}={value!r}")
                continue
            if name == "class":
                parts.append("." + ".".join(sorted(
                    set(value.split()) & self.classes)))
            elif name == "id":
                parts.append("#" + (value if value in self.ids else ""))
            else:
                parts.append(name)
            parts.append("".join("1" if test(value) else "0"
                                 for test in self.tests.get(name, ())))
        if element.text:
            parts.append("t")
        return " ".join(parts)

    def key(self, root) -> str:
        """A digest of the skeleton of the page whose parsed root is
        ``root`` (an lxml element)."""
        digest = hashlib.sha256()
        for event, element in etree.iterwalk(root, events=("start", "end")):
            if event == "start":
                digest.update(self._element(element).encode("utf-8"))
                digest.update(b"(")
            else:
                digest.update(b")")
        return digest.hexdigest()
