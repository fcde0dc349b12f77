"""Figures read from one Lighthouse report (LHR, Lighthouse 13), and the
median of several runs.

Besides the scores, sizes and paint times, each run records the largest
contentful paint's element (from the LCP breakdown insight) and the
critical request chain (from the network dependency tree insight): the
requests the page waited for, nested as they depended on each other.
"""

from __future__ import annotations

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def figures(name: str, lhr: dict) -> dict:
    """The figures of one run of one page."""
    audits = lhr["audits"]
    requests = audits.get("network-requests", {}).get("details", {})
    return {
        "page": name,
        "scores": {key: round(100 * (lhr["categories"][key]["score"] or 0))
                   for key in CATEGORIES},
        "bytes": audits["total-byte-weight"]["numericValue"],
        "requests": len(requests.get("items", [])),
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "lcp_element": lcp_element(audits),
        "chain": critical_chain(audits),
        "failing": failing_audits(lhr),
    }


def failing_audits(lhr: dict) -> list[str]:
    """Weighted audits that did not pass, as ``id (category)``."""
    audits = lhr["audits"]
    return sorted(
        f"{ref['id']} ({category})"
        for category, data in lhr["categories"].items()
        for ref in data["auditRefs"]
        if ref.get("weight", 0) > 0
        and audits.get(ref["id"], {}).get("score") not in (None, 1))


def lcp_element(audits: dict) -> str:
    """The LCP element as a CSS selector, or "?" if Lighthouse gave none."""
    details = audits.get("lcp-breakdown-insight", {}).get("details") or {}
    for item in details.get("items", []):
        if item.get("type") == "node":
            return item.get("selector") or item.get("snippet") or "?"
    return "?"


def critical_chain(audits: dict) -> str:
    """The longest request chain: file names joined by arrows."""
    details = audits.get("network-dependency-tree-insight", {}).get(
        "details") or {}
    for section in details.get("items", []):
        value = section.get("value", {})
        if value.get("type") == "network-tree":
            return " → ".join(_longest(value.get("chains", {})))
    return "?"


def _longest(chains: dict) -> list[str]:
    best: list[str] = []
    for node in chains.values():
        name = node["url"].split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        path = [f"{name} ({node.get('transferSize', 0) / 1024:.1f} KiB)"]
        path += _longest(node.get("children", {}))
        if len(path) > len(best):
            best = path
    return best


def median_run(runs: list[dict]) -> dict:
    """The run with the median LCP, with every run's LCP beside it; its
    scores are each category's median over the runs (a load spike on the
    machine can cost one run a point of performance)."""
    ordered = sorted(runs, key=lambda run: run["lcp"])
    median = dict(ordered[(len(ordered) - 1) // 2])
    median["lcp_runs"] = [run["lcp"] for run in runs]
    median["scores"] = {
        key: sorted(run["scores"][key] for run in runs)[(len(runs) - 1) // 2]
        for key in CATEGORIES}
    return median
