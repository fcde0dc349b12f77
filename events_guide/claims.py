"""What counts as a checkable claim, and what a quote from a source must be.

The guide cites a source for every date and figure it states. This module
says, in one place and without Sphinx, what "a date or a figure" is (so the
build can ask for a citation) and what makes a quote usable as evidence (so
the build can refuse one that is not). ``events_guide.ext.evidence`` applies
both to the pages; ``events_guide.data`` applies the quote rules to the event
data; ``events_guide.factcheck`` looks the quotes up in their sources.
"""

from __future__ import annotations

import dataclasses
import datetime
import re

#: The longest quote a source may give, in words: enough to prove a fact,
#: short enough to stay evidence rather than borrowed prose.
QUOTE_MAX_WORDS = 30

MONTH_NAMES = ("January", "February", "March", "April", "June", "July",
               "August", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday")
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


# -- quotes and the day they were checked -------------------------------------

CHECKED = re.compile(r"\bchecked\s+(\d{4}-\d{2}-\d{2})\b")


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


def checked_problem(value: str | datetime.date | None,
                    today: datetime.date) -> str | None:
    """Why a 'checked' date is unusable, or None when it is fine."""
    if value is None:
        return "it says no 'checked YYYY-MM-DD' date"
    if isinstance(value, datetime.date):
        day = value
    else:
        try:
            day = datetime.date.fromisoformat(str(value))
        except ValueError:
            return f"'checked {value}' is not a real date (YYYY-MM-DD)"
    if day > today:
        return (f"'checked {day.isoformat()}' is after the build date "
                f"{today.isoformat()}")
    return None
