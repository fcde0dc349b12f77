"""The evidence contract, without Sphinx: what a source note is, what
makes its quote and its ``checked`` date usable, and what "drawn from the
data" means.

Three parts of the project meet here:

* the build (``events_guide.ext.evidence``) turns each footnote of a page
  into a :class:`SourceNote` and refuses one whose quote or date is
  unusable;
* the event data (``events_guide.data``) applies the same rules to each
  source of an entry and lists its sources as notes too
  (:func:`events_guide.data.cited_sources`);
* the fact-check (``events_guide.factcheck``) reads the notes back from
  ``evidence.json`` (:data:`EVIDENCE_FILE`) and looks each quote up.
"""

from __future__ import annotations

import dataclasses
import datetime
import re

from .dates import parse_day

#: The longest quote a source may give, in words: enough to prove a fact,
#: short enough to stay evidence rather than borrowed prose.
QUOTE_MAX_WORDS = 30

#: ``checked YYYY-MM-DD`` in a footnote: the day its quote was read.
CHECKED = re.compile(r"\bchecked\s+(\d{4}-\d{2}-\d{2})\b")

#: The class of a quote shown to readers (a footnote's ``:quote:`` role, a
#: source on an event's page), styled to wrap anywhere.
QUOTE_CLASS = "source-quote"

#: The file the evidence builder writes, which the fact-check reads.
EVIDENCE_FILE = "evidence.json"

#: The attribute set on every node the event-data directives make: the
#: facts in it are drawn from the event data, whose sources carry the
#: quotes, so the page need not cite them again.
FROM_DATA = "events_guide_from_data"


@dataclasses.dataclass(frozen=True)
class SourceNote:
    """One source's evidence: where it is cited (``file``, ``line``), its
    address and title, its quotes and the day they were read."""

    file: str
    line: int
    url: str
    title: str
    quotes: tuple[str, ...]
    checked: str

    def as_record(self) -> dict:
        """The note as one entry of ``evidence.json``."""
        record = dataclasses.asdict(self)
        record["quotes"] = list(self.quotes)
        return record

    @classmethod
    def from_record(cls, record: dict) -> "SourceNote":
        """A note read back from ``evidence.json``; KeyError or TypeError
        when the record is not one."""
        return cls(file=str(record["file"]), line=int(record.get("line")
                                                      or 0),
                   url=str(record["url"]), title=str(record.get("title",
                                                                "")),
                   quotes=tuple(str(q) for q in record["quotes"]),
                   checked=str(record.get("checked", "")))


def quote_problem(quote: str) -> str | None:
    """Why *quote* cannot serve as evidence, or None when it can."""
    words = quote.split()
    if not words:
        return "the quote is empty"
    if len(words) > QUOTE_MAX_WORDS:
        return (f"the quote has {len(words)} words; keep it to at most "
                f"{QUOTE_MAX_WORDS} (the few words that prove the fact)")
    if quote.strip()[0] in "\"'“‘" and quote.strip()[-1] in "\"'”’":
        return ("the quote is wrapped in quotation marks; give only the "
                "quoted words (the guide adds the marks)")
    return None


def checked_problem(value, today: datetime.date) -> str | None:
    """Why a ``checked`` date is unusable, or None when it is fine.

    *today* is the real day of the build, not a pinned preview date: a
    quote cannot have been read on a day that has not come yet, but may
    well have been read after the day a preview stands for.
    """
    if value is None:
        return "it says no 'checked YYYY-MM-DD' date"
    try:
        day = parse_day(value)
    except ValueError:
        return f"'checked {value}' is not a real date (YYYY-MM-DD)"
    if day > today:
        return (f"'checked {day.isoformat()}' is in the future (today is "
                f"{today.isoformat()}); write the day you read the quote "
                "in its source")
    return None
