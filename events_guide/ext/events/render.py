"""Small docutils builders shared by the event directives: tables with a
caption and a header row, external links, source lists, and the one
"none announced yet; watch ..." phrase.
"""

from __future__ import annotations

from typing import Iterable

from docutils import nodes

from ...data import KindInfo, Source, day_label


def as_nodes(value) -> list[nodes.Node]:
    """A cell or field value (text, a node or a list of nodes) as nodes."""
    if isinstance(value, nodes.Node):
        return [value]
    if isinstance(value, (list, tuple)):
        return list(value)
    return [nodes.Text(str(value))]


def _cell(value) -> nodes.entry:
    entry = nodes.entry()
    if isinstance(value, nodes.paragraph) or (
            isinstance(value, nodes.Element)
            and not isinstance(value, (nodes.Inline, nodes.TextElement))):
        entry += value
    else:
        entry += nodes.paragraph("", "", *as_nodes(value))
    return entry


def _row(values) -> nodes.row:
    row = nodes.row()
    for value in values:
        row += _cell(value)
    return row


def table(caption: str, headers: list[str], rows: list[list],
          classes: Iterable[str] = ()) -> nodes.table:
    """An accessible table: a caption and a header row."""
    result = nodes.table(classes=["events-guide-table", *classes])
    result += nodes.title("", caption)
    group = nodes.tgroup(cols=len(headers))
    result += group
    for _ in headers:
        group += nodes.colspec(colwidth=1)
    group += nodes.thead("", _row(headers))
    body = nodes.tbody()
    group += body
    for values in rows:
        body += _row(values)
    return result


def count(number: int, word: str = "event") -> str:
    """``1 event``, ``2 events``."""
    return f"{number} {word}{'' if number == 1 else 's'}"


def link(text: str, url: str) -> nodes.reference:
    return nodes.reference("", text, refuri=url, internal=False)


def source_links(sources: Iterable[Source]) -> list[nodes.Node]:
    """The sources as links, separated by semicolons."""
    parts: list[nodes.Node] = []
    for index, source in enumerate(sources):
        if index:
            parts.append(nodes.Text("; "))
        parts.append(link(source.title, source.url))
    return parts


def where_to_look(info: KindInfo) -> nodes.reference:
    """The link to where the next event of a kind is announced."""
    return link(info.where_to_look.title, info.where_to_look.url)


def none_announced(info: KindInfo, *, as_of=None,
                   capital: bool = False) -> list[nodes.Node]:
    """``none announced yet; watch <where to look>``.

    With *as_of* (a date), the sentence form: ``none announced yet (as of
    1 January 2030). Watch <where to look> for the announcement``.
    """
    start = "None" if capital else "none"
    if as_of is None:
        return [nodes.Text(f"{start} announced yet; watch "),
                where_to_look(info)]
    return [nodes.Text(f"{start} announced yet (as of {day_label(as_of)}). "
                       "Watch "),
            where_to_look(info), nodes.Text(" for the announcement")]
