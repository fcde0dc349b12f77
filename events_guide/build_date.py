"""The date a build stands for, shared by conf.py and our extensions.

``SOURCE_DATE_EPOCH`` when it is set, so that two builds of one commit are
identical (https://reproducible-builds.org/specs/source-date-epoch/); else
today at midnight UTC, so that two builds on the same day agree too.
"""

import datetime
import os

from sphinx.errors import ConfigError


def build_datetime(environ=os.environ) -> datetime.datetime:
    """The moment the build stands for, in UTC."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.datetime.fromtimestamp(int(epoch),
                                                   tz=datetime.timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise ConfigError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds "
                "since 1970-01-01; unset it or give an integer") from None
    today = datetime.datetime.now(tz=datetime.timezone.utc).date()
    return datetime.datetime(today.year, today.month, today.day,
                             tzinfo=datetime.timezone.utc)
