"""How the guide tidies a sentence it takes out of a page, without Sphinx:
shared by the build, which writes a page's summary as its description
(events_guide.ext.page_summary), and the site check that compares the
two (events_guide.sitecheck.publishing)."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?)])")


def tidy_summary(text: str) -> str:
    """One line, and no space left before punctuation where a footnote
    mark was taken out ("the Foundation ." -> "the Foundation.")."""
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _SPACE.sub(" ", text)
                                         ).strip()
