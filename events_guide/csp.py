"""Content-Security-Policy hash sources, as browsers compute them, and how
the policies a page gets combine: shared by the build, which gives each
page a policy of its own allowing its inline stylesheet by hash
(:func:`page_policy`, in a ``<meta http-equiv>``) and lists the search
page's inline script in the shipped policy
(:mod:`events_guide.ext.theme.policy`), and by the site checks, which make
sure every inline element is allowed and nothing else inline is
(:func:`events_guide.sitecheck.headers.check_inline_hashes`).

A browser enforces every policy a page gets, the header's and the
page's own: an inline element runs only if each of them allows it
(CSP Level 3, "multiple policies").
"""

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


#: The http-equiv value of a page's own policy.
META_POLICY = "Content-Security-Policy"
#: Sources that allow one inline element each, so that a policy that has
#: one ignores 'unsafe-inline' (CSP Level 2 and 3).
_LISTING_PREFIXES = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")


def style_policy(hashes) -> str:
    """A policy that allows styles from the guide's origin and the inline
    stylesheets with these hash sources, nothing else inline."""
    return f"{DIRECTIVES['style']} 'self' {' '.join(hashes)}"


def page_policy(style_text: str) -> str:
    """A page's own policy: its inline stylesheet, by hash, and styles
    from the guide's origin; nothing else."""
    return style_policy([inline_hash(style_text)])


def _normal(source: str) -> str:
    """A source expression as a browser compares it: keywords and hash
    algorithms whatever their case, a hash or nonce value as it is."""
    if not source.startswith("'"):
        return source
    kind, dash, value = source.partition("-")
    if dash and kind.lower() + dash in _LISTING_PREFIXES:
        return kind.lower() + dash + value
    return source.lower()


def _directives(policy: str) -> dict[str, set[str]]:
    """Directive -> its sources; the first of two alike wins (CSP 3)."""
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(),
                                  {_normal(word) for word in words[1:]})
    return directives


def _effective_sources(policy: str, directive: str) -> set[str] | None:
    """The sources that govern an inline element of ``directive``
    (``style-src``, ``script-src``): its ``-elem`` directive, else the
    directive, else ``default-src`` (CSP 3, "effective directive"); None
    when the policy has none of them."""
    directives = _directives(policy)
    for name in (f"{directive}-elem", directive, "default-src"):
        if name in directives:
            return directives[name]
    return None


def allows_inline(policy: str, directive: str, text: str) -> bool:
    """Does the policy allow an inline element with this text, governed by
    ``directive``? By its hash; or by 'unsafe-inline' when the sources list
    no hash or nonce (and, for scripts, no 'strict-dynamic'), which make a
    browser ignore it; or because the policy does not govern it."""
    allowed = _effective_sources(policy, directive)
    if allowed is None or inline_hash(text) in allowed:
        return True
    ignored = any(source.startswith(_LISTING_PREFIXES) for source in allowed)
    if directive == DIRECTIVES["script"]:
        ignored = ignored or "'strict-dynamic'" in allowed
    return "'unsafe-inline'" in allowed and not ignored


#: A text no page carries: a policy that allows an inline element with it
#: allows any (see :func:`allows_any_inline`).
_INJECTED = "/* \0 not the guide's own: anything injected \0 */"


def allows_any_inline(policies, directive: str) -> bool:
    """Do these policies together (each enforced) allow an inline element
    of any text?"""
    return all(allows_inline(policy, directive, _INJECTED)
               for policy in policies)


def sources(policy: str, directive: str) -> set[str]:
    """The sources that govern an inline element of ``directive`` in a
    policy (see :func:`_effective_sources`), as a browser compares them."""
    return _effective_sources(policy, directive) or set()
