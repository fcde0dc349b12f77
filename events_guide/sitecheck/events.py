"""The event pages against the event data: one page per event, and each
page's schema.org ``Event`` (JSON-LD, read with extruct as search engines
read it) saying what the data says.

Every event of the data has exactly one page (``events/<id>.html``), and
every page of that folder is an event of the data. A dated event's page
carries exactly one ``Event`` with what Google's event rich results
require (``name``, ``startDate``, ``location`` with an address or a URL)
and what they recommend that the data knows (``endDate``,
``eventAttendanceMode``, ``eventStatus``, ``description``, ``url``,
``previousStartDate`` when rescheduled), each equal to the data's; an
event whose dates, place or format are not verified has none. Findings
name the entry in ``events.yaml`` (file and line) the page is made from.
"""

from __future__ import annotations

import posixpath

from ..data.structured_data import ATTENDANCE_MODES, EVENT_STATUSES
from ..findings import Finding, sort_findings
from ..published import EVENT_PAGES, event_page, html_file
from .site import Page, Site

#: What every ``Event`` must carry (Google: required, or recommended and
#: known for every dated event).
REQUIRED = ("name", "startDate", "endDate", "location", "eventStatus",
            "eventAttendanceMode", "description", "url")


def json_ld_events(page: Page) -> list[dict]:
    """The schema.org ``Event`` items of a page's JSON-LD."""
    from extruct.jsonld import JsonLdExtractor
    items = JsonLdExtractor().extract(page.html_text)
    return [item for item in items if isinstance(item, dict)
            and item.get("@type") == "Event"]


def _expected(event) -> dict:
    """The values an event's ``Event`` must hold, from the data."""
    values = {"name": event.name,
              "startDate": event.start.isoformat(),
              "endDate": event.end.isoformat(),
              "eventAttendanceMode": ATTENDANCE_MODES[event.format],
              "eventStatus": EVENT_STATUSES[event.status]}
    if event.previous_start is not None:
        values["previousStartDate"] = event.previous_start.isoformat()
    return values


def _location_problem(event, location) -> str | None:
    places = location if isinstance(location, list) else [location]
    types = [place.get("@type") for place in places
             if isinstance(place, dict)]
    if event.format in ("in-person", "hybrid"):
        place = next((p for p in places if isinstance(p, dict)
                      and p.get("@type") == "Place"), None)
        address = (place or {}).get("address") or {}
        if address.get("addressLocality") != event.place.city or \
                address.get("addressCountry") != event.place.country:
            return (f"its location gives no Place with the address "
                    f"{event.place} (found {types})")
    if event.format in ("virtual", "hybrid") and not any(
            isinstance(p, dict) and p.get("@type") == "VirtualLocation"
            and p.get("url") for p in places):
        return f"its location gives no VirtualLocation with a url " \
            f"(found {types})"
    return None


def _page_findings(site: Site, event, page: Page) -> list[Finding]:
    def finding(subject, what):
        return Finding(
            file=site.events_file, line=event.line, html=page.rel,
            check="event-structured-data", subject=subject,
            what=f"{page.rel} (entry {event.id!r}): {what}.",
            fix="The page is made from this entry: build the guide again; "
            "if the problem stays, events_guide/data/structured_data.py "
            "leaves it out or gets it wrong.")

    items = json_ld_events(page)
    if not event.fully_known:
        return [finding("Event", "the event's dates, place or format are "
                        "not verified, yet its page gives search engines "
                        "an Event")] if items else []
    if len(items) != 1:
        return [finding("Event", f"the page has {len(items)} schema.org "
                        "Event items in its JSON-LD; it needs exactly one")]
    item, findings = items[0], []
    for name in REQUIRED:
        if not item.get(name):
            findings.append(finding(name, f"its Event has no {name}"))
    for name, value in _expected(event).items():
        if item.get(name) and item[name] != value:
            findings.append(finding(name, f"its Event says {name} "
                                    f"{item[name]!r}; the data says "
                                    f"{value!r}"))
    if item.get("location"):
        problem = _location_problem(event, item["location"])
        if problem:
            findings.append(finding("location", problem))
    return findings


def check_event_pages(site: Site) -> list[Finding]:
    """One page per event of the data, each with the structured data of
    its event (see the module's docstring)."""
    data = site.event_data
    if data is None:
        return []  # no sources, or no event data, to compare with
    findings = []
    events = {event.id: event for event in data.events}
    for event in data.events:
        rel = html_file(event_page(event.id))
        page = site.page(rel)
        if page is None:
            findings.append(Finding(
                file=site.events_file, line=event.line, html=rel,
                check="event-page", subject=event.id,
                what=f"the entry {event.id!r} has no page {rel}.",
                fix="Build the guide again: every event gets a page."))
            continue
        findings += _page_findings(site, event, page)
    for rel in site.pages:
        stem = posixpath.splitext(posixpath.basename(rel))[0]
        if EVENT_PAGES.holds(rel) and stem not in events:
            findings.append(Finding(
                file=rel, line=None, html=rel, check="event-page",
                subject=stem, what=f"{rel} is the page of no event in "
                f"{site.events_file}.", fix="Build into an empty folder, or "
                "rebuild: the build removes the pages of removed events."))
    return sort_findings(findings)


EVENT_CHECKS = (check_event_pages,)
