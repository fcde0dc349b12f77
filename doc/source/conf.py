"""Sphinx configuration for the OpenStack Events Guide.

Sections, each owned by one concern:

1. Project
2. Extensions (from PyPI, then our own, listed apart)
3. Strictness
4. HTML theme and templates
5. Event data (events_guide.sphinx_events)
6. Publishing: sitemap, Open Graph, 404 page, redirects, freshness
7. Reader experience: CSS, scripts
8. Link checking (``tox -e linkcheck`` only)
9. Offline formats: EPUB, PDF
"""

import datetime
import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent

# Our own extensions are importable whether or not the package is installed
# (tox installs it; a bare ``sphinx-build`` from a checkout works too).
sys.path.insert(0, str(REPO_ROOT))

# -- 1. Project -------------------------------------------------------------

project = "OpenStack Events Guide"
author = "OpenStack Events Guide contributors"

#: The build date: SOURCE_DATE_EPOCH when set, so that builds reproduce.
BUILD_DATE = (
    datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]),
                                    tz=datetime.timezone.utc)
    if os.environ.get("SOURCE_DATE_EPOCH")
    else datetime.datetime.now(tz=datetime.timezone.utc)
)
copyright = f"2019-{BUILD_DATE.year}, {author}"

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
    "sphinx.ext.extlinks",
]

# Our own, from the events_guide package at the repository root.
extensions += [
    "events_guide.sphinx_events",
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
    "collapse_navigation": False,
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

# -- 6. Publishing ----------------------------------------------------------

# -- 7. Reader experience ---------------------------------------------------

# -- 8. Link checking -------------------------------------------------------

# -- 9. Offline formats -----------------------------------------------------
