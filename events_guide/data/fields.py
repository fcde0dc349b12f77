"""The field types of the event data: what a single value must be.

Text, slugs, https addresses and ISO dates; a kind id (checked against the
registry given as validation context ``{"kinds": (...)}``); and the parts
of a source's evidence: a short verbatim quote, the day it was checked
(not after the real day, ``{"today": date}``), a short title, and a short
note. The models in :mod:`.models` combine them.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Optional

from pydantic import (AfterValidator, BeforeValidator, StringConstraints,
                      ValidationInfo)

from ..dates import parse_day
from ..evidence import checked_problem, quote_problem

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]


def _https_address(value: Any) -> Any:
    if not isinstance(value, str):
        return value  # pydantic's own "should be a valid string"
    address = value.strip()
    if address.lower().startswith("http://"):
        raise ValueError(f"{address!r} is an http:// address; the guide "
                         "links over https only: write https://"
                         f"{address[len('http://'):]} (if the site has no "
                         "https, find another source)")
    if not re.fullmatch(r"https://[^\s/]+\S*", address):
        raise ValueError(f"{address!r} is not a web address starting with "
                         "https://")
    return address


#: An https address: the guide sends readers nowhere else.
HttpsUrl = Annotated[str, AfterValidator(_https_address)]


def _iso_date(value: Any) -> Any:
    if value is None:
        return value
    if isinstance(value, datetime.datetime):
        raise ValueError(f"{value!r} has a time; write the day only, as "
                         "YYYY-MM-DD")
    return parse_day(value)


#: A date written YYYY-MM-DD, or null when no source confirms it. The field
#: stays required: an entry says ``start: null`` rather than leaving it out.
IsoDate = Annotated[Optional[datetime.date], BeforeValidator(_iso_date)]


def _known_kind(kind: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get("kinds")
    if known is not None and kind not in known:
        raise ValueError(f"{kind!r} is not a kind listed in kinds.yaml")
    return kind


#: A kind id from the registry (kinds.yaml).
KindId = Annotated[Slug, AfterValidator(_known_kind)]


def _usable_quote(quote: str) -> str:
    problem = quote_problem(quote)
    if problem:
        raise ValueError(problem)
    return quote


def _checked_by_today(day: datetime.date,
                      info: ValidationInfo) -> datetime.date:
    today = (info.context or {}).get("today")
    problem = checked_problem(day, today) if today else None
    if problem:
        raise ValueError(problem)
    return day


#: Words copied from the source, at most QUOTE_MAX_WORDS, that prove a fact.
Quote = Annotated[Text, AfterValidator(_usable_quote)]
#: The day a quote was read in its source: a real date, not in the future
#: (the real day is given as validation context ``{"today": date}``).
CheckedDate = Annotated[datetime.date, BeforeValidator(_iso_date),
                        AfterValidator(_checked_by_today)]


#: The longest note an event may carry: what a reader needs to know about
#: its dates or its nature. How a fact was found goes in a YAML comment.
NOTE_MAX_WORDS = 25


def _short_note(note: str) -> str:
    words = len(note.split())
    if words > NOTE_MAX_WORDS:
        raise ValueError(f"the note has {words} words, more than "
                         f"{NOTE_MAX_WORDS}")
    return note


Note = Annotated[Text, AfterValidator(_short_note)]


#: A link's words: short enough to sit in a table cell.
TITLE_MAX_CHARACTERS = 100
Title = Annotated[Text, StringConstraints(max_length=TITLE_MAX_CHARACTERS)]
