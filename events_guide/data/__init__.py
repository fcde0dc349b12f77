"""The guide's event data, with no Sphinx in it: ``_data/events.yaml`` (one
entry per event) and ``_data/kinds.yaml`` (the kinds registry), checked by
pydantic models, plus the calendar feeds built from them.

Modules: yaml_source (YAML with line numbers), fields (what one value
must be, quotes and checked dates included), models (the rules),
validation (pydantic errors -> findings), errors (EventDataError), kinds
(the registry), events (events.yaml and EventData), feeds (iCalendar and
JSON as bytes), citations (where each source is cited, for the
fact-check job). Dates in words come from :mod:`events_guide.dates`.

Anything wrong in either file raises :class:`EventDataError`, whose
``findings`` name the file, line, entry and field and say how to fix it.
"""

from .citations import cited_sources
from .errors import CHECK, EventDataError
from .events import EventData, load, load_events, parse_events
from .kinds import (DEFAULT_KINDS_FILE, KIND_PAGE_SECTIONS, kind_pages,
                    load_kinds, parse_kinds)
from .models import (FORMAT_LABELS, FORMATS, ONLINE, REGION_GROUPS, REGIONS,
                     Event, KindInfo, Link, Place, Source, region_slug)
from ..dates import day_label, format_date_range

#: Where the events live, relative to the source folder (the default of
#: the ``events_guide_events_file`` setting).
DEFAULT_EVENTS_FILE = "_data/events.yaml"

__all__ = [
    "CHECK", "DEFAULT_EVENTS_FILE", "DEFAULT_KINDS_FILE",
    "KIND_PAGE_SECTIONS", "Event", "EventData", "EventDataError",
    "FORMATS", "FORMAT_LABELS", "KindInfo", "Link", "ONLINE", "Place",
    "REGIONS", "REGION_GROUPS", "Source", "region_slug",
    "cited_sources", "day_label", "kind_pages", "format_date_range",
    "load", "load_events", "load_kinds", "parse_events", "parse_kinds",
]
