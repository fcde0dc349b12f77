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

import contextlib
import functools
import http.server
import os
import pathlib
import threading

import pytest

from browser_checks import SITE_PREFIX, Visitor, site_pages

#: The strict policy every page must live with (no 'unsafe-inline').
CONTENT_SECURITY_POLICY = "default-src 'self'"

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


def shipped_headers(root: pathlib.Path) -> dict[str, str]:
    """The headers ``_headers`` (from doc/source/_extra) sets for ``/*``."""
    headers, in_block = {}, False
    path = root / "_headers"
    if not path.is_file():
        return headers
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            in_block = line.strip() == "/*"
        elif in_block and ":" in line:
            name, value = line.strip().split(":", 1)
            headers[name.strip()] = value.strip()
    return headers


class _GuideHandler(http.server.SimpleHTTPRequestHandler):
    """Serve one folder under SITE_PREFIX with the shipped headers.

    The Content-Security-Policy is the one ``_headers`` ships when the
    folder has it (it must include ``default-src 'self'``), else the bare
    strict policy.
    """

    extra_headers: dict[str, str] = {}

    def translate_path(self, path):
        if path.startswith(SITE_PREFIX):
            path = "/" + path[len(SITE_PREFIX):]
        return super().translate_path(path)

    def end_headers(self):
        headers = {"Content-Security-Policy": CONTENT_SECURITY_POLICY,
                   **self.extra_headers}
        headers.pop("Strict-Transport-Security", None)  # plain HTTP here
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base's name
        pass


@contextlib.contextmanager
def serve(root: pathlib.Path):
    """Serve ``root`` on 127.0.0.1 (free port); yield the site's base URL."""
    handler_class = type("GuideHandler", (_GuideHandler,),
                         {"extra_headers": shipped_headers(root)})
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{SITE_PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
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


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session (fresh temp profile)."""
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


@pytest.fixture(scope="session")
def visitor(browser, site):
    """A desktop, light-scheme visitor with network guards (shared)."""
    with Visitor(browser, site) as guarded:
        yield guarded
