"""Turning pydantic's validation errors into findings a contributor can act
on: the line of the field at fault (traced through the YAML nodes), the
entry, the field as written in the file, and a hint on how to fix it.
"""

from __future__ import annotations

import typing
from typing import Any, Iterable, Mapping

from pydantic import BaseModel, ValidationError

from ..evidence import QUOTE_MAX_WORDS
from ..findings import Finding
from .errors import data_finding
from .fields import NOTE_MAX_WORDS, TITLE_MAX_CHARACTERS
from .deadlines import DEADLINE_KINDS
from .models import FORMATS, REGIONS
from .yaml_source import YamlDocument

#: How to fix each field of an event, shown under each problem about it.
EVENT_HINTS = {
    "id": "use a unique slug of lower-case letters, digits and hyphens, "
          "for example ptg-indri-2026",
    "name": "give the event's name as text",
    "start": "write the date as YYYY-MM-DD (for example 2026-10-12), or "
             "null if no source confirms it; never guess",
    "end": "write the last day as YYYY-MM-DD, not before start, or null if "
           "no source confirms it",
    "year": "give the year only when a source confirms it and the dates "
            "are null; it must agree with any date given",
    "month": "give the month (1-12) only with a year confirmed by a source",
    "place": "write {city: ..., country: ...} for an event held in person, "
             "the word virtual for an online one, or null if no source "
             "gives the place; never guess",
    "coordinates": "write [latitude, longitude] in degrees (north and east "
                   "positive), only for a city the gazetteer does not know",
    "format": f"use one of: {', '.join(FORMATS)}, or null if no source "
              "says; it must agree with place",
    "region": f"give the continent of an event held somewhere (one of: "
              f"{', '.join(REGIONS)}); leave it out for a virtual one",
    "sources": "list at least one source, each with a title (at most "
               f"{TITLE_MAX_CHARACTERS} characters), an https url, "
               f"a quote (the source's own words, at most {QUOTE_MAX_WORDS},"
               " that prove the dates and place) and checked (the day you "
               "read it there, YYYY-MM-DD)",
    "note": "keep the note to what a reader needs, in at most "
            f"{NOTE_MAX_WORDS} words "
            "(how you found a fact goes in a # comment above the entry), "
            "or leave the field out",
    "stand_in": "write true or false",
    "status": "leave it out while the event is as announced; else one of: "
              "cancelled, postponed, rescheduled (with previous_start and "
              "previous_end), moved-online (with format virtual or hybrid), "
              "and list the sources that say so under status_sources",
    "previous_start": "the first day as announced before the change, "
                      "YYYY-MM-DD, only with a status that changed it",
    "previous_end": "the last day as announced before the change, "
                    "YYYY-MM-DD, not before previous_start",
    "previous_place": "write {city: ..., country: ...}: where the event "
                      "was to be held before it moved",
    "deadlines": "list each key date as {kind: ..., date: YYYY-MM-DD, "
                 "sources: [...]}, with time: 'HH:MM' and timezone: "
                 "(an IANA name such as Europe/Paris) only where the source "
                 "gives a time; kinds: " + ", ".join(DEADLINE_KINDS),
    "status_sources": "list the sources that prove the status, each with a "
                      f"title, an https url, a quote of at most "
                      f"{QUOTE_MAX_WORDS} words and "
                      "checked (YYYY-MM-DD)",
}

#: The fields that hold lists of sources.
SOURCE_LISTS = ("sources", "status_sources")

#: How to fix each field of a source, in either file (a source's field is
#: named after the list that holds it: sources[0].checked).
SOURCE_HINTS = {
    "title": "give the source a short title (at most "
             f"{TITLE_MAX_CHARACTERS} characters) that says what the page "
             "is",
    "url": "give the https address of the page where a reader finds the "
           "quote (a live page, or a permalink of a file at a commit)",
    "quote": f"copy the source's own words, at most {QUOTE_MAX_WORDS}, "
             "that prove the fact, without quotation marks around them",
    "checked": "write the day you read the quote in the source, as "
               "YYYY-MM-DD (today or earlier)",
}

#: How to fix a kind in kinds.yaml, whatever its field.
KIND_HINT = ("give the kind id (a slug such as ops-meetup) its facts: "
             "name, page (the page that covers it), audience, length, "
             "format, frequency, organizer, where, where_to_look (title, "
             "url), sources (each with title, url, quote and checked)")


def kinds_hint(kind_ids: Iterable[str] | None) -> str:
    """How to fix an event's kinds, naming the kinds of the registry."""
    if not kind_ids:
        return "list one or more kind ids from kinds.yaml"
    return f"list one or more of: {', '.join(kind_ids)} (from kinds.yaml)"


def field_label(loc: Iterable) -> str:
    """``sources[0].url`` for the location ('sources', 0, 'url')."""
    label = ""
    for part in loc:
        label += f"[{part}]" if isinstance(part, int) else (
            f".{part}" if label else str(part))
    return label


def _field_path(loc: tuple) -> tuple:
    """Drop pydantic's union tags from a location: ('place', 'place', 'city')
    is the field place.city."""
    parts = list(loc)
    if len(parts) >= 2 and parts[0] == "place" and parts[1] in ("place",
                                                                "virtual"):
        del parts[1]
    return tuple(parts)


def _message_for(error: Mapping[str, Any]) -> str:
    if error["type"] == "missing":
        return "is missing"
    if error["type"] == "extra_forbidden":
        return "is not a known field"
    if error["type"] == "string_pattern_mismatch":
        return f"{error.get('input')!r} does not have the expected form"
    message = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message.rstrip(".")


def _models_in(annotation) -> list[type[BaseModel]]:
    """The models a field's annotation holds (through Optional, list,
    Annotated and unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in typing.get_args(annotation)
            for model in _models_in(argument)]


def _model_at(model: type[BaseModel], path: tuple) -> type[BaseModel]:
    """The model that holds the last part of *path* (a field path such as
    ``("place", "venue")`` or ``("sources", 0, "titel")``)."""
    for part in path[:-1]:
        field = model.model_fields.get(part) if isinstance(part, str) \
            else None
        inner = _models_in(field.annotation) if field is not None else []
        if inner:
            model = inner[0]
    return model


def _hint_for(error, model: type[BaseModel], hints: Mapping[str, str],
              default: str) -> str:
    loc = _field_path(error["loc"])
    in_a_source = len(loc) > 2 and loc[-3] in SOURCE_LISTS
    if error["type"] == "extra_forbidden":
        return ("remove it or correct its spelling; known fields: "
                + ", ".join(_model_at(model, loc).model_fields))
    if in_a_source and str(loc[-1]) in SOURCE_HINTS:
        return SOURCE_HINTS[str(loc[-1])]
    return hints.get(str(loc[0]) if loc else "", default)


def validate_entry(doc: YamlDocument, where: tuple, entry: str,
                   model: type[BaseModel], raw: Any, *,
                   hints: Mapping[str, str], default_hint: str,
                   context: Mapping[str, Any] | None = None):
    """Validate the entry found at *where* in *doc* against *model*.

    Returns ``(model instance or None, findings)``: one finding per error,
    on the line of the field at fault (else of the entry).
    """
    try:
        return model.model_validate(raw, context=context), []
    except ValidationError as exc:
        entry_line = doc.line_of(*where) or 1
        findings: list[Finding] = []
        for error in exc.errors():
            loc = _field_path(error["loc"])
            findings.append(data_finding(
                doc.path, doc.line_of(*where, *loc) or entry_line, entry,
                field_label(loc), _message_for(error),
                _hint_for(error, model, hints, default_hint)))
        return None, findings
