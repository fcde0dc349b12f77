"""The one date a build stands for, without Sphinx.

``SOURCE_DATE_EPOCH`` when it is set, so that two builds of one commit are
identical (https://reproducible-builds.org/specs/source-date-epoch/); else
today at midnight UTC, so that two builds on the same day agree too. A
pinned date (``YYYY-MM-DD``) stands for midnight UTC of that day. Bad
values raise ValueError with a message that says how to fix them.
"""

from __future__ import annotations

import datetime
import os

UTC = datetime.timezone.utc


def build_datetime(environ=os.environ) -> datetime.datetime:
    """The moment the build stands for, in UTC: SOURCE_DATE_EPOCH, else
    today at midnight."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise ValueError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds "
                "since 1970-01-01; unset it or give an integer") from None
    today = datetime.datetime.now(tz=UTC).date()
    return datetime.datetime(today.year, today.month, today.day, tzinfo=UTC)


def pinned_datetime(value) -> datetime.datetime:
    """*value* (a date, a datetime or ``"YYYY-MM-DD"``) as a moment in UTC.

    Raises ValueError naming the value when it is none of these.
    """
    if isinstance(value, datetime.datetime):
        return value.astimezone(UTC) if value.tzinfo else \
            value.replace(tzinfo=UTC)
    day = value
    if not isinstance(value, datetime.date):
        try:
            day = datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(
                f"{value!r} is not a date written as YYYY-MM-DD") from None
    return datetime.datetime(day.year, day.month, day.day, tzinfo=UTC)
