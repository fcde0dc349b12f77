"""What a check reports, and how a list of reports is shown to a person."""

from __future__ import annotations

import dataclasses


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
