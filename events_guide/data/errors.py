"""The one error the event data raises: :class:`EventDataError`, holding
every problem found as a :class:`~events_guide.findings.Finding`.

Each finding names the file, the line, the entry and the field at fault,
what is wrong and how to fix it; nothing else leaves the loaders, whatever
the input.
"""

from __future__ import annotations

from typing import Iterable

from ..findings import Finding, format_report, sort_findings

#: The ``check`` of every finding about the event data.
CHECK = "event-data"


def data_finding(path: str, line: int | None, entry: str, field: str,
                 what: str, fix: str) -> Finding:
    """A finding about one entry and field (either may be empty).

    ``what`` and ``fix`` are given without a final full stop; the finding
    reads ``entry 'x' (#2), field 'end': <what>.`` and ``<fix>.``.
    """
    label = ", ".join(part for part in (
        entry, f"field '{field}'" if field else "") if part)
    return Finding(file=path, line=line or None, html="", check=CHECK,
                   subject=field or entry,
                   what=f"{label + ': ' if label else ''}{what}.",
                   fix=f"{fix}.")


def stray_top_level_keys(doc, key: str) -> list[Finding]:
    """A finding for each top-level key of a data file (a parsed
    :class:`~events_guide.data.yaml_source.YamlDocument`) but ``key``."""
    return [data_finding(doc.path, doc.line_of(stray) or 1, "top level",
                         str(stray), "is not a known top-level key",
                         f"keep only the key {key}: at the top of the file")
            for stray in doc.data if stray != key]


class EventDataError(Exception):
    """The event data cannot be used.

    ``findings`` lists every problem, sorted by file and line; the message
    is the usual report of them all.
    """

    def __init__(self, findings: Iterable[Finding]):
        self.findings = tuple(sort_findings(findings))
        super().__init__(format_report(self.findings, title="Event data"))
