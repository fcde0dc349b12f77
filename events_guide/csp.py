"""Content-Security-Policy hash sources, as browsers compute them: shared
by the build, which lists each page's inline stylesheet (and the search
page's inline script) in the shipped policy
(:mod:`events_guide.ext.theme.policy`), and the site checks, which make
sure every inline one is listed
(:func:`events_guide.sitecheck.headers.check_inline_hashes`)."""

from __future__ import annotations

import base64
import hashlib

#: The directive that governs each kind of inline element.
DIRECTIVES = {"style": "style-src", "script": "script-src"}


def inline_hash(text: str) -> str:
    """The hash source (``'sha256-...'``) that allows an inline ``<style>``
    or ``<script>`` element with this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def sources(policy: str, directive: str) -> set[str]:
    """The sources of one directive of a policy (else of its
    ``default-src``, which then applies)."""
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), set(words[1:]))
    return directives.get(directive, directives.get("default-src", set()))
