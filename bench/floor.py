"""The floor page: the landing page's source through bare docutils.

The lightest page the same text could be: docutils' HTML5 writer with no
theme, no stylesheet and no script. Sphinx-only directives render as
nothing and Sphinx-only roles as their plain text, so docutils needs no
Sphinx at all.
"""

from __future__ import annotations

import pathlib
import re

#: Sphinx-only directives and roles, for the bare docutils floor page.
SPHINX_DIRECTIVES = ["toctree", "only", "index", "glossary", "seealso",
                     "versionadded", "versionchanged", "deprecated",
                     "event-comparison", "event-glance", "event-history",
                     "next-event", "event-feeds", "event-index", "highlight",
                     "literalinclude", "code-block", "tabularcolumns",
                     "centered", "hlist", "sectionauthor", "todo"]
SPHINX_ROLES = ["ref", "doc", "term", "abbr", "download", "numref", "envvar",
                "kbd", "file", "samp", "guilabel", "menuselection",
                "command", "program", "option", "dfn", "any", "pep",
                "quote"]


def render_floor(source_dir: pathlib.Path, out: pathlib.Path) -> pathlib.Path:
    """The landing page's source through bare docutils (HTML5 writer)."""
    from docutils import nodes
    from docutils.core import publish_string
    from docutils.parsers.rst import Directive, directives, roles

    class Ignored(Directive):
        has_content = True
        optional_arguments = 10
        final_argument_whitespace = True
        option_spec = None

        def run(self):
            return []

    Ignored.option_spec = type("AnyOption", (dict,), {
        "__getitem__": lambda self, key: directives.unchanged,
        "__contains__": lambda self, key: True})()

    def plain_role(name, rawtext, text, lineno, inliner, options=None,
                   content=None):
        title = re.sub(r"\s*<[^>]*>$", "", text).lstrip("~!")
        return [nodes.Text(title)], []

    for name in SPHINX_DIRECTIVES:
        directives.register_directive(name, Ignored)
    for name in SPHINX_ROLES:
        roles.register_local_role(name, plain_role)

    source = (source_dir / "index.rst").read_text(encoding="utf-8")
    html = publish_string(
        source, source_path=str(source_dir / "index.rst"), writer_name="html5",
        settings_overrides={"report_level": 5, "halt_level": 5,
                            "output_encoding": "utf-8",
                            "warning_stream": False})
    floor = out / "floor" / "index.html"
    floor.parent.mkdir(parents=True, exist_ok=True)
    floor.write_bytes(html)
    return floor
