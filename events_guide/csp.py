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

#: ``<script type>`` values that browsers run (a missing or empty type is
#: JavaScript too); any other type makes the element a data block, such
#: as an event page's ``application/ld+json``.
_RUN_TYPES = frozenset({
    "module", "importmap", "speculationrules", "text/javascript",
    "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript",
    "text/ecmascript", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript"})


def is_data_block(element) -> bool:
    """Is this element (lxml or BeautifulSoup) a ``<script>`` that holds
    data rather than code? Browsers never run a data block, so neither a
    Content-Security-Policy nor the no-script rule of reading pages
    concerns it (HTML standard, "the script element")."""
    name = getattr(element, "name", None) or getattr(element, "tag", "")
    if str(name).lower() != "script":
        return False
    kind = (element.get("type") or "").strip().lower()
    return bool(kind) and kind not in _RUN_TYPES


def inline_elements(elements):
    """The inline elements CSP governs among ``elements`` (``<style>`` and
    ``<script>`` without ``src``): data blocks are left out."""
    return [element for element in elements
            if element.get("src") is None and not is_data_block(element)]


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
