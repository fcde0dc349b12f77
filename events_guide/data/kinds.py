"""The kinds registry: ``kinds.yaml`` says which kinds of event exist and
which page (docname) covers each; everything else derives from it.

The events' ``kinds`` are checked against it, the directives accept its
kind ids, the feeds have one calendar per kind in its order, and the
structure checks treat exactly the pages it names as kind pages, each
with the sections in :data:`KIND_PAGE_SECTIONS`. Adding a kind means
adding an entry to kinds.yaml and writing its page.
"""

from __future__ import annotations

import datetime
import os
import re
from typing import Optional

from .errors import EventDataError, data_finding, stray_top_level_keys
from .fields import SLUG_PATTERN
from .models import KindInfo
from .validation import KIND_HINT, validate_entry
from .yaml_source import parse_yaml, read_text

#: Where the registry lives, relative to the source folder (the default of
#: the ``events_guide_kinds_file`` setting).
DEFAULT_KINDS_FILE = "_data/kinds.yaml"

#: Section titles (h2) every kind page has, in order.
KIND_PAGE_SECTIONS = (
    "What it is",
    "Who it is for",
    "Format",
    "When and where",
    "How to take part",
    "How it has changed",
    "Sources",
)


def parse_kinds(text: str, path: str = "kinds.yaml",
                today: Optional[datetime.date] = None
                ) -> dict[str, KindInfo]:
    """Check the text of a kinds file; return the kinds by id, in file
    order (*today*: the real day, which no ``checked`` date may pass).
    Raises :class:`EventDataError` listing every problem."""
    doc = parse_yaml(text, path)
    kinds_map = doc.data.get("kinds") if isinstance(doc.data, dict) else None
    if not isinstance(kinds_map, dict) or not kinds_map:
        raise EventDataError([data_finding(
            doc.path, 1, "", "kinds", "the file must hold a mapping of kind "
            "ids under the key 'kinds', with at least one kind",
            KIND_HINT)])
    findings = stray_top_level_keys(doc, "kinds")
    kinds: dict[str, KindInfo] = {}
    for kind_id, raw in kinds_map.items():
        entry = f"kind {kind_id!r}"
        if not isinstance(kind_id, str) or not re.fullmatch(SLUG_PATTERN,
                                                            kind_id):
            findings.append(data_finding(
                doc.path, doc.line_of("kinds", kind_id) or 1, entry, "",
                "is not a kind id", "use a slug of lower-case letters, "
                "digits and hyphens, such as ops-meetup"))
            continue
        info, problems = validate_entry(
            doc, ("kinds", kind_id), entry, KindInfo, raw, hints={},
            default_hint=KIND_HINT, context={"today": today})
        findings += problems
        if info is not None:
            kinds[kind_id] = info
    if findings:
        raise EventDataError(findings)
    return kinds


def load_kinds(path: str | os.PathLike,
               today: Optional[datetime.date] = None) -> dict[str, KindInfo]:
    """The registry in *path*: kind id -> :class:`KindInfo`, in file
    order."""
    return parse_kinds(read_text(path), os.fspath(path), today)


def kind_pages(kinds: dict[str, KindInfo]) -> list[str]:
    """The docnames of the kind pages, in the registry's order, each once
    (one page may cover several kinds)."""
    return list(dict.fromkeys(info.page for info in kinds.values()))
