"""Command line: check a built site, or write its URL inventory.

``python -m events_guide.sitecheck [check] [HTML]`` prints every finding
of the quick offline checks at once (``--nu`` adds the Nu HTML Checker,
``--browser`` the Chromium checks, ``--all`` both) and exits 1 when there
are findings, 2 when the input or a tool is missing, 0 when all is well.
``python -m events_guide.sitecheck inventory [HTML] [--write]`` prints (or
writes) the inventory of published URLs. ``--build`` builds the guide
first, strictly, as ``tox -e docs`` does; ``tox -e sitecheck -- ...``
runs the command with ``--build``. ``--help`` answers at once, without
building.

Long runs say what they do on standard error: the build, each check as
it starts and how long it took, and the browser's progress through the
pages.
"""

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

from . import (NU_CHECKS, QUICK_CHECKS, Site, ToolMissing, browser_checks,
               format_report, run_checks)
from .inventory import INVENTORY_FILE, format_inventory, published_urls
from .urls import AllowlistError

COMMANDS = ("check", "inventory")
#: What makes a build strict (tox -e docs, the tests' builds, --build): a
#: warning fails it, every warning is shown, every reference is checked.
STRICT_OPTIONS = ("-W", "--keep-going", "-n")
#: sphinx-build's options for --build: those of tox -e docs, quiet (the
#: doctrees go beside the HTML folder, as doc/build/doctrees does).
BUILD_OPTIONS = (*STRICT_OPTIONS, "-q", "-b", "html")


def _existing(path: str) -> pathlib.Path | None:
    return pathlib.Path(path) if pathlib.Path(path).exists() else None


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="python -m events_guide.sitecheck",
        description="Check the built guide, or list its published URLs.")
    commands = main.add_subparsers(dest="command")
    check = commands.add_parser(
        "check", help="check a build (the default)",
        description="Check a build of the guide and print every problem "
        "with the file and line to change. The other command, inventory, "
        "lists the published URLs (inventory --help).")
    inventory = commands.add_parser(
        "inventory", help="print the published URLs of a build")
    for sub in (check, inventory):
        sub.add_argument("--build", action="store_true",
                         help="build the guide first (strict, as tox -e "
                         "docs does; tox -e sitecheck passes it)")
        sub.add_argument("html", type=pathlib.Path, nargs="?",
                         default=pathlib.Path("doc/build/html"),
                         help="the built HTML folder (default: "
                         "doc/build/html, where tox -e docs writes it)")
        sub.add_argument("--inventory", type=pathlib.Path,
                         default=_existing(INVENTORY_FILE),
                         help=f"the URL inventory (default: {INVENTORY_FILE})")
        sub.add_argument("--source", type=pathlib.Path,
                         default=_existing("doc/source"),
                         help="the source folder, built by --build and used "
                         "to name source files and lines (default: "
                         "doc/source)")
    names = [c.__name__ for c in QUICK_CHECKS + NU_CHECKS]
    check.add_argument("--only", action="append", metavar="CHECK",
                       choices=names, help="run only this check "
                       "(repeatable): " + ", ".join(names))
    check.add_argument("--nu", action="store_true",
                       help="also run the Nu HTML Checker (needs Java)")
    check.add_argument("--browser", action="store_true",
                       help="also run the checks in Chromium")
    check.add_argument("--all", action="store_true", help="--nu --browser")
    inventory.add_argument("--write", action="store_true",
                           help="write the inventory file instead of "
                           "printing it")
    return main


def say(message: str) -> None:
    """Progress, on standard error (the report stays on standard out)."""
    print(message, file=sys.stderr, flush=True)


def build(source: pathlib.Path | None, html: pathlib.Path) -> int:
    """Build the guide from *source* into *html*, strictly, as tox -e docs
    does."""
    if source is None or not source.is_dir():
        print(f"error: {source or 'doc/source'}: no such source folder to "
              "build; give it with --source", file=sys.stderr)
        return 2
    command = [sys.executable, "-m", "sphinx", *BUILD_OPTIONS,
               "-d", str(html.parent / "doctrees"), str(source), str(html)]
    say(f"Building {source} into {html} ...")
    started = time.monotonic()
    status = subprocess.call(command)
    if status:
        say("The build failed (see above); fix it, then check again.")
    else:
        say(f"Built in {time.monotonic() - started:.1f} s.")
    return status


def run_check(args) -> int:
    if args.source is not None and not args.source.is_dir():
        print(f"error: {args.source}: no such source folder", file=sys.stderr)
        return 2
    if args.build and build(args.source, args.html):
        return 2
    site = Site(args.html, args.source, args.inventory)
    checks = QUICK_CHECKS
    if args.nu or args.all:
        checks += NU_CHECKS
    if args.browser or args.all:
        checks += browser_checks()
    if args.only:
        checks = [c for c in checks if c.__name__ in args.only]
    say(f"Checking {len(site.pages)} pages of {args.html} with "
        f"{len(checks)} checks ...")
    findings = run_checks(site, checks, progress=say)
    print(format_report(findings, title=f"Site check of {args.html}"))
    return 1 if findings else 0


def run_inventory(args) -> int:
    if args.build and build(args.source, args.html):
        return 2
    text = format_inventory(published_urls(Site(args.html)))
    if not args.write:
        sys.stdout.write(text)
        return 0
    target = args.inventory or pathlib.Path(INVENTORY_FILE)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", delete=False,
                                     dir=target.parent) as temporary:
        temporary.write(text)
    os.replace(temporary.name, target)
    print(f"wrote {target}")
    return 0


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        # The checks are the default command, and their help the help.
        argv.insert(0, "check")
    args = parser().parse_args(argv)
    try:
        return (run_inventory if args.command == "inventory"
                else run_check)(args)
    except (OSError, AllowlistError, ToolMissing, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
