"""Sphinx extension ``events_guide.ext.events``: the guide's event data on
its pages, and the calendar feeds.

Directives (one module each):

``.. event-comparison::``      the kinds side by side, in one table
``.. event-glance:: KIND``     a kind's "at a glance" box
``.. event-history:: KIND``    a kind's latest events, and its years
``.. next-event:: [KIND]``     the next event of a kind (or of every kind,
                               as a table), or "none announced yet"
``.. event-feeds:: [KIND]``    download/subscribe links for the feeds
``.. event-index:: region|format``  one section per continent (with its
                               feed) or per format: latest events, years
``.. coming-up::``             the next events of every kind, a short list
``.. closing-soon::``          the nearest deadlines still open, or where
                               to watch for them
``.. event-deadlines:: KIND``  when a kind's usual deadlines fall
``.. whats-new::``             the Atom feed of what is added to the guide
``.. event-map::``             the cities that held events, on a world map

``:year-pages:`text```           a link to the year pages' index

Every event of a year is on a generated year page (:mod:`.archive`,
``history/<year>.html``), and every event has a page of its own
(:mod:`.event_pages`, ``events/<id>.html`` with its calendar file); the
lists above stay short (:mod:`.recent`) and link each event to its page.
Where the output puts the feeds and the generated pages, and which
builders write them, is :mod:`events_guide.published`.

KIND is an id from the kinds registry (``_data/kinds.yaml``). A new
directive is a new module here with a ``setup_<name>(app)`` called below.

Settings (defaults in brackets): ``events_guide_events_file``
[``_data/events.yaml``] and ``events_guide_kinds_file``
[``_data/kinds.yaml``], relative to the source folder;
``events_guide_uid_domain`` [``events-guide.openstack.org``], the right-hand
side of every calendar UID; ``events_guide_build_date`` (see
:mod:`events_guide.ext.build_date`).

The data is checked when the builder starts (:mod:`.data`): bad data stops
the build before any page or feed is written. Pages that show event data
depend on the YAML files, so editing them rebuilds those pages.
"""

from .archive import setup_archive
from .comparison import setup_comparison
from .data import setup_data
from .event_feeds import setup_event_feeds
from .event_index import setup_event_index
from .event_pages import setup_event_pages
from .feeds import setup_feeds
from .figures import setup_figures
from .generated import setup_generated
from .glance import setup_glance
from .history import setup_history
from .key_dates import setup_key_dates
from .next_event import setup_next_event
from .output_links import setup_output_links
from .upcoming import setup_upcoming
from .whats_new import setup_whats_new


def setup(app):
    app.setup_extension("events_guide.ext.build_date")
    setup_data(app)
    setup_output_links(app)
    setup_comparison(app)
    setup_glance(app)
    setup_history(app)
    setup_next_event(app)
    setup_upcoming(app)
    setup_key_dates(app)
    setup_whats_new(app)
    setup_figures(app)
    setup_event_feeds(app)
    setup_event_index(app)
    setup_feeds(app)
    setup_generated(app)
    setup_archive(app)
    setup_event_pages(app)
    return {"version": "2.0", "parallel_read_safe": True,
            "parallel_write_safe": True, "env_version": 2}
