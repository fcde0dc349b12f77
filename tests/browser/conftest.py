"""Fixtures for the browser tests: the built guide, served and visited.

* ``site`` serves the ``built_html`` build on 127.0.0.1 (a threaded
  ``http.server`` on a free port, in this process) under the path the
  guide is published at, with the headers the build ships in ``_headers``
  (from ``doc/source/_extra``), among them a strict
  ``Content-Security-Policy`` (``default-src 'self'``, no
  ``'unsafe-inline'``): everything is tested the way a host serves it.
* ``browser`` is Debian's Chromium (``/usr/bin/chromium`` or
  ``$CHROMIUM_PATH``) driven by Playwright, with a fresh temporary profile.
  Without it the tests fail and say how to install it; they never skip.
* ``visitor`` opens pages in a browser context that blocks (and records)
  every request leaving localhost, and records console errors, page errors
  and Content-Security-Policy violations.
"""

from __future__ import annotations

import os

import pytest

from browser_checks import Visitor, serve, site_pages

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def site(built_html):
    """Base URL of the built guide, served with the strict CSP header."""
    with serve(built_html) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def pages(built_html):
    """Every HTML page of the build, as paths relative to the site root."""
    found = site_pages(built_html)
    assert found, f"no HTML pages found in {built_html}"
    return found


def chromium_path() -> str:
    """Debian's Chromium, or fail loudly with how to get it."""
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not os.access(path, os.X_OK):
        pytest.fail(
            f"No Chromium at {path}. The browser tests need Debian's "
            "Chromium: install it with `apt-get install chromium` (as .ci/run "
            "does), or point CHROMIUM_PATH at a Chromium binary. Never use "
            "`playwright install`.", pytrace=False)
    return path


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
                    "the test extras: pip install -e .[test]", pytrace=False)
    path = chromium_path()
    with sync_playwright() as playwright:
        try:
            # launch() always starts from a fresh temporary profile.
            chromium = playwright.chromium.launch(
                executable_path=path, args=CHROMIUM_ARGS)
        except Error as error:
            pytest.fail(f"Chromium at {path} did not start: {error}",
                        pytrace=False)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def visitor(browser, site):
    """A desktop, light-scheme visitor with network guards (shared)."""
    with Visitor(browser, site) as guarded:
        yield guarded
