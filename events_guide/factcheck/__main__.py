"""Command line:
``python -m events_guide.factcheck doc/build/evidence/evidence.json``.

Prints every quote that is missing from its source and every source that
could not be fetched, then a summary. Exit status: 0 when every quote was
found, 1 when one is missing or a source could not be fetched, 2 when the
evidence file is unusable.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

from ..findings import format_report
from .check import EvidenceFileError, check_sources, load_evidence


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m events_guide.factcheck",
        description="Look every quote of the guide up in its source "
                    "(needs the internet).")
    parser.add_argument("evidence", type=pathlib.Path,
                        help="evidence.json written by sphinx-build -b "
                             "evidence (tox -e factcheck does both)")
    args = parser.parse_args(argv)
    try:
        sources = load_evidence(args.evidence)
    except EvidenceFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    findings, summary = check_sources(sources)
    print(format_report(findings, title="Fact check"))
    print(summary)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
