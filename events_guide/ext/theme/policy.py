"""The search page's inline script in the shipped Content-Security-Policy.

The policy in ``doc/source/_extra/_headers`` and ``.htaccess`` lets pages
load scripts only from the guide's own origin (``default-src 'self'``),
so a browser would refuse the search page's inline loader. When the build
has written every page, the policy in both files *of the output* gets,
after ``default-src 'self';``, a ``script-src`` directive listing the
sha256 of each distinct inline ``<script>`` (CSP hash sources; no
``'unsafe-inline'``).

Styles are not listed here: each page carries a policy of its own that
allows its one stylesheet by hash (:mod:`.page_style`), which a browser
enforces together with the header's. The search page's own policy also
lists every other page's stylesheet (:func:`let_search_read_every_page`):
its script reads the pages its results come from, and a browser checks
their stylesheets against the search page's policy as it parses them.
The header's ``style-src 'self' 'unsafe-inline'`` leaves styles to the
pages' own policies; a header that listed every page's stylesheet grew
with every page (26 hashes, 2 KB of headers on every response) and
pushed pages out of the first round trip.
``events_guide.sitecheck.headers.check_inline_hashes`` checks the result.
"""

from __future__ import annotations

import pathlib
import re

import lxml.html
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ...csp import (DIRECTIVES, META_POLICY, inline_elements, inline_hash,
                    style_policy)
from ...published import HOST_FILES, SEARCH_PAGE
from .web import web_only
#: Where the directives go in each file's policy.
ANCHOR = "default-src 'self';"
#: The inline elements whose hashes the shipped policy lists (styles are
#: allowed by each page's own policy).
LISTED = {"script": DIRECTIVES["script"]}


def inline_hashes(outdir: pathlib.Path) -> dict[str, list[str]]:
    """Directive -> the hash sources of every distinct inline ``<style>``
    (style-src) and ``<script>`` (script-src) of every page."""
    found: dict[str, set[str]] = {}
    for page in outdir.rglob("*.html"):
        tree = lxml.html.parse(str(page))
        for tag, directive in DIRECTIVES.items():
            for element in inline_elements(tree.iter(tag)):
                found.setdefault(directive, set()).add(
                    inline_hash(element.text or ""))
    return {directive: sorted(hashes) for directive, hashes in found.items()}


def with_hash_sources(text: str, hashes: dict[str, list[str]],
                      name: str) -> str:
    """A host file's text with the directives listing ``hashes`` in its
    policy."""
    if text.count(ANCHOR) != 1 or any(directive in text
                                      for directive in LISTED.values()):
        raise ExtensionError(
            f"events_guide.ext.theme: {name} in html_extra_path must say "
            f"{ANCHOR!r} exactly once and no "
            f"{' or '.join(sorted(LISTED.values()))}, so that the build can "
            "add the pages' inline hashes to its Content-Security-Policy "
            "(see contributing/hosting.rst).")
    added = " ".join(f"{directive} 'self' {' '.join(hashes[directive])};"
                     for directive in sorted(hashes))
    return text.replace(ANCHOR, f"{ANCHOR} {added}" if added else ANCHOR)


#: The page's own policy as the template writes it (layout.html).
_OWN_POLICY = re.compile(
    rf'<meta http-equiv="{META_POLICY}" content="([^"]*)">')


def with_every_stylesheet(text: str, style_hashes: list[str],
                          name: str) -> str:
    """The search page's text with its own policy listing every page's
    stylesheet (its own among them)."""
    found = _OWN_POLICY.findall(text)
    if len(found) != 1:
        raise ExtensionError(
            f"events_guide.ext.theme: {name} has {len(found)} policies of "
            "its own, not one (_templates/layout.html writes it before the "
            "page's <style>); the search page's policy cannot list the "
            "stylesheets of the pages it reads.")
    return _OWN_POLICY.sub(f'<meta http-equiv="{META_POLICY}" content='
                           f'"{style_policy(style_hashes)}">', text)


def let_search_read_every_page(app: Sphinx, style_hashes: list[str]) -> None:
    """The search page's script reads each page its results come from (for
    the words around a match); the browser parses that page under the
    search page's policy, which must therefore allow its stylesheet."""
    if not getattr(app.builder, "search", False):
        return
    path = pathlib.Path(app.builder.get_outfilename(SEARCH_PAGE))
    if path.is_file():
        path.write_text(with_every_stylesheet(
            path.read_text(encoding="utf-8"), style_hashes, path.name),
            encoding="utf-8")


def allow_inline_elements(app: Sphinx, exception) -> None:
    """Add every inline script's hash to the policy of both output files,
    and every stylesheet's to the search page's own."""
    if exception:
        return
    outdir = pathlib.Path(app.outdir)
    hashes = inline_hashes(outdir)
    listed = {directive: hashes[directive] for directive in LISTED.values()
              if directive in hashes}
    for name in HOST_FILES:
        path = outdir / name
        if path.is_file():
            path.write_text(with_hash_sources(
                path.read_text(encoding="utf-8"), listed, name),
                encoding="utf-8")
    let_search_read_every_page(app, hashes.get(DIRECTIVES["style"], []))


def setup_policy(app: Sphinx) -> None:
    # After assets.remove_unused_output (priority 500) has made sure that
    # .htaccess is in the output.
    app.connect("build-finished", web_only(allow_inline_elements),
                priority=600)
