"""Dated facts: a page that states a year or a date cites its sources
(a Sources section or footnotes). The build's evidence extension checks
each block's own citation; this check looks at the page as readers get
it.
"""

from __future__ import annotations

import re

from ..findings import Finding, sort_findings
from .site import Page, Site, clean_text

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|"
           r"June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|"
           r"Nov(?:ember)?|Dec(?:ember)?)")
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:[-–]\d{{1,2}})? "
                        rf"{_MONTHS}\b\.?")
_MONTH_DAY = re.compile(rf"\b{_MONTHS}\.? \d{{1,2}}(?:st|nd|rd|th)?\b")


def _has_sources(page: Page) -> bool:
    if any(text.lower() == "sources" for _, text, _ in page.headings()):
        return True
    return bool(page.main.select(
        "a.footnote-reference, aside.footnote, div.footnote, "
        "table.footnote, .citation"))


def _body_text(page: Page) -> str:
    copy = page.main.__copy__()
    for tag in copy.select("pre, code, .highlight, a.headerlink, script, "
                           "style, footer, nav, [role=navigation], "
                           "[role=contentinfo]"):
        tag.decompose()
    return clean_text(copy)


def check_dates_cited(site: Site) -> list[Finding]:
    """A page that states a year or a date cites its sources (a Sources
    section or footnotes)."""
    findings = []
    for page in site.source_pages:
        text = _body_text(page)
        match = (_YEAR.search(text) or _DAY_MONTH.search(text)
                 or _MONTH_DAY.search(text))
        if match is None or _has_sources(page):
            continue
        stated = match.group(0)
        findings.append(page.finding(
            "dates-uncited", stated,
            f'{page.rel} states a date ("{stated}") but has no Sources '
            "section and no footnotes.",
            "Cite where the date comes from: an auto-numbered footnote "
            "[#]_ after the fact, with its body in a Sources section.",
            line=page.find_line(stated)))
    return sort_findings(findings)


DATE_CHECKS = (check_dates_cited,)
