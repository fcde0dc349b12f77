"""Fetching a source once, and saying plainly when it cannot be had.

GitHub file views render their content with JavaScript, so a
``github.com/<owner>/<repo>/blob/<ref>/<path>`` address is read from
``raw.githubusercontent.com`` instead (the same file at the same commit).
"""

from __future__ import annotations

import dataclasses
import re
import urllib.error
import urllib.request

USER_AGENT = ("events-guide-factcheck/1.0 (+https://opendev.org/openstack/"
              "events-guide)")
TIMEOUT = 30
_GITHUB_BLOB = re.compile(
    r"^https://github\.com/([^/]+)/([^/]+)/blob/(.+)$")


@dataclasses.dataclass(frozen=True)
class Fetched:
    """A page's body, or why there is none (``error``)."""

    url: str
    body: str = ""
    content_type: str = ""
    error: str = ""


def readable_address(url: str) -> str:
    """Where the words of *url* can be read without running scripts."""
    match = _GITHUB_BLOB.match(url.split("#", 1)[0])
    if match:
        owner, repo, rest = match.groups()
        return f"https://raw.githubusercontent.com/{owner}/{repo}/{rest}"
    return url.split("#", 1)[0]


def fetch_text(url: str, timeout: float = TIMEOUT) -> Fetched:
    """GET *url*; an HTTP error, refusal, timeout or bad TLS is an error,
    never an exception."""
    request = urllib.request.Request(readable_address(url), headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,text/plain,*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            charset = response.headers.get_content_charset() or "utf-8"
            return Fetched(url, raw.decode(charset, errors="replace"),
                           response.headers.get("Content-Type", ""))
    except urllib.error.HTTPError as error:
        return Fetched(url, error=f"HTTP {error.code} {error.reason}")
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return Fetched(url, error=f"{type(error).__name__}: {reason}")
