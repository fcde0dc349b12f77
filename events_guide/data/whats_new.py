"""What is new in the guide: its events and key dates in the order they
were added, as an Atom feed, without Sphinx.

"Added" is the day the entry's line came into the events file, read from
the file's git history by the caller (:func:`added_dates` takes ``git
blame --line-porcelain`` output): one commit of the guide always gives
the same dates, so two builds of it write the same feed. Where git cannot
say (no git checkout; a line not yet committed; or, in a shallow clone,
every line older than the clone, which git dates to the oldest commit it
has), the feed says what it can: an uncommitted entry is dated by the
build, an entry of a tree without git by the day its facts were last
confirmed (its latest ``checked`` date).
"""

from __future__ import annotations

import datetime
import re
from typing import Callable, Optional

from feedgen.feed import FeedGenerator

from .deadlines import key_dates
from .events import EventData

UTC = datetime.timezone.utc
#: The feed's name in the feeds folder.
WHATS_NEW_FEED = "new.atom"
#: The newest entries the feed keeps.
MAX_ENTRIES = 50
_GROUP = re.compile(r"^([0-9a-f]{40}) \d+ (\d+)")
_UNCOMMITTED = "0" * 40


def added_dates(porcelain: str, uncommitted: datetime.datetime
                ) -> dict[int, datetime.datetime]:
    """Line number -> when that line was committed, from ``git blame
    --line-porcelain``; lines not committed yet get *uncommitted*."""
    dates: dict[int, datetime.datetime] = {}
    line = commit = None
    for text in porcelain.splitlines():
        match = _GROUP.match(text)
        if match:
            commit, line = match.group(1), int(match.group(2))
        elif text.startswith("committer-time ") and line is not None:
            dates[line] = (uncommitted if commit == _UNCOMMITTED else
                           datetime.datetime.fromtimestamp(
                               int(text.split()[1]), tz=UTC))
    return dates


#: When an entry was added, from its line (and the event or deadline, for
#: the fallback).
Added = Callable[[Optional[int], object], datetime.datetime]


def atom_feed(data: EventData, *, added: Added, page_url: Callable,
              feed_url: str, site_url: str) -> bytes:
    """The Atom feed of the newest events and key dates. *added* gives the
    day an entry was added, from its line (and the event or deadline, for
    the fallback)."""
    entries = []
    for event in data.events:
        kinds = ", ".join(data.kinds[kind].name for kind in event.kinds)
        entries.append((added(event.line, event), page_url(event),
                        f"{event.name}: {event.dates_label}, "
                        f"{event.place_label}",
                        f"{event.name} ({kinds}) is in the guide: "
                        f"{event.dates_label}, {event.place_label}."))
    for key_date in key_dates(data.events):
        event, deadline = key_date.event, key_date.deadline
        entries.append((added(deadline.line, deadline),
                        f"{page_url(event)}#{deadline.kind}",
                        f"{deadline.label}: {deadline.when_label} "
                        f"({event.name})",
                        f"{deadline.label} for {event.name}: "
                        f"{deadline.when_label}."))
    entries.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
    entries = entries[:MAX_ENTRIES]
    feed = FeedGenerator()
    feed.id(feed_url)
    feed.title("New in the OpenStack Events Guide")
    feed.subtitle("Events and key dates as they are added to the guide")
    feed.link(href=site_url, rel="alternate")
    feed.link(href=feed_url, rel="self")
    feed.language("en")
    feed.updated(max((entry[0] for entry in entries),
                     default=datetime.datetime(2010, 1, 1, tzinfo=UTC)))
    for when, url, title, summary in reversed(entries):
        item = feed.add_entry()
        item.id(url)
        item.title(title)
        item.link(href=url.split("#")[0])
        item.updated(when)
        item.summary(summary)
    return feed.atom_str(pretty=True)
