"""Every build publishes the whole site as a clean build would.

Sphinx writes only the pages whose sources changed. Files made for the
whole site from the pages written in this run then miss the others:
sphinx-sitemap lists only the rewritten pages (upstream issue
jdillard/sphinx-sitemap#13), and a page whose source was deleted stays in
the output, where the sitemap, the URL inventory and the site checks
would read it. So, for the HTML builders:

* after reading, every page counts as updated (``env-updated``), so every
  page is written again and every whole-site file (sitemap, search index,
  objects.inv, genindex) is made from all of them; sources are still read
  only when they change. The search index starts afresh (Sphinx would
  otherwise load the old one and keep the words of deleted pages);
* before any other ``build-finished`` handler (sitemap, redirects, feeds,
  stylesheet purge), every HTML page in the output that this build did
  not write is removed.
"""

from __future__ import annotations

import os
import pathlib

from sphinx.util import logging

from ..published import ASSET_FOLDERS, WEB_BUILDERS

logger = logging.getLogger(__name__)


def _applies(app) -> bool:
    return app.builder.name in WEB_BUILDERS


def rewrite_every_page(app, env):
    """env-updated: mark every page as updated, so it is written again."""
    return sorted(env.found_docs) if _applies(app) else []


def fresh_search_index(app, builder):
    """write-started: drop the previous search index; every page is about
    to be indexed again."""
    if _applies(app) and getattr(builder, "searchindex_filename", None):
        (pathlib.Path(app.outdir) / builder.searchindex_filename).unlink(
            missing_ok=True)


def record_page(app, pagename, templatename, context, doctree):
    """html-page-context: remember the generated pages written (genindex,
    search, 404, ...); documents are known from env.found_docs, since
    parallel writers render them in other processes."""
    if _applies(app):
        app.builder.events_guide_pages.add(pagename)


def _extra_files(app) -> set[pathlib.Path]:
    """What html_extra_path copies into the output, as output paths."""
    found = set()
    for extra in app.config.html_extra_path:
        root = pathlib.Path(app.confdir, extra)
        for path in root.rglob("*") if root.is_dir() else [root]:
            found.add(pathlib.Path(app.outdir, path.relative_to(
                root if root.is_dir() else root.parent)))
    return found


def written_pages(app) -> set[pathlib.Path]:
    """Every HTML page this build wrote (or copied as an extra file)."""
    names = set(app.env.found_docs) | app.builder.events_guide_pages
    return {pathlib.Path(app.builder.get_outfilename(name))
            for name in names} | _extra_files(app)


def prune_stale_pages(app, exception):
    """build-finished (early): remove the pages no current source made."""
    if exception is not None or not _applies(app):
        return
    outdir = pathlib.Path(app.outdir)
    keep = written_pages(app)
    for path in sorted(outdir.rglob("*.html")):
        rel = path.relative_to(outdir)
        if rel.parts[0] in ASSET_FOLDERS or path in keep:
            continue
        path.unlink()
        logger.info("events_guide: removed %s: no source builds it any "
                    "more", rel.as_posix())
        folder = path.parent
        while folder != outdir and not any(folder.iterdir()):
            os.rmdir(folder)
            folder = folder.parent


def _start(app):
    if _applies(app):
        app.builder.events_guide_pages = set()


def setup(app):
    app.connect("builder-inited", _start)
    app.connect("env-updated", rewrite_every_page)
    app.connect("write-started", fresh_search_index)
    app.connect("html-page-context", record_page)
    app.connect("build-finished", prune_stale_pages, priority=100)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
