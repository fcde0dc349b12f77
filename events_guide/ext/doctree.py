"""Small helpers over docutils trees, shared by the extensions."""

from __future__ import annotations

from typing import Iterator

from docutils import nodes


def ancestors(node: nodes.Node) -> Iterator[nodes.Element]:
    """The node's parent, its parent's parent, ... up to the document."""
    node = node.parent
    while node is not None:
        yield node
        node = node.parent
