"""A page in no toctree: say which toctree to add it to.

Sphinx's own warning ("document isn't included in any toctree") names the
page but not the fix. This extension silences that one
(``suppress_warnings``: ``toc.not_included``) and warns instead with the
toctree to join: the index of the page's folder (for an index page, of
the folder above), else the landing page, and the line to add there.
"""

from __future__ import annotations

import posixpath

from sphinx.util import logging

from ..findings import display_path

logger = logging.getLogger(__name__)

SPHINX_WARNING = "toc.not_included"


def parent_index(docname: str, docnames, root_doc: str) -> str:
    """The docname of the index whose toctree should list ``docname``."""
    folder = posixpath.dirname(docname)
    if posixpath.basename(docname) == "index":
        folder = posixpath.dirname(folder)
    while folder:
        candidate = f"{folder}/index"
        if candidate in docnames and candidate != docname:
            return candidate
        folder = posixpath.dirname(folder)
    return root_doc


def toctree_entry(docname: str, parent: str) -> str:
    """``docname`` as a toctree in ``parent`` writes it."""
    return posixpath.relpath(docname, posixpath.dirname(parent) or ".")


def warn_pages_in_no_toctree(app, env):
    """env-check-consistency: Sphinx's check, with the fix in the
    message."""
    included = set().union(*env.included.values())
    for docname in sorted(env.found_docs):
        if docname == env.config.root_doc or docname in included or \
                docname in env.files_to_rebuild or \
                "orphan" in env.metadata[docname]:
            continue
        parent = parent_index(docname, env.found_docs, env.config.root_doc)
        logger.warning(
            "document isn't included in any toctree: add the line `%s` to "
            "a toctree in %s (or put :orphan: at the top of the page if "
            "readers reach it another way)",
            toctree_entry(docname, parent),
            display_path(env.doc2path(parent)),
            location=docname, type="toc", subtype="not_included_hint")


def suppress_sphinx_warning(app, config):
    if SPHINX_WARNING not in config.suppress_warnings:
        config.suppress_warnings = [*config.suppress_warnings,
                                    SPHINX_WARNING]


def setup(app):
    app.connect("config-inited", suppress_sphinx_warning)
    app.connect("env-check-consistency", warn_pages_in_no_toctree)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True}
