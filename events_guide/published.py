"""What the build publishes, and where: said once, without Sphinx.

Every extension that writes into the output and every check of the built
site reads its names from here; nothing else spells them.

* **Builders.** :data:`WEB_BUILDERS` make the web site: the guide's theme,
  the pages generated from the event data, the calendar feeds and the
  whole-site rewriting. Every other builder (``singlehtml``, ``epub``,
  ``rinoh``, ``gettext``, ...) writes none of those, so its links to them
  point at the published copies under ``html_baseurl``
  (:func:`writes_generated_files`).
* **Folders** of the output: the feeds, the assets Sphinx copies, the
  files for hosts.
* **Generated page families** (:class:`PageFamily`): pages with no source
  file, made from the event data, each family in a folder of its own.
  Every page of every family gets the same head as a page from a source
  (description, canonical, Open Graph), is in the sitemap, the search
  index and the inventory of published URLs.
* **Special pages** that Sphinx or an extension writes: search, general
  index, 404.

Page names are Sphinx's (``history/2017``, no suffix); :func:`html_file`
gives the file of the ``html`` builder (``history/2017.html``), which is
what the site checks and the inventory see.
"""

from __future__ import annotations

import dataclasses
import re

# -- builders ----------------------------------------------------------------

#: The builders whose output is the web site readers browse: only they get
#: the theme, the generated pages, the feeds and whole-site rewriting.
WEB_BUILDERS = ("html", "dirhtml")
#: The builder that writes the whole guide as one page (no search page, no
#: general index).
SINGLE_PAGE_BUILDER = "singlehtml"


def writes_generated_files(builder_name: str) -> bool:
    """Does this builder write the generated pages and the feeds into its
    own output? (Else links to them go to the published site.)"""
    return builder_name in WEB_BUILDERS


# -- folders and single files ------------------------------------------------

#: The calendar feeds (``feeds/events.ics``, ``feeds/regions/asia.ics``).
FEEDS_FOLDER = "feeds"
#: Output folders that hold assets and copies, never pages.
ASSET_FOLDERS = ("_static", "_images", "_sources", "_downloads")
#: The headers file of Netlify and Cloudflare Pages.
HEADERS_FILE = "_headers"
#: Apache's per-folder configuration.
HTACCESS_FILE = ".htaccess"
#: Files that tell hosts which headers to send, copied from
#: ``html_extra_path``.
HOST_FILES = (HEADERS_FILE, HTACCESS_FILE)
#: The sitemap sphinx-sitemap writes.
SITEMAP = "sitemap.xml"
#: The world outline the event map is drawn on (events_guide.data.atlas).
WORLD_OUTLINE = "_static/world.svg"
#: Figures drawn from the data as files of their own (each kind's events
#: per year, events_guide.data.atlas.kind_timeline): not in _static, whose
#: files browsers keep for a week, since they change with the data.
FIGURES_FOLDER = "figures"


def kind_timeline_file(kind: str) -> str:
    """The file of a kind's timeline, shown on the kind's page."""
    return f"{FIGURES_FOLDER}/{kind}-per-year.svg"


# -- special pages -----------------------------------------------------------

#: The search page (its results are drawn by its script).
SEARCH_PAGE = "search"
#: Sphinx's general index.
GENERAL_INDEX_PAGE = "genindex"
#: The page hosts serve for a missing address (sphinx-notfound-page), at any
#: depth, so its links are absolute.
NOT_FOUND_PAGE = "404"
#: Pages that are no answer to a search engine's query: out of the sitemap.
NOT_IN_SITEMAP = (SEARCH_PAGE, GENERAL_INDEX_PAGE, NOT_FOUND_PAGE)
#: Pages that carry a script of their own (every other page has none).
PAGES_WITH_SCRIPTS = (SEARCH_PAGE,)


def html_file(pagename: str) -> str:
    """The file of a page in the ``html`` builder's output."""
    return f"{pagename}.html"


# -- generated page families -------------------------------------------------

@dataclasses.dataclass(frozen=True)
class PageFamily:
    """Pages generated from the event data, one folder per family.

    ``folder`` holds every page of the family and nothing else; ``what`` says
    in a few words what one page is (for messages and docs).
    """

    name: str
    folder: str
    what: str

    def page(self, stem: str) -> str:
        """The page name of one page of the family (``history/2017``)."""
        return f"{self.folder}/{stem}"

    def holds(self, rel: str) -> bool:
        """Is this file of the output (``history/2017.html``) in the
        family's folder?"""
        return rel.startswith(self.folder + "/")


#: Every event of a year, with its sources; and the years side by side.
YEAR_PAGES = PageFamily("year pages", "history",
                        "every event of one year, with its sources")
#: One page per event: its facts, its sources, its calendar file.
EVENT_PAGES = PageFamily("event pages", "events",
                         "one event: its facts, sources and calendar file")
#: Every family, in the order the build writes them.
GENERATED_FAMILIES = (YEAR_PAGES, EVENT_PAGES)

#: The index of the year pages.
YEARS_INDEX_PAGE = YEAR_PAGES.page("index")


def year_page(year: int, part: int = 1) -> str:
    """The page name of a year page: ``history/2017``; ``history/2017-2``
    for a second part of a year with many events."""
    return YEAR_PAGES.page(f"{year}{'' if part == 1 else f'-{part}'}")


def event_page(event_id: str) -> str:
    """The page name of an event's page: ``events/ptg-indri-2026``."""
    return EVENT_PAGES.page(event_id)


def event_calendar_file(event_id: str) -> str:
    """The one-event calendar file beside its page (same name, ``.ics``);
    its UID is the event's UID in every feed."""
    return f"{event_page(event_id)}.ics"


def family_of(rel: str) -> PageFamily | None:
    """The generated family a file of the output belongs to, or None."""
    return next((family for family in GENERATED_FAMILIES
                 if family.holds(rel)), None)


# -- published URLs ----------------------------------------------------------

_CALENDAR_FILE = re.compile(rf"^{re.escape(EVENT_PAGES.folder)}/[^/]+\.ics$")


def is_published(rel: str) -> bool:
    """Whether a file of the build (path relative to it) is a URL readers
    may bookmark: a page, the sitemap, a feed or an event's calendar file;
    never an asset or a file for hosts."""
    if rel.startswith(tuple(folder + "/" for folder in ASSET_FOLDERS)):
        return False
    return (rel.endswith(".html") or rel == SITEMAP
            or rel.startswith(FEEDS_FOLDER + "/")
            or bool(_CALENDAR_FILE.match(rel)))


def is_generated(rel: str) -> bool:
    """Is this published file made from the event data (a page of a
    family, or an event's calendar file beside its page), so that adding
    an event adds it without an edit of any committed list?"""
    return family_of(rel) is not None or bool(_CALENDAR_FILE.match(rel))
