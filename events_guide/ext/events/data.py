"""Loading the event data when the builder starts.

Both YAML files are loaded and checked once per build, at
``builder-inited``, before any page is read: bad data stops the build
there, each problem logged at its file and line, so no page or feed is
written from it. The checked :class:`~events_guide.data.EventData` is kept
on the environment for the directives (the same object in every parallel
process, so there is nothing to merge or purge per document).
"""

from __future__ import annotations

import pathlib

from ... import data
from ...build_date import real_today
from ..stop import stop_build

_ENV_ATTR = "events_guide_data"


def data_paths(srcdir, config) -> tuple[pathlib.Path, pathlib.Path]:
    """The events file and the kinds registry of the project."""
    return (pathlib.Path(srcdir, config.events_guide_events_file),
            pathlib.Path(srcdir, config.events_guide_kinds_file))


def event_data(env) -> data.EventData:
    """The data checked at the start of this build."""
    return getattr(env, _ENV_ATTR)


def _load(app) -> None:
    try:
        loaded = data.load(*data_paths(app.srcdir, app.config),
                           today=real_today())
    except data.EventDataError as exc:
        count = len(exc.findings)
        stop_build(exc.findings, (
            f"the build stopped: {count} problem{'s' if count != 1 else ''} "
            "in the event data (listed above). No page or calendar feed was "
            "written. Fix the entries and build again; see "
            "contributing/adding-an-event.rst."))
    setattr(app.env, _ENV_ATTR, loaded)


def setup_data(app) -> None:
    app.add_config_value("events_guide_events_file",
                         data.DEFAULT_EVENTS_FILE, "env",
                         types=frozenset({str}))
    app.add_config_value("events_guide_kinds_file", data.DEFAULT_KINDS_FILE,
                         "env", types=frozenset({str}))
    app.connect("builder-inited", _load)
