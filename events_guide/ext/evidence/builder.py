"""The ``evidence`` builder: every source the guide cites, in one file.

``sphinx-build -b evidence doc/source doc/build/evidence`` reads the pages
(running every check of the build) and writes ``evidence.json``: each
footnote's link, quotes, checked date and place in the sources, then each
source of the event data. ``python -m events_guide.factcheck`` reads it and
looks every quote up online.
"""

from __future__ import annotations

import json
import pathlib

from sphinx.builders.dummy import DummyBuilder
from sphinx.util import logging

from ...data import cited_sources
from ...evidence import EVIDENCE_FILE as FILENAME

logger = logging.getLogger(__name__)


class EvidenceBuilder(DummyBuilder):
    name = "evidence"
    epilog = ("The sources and their quotes are in %(outdir)s/"
              + FILENAME + "; look them up online with: python -m "
              "events_guide.factcheck %(outdir)s/" + FILENAME)

    def finish(self) -> None:
        notes = self.env.events_guide_source_notes
        records = [note.as_record() for docname in sorted(notes)
                   for note in notes[docname]]
        if hasattr(self.config, "events_guide_events_file"):
            srcdir = pathlib.Path(self.srcdir)
            records += [note.as_record() for note in cited_sources(
                srcdir / self.config.events_guide_events_file,
                srcdir / self.config.events_guide_kinds_file)]
        target = pathlib.Path(self.outdir, FILENAME)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"sources": records}, indent=1,
                                     ensure_ascii=False) + "\n",
                          encoding="utf-8")
        logger.info("evidence: %d sources written to %s", len(records),
                    target)
