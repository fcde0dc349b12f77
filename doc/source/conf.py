"""Sphinx configuration for the OpenStack Events Guide.

Sections, each owned by one concern:

1. Project
2. Extensions (from PyPI, then our own, listed apart)
3. Strictness
4. HTML theme and templates
5. Event data (events_guide.ext.events)
6. Publishing: sitemap, Open Graph, 404 page, redirects, freshness
7. Reader experience: CSS, scripts
8. Link checking (``tox -e linkcheck`` only)
9. Offline formats: EPUB, PDF
"""

import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent

# Our own extensions are importable whether or not the package is installed
# (tox installs it; a bare ``sphinx-build`` from a checkout works too).
sys.path.insert(0, str(REPO_ROOT))

from events_guide import published  # noqa: E402

# -- 1. Project -------------------------------------------------------------

project = "OpenStack Events Guide"
author = "OpenStack Events Guide contributors"

#: Every date the build prints is the build date (events_guide.ext.build_date:
#: SOURCE_DATE_EPOCH when set, so that builds reproduce; else -D
#: events_guide_build_date=YYYY-MM-DD; else today, UTC): {build_year} here,
#: the edition (version, release: section 9), the PDF's date, "next event",
#: the feeds and the freshness check all agree.
copyright = f"2019-{{build_year}}, {author}"

#: Where the sources live; "View source" and "Edit this page" point here.
REPOSITORY_URL = os.environ.get(
    "EVENTS_GUIDE_REPOSITORY_URL",
    "https://opendev.org/openstack/events-guide")
REPOSITORY_BRANCH = "master"

#: Licence of the guide's content, named in every page footer.
CONTENT_LICENSE = ("Creative Commons Attribution 4.0 International",
                   "https://creativecommons.org/licenses/by/4.0/")

language = "en"
root_doc = "index"
exclude_patterns = []
templates_path = ["_templates"]

# -- 2. Extensions ----------------------------------------------------------

# From PyPI.
extensions = [
    # Loaded by sphinx-rtd-theme anyway; listed here so that its config
    # value exists when Sphinx compares configurations, or every build
    # says "The configuration has changed (1 option: 'jquery_use_sri')".
    # events_guide.ext.theme keeps jQuery out of the pages.
    "sphinxcontrib.jquery",
    "sphinx.ext.extlinks",
    "sphinx_sitemap",
    "sphinxext.opengraph",
    "notfound.extension",
    "sphinxext.rediraffe",
]

# "Last updated" dates come from git. A source tarball has no history: it
# then builds without the dates instead of failing (see section 6).
IN_GIT_CHECKOUT = (REPO_ROOT / ".git").exists()
if IN_GIT_CHECKOUT:
    extensions.append("sphinx_last_updated_by_git")

# Our own, from the events_guide package at the repository root.
extensions += [
    # Incremental builds publish the same whole-site files (sitemap,
    # search index) as clean ones, and no page whose source is gone.
    "events_guide.ext.whole_site",
    # "Not in any toctree" names the toctree to add the page to.
    "events_guide.ext.toctree_hint",
    "events_guide.ext.events",
    "events_guide.ext.freshness",
    "events_guide.ext.page_summary",
    "events_guide.ext.offline_formats",
    "events_guide.ext.theme",
    "events_guide.ext.evidence",
]

# -- 3. Strictness ----------------------------------------------------------
# Builds run with -W --keep-going -n (see tox.ini): every warning is an
# error, and one run lists all of them.

nitpicky = True
nitpick_ignore = []

# -- 4. HTML theme and templates --------------------------------------------

html_theme = "sphinx_rtd_theme"
html_title = project
html_short_title = "Events Guide"
html_static_path = ["_static"]
html_theme_options = {
    "navigation_depth": 3,
    "collapse_navigation": True,
    "titles_only": False,
    "prev_next_buttons_location": "bottom",
    "style_external_links": False,
}
html_context = {
    "repository_url": REPOSITORY_URL,
    "repository_branch": REPOSITORY_BRANCH,
    "repository_docs_path": "doc/source/",
    "content_license": CONTENT_LICENSE,
}
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = "%Y-%m-%d"

# -- 5. Event data ----------------------------------------------------------
# One checked source for every date in the guide: _data/events.yaml, with
# the kinds registry in _data/kinds.yaml; see
# contributing/adding-an-event.rst. The feeds go into the HTML output
# (never into doc/source) under <html>/feeds/: events.ics, one <kind>.ics
# per kind, events.json. Every setting keeps its default (listed in
# events_guide/ext/events/__init__.py); events_guide_build_date =
# "YYYY-MM-DD" would pin "today" for every extension.

# -- 6. Publishing ----------------------------------------------------------

#: Where the guide is published. Canonical links, the sitemap, Open Graph
#: URLs and the 404 page's links all derive from it.
html_baseurl = "https://docs.openstack.org/events-guide/"

# sitemap.xml lists every page at its published URL; <lastmod> comes from
# git (the same date as the page's "last updated"), so builds reproduce.
sitemap_url_scheme = "{link}"
sitemap_show_lastmod = IN_GIT_CHECKOUT
sitemap_excludes = [published.html_file(page)
                    for page in published.NOT_IN_SITEMAP]
sitemap_indent = 2

# Open Graph tags and <meta name="description"> on every page. The
# description is the page's first paragraph (its summary), handed to
# opengraph by events_guide.ext.page_summary. Pages carry no ``.. meta::``.
ogp_site_url = html_baseurl
ogp_site_name = project
ogp_type = "website"
ogp_enable_meta_description = True
ogp_description_length = 300
ogp_social_cards = {"enable": False}
# sphinxext-opengraph prints "matplotlib is not installed, social cards
# will not be generated" when it is imported without matplotlib, even with
# the cards off (sphinxext/opengraph/__init__.py, 0.13). Import it here
# quietly; Sphinx then reuses the module.
import contextlib  # noqa: E402
import io  # noqa: E402

with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: E402,F401

# The 404 page is served for any missing path, at any depth, so its links
# are absolute under the published path ("/events-guide/"). Its text is in
# _templates/page-not-found.html.
from urllib.parse import urlsplit  # noqa: E402

notfound_urls_prefix = urlsplit(html_baseurl).path
notfound_template = "page-not-found.html"
notfound_context = {"title": "Page not found",
                    "start_page": f"{notfound_urls_prefix}index.html"}

# Pages that moved or went away keep working: each old name is redirected
# in doc/source/redirects.txt (append-only; see that file).
rediraffe_redirects = "redirects.txt"
# The page left at an old address refreshes to the new one without a script
# (the policy refuses inline scripts; see the template).
rediraffe_template = "_templates/redirect.html"

# "Last updated" from git, in UTC so every machine shows the same date.
# A page not (yet) committed shows no date instead of failing the build.
git_last_updated_timezone = "UTC"
git_untracked_show_sourcelink = False
git_untracked_check_dependencies = False
git_exclude_patterns = ["redirects.txt", "locale/**"]
if not IN_GIT_CHECKOUT:
    # Without git the only date Sphinx knows is the build date, which would
    # read as "last updated"; show nothing rather than that.
    html_last_updated_fmt = None

# Freshness (events_guide.ext.freshness): every page's ``:reviewed:`` date
# must be a real date within events_guide_review_max_age_months (default
# 12) of the build date.

# Translations (see contributing/translating.rst): message catalogs from
# ``tox -e gettext``; translated .po files live in doc/source/locale/.
locale_dirs = ["locale/"]
gettext_compact = False
gettext_uuid = False
gettext_location = True

# -- 7. Reader experience ---------------------------------------------------
# Each page carries its own stylesheet inline and no script (only the search
# page has its deferred scripts), no web fonts, no jQuery, no inline script
# (a strict Content-Security-Policy holds, with the styles' hashes): see
# events_guide/ext/theme, tests/browser/ and contributing/hosting.rst.

#: Our own rules, after the theme's CSS (without its web fonts or icon font)
#: and the code colours; each page keeps the rules it uses. EPUB and other
#: builders keep their own stylesheets.
events_guide_theme_css = ["_static/reader.css"]
#: Security headers for hosts (Apache .htaccess, Netlify/Cloudflare _headers).
html_extra_path = ["_extra"]
#: A small SVG icon, so that browsers do not ask for a missing favicon.ico;
#: events_guide.ext.theme puts it into each page as a data: URL.
html_favicon = "_static/favicon.svg"

# -- 8. Link checking -------------------------------------------------------
# Read only by ``tox -e linkcheck``, the one job that goes online; with -W
# every broken link, and every redirect not allowed below, fails it.
# Internal links, #fragments and the https-only rule are checked offline on
# every test run (events_guide/sitecheck, tests/test_links.py).

#: Seconds to wait for a server; some community sites answer slowly.
linkcheck_timeout = 30
#: A network blip should not fail the job: try each link three times.
linkcheck_retries = 3
#: Few links at a time: most point at a handful of community hosts.
linkcheck_workers = 4
#: A host answering "429 Too Many Requests" is retried after the delay it
#: asks for (Retry-After), for up to five minutes, before the link fails.
linkcheck_rate_limit_timeout = 300.0
#: A timeout is reported as a timeout, not as a broken link: slow is not
#: gone, and a human should look before the text changes.
linkcheck_report_timeouts_as_broken = False

#: Check that each #fragment exists in the page it points into...
linkcheck_anchors = True
#: ...except fragments that a page builds with JavaScript: "#!" routes and
#: the line anchors (#L10, #L10-L20) of GitHub's and Gitea's code views.
linkcheck_anchors_ignore = [r"^!", r"^L\d+(-L\d+)?$"]
#: Pages whose anchors all come from JavaScript, so none is in the HTML.
linkcheck_anchors_ignore_for_url = [
    # GitHub renders file views and their headings' ids client-side.
    r"https://github\.com/[^/]+/[^/]+/(blob|tree)/",
]

#: Redirects that are expected; any other redirect fails the job, so that
#: a moved page is noticed and its new address written into the source.
linkcheck_allowed_redirects = {
    # The Foundation's pages moved from openstack.org to openinfra.dev and
    # then openinfra.org; the old Summit pages redirect to their new home.
    r"https://(www\.)?openstack\.org/.*":
        r"https://(www\.openstack\.org|openinfra\.dev|openinfra\.org)/.*",
    # Superuser, the Foundation's magazine, moved with the rest.
    r"https://superuser\.openinfra\.dev/.*":
        r"https://(superuser\.)?openinfra\.(dev|org)/.*",
    # Project documentation sends a folder to its current release or index.
    r"https://docs\.openstack\.org/.*": r"https://docs\.openstack\.org/.*",
    # The PTG bot's front page opens the current event's page.
    r"https://ptg\.opendev\.org/?": r"https://ptg\.opendev\.org/.*",
    # Repository pages add or drop a trailing slash or a default branch.
    r"https://opendev\.org/.*": r"https://opendev\.org/.*",
}

#: Links not checked at all, each with its reason.
linkcheck_ignore = [
    # The live preview of ``tox -e serve`` on the contributor's own machine;
    # nothing listens there when the job runs.
    r"http://(127\.0\.0\.1|localhost)(:\d+)?/?",
    # The guide's own published address: a page added in this change is not
    # online until the change merges; tests/test_links.py checks our pages
    # offline instead.
    r"https://docs\.openstack\.org/events-guide/",
    # Meetup answers automated requests with a login wall or 403, whatever
    # the state of the group, so the check would say nothing.
    r"https://www\.meetup\.com/",
]

# -- 9. Offline formats -----------------------------------------------------

# EPUB (``tox -e epub``, checked by epubcheck) and PDF (``tox -e pdf``,
# rinohtype: no LaTeX needed). Both are linked from
# contributing/publishing.rst and the README.
# The edition: EPUB 3 needs a non-empty version; the build date is the
# natural one for a guide that is always current. Left empty here,
# events_guide.ext.build_date sets both to the build date (YYYY.MM.DD).
version = release = ""

epub_basename = "openstack-events-guide"
epub_title = project
epub_author = author
epub_publisher = "OpenStack community"
epub_copyright = copyright
epub_language = language
# A stable identifier (not a random UUID per build). epubcheck wants the
# NCX uid to equal the OPF identifier, so both are the same name.
epub_identifier = "openstack-events-guide"
epub_uid = "openstack-events-guide"
epub_show_urls = "footnote"
epub_use_index = False
# Files the HTML build publishes that have no place in an e-book.
epub_exclude_files = [published.html_file(published.NOT_FOUND_PAGE),
                      published.SITEMAP, *published.HOST_FILES,
                      "_rediraffe_redirected.json"]

rinoh_documents = [
    {
        "doc": root_doc,
        "target": "openstack-events-guide",
        "title": project,
        "subtitle": "Summits, PTGs, OpenInfra Days and Meet-ups",
        "author": author,
        # No "date": events_guide.ext.build_date gives the build date.
        # Only the pages the landing page lists, each one a chapter: the
        # landing page's own text is navigation, and its toctrees sit in
        # its last section, which would make every page a subsection.
        "toctree_only": True,
        # The stock "book" template with the source notes printed in place
        # (see the comment in the style sheet).
        "template": "_pdf/events-guide.rtt",
    },
]

# -- 10. Evidence -------------------------------------------------------------
# Every date and figure cites a source with a quote
# (events_guide.ext.evidence). The contributing pages state facts about this
# project itself (its budgets, its commands), which its own code and bench
# prove; they are not checked.
events_guide_evidence_exclude = ["contributing/*"]
