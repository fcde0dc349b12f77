"""The fact-check job: is every quote still on the page it was taken from?

``tox -e factcheck`` (online, like ``tox -e linkcheck``) builds the guide's
``evidence.json`` (``sphinx-build -b evidence``: every footnote's and every
event-data source's link and quotes) and runs ``python -m
events_guide.factcheck`` on it, which fetches each source once, normalises
its text and each quote (markup, white space, case, typographic quotes and
dashes) and reports, as findings with the file and line to fix:

* a quote that no longer appears on its page (``quote-missing``), and
* a source that could not be fetched (``source-unreachable``): that says
  nothing about the quote, so it is reported apart, never as a wrong fact.
"""

from .check import Summary, check_sources, load_evidence
from .fetch import fetch_text
from .normalise import normalise, page_text

__all__ = ["Summary", "check_sources", "fetch_text", "load_evidence",
           "normalise", "page_text"]
