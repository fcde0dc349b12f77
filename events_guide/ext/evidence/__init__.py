"""Sphinx extension: every fact on a page carries its own evidence.

* ``:quote:`...``` marks a verbatim quote from a source, shown in quotation
  marks; it belongs in a footnote.
* Every footnote is a source: one external link, one or more quotes of at
  most 30 words, and ``checked YYYY-MM-DD`` (not in the future).
* Every paragraph, list item, definition, field or table row that states a
  date or a figure holds a footnote reference itself; text the event-data
  directives generate is exempt (its sources are in the data).
* No date of the prose is written in figures only (``12/05/2026``), which
  readers read two ways.
* ``sphinx-build -b evidence`` writes every source with its quotes to
  ``evidence.json`` for ``python -m events_guide.factcheck``.

Pages matching ``events_guide_evidence_exclude`` are not checked. Problems
are warnings of type ``evidence`` at the file and line at fault, so the
strict build refuses them.
"""

from __future__ import annotations

from sphinx.util import logging
from sphinx.util.matching import Matcher

from ...build_date import real_today
from .builder import EvidenceBuilder
from .footnotes import (SOURCE_NODES, footnote_problems, quote_role,
                        source_notes, stray_quotes)
from .prose import dates_in_figures, uncited_claims

logger = logging.getLogger(__name__)

HOW_TO_CITE = ("add a footnote reference [#name]_ inside the same block, "
               "its footnote giving the source's link, a :quote:`...` from "
               "it and 'checked YYYY-MM-DD' (contributing/index.rst, 'Every "
               "fact has its source')")
SOURCE_FORM = ("write it as `Title <https://...>`__, checked YYYY-MM-DD: "
               ":quote:`the source's own words`")


def _warn(message, node, subtype):
    logger.warning(message, location=node, type="evidence", subtype=subtype)


def check_page(app, doctree) -> None:
    """Warn about every source and claim on the page just read."""
    today = real_today()
    for footnote in doctree.findall(lambda n: isinstance(n, SOURCE_NODES)):
        problems = footnote_problems(footnote, today)
        if problems:
            label = (footnote.get("names") or footnote["ids"])[0]
            _warn(f"footnote [{label}] is not a usable source: "
                  f"{'; '.join(problems)}; {SOURCE_FORM}", footnote,
                  "source")
    for quote in stray_quotes(doctree):
        _warn("a :quote: stands outside a footnote; quotes are evidence "
              "and go in the footnote that names their source", quote,
              "quote")
    for node, claim in uncited_claims(doctree):
        _warn(f"this states {claim.kind} ('{claim.text}') without citing "
              f"a source; {HOW_TO_CITE}", node, "uncited")
    for node, claim in dates_in_figures(doctree):
        _warn(f"'{claim.text}' is a date in figures only, which readers "
              "read in two ways (day first or month first); write it in "
              "words, such as '5 December 2026'", node, "date-format")


def on_doctree_read(app, doctree) -> None:
    docname = app.env.docname
    if Matcher(app.config.events_guide_evidence_exclude)(docname):
        _notes(app.env).pop(docname, None)
        return
    check_page(app, doctree)
    _notes(app.env)[docname] = source_notes(doctree,
                                            app.env.doc2path(docname))


def _notes(env) -> dict:
    if not hasattr(env, "events_guide_source_notes"):
        env.events_guide_source_notes = {}
    return env.events_guide_source_notes


def on_env_purge_doc(app, env, docname) -> None:
    _notes(env).pop(docname, None)


def on_env_merge_info(app, env, docnames, other) -> None:
    theirs = _notes(other)
    _notes(env).update((d, theirs[d]) for d in docnames if d in theirs)


def setup(app):
    app.setup_extension("events_guide.ext.build_date")
    app.add_config_value("events_guide_evidence_exclude", [], "env",
                         types=frozenset({list, tuple}))
    app.add_role("quote", quote_role)
    app.add_builder(EvidenceBuilder)
    app.connect("doctree-read", on_doctree_read)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    return {"version": "1.0", "parallel_read_safe": True,
            "parallel_write_safe": True, "env_version": 1}
