"""Stopping a build cleanly when its input is wrong.

Each problem is logged as an error at its file and line, then the build
stops with exit status 2 before any page or feed is written.

Why not a :class:`sphinx.errors.SphinxError`? Sphinx 9 handles any
exception that escapes ``sphinx-build`` (its own errors included) in
``sphinx._cli.util.errors.handle_exception``: it prints a traceback,
saves it to a ``sphinx-err-*.log`` file and asks the reader to report a
bug to Sphinx. A contributor who typed a wrong date needs none of that, so
the stop is a :class:`SystemExit` (which ``build_main`` does not catch)
after the messages have been logged.
"""

from __future__ import annotations

from typing import Iterable, NoReturn

from sphinx.util import logging

from ..findings import Finding

logger = logging.getLogger(__name__)


class BuildStopped(SystemExit):
    """The build stopped on bad input; the reasons have been logged."""


def log_finding(finding: Finding) -> None:
    """Log one finding as an error at ``file:line``.

    Sphinx reads a location without a line as a docname, so a finding
    without a line names its file at the start of the message instead.
    """
    message = f"{finding.what} How to fix: {finding.fix}"
    if finding.line is None:
        logger.error("%s: %s", finding.file, message, type="events_guide",
                     subtype=finding.check)
    else:
        logger.error("%s", message, location=f"{finding.file}:"
                     f"{finding.line}", type="events_guide",
                     subtype=finding.check)


def stop_build(findings: Iterable[Finding], summary: str) -> NoReturn:
    """Log every finding at its place, then *summary*; exit with status 2."""
    for finding in findings:
        log_finding(finding)
    logger.error("%s", summary, type="events_guide", subtype="stopped")
    raise BuildStopped(2)
