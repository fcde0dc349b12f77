"""Sphinx extension: every page says when it was last reviewed.

Each page starts with file-wide metadata naming the day someone last
checked that the page is still true::

    :reviewed: 2026-11-28

This extension warns (so ``-W`` fails the build), naming the page's file and
line and saying how to fix it, when a page:

* has no ``:reviewed:`` date,
* has one that is not a real ``YYYY-MM-DD`` date,
* has one in the future (after the real day), or
* has one older than ``events_guide_review_max_age_months`` (default 12)
  months before the build date (``events_guide_build_date``, see
  :mod:`events_guide.ext.build_date`; a new day re-reads every page, so a
  page that went stale overnight is reported).

It also puts the reviewed date into each HTML page's template context as
``reviewed`` (a ``YYYY-MM-DD`` string, or ``None``) so the footer can show
it. Warnings have type ``freshness`` and subtypes ``missing``, ``malformed``,
``future`` and ``stale``.

Settings: ``events_guide_review_max_age_months`` (how old a review may
be, default 12) and ``events_guide_review_exclude_patterns`` (docnames, as
glob patterns, that need no date; default none).
"""

from __future__ import annotations

import datetime
import re

from sphinx.util import logging
from sphinx.util.matching import Matcher

from ..build_date import real_today
from ..dates import months_before, parse_day
from .build_date import build_day

logger = logging.getLogger(__name__)

FIELD = "reviewed"
_FIELD_LINE = re.compile(rf"^:{FIELD}:", re.MULTILINE)


def parse_reviewed(value) -> datetime.date | None:
    """The date in a ``:reviewed:`` value, or None when it is not one."""
    try:
        return parse_day(value)
    except ValueError:
        return None


def check_reviewed(value, today: datetime.date, max_age_months: int,
                   real_day: datetime.date | None = None
                   ) -> tuple[str, str] | None:
    """Judge one page's ``:reviewed:`` value against the build date
    *today* (too old?) and the real day *real_day* (still to come?; by
    default the build date).

    Returns ``None`` when it is fine, else ``(subtype, message)``.
    """
    real_day = real_day or today
    example = f":{FIELD}: {real_day.isoformat()}"
    if value is None:
        return ("missing",
                f"page has no ':{FIELD}:' date; add '{example}' as the "
                "first line of the file (the day you checked the page is "
                "still true), then a blank line, then the title")
    reviewed = parse_reviewed(value)
    if reviewed is None:
        return ("malformed",
                f"':{FIELD}: {value}' is not a date in YYYY-MM-DD form; "
                f"write it like '{example}'")
    if reviewed > real_day:
        return ("future",
                f"':{FIELD}: {reviewed.isoformat()}' is in the future "
                f"(today is {real_day.isoformat()}); use the day you "
                "actually reviewed the page")
    oldest = months_before(today, max_age_months)
    if reviewed < oldest:
        return ("stale",
                f"page was last reviewed on {reviewed.isoformat()}, more "
                f"than {max_age_months} months before the build date "
                f"{today.isoformat()}; check that the page is still true, "
                f"fix what is not, then set '{example}'")
    return None


def _field_line(app, docname: str) -> int:
    """The line of the ``:reviewed:`` field in the source (1 when absent)."""
    try:
        with open(app.env.doc2path(docname), encoding="utf-8") as source:
            text = source.read()
    except OSError:
        return 1
    match = _FIELD_LINE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _on_config_inited(app, config):
    months = config.events_guide_review_max_age_months
    if not isinstance(months, int) or months < 1:
        logger.warning(
            "events_guide_review_max_age_months must be a whole number of "
            "months (1 or more), not %r; set it in conf.py, e.g. "
            "events_guide_review_max_age_months = 12", months,
            type="freshness", subtype="config")
        config.events_guide_review_max_age_months = 12


def _on_doctree_read(app, doctree):
    """Check the page just read (runs after Sphinx stored its metadata)."""
    env = app.env
    docname = env.docname
    if Matcher(app.config.events_guide_review_exclude_patterns)(docname):
        return
    value = env.metadata.get(docname, {}).get(FIELD)
    problem = check_reviewed(value, build_day(app.config),
                             app.config.events_guide_review_max_age_months,
                             real_today())
    if problem is not None:
        subtype, message = problem
        logger.warning(message, location=(docname, _field_line(app, docname)),
                       type="freshness", subtype=subtype)


def _on_html_page_context(app, pagename, templatename, context, doctree):
    value = app.env.metadata.get(pagename, {}).get(FIELD)
    reviewed = parse_reviewed(value) if value is not None else None
    context["reviewed"] = reviewed.isoformat() if reviewed else None


def setup(app):
    app.setup_extension("events_guide.ext.build_date")
    app.add_config_value("events_guide_review_max_age_months", 12, "env",
                         types=[int])
    app.add_config_value("events_guide_review_exclude_patterns", [], "env",
                         types=[list, tuple])
    app.connect("config-inited", _on_config_inited)
    # Sphinx's own MetadataCollector fills env.metadata at priority 500.
    app.connect("doctree-read", _on_doctree_read, priority=600)
    app.connect("html-page-context", _on_html_page_context)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
