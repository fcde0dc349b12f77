"""Every source the event data cites, with the file and line citing it.

The data is checked by the models first (see :func:`.events.load`); this
reads the same files again for the places of their sources, which the
evidence builder writes out for ``python -m events_guide.factcheck``.
"""

from __future__ import annotations

import os

from ..evidence import SourceNote
from .yaml_source import YamlDocument, parse_yaml, read_text


def _notes(doc: YamlDocument, entries, top: str) -> list[SourceNote]:
    notes = []
    for key, entry in entries:
        for index, source in enumerate(entry.get("sources") or []):
            notes.append(SourceNote(
                file=doc.path,
                line=doc.line_of(top, key, "sources", index) or 0,
                url=source["url"], title=source["title"],
                quotes=(source["quote"],), checked=str(source["checked"])))
    return notes


def cited_sources(events_path: str | os.PathLike,
                  kinds_path: str | os.PathLike) -> list[SourceNote]:
    """One :class:`~events_guide.evidence.SourceNote` per source of the
    kinds registry and of every event."""
    kinds = parse_yaml(read_text(kinds_path), os.fspath(kinds_path))
    events = parse_yaml(read_text(events_path), os.fspath(events_path))
    return (_notes(kinds, kinds.data["kinds"].items(), "kinds")
            + _notes(events, enumerate(events.data["events"]), "events"))
