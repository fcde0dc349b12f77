"""The pydantic models of the event data: every rule an entry follows.

Types, required fields and allowed values are declared on the models; the
few rules that link two fields (an end date not before the start, a
virtual event without a city, ...) are field validators. An event's kinds
are checked against the kinds registry passed as validation context
(``{"kinds": ("summit", ...)}``); see :mod:`.kinds`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional, Union, get_args

from pydantic import (BaseModel, ConfigDict, Discriminator, Field,
                      StrictBool, StrictInt, Tag, ValidationInfo,
                      field_validator)

from .. import dates
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
    note: Optional[Note] = None
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
        known = info.data.get("start") or info.data.get("end")
        if info.data.get("year") is None and not known:
            raise ValueError("a month needs a year")
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
        """The year of the event, from its dates or its ``year``."""
        known = self.start or self.end
        return known.year if known else self.year

    @property
    def sort_key(self) -> tuple:
        known = self.start or self.end
        if known:
            return (known.year, known.month, known.day, self.id)
        return (self.year or 0, self.month or 0, 0, self.id)

    @property
    def region_group(self) -> str:
        """The continent, or :data:`ONLINE` for a virtual event."""
        return ONLINE if self.is_virtual else self.region

    @property
    def place_label(self) -> str:
        return "Online" if self.is_virtual else str(self.place)

    @property
    def format_label(self) -> str:
        return FORMAT_LABELS[self.format]

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
