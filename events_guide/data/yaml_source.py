"""Reading the event data's YAML files with line numbers.

Dates stay text (the models check them: a YAML timestamp such as
``2026-02-30`` would otherwise fail inside the YAML library), a key given
twice in one mapping is an error rather than a silent overwrite, and every
value can be traced back to its line for the messages.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

import yaml

from ..findings import display_path
from .errors import EventDataError, data_finding


#: libyaml's parser when PyYAML was built with it (several times faster on
#: the events file), else the pure-Python one; both keep line numbers.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """Safe loader without timestamps that rejects repeated keys."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        "while reading a mapping", node.start_mark,
                        f"found the key {key_node.value!r} twice "
                        f"(first on line {seen[key_node.value] + 1})",
                        key_node.start_mark)
                seen[key_node.value] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


def _child(node, part):
    """The node under *part* (a key or an index), and the line it is on."""
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            child = node.value[part]
            return child, child.start_mark.line + 1
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and \
                    key_node.value == part:
                return value_node, key_node.start_mark.line + 1
    return None, None


@dataclasses.dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its path as shown to people, its data, its nodes."""

    path: str
    data: Any
    root: Any

    def line_of(self, *parts) -> int | None:
        """1-based line of the deepest node along *parts* (keys, indexes)."""
        node, line = self.root, None
        for part in parts:
            node, found = _child(node, part)
            if node is None:
                break
            line = found
        return line


def parse_yaml(text: str, path: str) -> YamlDocument:
    """Parse *text*, read from *path*; raise EventDataError if it is not
    YAML."""
    shown = display_path(path)
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise EventDataError([data_finding(
            shown, mark.line + 1 if mark else None, "", "",
            f"the file is not valid YAML: {problem}",
            "check the indentation and quoting on that line (quote text "
            "that contains ': ' or starts with a special character)")]
        ) from None
    except Exception as exc:  # YAML library internals: never a traceback
        raise EventDataError([data_finding(
            shown, None, "", "", f"the file could not be read as YAML "
            f"({exc})", "compare it with an existing entry")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDocument(shown, data, node)


def read_text(path: str | os.PathLike) -> str:
    """The text of a data file; EventDataError if it cannot be read."""
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise EventDataError([data_finding(
            display_path(path), None, "", "",
            f"cannot read the event data ({exc.__class__.__name__}: {exc})",
            "check the events_guide_events_file and events_guide_kinds_file "
            "paths (doc/source/conf.py, default _data/events.yaml and "
            "_data/kinds.yaml) and that the file is UTF-8 text")]) from None
