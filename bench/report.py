"""bench/RESULTS.md (every figure) and bench/summary.rst (the short table
in contributing/hosting.rst), and the targets they are read against.

Targets on every page, from the median of the runs: 100 in all four
categories, at most ``MAX_KIB`` on a first load; LCP at most
``MAX_RATIO[mode]`` times the floor's LCP served the same way, where the
compressed target holds in every run, not only the median one. The stretch
(``STRETCH_RATIO``, compressed) is the same number of round trips as the
floor; it is reported, not required.
"""

from __future__ import annotations

MODES = ("compressed", "uncompressed")
MODE_TITLES = {
    "compressed": "Served compressed (gzip), as hosts serve it",
    "uncompressed": "Served uncompressed",
}
MAX_KIB = 200
MAX_RATIO = {"compressed": 1.2, "uncompressed": 1.35}
#: Modes whose LCP target holds in every run, not only in the median run.
EVERY_RUN = frozenset({"compressed"})
STRETCH_RATIO = 1.1


def kib(value: float) -> str:
    return f"{value / 1024:.1f}"


def worst_ratio(row: dict, floor: dict, mode: str) -> float:
    """The LCP ratio the target is read against (see the module)."""
    lcp = max(row["lcp_runs"]) if mode in EVERY_RUN else row["lcp"]
    return lcp / floor["lcp"]


def target_misses(results: dict) -> list[str]:
    """Every figure that misses its target, as a sentence."""
    misses = []
    for mode in MODES:
        floor, rows = results[mode]["floor"], results[mode]["rows"]
        for row in rows:
            where = f"{row['page']} ({mode})"
            misses += [f"{where}: {key} {score}"
                       for key, score in row["scores"].items() if score < 100]
            if row["bytes"] > MAX_KIB * 1024:
                misses.append(f"{where}: {kib(row['bytes'])} KiB, over "
                              f"{MAX_KIB} KiB")
            ratio = worst_ratio(row, floor, mode)
            if ratio > MAX_RATIO[mode]:
                run = "slowest run" if mode in EVERY_RUN else "median"
                misses.append(f"{where}: LCP {ratio:.2f}x the floor's "
                              f"({run}; target {MAX_RATIO[mode]}x)")
    return misses


def _mode_table(mode: str, floor: dict, rows: list[dict]) -> list[str]:
    lines = [
        f"## {MODE_TITLES[mode]}", "",
        "| page | perf | a11y | best pr. | SEO | KiB | requests | FCP ms "
        "| LCP ms | LCP / floor | LCP of each run, ms |",
        "|" + "---|" * 11,
    ]
    for row in [floor] + rows:
        scores = row["scores"]
        lines.append(
            f"| {row['page']} | {scores['performance']} | "
            f"{scores['accessibility']} | {scores['best-practices']} | "
            f"{scores['seo']} | {kib(row['bytes'])} | {row['requests']} | "
            f"{row['fcp']:.0f} | {row['lcp']:.0f} | "
            f"{row['lcp'] / floor['lcp']:.2f} | "
            f"{' / '.join(f'{lcp:.0f}' for lcp in row['lcp_runs'])} |")
    return lines + [""]


def _waits_table(results: dict) -> list[str]:
    lines = ["## What each page waits for", "",
             "The median compressed run's largest contentful paint element "
             "and its critical request chain (the uncompressed runs wait "
             "for the same requests).", "",
             "| page | LCP element | critical chain |", "|---|---|---|"]
    compressed = results["compressed"]
    for row in [compressed["floor"]] + compressed["rows"]:
        lines.append(f"| {row['page']} | `{row['lcp_element']}` | "
                     f"{row['chain']} |")
    return lines + [""]


def results_markdown(results: dict, meta: dict) -> str:
    lines = [
        "# Lighthouse results", "",
        f"Measured {meta['date']} by `tox -e bench` (bench/lighthouse.py) "
        f"with Lighthouse {meta['lighthouse']} and {meta['chrome']}, "
        "mobile defaults (simulated slow 4G: 150 ms round trips, "
        "1.6 Mbit/s; 4x CPU slowdown), on 127.0.0.1. Every page and the "
        "floor were served twice: compressed with gzip, as the shipped "
        ".htaccess asks Apache to do, and uncompressed. Both servers send "
        "the headers the build ships in `_headers`. "
        f"Machine load average: {meta['load']}.", "",
        meta.get("sample", ""), "",
        f"Targets on every page: 100 in all four categories; at most "
        f"{MAX_KIB} KiB on a first load; LCP at most "
        f"{MAX_RATIO['compressed']}x the floor's when compressed, in every "
        f"run, and at most {MAX_RATIO['uncompressed']}x uncompressed "
        f"(median); stretch {STRETCH_RATIO}x compressed. The floor is the "
        "landing page's source through bare docutils, served the same way.",
        "",
        "Lighthouse simulates the slow network from one real load, so its "
        "times move in steps of a round trip (150 ms) with the order in "
        f"which that load happened to fetch things: each page ran "
        f"{meta['runs']} times per way of serving; the tables show the "
        "median run by LCP (its scores: each category's median over the "
        "runs) and every run's LCP.", "",
    ]
    for mode in MODES:
        lines += _mode_table(mode, results[mode]["floor"],
                             results[mode]["rows"])
    lines += _waits_table(results)
    lines += ["## Against the targets", ""]
    lines += [f"- {miss}" for miss in target_misses(results)] or [
        "- Every page meets every target."]
    stretch = [row["page"] for row in results["compressed"]["rows"]
               if row["lcp"] / results["compressed"]["floor"]["lcp"]
               > STRETCH_RATIO]
    lines.append(f"- Stretch ({STRETCH_RATIO}x compressed, median): "
                 + (f"missed by {', '.join(stretch)}." if stretch
                    else "met by every page."))
    lines += ["", "## Audits that did not pass (weighted ones only)", ""]
    failing = [f"- {row['page']} ({mode}): {', '.join(row['failing'])}"
               for mode in MODES
               for row in [results[mode]["floor"]] + results[mode]["rows"]
               if row["failing"]]
    return "\n".join(lines + (failing or ["- None."])) + "\n"


def _spread(values, fmt) -> str:
    low, high = fmt(min(values)), fmt(max(values))
    return low if low == high else f"{low} to {high}"


def _whole(value: float) -> str:
    return f"{value:.0f}"


def _ratio(value: float) -> str:
    return f"{value:.2f}"


def _summary_rows(results: dict) -> list[tuple[str, str, str, str]]:
    by_mode = {mode: results[mode]["rows"] for mode in MODES}
    floors = {mode: results[mode]["floor"] for mode in MODES}

    def both(measure, fmt=_whole):
        return tuple(_spread([measure(row, mode) for row in by_mode[mode]],
                             fmt) for mode in MODES)

    def ratio(row, mode):
        return worst_ratio(row, floors[mode], mode)
    rows = [(title, *both(lambda row, mode, key=key: row["scores"][key]),
             "100") for title, key in (
                ("Performance", "performance"),
                ("Accessibility", "accessibility"),
                ("Best practices", "best-practices"), ("SEO", "seo"))]
    rows += [
        ("Transferred on first load (KiB)",
         *both(lambda row, mode: row["bytes"] / 1024), f"at most {MAX_KIB}"),
        ("Requests", *both(lambda row, mode: row["requests"]), ""),
        ("Largest contentful paint (ms)",
         *both(lambda row, mode: row["lcp"]),
         "floor " + " / ".join(_whole(floors[mode]["lcp"])
                               for mode in MODES)),
        ("LCP as a multiple of the floor's", *both(ratio, _ratio),
         " / ".join(f"at most {MAX_RATIO[mode]}" for mode in MODES)),
    ]
    return rows


def summary_rst(results: dict) -> str:
    """The table for contributing/hosting.rst (no dates in it)."""
    head = ("Measure", "Compressed", "Uncompressed", "Target")
    table = _summary_rows(results)
    widths = [max(len(str(cell)) for cell in column)
              for column in zip(head, *table)]
    rule = "  ".join("=" * width for width in widths)

    def line(cells):
        return "  ".join(str(cell).ljust(width)
                         for cell, width in zip(cells, widths)).rstrip()
    body = [rule, line(head), rule, *map(line, table), rule]
    misses = target_misses(results)
    verdict = ("Every page met every target in the last measurement "
               "(compressed: in every run; uncompressed: median run)."
               if not misses else
               f"{len(misses)} figure{'s' if len(misses) != 1 else ''} "
               "missed a target in the last "
               "measurement; bench/RESULTS.md lists them.")
    return ("..\n   Written by bench/lighthouse.py (tox -e bench); do not "
            "edit by hand.\n\n" + "\n".join(body) + "\n\nThe LCP multiple "
            "is the median run's uncompressed, and the slowest run's "
            "compressed.\n\n" + verdict + "\n")
