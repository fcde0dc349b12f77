"""What counts as a checkable claim, without Sphinx.

The guide cites a source for every date and figure it states. This module
says, in one place, what "a date or a figure" is (so the build can ask for
a citation) and which ways of writing a date are ambiguous (so the build
can refuse them, cited or not). What makes a citation usable is the
evidence contract, :mod:`events_guide.evidence`;
``events_guide.ext.evidence`` applies both to the pages.
"""

from __future__ import annotations

import dataclasses
import re

from .dates import MONTHS, WEEKDAYS

#: The month names that are claims wherever they stand; "May" is one only
#: where it reads as the month ("in May", "since May", ...), not the verb.
MONTH_NAMES = tuple(month for month in MONTHS if month != "May")
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven",
                "eight", "nine", "ten", "eleven", "twelve", "fifteen",
                "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
                "thousand", "thousands", "dozen", "dozens", "several",
                "a few", "half a", "a couple of")
UNITS = ("day", "week", "month", "year", "hour", "minute", "session",
         "talk", "track", "people", "person", "attendee", "participant",
         "contributor", "edition", "event", "cycle", "release",
         "country", "countries", "city", "cities", "room", "region",
         "continent", "summit", "ptg", "forum", "meetup", "meet-up")

_NUMBER = "|".join(re.escape(word) for word in NUMBER_WORDS)
_UNIT = "|".join(re.escape(unit) for unit in UNITS)

#: The kinds of claim the build asks a citation for, each with a name that
#: the build's message repeats.
CLAIM_PATTERNS = (
    ("a number", re.compile(r"\d")),
    ("a date", re.compile(
        r"\b(?:%s)\b|\b(?:in|since|until|from|by|early|late|mid-?) May\b"
        % "|".join(MONTH_NAMES + WEEKDAYS))),
    ("a figure", re.compile(
        rf"\b(?:{_NUMBER})(?:[- ](?:or|to|and)[- ](?:{_NUMBER}))?"
        rf"[- ](?:{_UNIT})(?:e?s)?\b", re.IGNORECASE)),
    ("a figure", re.compile(
        r"\b(?:hundreds|thousands|dozens|millions) of\b", re.IGNORECASE)),
    ("a frequency", re.compile(
        r"\b(?:once|twice|three times) (?:a|per|each|every) "
        r"(?:year|month|week|(?:release )?cycle)\b", re.IGNORECASE)),
)


@dataclasses.dataclass(frozen=True)
class Claim:
    """A date or figure found in a piece of text."""

    kind: str   # "a number", "a date", ...
    text: str   # the words that make it a claim, with a few around them


def find_claim(text: str) -> Claim | None:
    """The first date or figure stated in *text*, or None."""
    found = []
    for kind, pattern in CLAIM_PATTERNS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), kind, match.group(0)))
    if not found:
        return None
    start, kind, words = min(found)
    return Claim(kind, _excerpt(text, start, start + len(words)))


def _excerpt(text: str, start: int, end: int, around: int = 24) -> str:
    """The claim with the words just around it, on one line."""
    left = text.rfind(" ", 0, max(0, start - around)) + 1
    right = text.find(" ", min(len(text), end + around))
    snippet = text[left:right if right != -1 else len(text)]
    return " ".join(snippet.split())


#: Dates written in figures only: 12/05/2026 is 12 May in Europe and
#: 5 December in the United States, so a reader cannot tell which.
_NUMERIC_DATE = re.compile(
    r"(?<![\w/.-])\d{1,2}(?:/\d{1,2}/(?:\d{4}|\d{2})|\.\d{1,2}\.\d{4})"
    r"(?![\w/-]|\.\d)")


def ambiguous_date(text: str) -> Claim | None:
    """The first date in *text* written in figures only (``12/05/2026``,
    ``12.05.2026``), which readers read in two ways, or None."""
    match = _NUMERIC_DATE.search(text)
    if match is None:
        return None
    return Claim("a date in figures", match.group(0))
