"""Checks over the built HTML of the guide: links and structure.

Each check takes a :class:`Site` and returns a sorted list of
:class:`Finding` (empty when all is well); :func:`format_report` shows them
all at once. ``python -m events_guide.sitecheck doc/build/html`` runs every
check from the command line.
"""

from ..findings import Finding, format_report, sort_findings
from .links import LINK_CHECKS, check_links, load_allowlist
from .site import Site, load_site
from .structure import STRUCTURE_CHECKS, check_structure

ALL_CHECKS = LINK_CHECKS + STRUCTURE_CHECKS


def check_site(site: Site) -> list[Finding]:
    """Every link and structure check, findings sorted."""
    return sort_findings(f for check in ALL_CHECKS for f in check(site))


__all__ = ["ALL_CHECKS", "Finding", "LINK_CHECKS", "STRUCTURE_CHECKS",
           "Site", "check_links", "check_site", "check_structure",
           "format_report", "load_allowlist", "load_site", "sort_findings"]
