"""Fixtures for the browser tests: the built guide, served and visited
with the package's browser checks (events_guide.sitecheck.browser).

* ``site`` serves the ``built_html`` build on 127.0.0.1 under the path the
  guide is published at, with the headers ``_headers`` ships applied per
  file (events_guide.sitecheck.serve), among them the strict
  Content-Security-Policy.
* ``browser`` is Debian's Chromium (``/usr/bin/chromium`` or
  ``$CHROMIUM_PATH``) driven by Playwright, with a fresh temporary
  profile. Without it the tests fail and say how to install it.
* ``visitor`` opens pages in a browser context that blocks (and records)
  every request leaving localhost, and records console errors, page
  errors and Content-Security-Policy violations as findings.
"""

from __future__ import annotations

import pytest

from events_guide.sitecheck.browser import DESKTOP, Visitor, launch
from events_guide.sitecheck.serve import serve
from events_guide.sitecheck.validity import ToolMissing


@pytest.fixture(scope="module")
def site(built_html):
    """Base URL of the built guide, served as a host serves it."""
    with serve(built_html) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def pages(guide_site):
    """The pages a browser opens, relative to the site root: every page
    not generated from the data, and one per family and stylesheet of the
    generated ones (Site.browser_pages says why that covers them all)."""
    return guide_site.browser_pages


@pytest.fixture(scope="module")
def browser(built_html):
    """One headless Chromium per test module (fresh temporary profile).

    Module scope, and after the build: Playwright's driver threads must
    not be alive while a Sphinx build forks (sphinx-sitemap starts a
    multiprocessing Manager), or the forked process can hang. Other test
    modules build test roots, so the browser closes after each module.
    """
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as error:
        pytest.fail(f"Playwright for Python is missing ({error}); install "
                    "the browser extra: pip install -e '.[browser]'",
                    pytrace=False)
    with sync_playwright() as playwright:
        try:
            chromium = launch(playwright)
        except (ToolMissing, Error) as error:
            pytest.fail(str(error), pytrace=False)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def visitor(browser, site, guide_site):
    """A desktop (1280 pixels wide), light-scheme visitor with network
    guards (shared)."""
    with Visitor(browser, site, guide_site, viewport=DESKTOP) as guarded:
        yield guarded


@pytest.fixture(scope="session")
def focus_indicator():
    """The visible focus indicator (outline or box-shadow) of a page's
    focused element, or None."""
    from events_guide.sitecheck import scripts
    return lambda page: page.evaluate(scripts.FOCUS_INDICATOR)
