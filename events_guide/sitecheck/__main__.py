"""Command line: ``python -m events_guide.sitecheck doc/build/html``.

Prints every finding of the link and structure checks at once and exits
1 when there are findings, 2 when the input is unusable, 0 when all is
well.
"""

import argparse
import pathlib
import sys

from . import ALL_CHECKS, Site, format_report, sort_findings
from .links import AllowlistError


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m events_guide.sitecheck",
        description="Check the links and structure of the built guide.")
    parser.add_argument("html", type=pathlib.Path,
                        help="the built HTML folder (tox -e docs writes "
                        "doc/build/html)")
    parser.add_argument("--source", type=pathlib.Path, default=None,
                        help="the source folder, to name source files and "
                        "lines (default: doc/source when it exists)")
    parser.add_argument("--only", action="append", metavar="CHECK",
                        choices=[c.__name__ for c in ALL_CHECKS],
                        help="run only this check (repeatable)")
    args = parser.parse_args(argv)
    source = args.source
    if source is None and pathlib.Path("doc/source").is_dir():
        source = pathlib.Path("doc/source")
    if source is not None and not source.is_dir():
        print(f"error: {source}: no such source folder", file=sys.stderr)
        return 2
    try:
        site = Site(args.html, source)
        checks = [c for c in ALL_CHECKS
                  if not args.only or c.__name__ in args.only]
        findings = sort_findings(f for check in checks for f in check(site))
    except (OSError, AllowlistError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(format_report(findings, title=f"Site check of {args.html}"))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
