"""The guide's event data: loading and checking ``_data/events.yaml`` and
``_data/kinds.yaml``.

Every rule an entry must follow is declared here, as a pydantic model (types,
required fields, allowed values) plus a few field validators for the rules
that link two fields (an end date not before the start, a virtual event
without a city, ...). Anything wrong becomes one :class:`EventDataError`
that lists every problem found, each with the file, line, entry, field and
a hint on how to fix it. No other exception leaves :func:`load_events` or
:func:`load_kinds`, whatever the input.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
from typing import (Annotated, Any, Iterable, Literal, Optional, Union,
                    get_args)

import yaml
from pydantic import (BaseModel, BeforeValidator, ConfigDict, Discriminator,
                      Field, StrictBool, StrictInt, StringConstraints, Tag,
                      ValidationError, ValidationInfo, field_validator)
from sphinx.errors import SphinxError

KindId = Literal["summit", "conference", "forum", "ptg", "days", "meetup",
                 "ops-meetup"]
#: The event kind ids, in the order the guide presents them.
KIND_IDS: tuple[str, ...] = get_args(KindId)

Region = Literal["Africa", "Asia", "Europe", "North America", "Oceania",
                 "South America"]
REGIONS: tuple[str, ...] = get_args(Region)

EventFormat = Literal["in-person", "virtual", "hybrid"]
FORMATS: tuple[str, ...] = get_args(EventFormat)
FORMAT_LABELS = {"in-person": "In person", "virtual": "Virtual",
                 "hybrid": "Hybrid"}

MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")


class EventDataError(SphinxError):
    """The event data cannot be used.

    ``problems`` lists every :class:`Problem` found (file, line, entry,
    field, what is wrong, how to fix it); the message is all of them, one
    after the other, sorted by file and line.
    """

    category = "Event data error"

    def __init__(self, problems: "Iterable[Problem]"):
        self.problems = tuple(sorted(set(problems)))
        count = len(self.problems)
        paths = sorted({p.path for p in self.problems})
        header = (f"{', '.join(paths)}: {count} problem"
                  f"{'s' if count != 1 else ''} in the event data:")
        super().__init__("\n".join([header, *map(str, self.problems)]))


# -- Reading YAML -------------------------------------------------------------

class _Loader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates as text and rejects repeated keys.

    Dates stay text so that the models check them (a YAML timestamp such as
    ``2026-02-30`` would otherwise crash inside the YAML library), and a key
    given twice in one entry is an error rather than a silent overwrite.
    """

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in seen:
                        raise yaml.constructor.ConstructorError(
                            "while reading a mapping", node.start_mark,
                            f"found the key {key_node.value!r} twice "
                            f"(first on line {seen[key_node.value] + 1})",
                            key_node.start_mark)
                    seen[key_node.value] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _display_path(path: str | os.PathLike) -> str:
    path = os.fspath(path)
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def _read_yaml(text: str, path: str):
    """Parse *text*; return (data, root node) or raise EventDataError."""
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise EventDataError([Problem(
            path, mark.line + 1 if mark else 0, "", "",
            f"the file is not valid YAML: {problem}",
            "check the indentation and quoting on that line (quote text "
            "that contains ': ' or starts with a special character)")]
        ) from None
    except Exception as exc:  # YAML library internals: never a traceback
        raise EventDataError([Problem(
            path, 0, "", "", f"the file could not be read as YAML ({exc})",
            "compare it with an existing entry")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, node


def _mapping_child(node, key):
    """The value node for *key* in a mapping node, with its key node."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return key_node, value_node
    return None, None


def _line_of(node, path: tuple) -> Optional[int]:
    """1-based line of the deepest node along *path* (keys and indexes)."""
    line = None
    for part in path:
        if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
        elif isinstance(node, yaml.MappingNode):
            key_node, value_node = _mapping_child(node, part)
            if key_node is None:
                break
            line = key_node.start_mark.line + 1
            node = value_node
        else:
            break
    return line


# -- Models -------------------------------------------------------------------

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s/]+\S*$")]


def _iso_date(value: Any) -> Any:
    if value is None or (isinstance(value, datetime.date)
                         and not isinstance(value, datetime.datetime)):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(
                f"{value!r} is not a real calendar date") from None
    raise ValueError(f"{value!r} is not a date written as YYYY-MM-DD")


#: A date written YYYY-MM-DD, or null when no source confirms it. The field
#: stays required: an entry says ``start: null`` rather than leaving it out.
IsoDate = Annotated[Optional[datetime.date], BeforeValidator(_iso_date)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    """Where a fact was read: a title and an https address."""

    title: Text
    url: HttpsUrl


class Place(_Model):
    """Where an in-person event was held."""

    city: Text
    country: Text

    def __str__(self) -> str:
        return f"{self.city}, {self.country}"


def _place_tag(value: Any) -> Optional[str]:
    if isinstance(value, str):
        return "virtual"
    if isinstance(value, (dict, Place)):
        return "place"
    return None


PlaceOrVirtual = Annotated[
    Union[Annotated[Place, Tag("place")],
          Annotated[Literal["virtual"], Tag("virtual")]],
    Discriminator(_place_tag, custom_error_type="place_type",
                  custom_error_message="place must be {city, country} or "
                  "the word virtual")]


class Event(_Model):
    """One event. Field order matters: later validators see earlier ones."""

    id: Slug
    name: Text
    kinds: Annotated[list[KindId], Field(min_length=1)]
    start: IsoDate
    end: IsoDate
    year: Optional[Annotated[StrictInt, Field(ge=2000, le=2100)]] = Field(
        default=None, validate_default=True)
    month: Optional[Annotated[StrictInt, Field(ge=1, le=12)]] = Field(
        default=None, validate_default=True)
    place: PlaceOrVirtual
    format: EventFormat
    region: Optional[Region] = Field(default=None, validate_default=True)
    sources: Annotated[list[Source], Field(min_length=1)]
    note: Optional[Text] = None
    stand_in: StrictBool = False

    @field_validator("kinds")
    @classmethod
    def _kinds_unique(cls, kinds):
        repeated = sorted({k for k in kinds if kinds.count(k) > 1})
        if repeated:
            raise ValueError(f"{', '.join(repeated)} is listed twice")
        return kinds

    @field_validator("end")
    @classmethod
    def _end_not_before_start(cls, end, info: ValidationInfo):
        start = info.data.get("start")
        if end is not None and start is not None and end < start:
            raise ValueError(f"the end date {end} is before the start date "
                             f"{start}")
        return end

    @field_validator("year")
    @classmethod
    def _year_matches(cls, year, info: ValidationInfo):
        known = info.data.get("start") or info.data.get("end")
        if year is not None and known is not None and known.year != year:
            raise ValueError(f"year {year} does not match the date {known}")
        return year

    @field_validator("month")
    @classmethod
    def _month_needs_year(cls, month, info: ValidationInfo):
        if month is None:
            return month
        if info.data.get("year") is None and not (
                info.data.get("start") or info.data.get("end")):
            raise ValueError("a month needs a year")
        known = info.data.get("start") or info.data.get("end")
        if known is not None and known.month != month:
            raise ValueError(f"month {month} does not match the date {known}")
        return month

    @field_validator("format")
    @classmethod
    def _format_matches_place(cls, fmt, info: ValidationInfo):
        place = info.data.get("place")
        if place is None:
            return fmt
        if fmt == "virtual" and place != "virtual":
            raise ValueError("a virtual event has place: virtual")
        if fmt != "virtual" and place == "virtual":
            raise ValueError(f"an {fmt} event needs a place with a city and "
                             "a country")
        return fmt

    @field_validator("region")
    @classmethod
    def _region_for_in_person(cls, region, info: ValidationInfo):
        fmt = info.data.get("format")
        if fmt in ("in-person", "hybrid") and region is None:
            raise ValueError(f"an {fmt} event needs its region (continent)")
        if fmt == "virtual" and region is not None:
            raise ValueError("a virtual event has no region")
        return region

    # -- what the pages and feeds need --------------------------------------

    @property
    def is_virtual(self) -> bool:
        return self.place == "virtual"

    @property
    def has_dates(self) -> bool:
        """Both dates verified: the event can go into a calendar."""
        return self.start is not None and self.end is not None

    @property
    def known_year(self) -> Optional[int]:
        known = self.start or self.end
        return known.year if known else self.year

    @property
    def sort_key(self) -> tuple:
        known = self.start or self.end
        if known:
            return (known.year, known.month, known.day, self.id)
        return (self.year or 0, self.month or 0, 0, self.id)

    @property
    def place_label(self) -> str:
        return "Online" if self.is_virtual else str(self.place)

    @property
    def format_label(self) -> str:
        return FORMAT_LABELS[self.format]

    @property
    def dates_label(self) -> str:
        """The dates in words, saying plainly what is not verified."""
        start, end = self.start, self.end
        if start and end:
            return format_date_range(start, end)
        if start:
            return f"from {_day(start)} (end date not verified)"
        if end:
            return f"until {_day(end)} (start date not verified)"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year} (days not verified)"
        if self.year:
            return f"{self.year} (date not verified)"
        return "date not verified"


def _day(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_date_range(start: datetime.date, end: datetime.date) -> str:
    """``9–12 November 2010``, ``26 February – 2 March 2018``, ..."""
    if start == end:
        return _day(start)
    if start.year != end.year:
        return f"{_day(start)} – {_day(end)}"
    if start.month != end.month:
        return (f"{start.day} {MONTHS[start.month - 1]} – {end.day} "
                f"{MONTHS[end.month - 1]} {end.year}")
    return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"


class KindInfo(_Model):
    """What the comparison table and "at a glance" boxes say about a kind."""

    name: Text
    page: Text
    audience: Text
    length: Text
    format: Text
    frequency: Text
    organizer: Text
    where: Text
    where_to_look: Source
    sources: Annotated[list[Source], Field(min_length=1)]


# -- Problems and their messages ----------------------------------------------

#: How to fix a field, shown under each problem about it.
FIELD_HINTS = {
    "id": "use a unique slug of lower-case letters, digits and hyphens, "
          "for example ptg-indri-2026",
    "name": "give the event's name as text",
    "kinds": f"list one or more of: {', '.join(KIND_IDS)}",
    "start": "write the date as YYYY-MM-DD (for example 2026-10-12), or "
             "null if no source confirms it; never guess",
    "end": "write the last day as YYYY-MM-DD, not before start, or null if "
           "no source confirms it",
    "year": "give the year only when a source confirms it and the dates "
            "are null; it must agree with any date given",
    "month": "give the month (1-12) only with a year confirmed by a source",
    "place": "write {city: ..., country: ...} for an event held in person, "
             "or the word virtual for an online one",
    "format": f"use one of: {', '.join(FORMATS)}; it must agree with place",
    "region": f"give the continent for an in-person or hybrid event (one "
              f"of: {', '.join(REGIONS)}); leave it out for a virtual one",
    "sources": "list at least one source, each with a title and an https "
               "url",
    "note": "write the note as text, or leave the field out",
    "stand_in": "write true or false",
    "events": "put the entries in a list under the top-level key events:",
    "kinds_file": "give every kind id (" + ", ".join(KIND_IDS) + ") its "
                  "facts: name, page, audience, length, format, frequency, "
                  "organizer, where, where_to_look, sources",
}


@dataclasses.dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, with enough to find and fix it."""

    path: str
    line: int  # 1-based; 0 when the problem has no line
    entry: str
    field: str
    message: str
    hint: str

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def describe(self) -> str:
        """The problem without its location."""
        what = ", ".join(p for p in (self.entry,
                                     f"field '{self.field}'" if self.field
                                     else "") if p)
        return (f"{what + ': ' if what else ''}{self.message}. "
                f"How to fix: {self.hint}.")

    def __str__(self) -> str:
        return f"{self.location}: {self.describe()}"


def _raise_problems(problems: list[Problem]) -> None:
    if problems:
        raise EventDataError(problems)


def _field_path(loc: tuple) -> tuple:
    """Drop pydantic's union tags from a location: ('place', 'place', 'city')
    is the field place.city."""
    parts = list(loc)
    if len(parts) >= 2 and parts[0] == "place" and parts[1] in ("place",
                                                                "virtual"):
        del parts[1]
    return tuple(parts)


def _message_for(error: dict) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a known field"
    message = error["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix):]
    if kind in ("string_pattern_mismatch",):
        return f"{error.get('input')!r} does not have the expected form"
    return message.rstrip(".")


def _hint_for(field: str, error_type: str, known_fields) -> str:
    if error_type == "extra_forbidden":
        return ("remove it or correct its spelling; known fields: "
                + ", ".join(known_fields))
    return FIELD_HINTS.get(field, "compare the entry with a correct one")


def _label(field_path: tuple) -> str:
    label = ""
    for part in field_path:
        label += f"[{part}]" if isinstance(part, int) else (
            f".{part}" if label else str(part))
    return label


# -- Loading ------------------------------------------------------------------

def _entry_label(raw: Any, index: int) -> str:
    ident = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(ident, str) and ident.strip():
        return f"entry {ident!r} (#{index + 1})"
    return f"entry #{index + 1}"


def parse_events(text: str, path: str = "events.yaml") -> tuple[Event, ...]:
    """Check the text of an events file; return its events in file order.

    Raises :class:`EventDataError` (and nothing else) listing every problem.
    """
    shown = _display_path(path)
    data, root = _read_yaml(text, shown)
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise EventDataError([Problem(
            shown, 1, "", "events",
            "the file must hold a mapping with a list under the key "
            "'events'", "start the file with 'events:' and give each entry "
            "as '- id: ...'")])
    problems: list[Problem] = []
    for key in data:
        if key != "events":
            problems.append(Problem(
                shown, _line_of(root, (key,)) or 1, "top level", str(key),
                "is not a known top-level key",
                "keep only the key events: at the top of the file"))
    events: list[Event] = []
    seen_ids: dict[str, int] = {}
    for index, raw in enumerate(data["events"]):
        entry = _entry_label(raw, index)
        entry_line = _line_of(root, ("events", index)) or 1
        if not isinstance(raw, dict):
            problems.append(Problem(
                shown, entry_line, entry, "", "is not a mapping of fields",
                "write the entry as '- id: ...' followed by its fields "
                "indented below it"))
            continue
        try:
            event = Event.model_validate(raw)
        except ValidationError as exc:
            for error in exc.errors():
                loc = _field_path(error["loc"])
                field = str(loc[0]) if loc else ""
                line = _line_of(root, ("events", index, *loc)) or entry_line
                problems.append(Problem(
                    shown, line, entry, _label(loc), _message_for(error),
                    _hint_for(field, error["type"], Event.model_fields)))
            continue
        if event.id in seen_ids:
            problems.append(Problem(
                shown, _line_of(root, ("events", index, "id")) or entry_line,
                entry, "id",
                f"the id {event.id!r} is already used by entry "
                f"#{seen_ids[event.id] + 1}",
                "give each entry its own id (the id becomes the calendar "
                "UID, so keep published ids unchanged)"))
            continue
        seen_ids[event.id] = index
        events.append(event)
    _raise_problems(problems)
    return tuple(events)


def parse_kinds(text: str, path: str = "kinds.yaml") -> dict[str, KindInfo]:
    """Check the text of a kinds file; return the facts per kind id."""
    shown = _display_path(path)
    data, root = _read_yaml(text, shown)
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise EventDataError([Problem(
            shown, 1, "", "kinds",
            "the file must hold a mapping of kind ids under the key 'kinds'",
            FIELD_HINTS["kinds_file"])])
    problems: list[Problem] = []
    kinds: dict[str, KindInfo] = {}
    for kind_id, raw in data["kinds"].items():
        entry = f"kind {kind_id!r}"
        line = _line_of(root, ("kinds", kind_id)) or 1
        if kind_id not in KIND_IDS:
            problems.append(Problem(
                shown, line, entry, "", "is not a known kind id",
                f"use one of: {', '.join(KIND_IDS)}"))
            continue
        try:
            kinds[kind_id] = KindInfo.model_validate(raw)
        except ValidationError as exc:
            for error in exc.errors():
                loc = tuple(error["loc"])
                hint = (_hint_for("", error["type"], KindInfo.model_fields)
                        if error["type"] == "extra_forbidden"
                        else FIELD_HINTS["kinds_file"])
                problems.append(Problem(
                    shown, _line_of(root, ("kinds", kind_id, *loc)) or line,
                    entry, _label(loc), _message_for(error), hint))
    for kind_id in KIND_IDS:
        if kind_id not in data["kinds"]:
            problems.append(Problem(
                shown, _line_of(root, ("kinds",)) or 1, f"kind {kind_id!r}",
                "", "is missing", FIELD_HINTS["kinds_file"]))
    _raise_problems(problems)
    return {k: kinds[k] for k in KIND_IDS}


def _read_text(path: str | os.PathLike) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise EventDataError([Problem(
            _display_path(path), 0, "", "",
            f"cannot read the event data ({exc.__class__.__name__}: {exc})",
            "check the path configured in section 5 of doc/source/conf.py "
            "and that the file is UTF-8 text")]) from None


def load_events(path: str | os.PathLike) -> tuple[Event, ...]:
    return parse_events(_read_text(path), os.fspath(path))


def load_kinds(path: str | os.PathLike) -> dict[str, KindInfo]:
    return parse_kinds(_read_text(path), os.fspath(path))


@dataclasses.dataclass(frozen=True)
class EventData:
    """Everything the pages and feeds are built from."""

    events: tuple[Event, ...]
    kinds: dict[str, KindInfo]

    def of_kind(self, kind: str) -> list[Event]:
        """Events of *kind*, newest first."""
        return sorted((e for e in self.events if kind in e.kinds),
                      key=lambda e: e.sort_key, reverse=True)

    def newest_first(self) -> list[Event]:
        return sorted(self.events, key=lambda e: e.sort_key, reverse=True)

    def next_event(self, kind: str,
                   today: datetime.date) -> Optional[Event]:
        """The event of *kind* under way or starting soonest after *today*."""
        coming = [e for e in self.events
                  if kind in e.kinds and e.start is not None
                  and (e.end or e.start) >= today]
        return min(coming, key=lambda e: e.sort_key, default=None)

    def in_calendar(self) -> list[Event]:
        """Events with both dates verified, oldest first (feed order)."""
        return sorted((e for e in self.events if e.has_dates),
                      key=lambda e: e.sort_key)

    def left_out_of_calendar(self) -> list[Event]:
        return [e for e in self.newest_first() if not e.has_dates]


def load(events_path, kinds_path) -> EventData:
    """Load and check both files; raise EventDataError naming all problems
    in both."""
    problems: list[Problem] = []
    events = kinds = None
    try:
        events = load_events(events_path)
    except EventDataError as exc:
        problems.extend(exc.problems)
    try:
        kinds = load_kinds(kinds_path)
    except EventDataError as exc:
        problems.extend(exc.problems)
    _raise_problems(problems)
    return EventData(events, kinds)
