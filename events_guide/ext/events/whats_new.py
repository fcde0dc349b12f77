"""The "what is new" Atom feed (``feeds/new.atom``): the events and key
dates most recently added to the guide, dated by the git history of the
events file (:mod:`events_guide.data.whats_new` says how, and what happens
without git or in a shallow clone). Written at the end of a web build,
linked from the head of the landing page and from the ``.. whats-new::``
paragraph."""

from __future__ import annotations

import datetime
import pathlib
import subprocess

from docutils import nodes
from sphinx.util import logging

from ... import published
from ...data.whats_new import WHATS_NEW_FEED, added_dates, atom_feed
from ..build_date import build_datetime
from .data import data_paths, event_data
from .directive import EventDirective
from .feeds import (atomic_write, page_url_of, published_address,
                    published_url)
from .output_links import output_link

logger = logging.getLogger(__name__)

ATOM_TYPE = "application/atom+xml"
TITLE = "New in the OpenStack Events Guide"


def _blame(path: pathlib.Path) -> str | None:
    """``git blame --line-porcelain`` of *path*, or None without git."""
    try:
        result = subprocess.run(
            ["git", "blame", "--line-porcelain", "--", path.name],
            cwd=path.parent, capture_output=True, text=True, check=True,
            timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day,
                             tzinfo=datetime.timezone.utc)


def _added(app):
    """A function: (line, event or deadline) -> when it was added."""
    stamp = build_datetime(app.config)
    events_file = data_paths(app.srcdir, app.config)[0]
    porcelain = _blame(pathlib.Path(events_file))
    dates = added_dates(porcelain, stamp) if porcelain else {}

    def added(line, thing):
        if line in dates:
            return dates[line]
        return _midnight(max(source.checked for source in thing.sources))
    return added


def feed_path() -> str:
    return f"{published.FEEDS_FOLDER}/{WHATS_NEW_FEED}"


def write_atom_feed(app, exception) -> None:
    if exception is not None or \
            not published.writes_generated_files(app.builder.name):
        return
    config = app.config
    content = atom_feed(event_data(app.env), added=_added(app),
                        page_url=page_url_of(config),
                        feed_url=published_address(config, feed_path()),
                        site_url=published_url(config, config.root_doc))
    atomic_write(pathlib.Path(app.outdir) / feed_path(), content)


def head_link(app, pagename, templatename, context, doctree) -> None:
    """The landing page's head names the feed, so feed readers find it."""
    if pagename != app.config.root_doc or \
            not published.writes_generated_files(app.builder.name):
        return
    href = context["pathto"](feed_path(), 1)
    context["metatags"] = context.get("metatags", "") + (
        f'<link rel="alternate" type="{ATOM_TYPE}" title="{TITLE}" '
        f'href="{href}" />\n')


class WhatsNew(EventDirective):
    """A paragraph that offers the feed."""

    def render(self):
        return [nodes.paragraph("", "", nodes.Text(
            "To hear of each event and key date as it is added to the "
            "guide, follow "), output_link("", "what is new (Atom feed)",
                                           feed=WHATS_NEW_FEED),
            nodes.Text(" in a feed reader."))]


def setup_whats_new(app) -> None:
    app.add_directive("whats-new", WhatsNew)
    app.connect("html-page-context", head_link)
    app.connect("build-finished", write_atom_feed)
