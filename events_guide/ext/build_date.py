"""The one build date of every extension: ``events_guide_build_date``.

The setting pins "today" as ``"YYYY-MM-DD"``; by default it is computed by
:mod:`events_guide.build_date` (``SOURCE_DATE_EPOCH``, else today UTC).
The events directives ("next event", "upcoming"), the feeds' DTSTAMP and
the freshness check all read it through :func:`build_datetime`. It is an
``env`` setting: a new day re-reads every page, so "next event" and a page
that went stale overnight are up to date. Extensions that need it call
``app.setup_extension("events_guide.ext.build_date")``.
"""

from __future__ import annotations

import datetime
import pathlib

from .. import build_date
from ..findings import Finding, display_path
from .stop import stop_build

CONFIG_VALUE = "events_guide_build_date"


def build_datetime(config) -> datetime.datetime:
    """The moment the build stands for, in UTC."""
    return config[CONFIG_VALUE]


def build_day(config) -> datetime.date:
    """The day the build stands for."""
    return build_datetime(config).date()


def _default(config) -> datetime.datetime:
    return build_date.build_datetime()


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


def setup(app):
    app.add_config_value(CONFIG_VALUE, _default, "env",
                         types=frozenset({str, datetime.date}))
    app.connect("config-inited", _resolve)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
