"""The pages' inline stylesheets in the shipped Content-Security-Policy.

The policy in ``doc/source/_extra/_headers`` and ``.htaccess`` lets pages
load styles only from the guide's own origin (``default-src 'self'``), so
a browser would refuse every page's inline ``<style>``. When the build has
written every page, the policy in both files *of the output* gets a
``style-src`` directive after ``default-src 'self';``, listing the sha256
of each distinct ``<style>`` the pages carry (CSP hash sources). No
``'unsafe-inline'``: a style that is not the build's own is still refused.
``events_guide.sitecheck.headers.check_style_hashes`` checks the result.
"""

from __future__ import annotations

import pathlib

import lxml.html
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from events_guide.csp import style_hash

from .web import web_only

#: The host files that carry the policy, at the root of the output.
HOST_FILES = ("_headers", ".htaccess")
#: Where the style-src directive goes in each file's policy.
ANCHOR = "default-src 'self';"


def page_style_hashes(outdir: pathlib.Path) -> list[str]:
    """The hash sources of every distinct ``<style>`` of every page."""
    hashes = set()
    for page in outdir.rglob("*.html"):
        for style in lxml.html.parse(str(page)).iter("style"):
            hashes.add(style_hash(style.text or ""))
    return sorted(hashes)


def with_style_src(text: str, hashes: list[str], name: str) -> str:
    """A host file's text with the style-src directive in its policy."""
    if text.count(ANCHOR) != 1 or "style-src" in text:
        raise ExtensionError(
            f"events_guide.ext.theme: {name} in html_extra_path must say "
            f"{ANCHOR!r} exactly once and no style-src, so that the build "
            "can add the pages' style hashes to its Content-Security-Policy "
            "(see contributing/hosting.rst).")
    directive = " ".join(["style-src 'self'", *hashes]) + ";"
    return text.replace(ANCHOR, f"{ANCHOR} {directive}")


def allow_page_styles(app: Sphinx, exception) -> None:
    """Add every page's style hash to the policy of both output files."""
    if exception:
        return
    outdir = pathlib.Path(app.outdir)
    hashes = page_style_hashes(outdir)
    for name in HOST_FILES:
        path = outdir / name
        if path.is_file():
            path.write_text(with_style_src(path.read_text(encoding="utf-8"),
                                           hashes, name), encoding="utf-8")


def setup_policy(app: Sphinx) -> None:
    # After assets.remove_unused_output (priority 500) has made sure that
    # .htaccess is in the output.
    app.connect("build-finished", web_only(allow_page_styles), priority=600)
