"""The benchmark's web server: the build as a host serves it, or plain.

``serve(root, compress, site)`` serves a folder on 127.0.0.1 over HTTP/1.1
(keep-alive) from a thread. Every file gets the headers the build ships in
``<site>/_headers``, applied the way Netlify and Cloudflare Pages apply
them (events_guide.sitecheck.headers); the floor page, outside the site,
gets the headers of every path (``/*``). So the strict
Content-Security-Policy holds (a page that breaks it shows console errors
in Lighthouse), and the floor carries the same header bytes as the pages.
With ``compress=True`` text responses are gzipped for clients that accept
gzip, as the shipped ``.htaccess`` asks Apache's mod_deflate to do (zlib's
default level, like mod_deflate's); with ``compress=False`` every file
goes as it is.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import pathlib
import posixpath
import urllib.parse

from events_guide.sitecheck.headers import load_host_config, served_headers
from events_guide.sitecheck.serve import serving

#: The types the shipped .htaccess compresses (AddOutputFilterByType).
COMPRESSED_TYPES = frozenset({
    "text/html", "text/css", "text/javascript", "application/javascript",
    "text/calendar", "application/json", "application/xml", "image/svg+xml",
})
#: Headers a plain-HTTP server on 127.0.0.1 does not send.
NOT_SENT = frozenset({"Strict-Transport-Security", "Content-Type"})


class Handler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that can gzip and adds the shipped headers."""

    protocol_version = "HTTP/1.1"
    compress = False
    site = "events-guide"
    config = None

    def _shipped_headers(self) -> dict[str, str]:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        rel = posixpath.normpath(path.lstrip("/"))
        rel = rel.removeprefix(self.site + "/")
        return {name: value for name, (value, _) in
                served_headers(self.config, rel).items()
                if name not in NOT_SENT}

    def send_head(self):
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404, "File not found")
            return None
        body = path.read_bytes()
        kind = self.guess_type(str(path))
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if self.compress and kind.split(";")[0] in COMPRESSED_TYPES and \
                "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        for name, value in self._shipped_headers().items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def log_message(self, format, *args):  # noqa: A002 - the base's name
        pass


@contextlib.contextmanager
def serve(root: pathlib.Path, compress: bool, site: str):
    """Serve ``root`` on a free 127.0.0.1 port; yield its base URL."""
    handler_class = type("BenchHandler", (Handler,), {
        "compress": compress, "site": site,
        "config": load_host_config(root / site / "_headers")})
    with serving(handler_class, root) as port:
        yield f"http://127.0.0.1:{port}/"
