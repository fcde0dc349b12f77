"""Content-Security-Policy hash sources, as browsers compute them: shared
by the build, which lists each page's inline stylesheet in the shipped
policy (:mod:`events_guide.ext.theme.policy`), and the site checks, which
make sure every page's style is listed
(:func:`events_guide.sitecheck.headers.check_style_hashes`)."""

from __future__ import annotations

import base64
import hashlib


def style_hash(text: str) -> str:
    """The hash source (``'sha256-...'``) that allows a ``<style>``
    element with this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def style_sources(policy: str) -> set[str]:
    """The sources of a policy's ``style-src`` directive (else of its
    ``default-src``, which then applies to styles)."""
    directives = {}
    for directive in policy.split(";"):
        parts = directive.split()
        if parts:
            directives.setdefault(parts[0].lower(), set(parts[1:]))
    return directives.get("style-src", directives.get("default-src", set()))
