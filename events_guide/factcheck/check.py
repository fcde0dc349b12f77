"""Looking every quote up in its source, and summing up what was found."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import json
import pathlib
from typing import Callable, Iterable

from ..evidence import EVIDENCE_FILE, SourceNote
from ..findings import Finding
from .fetch import Fetched, fetch_text
from .normalise import normalise, page_text


@dataclasses.dataclass
class Summary:
    """What the job did, in the figures its last line prints."""

    sources: int = 0
    quotes: int = 0
    found: int = 0
    missing: int = 0
    unreachable: int = 0
    #: Of the unreachable sources, those whose host never answered (no
    #: HTTP status at all: offline, refused, timed out).
    unanswered: int = 0

    @property
    def nothing_reached(self) -> bool:
        """No host answered at all: the machine is offline (or every host
        refuses it), so the run says nothing about the facts. Sources that
        answered with an HTTP error were reached: they are findings."""
        return self.sources > 0 and self.unanswered == self.sources

    def __str__(self) -> str:
        return (f"{self.sources} sources checked: {self.found} of "
                f"{self.quotes} quotes found, {self.missing} missing; "
                f"{self.unreachable} sources unreachable (their quotes not "
                "checked)")


class EvidenceFileError(Exception):
    """evidence.json is missing or not what the evidence builder writes."""


def load_evidence(path: pathlib.Path) -> list[SourceNote]:
    """The source notes listed in an ``evidence.json``."""
    try:
        data = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        return [SourceNote.from_record(record) for record in data["sources"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise EvidenceFileError(
            f"{path}: not an evidence file ({type(error).__name__}: "
            f"{error}); write it with sphinx-build -b evidence doc/source "
            f"doc/build/evidence (it writes {EVIDENCE_FILE})") from None


def host_answered(fetched: Fetched) -> bool:
    """Did the source's host answer, with the page or an HTTP error? (Not
    if the machine is offline, the connection refused or timed out.)"""
    return not fetched.error or fetched.error.startswith("HTTP ")


def _finding(note: SourceNote, check: str, what: str, fix: str) -> Finding:
    return Finding(file=note.file, line=note.line or None, html="",
                   check=check, subject=note.url, what=what, fix=fix)


def fetch_pages(urls: Iterable[str],
                fetch: Callable[[str], Fetched] = fetch_text,
                workers: int = 8) -> dict:
    """Each address fetched once, a few at a time: its normalised text, or
    the :class:`Fetched` that says why there is none."""
    def read(url):
        fetched = fetch(url)
        return fetched if fetched.error else page_text(
            fetched.body, fetched.content_type)
    unique = sorted(set(urls))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return dict(zip(unique, pool.map(read, unique)))


def check_sources(notes: list[SourceNote],
                  fetch: Callable[[str], Fetched] = fetch_text
                  ) -> tuple[list[Finding], Summary]:
    """One finding per missing quote and per source that could not be
    fetched, and the figures of the run."""
    summary, findings = Summary(), []
    pages = fetch_pages((note.url for note in notes), fetch)
    for note in notes:
        page = pages[note.url]
        summary.sources += 1
        summary.quotes += len(note.quotes)
        if isinstance(page, Fetched):
            summary.unreachable += 1
            summary.unanswered += not host_answered(page)
            findings.append(_finding(
                note, "source-unreachable",
                f"the source {note.url} could not be fetched ({page.error}); "
                "its quotes were not checked.",
                "Open the address: if it moved, cite its new address with "
                "a quote from it; if it is gone, find another source."))
            continue
        for quote in note.quotes:
            if normalise(quote) in page:
                summary.found += 1
                continue
            summary.missing += 1
            findings.append(_finding(
                note, "quote-missing",
                f'the quote "{quote}" is no longer on {note.url}.',
                "Open the source: if the fact still holds, quote its "
                "current words and update the checked date; if it changed, "
                "correct the guide."))
    return findings, summary


def first_reachable(urls: Iterable[str],
                    fetch: Callable[[str], Fetched] = fetch_text,
                    hosts: int = 3) -> tuple[bool, str]:
    """Try one address on each of the first few hosts: ``(True, "")`` as
    soon as one answers at all (even with an HTTP error), else ``(False,
    the last error)``: the machine cannot reach the sources."""
    seen, error = set(), ""
    for url in urls:
        host = url.split("/")[2] if url.count("/") >= 2 else url
        if host in seen:
            continue
        seen.add(host)
        fetched = fetch(url)
        if host_answered(fetched):
            return True, ""
        error = fetched.error
        if len(seen) >= hosts:
            break
    return not seen, error
