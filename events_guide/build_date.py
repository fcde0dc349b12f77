"""The one date a build stands for, and the real day, without Sphinx.

The build date is ``SOURCE_DATE_EPOCH`` when it is set, so that two
builds of one commit are identical
(https://reproducible-builds.org/specs/source-date-epoch/); else today at
midnight UTC, so that two builds on the same day agree too. A pinned date
(``YYYY-MM-DD``) stands for midnight UTC of that day: it decides "next
event", the feeds' timestamps, the copyright year and which reviews are
too old, so that the guide can be previewed as it was (or will be) on
that day.

The real day (:func:`real_today`) is different: it is the day the build
actually runs, and only says what cannot have happened yet (a quote read,
a page reviewed, on a day still to come). A preview of an earlier date
therefore accepts every ``checked`` date up to today.

Bad values raise ValueError with a message that says how to fix them.
"""

from __future__ import annotations

import datetime
import os

from .dates import parse_day

UTC = datetime.timezone.utc


def environment_build_datetime(environ=os.environ) -> datetime.datetime:
    """The moment a build stands for when nothing pins it, in UTC:
    ``SOURCE_DATE_EPOCH``, else today at midnight."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise ValueError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds "
                "since 1970-01-01; unset it or give an integer") from None
    return midnight(real_today())


def real_today() -> datetime.date:
    """The day it is now, in UTC, whatever date the build stands for."""
    return datetime.datetime.now(tz=UTC).date()


def midnight(day: datetime.date) -> datetime.datetime:
    """Midnight UTC at the start of *day*."""
    return datetime.datetime(day.year, day.month, day.day, tzinfo=UTC)


def pinned_datetime(value) -> datetime.datetime:
    """*value* (a date, a datetime or ``"YYYY-MM-DD"``) as a moment in UTC.

    Raises ValueError naming the value when it is none of these.
    """
    if isinstance(value, datetime.datetime):
        return value.astimezone(UTC) if value.tzinfo else \
            value.replace(tzinfo=UTC)
    return midnight(parse_day(value))
