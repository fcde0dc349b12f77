"""One finding type for every check in the project, and how a list of
them is shown to a person.

The event data validation, the build's own checks and every check of the
built site report :class:`Finding` objects, so that one report format (file,
line, what is wrong, how to fix it) reaches the contributor whatever found
the problem.
"""

from __future__ import annotations

import dataclasses
import os
import pathlib


def display_path(path: str | os.PathLike) -> str:
    """A path as a contributor would type it: relative to the current
    folder when it lies inside it (``doc/source/summit.rst``)."""
    try:
        relative = pathlib.Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return pathlib.Path(path).as_posix()
    return pathlib.Path(path).as_posix() if relative.startswith("..") \
        else relative


@dataclasses.dataclass(frozen=True)
class Finding:
    """One problem in the built site, named so a contributor can fix it.

    ``file`` is the source a contributor edits (``doc/source/<docname>.rst``)
    when the page has one, else the built HTML file. ``line`` is the line in
    ``file`` where the thing at fault was found, when it could be found.
    ``html`` is the built page the reader gets (relative to the build).
    ``subject`` is the href, heading or text at fault, quoted in the report.
    """

    file: str
    line: int | None
    html: str
    check: str
    subject: str
    what: str
    fix: str

    def sort_key(self):
        return (self.file, self.line or 0, self.html, self.check,
                self.subject, self.what)

    def __lt__(self, other):  # order by place first, then by kind
        return self.sort_key() < other.sort_key()

    def location(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.html and self.html != self.file:
            where += f" ({self.html})"
        return where

    def __str__(self) -> str:
        return (f"{self.location()}: [{self.check}] {self.what}\n"
                f"    fix: {self.fix}")


def sort_findings(findings) -> list[Finding]:
    """Findings in reading order: by file, then line, then kind."""
    return sorted(set(findings), key=Finding.sort_key)


def format_report(findings, title: str = "Site check") -> str:
    """All findings at once, sorted, with a one-line summary on top."""
    findings = sort_findings(findings)
    if not findings:
        return f"{title}: no problems found."
    files = {f.file for f in findings}
    noun = "problem" if len(findings) == 1 else "problems"
    lines = [f"{title}: {len(findings)} {noun} in {len(files)} "
             f"file{'s' if len(files) != 1 else ''}:", ""]
    lines += [str(f) for f in findings]
    return "\n".join(lines)
