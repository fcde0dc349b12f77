"""Command line:
``python -m events_guide.factcheck doc/build/evidence/evidence.json``.

Prints every quote that is missing from its source and every source that
could not be fetched, then a summary. When no source can be reached at
all (the machine is offline), it says so in one line first and checks
nothing. Exit status: 0 when every quote was found, 1 when one is missing
or a source could not be fetched, 2 when nothing could be checked (an
unusable evidence file, or no source reachable).
"""

from __future__ import annotations

import argparse
import pathlib
import sys

from ..findings import format_report
from .check import (EvidenceFileError, check_sources, first_reachable,
                    load_evidence)

OFFLINE = ("Fact check: no source could be reached ({error}). This job "
           "needs the internet; nothing was checked. Run it on a machine "
           "that is online: tox -e factcheck")


def main(argv=None, fetch=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m events_guide.factcheck",
        description="Look every quote of the guide up in its source "
                    "(needs the internet).")
    parser.add_argument("evidence", type=pathlib.Path,
                        help="evidence.json written by sphinx-build -b "
                             "evidence (tox -e factcheck does both)")
    args = parser.parse_args(argv)
    try:
        notes = load_evidence(args.evidence)
    except EvidenceFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    fetching = {} if fetch is None else {"fetch": fetch}
    reachable, error = first_reachable((note.url for note in notes),
                                       **fetching)
    if not reachable:
        print(OFFLINE.format(error=error))
        return 2
    findings, summary = check_sources(notes, **fetching)
    if summary.nothing_reached:
        print(OFFLINE.format(error="every one of "
                             f"{summary.sources} failed"))
        return 2
    print(format_report(findings, title="Fact check"))
    print(summary)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
