"""Small docutils builders shared by the event directives and the year
pages: tables with a caption and a header row, the cells of an event's
row, external links, source lists, and the one "none announced yet;
watch ..." phrase.
"""

from __future__ import annotations

import datetime
from typing import Iterable

from docutils import nodes

from ...data import Event, KindInfo, Source, day_label
from ...published import event_page


#: What "not verified" in a list of dates means.
NOT_VERIFIED = ("Dates marked \"not verified\" are ones that no source the "
                "guide could check confirms. The guide does not guess them, "
                "and leaves those events out of the calendar feeds.")


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
    """The sources as links, separated by semicolons, each address once
    (the data names a source again for each quote it proves a fact with)."""
    parts: list[nodes.Node] = []
    seen: set[str] = set()
    for source in sources:
        if source.url in seen:
            continue
        if seen:
            parts.append(nodes.Text("; "))
        seen.add(source.url)
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


# -- the cells of an event's row ---------------------------------------------

def dates_cell(today: datetime.date, event: Event) -> list[nodes.Node]:
    """The dates in words, marked "(upcoming)" after *today*."""
    cell: list[nodes.Node] = [nodes.Text(event.dates_label)]
    if event.start is not None and event.start > today:
        cell += [nodes.Text(" "), nodes.strong("", "(upcoming)")]
    return cell


def event_cell(event: Event, link) -> list[nodes.Node]:
    """The name, linked to the event's page (*link*: text and page name
    to a reference node), with its status when it changed and whether it
    stood in for an event. The note and the sources are on its page."""
    cell: list[nodes.Node] = [link(event.name, event_page(event.id))]
    if event.status_label:
        cell += [nodes.Text(" "), nodes.strong(
            "", f"({event.status_label.lower()})",
            classes=["events-guide-status"])]
    if event.stand_in:
        cell += [nodes.Text(" "), nodes.emphasis(
            "", "(held instead, not counted as one)")]
    return cell


def where_cell(event: Event) -> list[nodes.Node]:
    return [nodes.Text(event.place_label)]


def format_cell(event: Event) -> list[nodes.Node]:
    if event.format is None:
        return [nodes.Text("not verified")]
    if event.is_virtual:
        return [nodes.strong("", "Virtual")]
    return [nodes.Text(event.format_label)]
