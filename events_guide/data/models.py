"""The pydantic models of the event data: every rule an entry follows.

Types, required fields and allowed values are declared on the models; the
few rules that link two fields (an end date not before the start, a
virtual event without a city, ...) are field validators. An event's kinds
are checked against the kinds registry passed as validation context
(``{"kinds": ("summit", ...)}``); see :mod:`.kinds`.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal, Optional, Union, get_args

from pydantic import (AfterValidator, BaseModel, ConfigDict, Discriminator,
                      Field,
                      PrivateAttr, StrictBool, StrictInt, Tag,
                      ValidationInfo, field_validator)

from .. import dates
from .deadlines import DEADLINE_KINDS, moment as deadline_moment
from .deadlines import parse_time, zone
from .fields import (CheckedDate, HttpsUrl, IsoDate, KindId, Note, Quote,
                     Slug, Text, Title)

Region = Literal["Africa", "Asia", "Europe", "North America", "Oceania",
                 "South America"]
REGIONS: tuple[str, ...] = get_args(Region)

#: The group of events held online, beside the continents.
ONLINE = "Online"
#: Where readers look for events near them: each continent, then online.
REGION_GROUPS: tuple[str, ...] = (*REGIONS, ONLINE)


def region_slug(group: str) -> str:
    """``north-america`` for North America: the group's name in URLs."""
    return group.lower().replace(" ", "-")


EventFormat = Literal["in-person", "virtual", "hybrid"]
FORMATS: tuple[str, ...] = get_args(EventFormat)
FORMAT_LABELS = {"in-person": "In person", "virtual": "Virtual",
                 "hybrid": "Hybrid"}
#: What the pages say where no source gives the place.
PLACE_NOT_VERIFIED = "Place not verified"


EventStatus = Literal["scheduled", "cancelled", "postponed", "rescheduled",
                      "moved-online"]
STATUSES: tuple[str, ...] = get_args(EventStatus)
#: What a reader sees beside an event's name (nothing when scheduled).
STATUS_LABELS = {"scheduled": "Scheduled", "cancelled": "Cancelled",
                 "postponed": "Postponed", "rescheduled": "Rescheduled",
                 "moved-online": "Moved online"}
#: The statuses that may say what was planned before (previous_*).
STATUSES_WITH_PREVIOUS = ("postponed", "rescheduled", "moved-online")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Link(_Model):
    """A page to send readers to: a title and an https address."""

    title: Title
    url: HttpsUrl


class Source(Link):
    """Where a fact was read, and the proof: a verbatim quote from that
    page and the day it was read there."""

    quote: Quote
    checked: CheckedDate


def _deadline_kind(kind: str) -> str:
    if kind not in DEADLINE_KINDS:
        raise ValueError(f"{kind!r} is not a kind of deadline; use one of: "
                         f"{', '.join(DEADLINE_KINDS)}")
    return kind


def _time_of_day(text: str) -> str:
    parse_time(text)
    return text


def _time_zone(name: str) -> str:
    zone(name)
    return name


class Deadline(_Model):
    """A key date of an event: what closes (or opens), the day, the time
    and its zone where the source gives one, and the sources that say
    so."""

    kind: Annotated[str, AfterValidator(_deadline_kind)]
    date: IsoDate
    time: Optional[Annotated[str, AfterValidator(_time_of_day)]] = None
    timezone: Optional[Annotated[str, AfterValidator(_time_zone)]] = Field(
        default=None, validate_default=True)
    sources: Annotated[list[Source], Field(min_length=1)]

    #: The line of the deadline in its file (set by the loader).
    _line: Optional[int] = PrivateAttr(default=None)

    @property
    def line(self) -> Optional[int]:
        return self._line

    @field_validator("date")
    @classmethod
    def _a_day(cls, day):
        if day is None:
            raise ValueError("a deadline needs its day, YYYY-MM-DD; leave "
                             "out a deadline no source dates")
        return day

    @field_validator("timezone")
    @classmethod
    def _time_and_zone_together(cls, timezone, info: ValidationInfo):
        if "time" not in info.data:
            return timezone  # the time itself is wrong; said already
        if (timezone is None) != (info.data.get("time") is None):
            raise ValueError("give time and timezone together (a time "
                             "means nothing without its zone), or neither "
                             "for an all-day date")
        return timezone

    @property
    def label(self) -> str:
        return DEADLINE_KINDS[self.kind].label

    @property
    def moment(self):
        """The day, or an aware datetime in the deadline's own zone."""
        return deadline_moment(self.date, self.time, self.timezone)

    @property
    def when_label(self) -> str:
        """``13 June 2025, 23:59 (America/Los_Angeles)``."""
        words = dates.day_label(self.date)
        if self.time is not None:
            words += f", {self.time} ({self.timezone.removeprefix('Etc/')})"
        return words


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
    #: Where, or None when no source gives the place (the key stays
    #: required: an entry says ``place: null``).
    place: Optional[PlaceOrVirtual]
    #: How it is held, or None when no source says.
    format: Optional[EventFormat]
    region: Optional[Region] = Field(default=None, validate_default=True)
    #: [latitude, longitude] of a city the gazetteer does not know (the
    #: map needs it); leave it out otherwise.
    coordinates: Optional[tuple[Annotated[float, Field(ge=-90, le=90)],
                                Annotated[float, Field(ge=-180, le=180)]]
                          ] = None
    sources: Annotated[list[Source], Field(min_length=1)]
    note: Optional[Note] = None
    stand_in: StrictBool = False
    #: What became of the event after it was announced; ``scheduled`` when
    #: nothing did. Any other status is a fact, proven by its own sources.
    status: EventStatus = "scheduled"
    previous_start: IsoDate = Field(default=None, validate_default=True)
    previous_end: IsoDate = Field(default=None, validate_default=True)
    previous_place: Optional[Place] = None
    status_sources: list[Source] = Field(default_factory=list,
                                         validate_default=True)
    #: Key dates: calls for proposals, sign-ups, registration.
    deadlines: list[Deadline] = Field(default_factory=list)

    #: The line of the entry in its file (set by the loader; not a field).
    _line: Optional[int] = PrivateAttr(default=None)

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
        if month is None or "year" not in info.data:
            return month  # no month, or the year is wrong (said already)
        known = info.data.get("start") or info.data.get("end")
        if info.data.get("year") is None and not known:
            raise ValueError("a month needs a year")
        if known is not None and known.month != month:
            raise ValueError(f"month {month} does not match the date {known}")
        return month

    @field_validator("format")
    @classmethod
    def _format_matches_place(cls, fmt, info: ValidationInfo):
        if "place" not in info.data:
            return fmt  # the place itself is wrong; said already
        place = info.data["place"]
        if place == "virtual" and fmt != "virtual":
            raise ValueError("an event with place: virtual has format: "
                             "virtual")
        if fmt == "virtual" and place not in ("virtual", None):
            raise ValueError("a virtual event has place: virtual")
        return fmt

    @field_validator("coordinates")
    @classmethod
    def _coordinates_of_a_place(cls, coordinates, info: ValidationInfo):
        if coordinates is not None and not isinstance(
                info.data.get("place"), Place):
            raise ValueError("only an event held in a city has coordinates")
        return coordinates

    @field_validator("region")
    @classmethod
    def _region_for_in_person(cls, region, info: ValidationInfo):
        if "format" not in info.data:
            return region  # place and format disagree; said already
        place, fmt = info.data.get("place"), info.data["format"]
        if isinstance(place, Place) and region is None:
            raise ValueError(f"an event held in {place.country} needs its "
                             "region (continent)")
        if (fmt == "virtual" or place == "virtual") and region is not None:
            raise ValueError("a virtual event has no region")
        return region

    @field_validator("status")
    @classmethod
    def _moved_online_is_online(cls, status, info: ValidationInfo):
        if status == "moved-online" and info.data.get("format") == \
                "in-person":
            raise ValueError("an event moved online is virtual or hybrid "
                             "now: set its format and place accordingly")
        return status

    @field_validator("previous_start", "previous_end", "previous_place")
    @classmethod
    def _previous_needs_a_change(cls, value, info: ValidationInfo):
        if "status" not in info.data:
            return value  # the status itself is wrong; said already
        status = info.data.get("status", "scheduled")
        if value is not None and status not in STATUSES_WITH_PREVIOUS:
            raise ValueError(f"a {status} event has no {info.field_name}; "
                             "give the status that changed it (postponed, "
                             "rescheduled, moved-online) or leave it out")
        if value is None and status == "rescheduled":
            if info.field_name == "previous_start":
                raise ValueError("a rescheduled event gives previous_start "
                                 "and previous_end: the dates it had "
                                 "before")
            if info.field_name == "previous_end" and \
                    info.data.get("previous_start") is not None:
                raise ValueError("a rescheduled event gives previous_end: "
                                 "the last day it had before")
        return value

    @field_validator("previous_end")
    @classmethod
    def _previous_dates_in_order(cls, end, info: ValidationInfo):
        start = info.data.get("previous_start")
        if end is not None and start is not None and end < start:
            raise ValueError(f"previous_end {end} is before previous_start "
                             f"{start}")
        if info.data.get("status") == "rescheduled" and (start, end) == (
                info.data.get("start"), info.data.get("end")):
            raise ValueError("a rescheduled event has new dates, but "
                             "previous_start and previous_end are the same "
                             "as start and end")
        return end

    @field_validator("status_sources")
    @classmethod
    def _status_is_proven(cls, sources, info: ValidationInfo):
        status = info.data.get("status")
        if status is None:
            return sources  # the status itself is wrong; said already
        if status != "scheduled" and not sources:
            raise ValueError(f"status {status!r} needs at least one source "
                             "whose quote proves it")
        if status == "scheduled" and sources:
            raise ValueError("status_sources given, but the event is "
                             "scheduled; give its status or leave them out")
        return sources

    # -- what the pages and feeds need --------------------------------------

    @property
    def line(self) -> Optional[int]:
        """The line of the entry in the events file, when loaded from
        one."""
        return self._line

    @property
    def status_label(self) -> str:
        """``Cancelled``, ``Moved online``, ...; empty when scheduled."""
        return "" if self.status == "scheduled" else \
            STATUS_LABELS[self.status]

    @property
    def previous_dates_label(self) -> str:
        """The dates it had before, in words, or empty."""
        if self.previous_start is None and self.previous_end is None:
            return ""
        return dates.dates_label(self.previous_start, self.previous_end)

    @property
    def all_sources(self) -> list[Source]:
        """Every source of the entry: its facts, then its status."""
        return [*self.sources, *self.status_sources]

    @property
    def last_checked(self) -> datetime.date:
        """The latest day one of its quotes was read: when the entry's
        facts were last confirmed."""
        return max(source.checked for source in self.all_sources)

    @property
    def is_virtual(self) -> bool:
        return self.place == "virtual"

    @property
    def has_dates(self) -> bool:
        """Both dates verified: the event can go into a calendar."""
        return self.start is not None and self.end is not None

    @property
    def known_year(self) -> Optional[int]:
        """The year of the event, from its dates or its ``year``."""
        known = self.start or self.end
        return known.year if known else self.year

    @property
    def sort_key(self) -> tuple:
        """Date order; an event known only by its month or year comes
        after the dated events of that month or year (the end of the
        period it may fall in), not before them."""
        known = self.start or self.end
        if known:
            return (known.year, known.month, known.day, self.id)
        return (self.year or 0, self.month or 13, 32, self.id)

    @property
    def region_group(self) -> Optional[str]:
        """The continent, or :data:`ONLINE` for a virtual event (None when
        neither is known)."""
        return ONLINE if self.is_virtual else self.region

    @property
    def fully_known(self) -> bool:
        """Dates, place and format all verified: enough for a search
        engine's event listing."""
        return self.has_dates and self.place is not None and \
            self.format is not None

    @property
    def place_label(self) -> str:
        if self.place is None:
            return PLACE_NOT_VERIFIED
        return "Online" if self.is_virtual else str(self.place)

    @property
    def format_label(self) -> str:
        return FORMAT_LABELS.get(self.format, "Not verified")

    @property
    def dates_label(self) -> str:
        """The dates in words, saying plainly what is not verified."""
        return dates.dates_label(self.start, self.end, self.year,
                                 self.month)


class KindInfo(_Model):
    """One kind of event in the registry: its name, the page (docname)
    that covers it, and what the comparison table and its "at a glance"
    box say about it."""

    name: Text
    page: Text
    audience: Text
    length: Text
    format: Text
    frequency: Text
    organizer: Text
    where: Text
    where_to_look: Link
    sources: Annotated[list[Source], Field(min_length=1)]
    #: The organization that runs every event of the kind (its name and
    #: address), for the events' structured data; none where organizers
    #: differ from event to event (the Days, the meetups).
    organizer_link: Optional[Link] = None
    #: The first year it ran them (earlier events name no organizer).
    organizer_since: Optional[Annotated[StrictInt, Field(
        ge=2000, le=2100)]] = None
    #: The most days an event of the kind lasts; a longer one needs a note
    #: that says why (the data checks: events_guide.data.consistency).
    max_days: Optional[Annotated[StrictInt, Field(ge=1, le=366)]] = None
