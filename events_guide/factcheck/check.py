"""Looking every quote up in its source, and summing up what was found."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import json
import pathlib
from typing import Callable

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

    def __str__(self) -> str:
        return (f"{self.sources} sources checked: {self.found} of "
                f"{self.quotes} quotes found, {self.missing} missing; "
                f"{self.unreachable} sources unreachable (their quotes not "
                "checked)")


class EvidenceFileError(Exception):
    """evidence.json is missing or not what the evidence builder writes."""


def load_evidence(path: pathlib.Path) -> list[dict]:
    """The sources listed in an ``evidence.json``."""
    try:
        data = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        sources = data["sources"]
        for source in sources:
            source["url"], source["quotes"], source["file"]  # noqa: B018
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise EvidenceFileError(
            f"{path}: not an evidence file ({type(error).__name__}: "
            f"{error}); write it with sphinx-build -b evidence doc/source "
            "doc/build/evidence") from None
    return sources


def _finding(source: dict, check: str, what: str, fix: str) -> Finding:
    return Finding(file=source["file"], line=source.get("line") or None,
                   html="", check=check, subject=source["url"], what=what,
                   fix=fix)


def fetch_pages(urls, fetch: Callable[[str], Fetched] = fetch_text,
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


def check_sources(sources: list[dict],
                  fetch: Callable[[str], Fetched] = fetch_text
                  ) -> tuple[list[Finding], Summary]:
    """One finding per missing quote and per source that could not be
    fetched, and the figures of the run."""
    summary, findings = Summary(), []
    pages = fetch_pages((source["url"] for source in sources), fetch)
    for source in sources:
        url, page = source["url"], pages[source["url"]]
        summary.sources += 1
        summary.quotes += len(source["quotes"])
        if isinstance(page, Fetched):
            summary.unreachable += 1
            findings.append(_finding(
                source, "source-unreachable",
                f"the source {url} could not be fetched ({page.error}); its "
                "quotes were not checked.",
                "Open the address: if it moved, cite its new address with "
                "a quote from it; if it is gone, find another source."))
            continue
        for quote in source["quotes"]:
            if normalise(quote) in page:
                summary.found += 1
                continue
            summary.missing += 1
            findings.append(_finding(
                source, "quote-missing",
                f'the quote "{quote}" is no longer on {url}.',
                "Open the source: if the fact still holds, quote its "
                "current words and update the checked date; if it changed, "
                "correct the guide."))
    return findings, summary
