"""Writing the calendar feeds into the HTML output when the build ends.

The files come from :mod:`events_guide.data.feeds` (built fully before the
first is written), stamped with the build date, into
the feeds folder of the output (``feeds/``, :mod:`events_guide.published`),
by the web builders only. Each is written to a temporary name
in the same folder and renamed into place, so a reader never sees a
half-written feed.
"""

from __future__ import annotations

import os
import pathlib
import tempfile

from sphinx.util import logging

from ... import published
from ...published import event_page, html_file
from ...data.feeds import CalendarEntries, deadline_files, feed_files
from ..build_date import build_datetime
from .data import event_data

logger = logging.getLogger(__name__)

#: The attribute of the builder that keeps this build's calendar entries.
_ENTRIES = "events_guide_calendar_entries"


def atomic_write(path: pathlib.Path, content: bytes) -> None:
    """Write *content* to *path* through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-",
                                         suffix=path.suffix, delete=False)
    try:
        with handle:
            handle.write(content)
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, path)
    except BaseException:
        pathlib.Path(handle.name).unlink(missing_ok=True)
        raise


def published_address(config, path: str) -> str:
    """The address of a file of the output on the published site
    (``html_baseurl``), or its path when the guide has none."""
    base = (config.html_baseurl or "").strip()
    if base and not base.endswith("/"):
        base += "/"
    return base + path


def published_url(config, pagename: str) -> str:
    """The address of a page on the published site."""
    return published_address(config, html_file(pagename))


def page_url_of(config):
    """Event -> the published address of its page, for the feeds."""
    return lambda event: published_url(config, event_page(event.id))


def calendar_entries(app) -> CalendarEntries:
    """Every dated event's calendar entry, built once per build for the
    feeds and the one-event files."""
    cached = getattr(app.builder, _ENTRIES, None)
    if cached is None:
        cached = CalendarEntries(
            event_data(app.env), app.config.events_guide_uid_domain,
            build_datetime(app.config), page_url_of(app.config))
        setattr(app.builder, _ENTRIES, cached)
    return cached


def _write_feeds(app, exception) -> None:
    if exception is not None or \
            not published.writes_generated_files(app.builder.name):
        return
    files = feed_files(event_data(app.env),
                       uid_domain=app.config.events_guide_uid_domain,
                       stamp=build_datetime(app.config),
                       page_url=page_url_of(app.config),
                       entries=calendar_entries(app))
    files |= deadline_files(event_data(app.env),
                            uid_domain=app.config.events_guide_uid_domain,
                            stamp=build_datetime(app.config),
                            page_url=page_url_of(app.config))
    folder = pathlib.Path(app.outdir) / published.FEEDS_FOLDER
    for name, content in files.items():
        atomic_write(folder / name, content)
    logger.info("events_guide: wrote %d calendar feeds to %s", len(files),
                folder)


#: The right-hand part of every UID the feeds give (the guide's default of
#: ``events_guide_uid_domain``).
DEFAULT_UID_DOMAIN = "events-guide.openstack.org"


def setup_feeds(app) -> None:
    app.add_config_value("events_guide_uid_domain", DEFAULT_UID_DOMAIN,
                         "html", types=frozenset({str}))
    app.connect("build-finished", _write_feeds)
