"""The one build date of every extension: ``events_guide_build_date``.

The setting pins "today" as ``"YYYY-MM-DD"``; by default it is computed by
:mod:`events_guide.build_date` (``SOURCE_DATE_EPOCH``, else today UTC).
The events directives ("next event", "upcoming"), the feeds' DTSTAMP and
the freshness check all read it through :func:`build_datetime`. It is an
``env`` setting: a new day re-reads every page, so "next event" and a page
that went stale overnight are up to date. Extensions that need it call
``app.setup_extension("events_guide.ext.build_date")``.

The dates Sphinx's own settings print follow it too, once it is resolved
(``config-inited``): ``{build_year}`` in ``copyright`` and
``epub_copyright`` becomes its year; an empty ``version`` and ``release``
become the edition ``YYYY.MM.DD``; a ``rinoh_documents`` entry without a
``date`` gets the day. So a build pinned with ``-D
events_guide_build_date=...`` prints no other date.
"""

from __future__ import annotations

import datetime
import pathlib

from .. import build_date
from ..findings import Finding, display_path
from .stop import stop_build

CONFIG_VALUE = "events_guide_build_date"
#: What ``copyright`` may hold where the build's year goes.
BUILD_YEAR = "{build_year}"


def build_datetime(config) -> datetime.datetime:
    """The moment the build stands for, in UTC."""
    return config[CONFIG_VALUE]


def build_day(config) -> datetime.date:
    """The day the build stands for."""
    return build_datetime(config).date()


def edition(day: datetime.date) -> str:
    """The edition a build of *day* is: ``2026.12.07``."""
    return day.strftime("%Y.%m.%d")


def _default(config) -> datetime.datetime:
    return build_date.environment_build_datetime()


def _resolve(app, config) -> None:
    """Turn the setting into one moment, once, before anything reads it."""
    try:
        config[CONFIG_VALUE] = build_date.pinned_datetime(
            config[CONFIG_VALUE])
    except ValueError as exc:
        conf_py = display_path(pathlib.Path(app.confdir) / "conf.py")
        stop_build([Finding(
            file=conf_py, line=None, html="", check="config",
            subject=CONFIG_VALUE, what=f"{CONFIG_VALUE}: {exc}.",
            fix=f"write {CONFIG_VALUE} = 'YYYY-MM-DD' (in conf.py or with "
            "-D), or leave it unset: then SOURCE_DATE_EPOCH, else today.")],
            "the build stopped before reading any page: no build date.")
    _date_settings(config, build_day(config))


def _date_settings(config, day: datetime.date) -> None:
    """Sphinx's settings that print a date take the build date's."""
    for name in ("copyright", "epub_copyright"):
        value = config[name] if name in config else None
        if isinstance(value, str) and BUILD_YEAR in value:
            config[name] = value.replace(BUILD_YEAR, str(day.year))
    for name in ("version", "release"):
        if not config[name]:
            config[name] = edition(day)
    for document in (config["rinoh_documents"]
                     if "rinoh_documents" in config else None) or ():
        if isinstance(document, dict):
            document.setdefault("date", day.isoformat())


def setup(app):
    app.add_config_value(CONFIG_VALUE, _default, "env",
                         types=frozenset({str, datetime.date}))
    # Before Sphinx's own correct_copyright_year (priority 800).
    app.connect("config-inited", _resolve, priority=300)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
