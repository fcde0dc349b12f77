"""Serve a built site on 127.0.0.1 the way a host serves it, for the
browser checks: under the path the guide is published at, with the
headers the build ships in ``_headers`` applied to each file as Netlify
and Cloudflare Pages apply them (:func:`.headers.served_headers`).

A folder without ``_headers`` is served with the bare strict policy
(``default-src 'self'``), so seeded pages meet the same rules.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import pathlib
import posixpath
import sys
import threading
import urllib.parse

from ..published import HEADERS_FILE
from .headers import HostConfig, load_host_config, served_headers

#: Where the guide is published (conf.py html_baseurl); 404.html links
#: absolutely under it, so the build is served there too.
SITE_PREFIX = "/events-guide/"

#: The policy sent when the folder ships no ``_headers`` of its own.
CONTENT_SECURITY_POLICY = "default-src 'self'"


class _HostHandler(http.server.SimpleHTTPRequestHandler):
    """Serve one folder under SITE_PREFIX with per-file host headers."""

    config: HostConfig | None = None

    def _rel(self) -> str:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path.startswith(SITE_PREFIX):
            path = path[len(SITE_PREFIX):]
        rel = posixpath.normpath(path.lstrip("/") or ".")
        if rel == "." or path.endswith("/"):
            rel = posixpath.join("" if rel == "." else rel, "index.html")
        return rel

    def translate_path(self, path):
        if path.startswith(SITE_PREFIX):
            path = "/" + path[len(SITE_PREFIX):]
        return super().translate_path(path)

    def _headers(self) -> dict[str, str]:
        if self.config is None:
            return {"Content-Security-Policy": CONTENT_SECURITY_POLICY}
        return {name: value for name, (value, _) in
                served_headers(self.config, self._rel()).items()}

    def guess_type(self, path):
        return self._headers().get("Content-Type") or super().guess_type(
            path)

    def end_headers(self):
        headers = {"Cache-Control": "no-store", **self._headers()}
        for name, value in headers.items():
            # Plain HTTP here: HSTS would be ignored; the type is sent.
            if name not in ("Strict-Transport-Security", "Content-Type"):
                self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base's name
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """A server that lets a browser drop a connection (it aborts requests
    it no longer needs as a page closes) without printing a traceback."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(handler_class, root: pathlib.Path):
    """Serve ``root`` with ``handler_class`` on 127.0.0.1 (a free port, a
    thread of this process); yield the port."""
    handler = functools.partial(handler_class, directory=str(root))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve(root: pathlib.Path):
    """Serve ``root`` on 127.0.0.1 (a free port, a thread of this
    process); yield the site's base URL."""
    root = pathlib.Path(root)
    shipped = root / HEADERS_FILE
    config = load_host_config(shipped) if shipped.is_file() else None
    handler_class = type("HostHandler", (_HostHandler,), {"config": config})
    with serving(handler_class, root) as port:
        yield f"http://127.0.0.1:{port}{SITE_PREFIX}"
