"""Weight and speed of the guide, measured with Lighthouse: a benchmark.

Run by ``tox -e bench`` (needs Node 20+ and npm; ``npm ci`` in bench/
installs the pinned Lighthouse). It

1. builds the guide (strict, like ``tox -e docs``) into a temporary folder;
2. renders the landing page's source with bare docutils (the HTML5
   writer, Sphinx-only roles and directives tolerated) as the *floor*: the
   lightest page the same text could be;
3. serves both with ``python -m http.server`` on 127.0.0.1;
4. runs Lighthouse (mobile defaults: simulated slow 4G and a slower CPU)
   on every page and on the floor, with Debian's Chromium, ``--runs``
   times each (3 by default), and keeps each page's median run by LCP
   (Lighthouse's own advice for variable results is the median of several
   runs);
5. writes ``bench/RESULTS.md`` (every figure) and ``bench/summary.rst``
   (a short table, included in contributing/hosting.rst).

Targets for every page: 100 in performance, accessibility, best practices
and SEO; at most 200 KiB transferred on a first load; LCP at most 1.35
times the floor's. Nothing here fails a build: it measures and reports.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent
SOURCE = REPO / "doc" / "source"
LIGHTHOUSE = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
SITE_PREFIX = "events-guide"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]
MAX_KIB = 200
MAX_LCP_RATIO = 1.35
DEFAULT_RUNS = 3

#: Sphinx-only directives and roles, for the bare docutils floor page.
SPHINX_DIRECTIVES = ["toctree", "only", "index", "glossary", "seealso",
                     "versionadded", "versionchanged", "deprecated",
                     "event-comparison", "event-glance", "event-history",
                     "next-event", "event-feeds", "highlight",
                     "literalinclude", "code-block", "tabularcolumns",
                     "centered", "hlist", "sectionauthor", "todo"]
SPHINX_ROLES = ["ref", "doc", "term", "abbr", "download", "numref", "envvar",
                "kbd", "file", "samp", "guilabel", "menuselection",
                "command", "program", "option", "dfn", "any", "pep"]


def log(message: str) -> None:
    print(f"bench: {message}", flush=True)


def build_guide(out: pathlib.Path) -> pathlib.Path:
    html = out / SITE_PREFIX
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n",
               "-q", "-b", "html", "-d", str(out / "doctrees"),
               str(SOURCE), str(html)]
    log("building the guide: " + " ".join(command))
    subprocess.run(command, check=True, cwd=REPO)
    return html


def render_floor(out: pathlib.Path) -> pathlib.Path:
    """The landing page's source through bare docutils (HTML5 writer)."""
    from docutils import nodes
    from docutils.core import publish_string
    from docutils.parsers.rst import Directive, directives, roles

    class Ignored(Directive):
        has_content = True
        optional_arguments = 10
        final_argument_whitespace = True
        option_spec = None

        def run(self):
            return []

    Ignored.option_spec = type("AnyOption", (dict,), {
        "__getitem__": lambda self, key: directives.unchanged,
        "__contains__": lambda self, key: True})()

    def plain_role(name, rawtext, text, lineno, inliner, options=None,
                   content=None):
        title = re.sub(r"\s*<[^>]*>$", "", text).lstrip("~!")
        return [nodes.Text(title)], []

    for name in SPHINX_DIRECTIVES:
        directives.register_directive(name, Ignored)
    for name in SPHINX_ROLES:
        roles.register_local_role(name, plain_role)

    source = (SOURCE / "index.rst").read_text(encoding="utf-8")
    html = publish_string(
        source, source_path=str(SOURCE / "index.rst"), writer_name="html5",
        settings_overrides={"report_level": 5, "halt_level": 5,
                            "output_encoding": "utf-8",
                            "warning_stream": False})
    floor = out / "floor" / "index.html"
    floor.parent.mkdir(parents=True, exist_ok=True)
    floor.write_bytes(html)
    return floor


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(root: pathlib.Path):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind",
         "127.0.0.1", "--directory", str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1).close()
            return server, base
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("bench: python -m http.server did not start")


def chrome_path() -> str:
    path = os.environ.get("CHROME_PATH") or os.environ.get(
        "CHROMIUM_PATH") or "/usr/bin/chromium"
    if not os.access(path, os.X_OK):
        raise SystemExit(f"bench: no Chromium at {path}; install Debian's "
                         "chromium or set CHROME_PATH")
    return path


def run_lighthouse(url: str, report: pathlib.Path) -> dict:
    if not LIGHTHOUSE.is_file():
        raise SystemExit("bench: Lighthouse is not installed; run "
                         "`npm ci --prefix bench` (tox -e bench does)")
    command = ["node", str(LIGHTHOUSE), url, "--output=json",
               f"--output-path={report}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}",
               f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
    env = dict(os.environ, CHROME_PATH=chrome_path())
    subprocess.run(command, check=True, env=env, timeout=300)
    return json.loads(report.read_text(encoding="utf-8"))


def figures(name: str, lhr: dict) -> dict:
    audits = lhr["audits"]
    requests = audits.get("network-requests", {}).get("details", {})
    failing = sorted(
        f"{audit_id} ({category})"
        for category, data in lhr["categories"].items()
        for ref in data["auditRefs"]
        if ref.get("weight", 0) > 0
        for audit_id in [ref["id"]]
        if audits.get(audit_id, {}).get("score") not in (None, 1))
    return {
        "page": name,
        "scores": {key: round(100 * (lhr["categories"][key]["score"] or 0))
                   for key in CATEGORIES},
        "bytes": audits["total-byte-weight"]["numericValue"],
        "requests": len(requests.get("items", [])),
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "failing": failing,
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median LCP, with every run's LCP beside it."""
    ordered = sorted(runs, key=lambda run: run["lcp"])
    median = dict(ordered[(len(ordered) - 1) // 2])
    median["lcp_runs"] = [run["lcp"] for run in runs]
    return median


def measure(name: str, url: str, reports: pathlib.Path, runs: int) -> dict:
    """Run Lighthouse ``runs`` times on one page; keep the median run."""
    stem = name.replace("/", "_").replace(" ", "_")
    results = []
    for run in range(1, runs + 1):
        lhr = run_lighthouse(url, reports / f"{stem}.{run}.json")
        results.append(figures(name, lhr) | {"lhr": lhr})
    return median_run(results)


def kib(value: float) -> str:
    return f"{value / 1024:.1f}"


def results_markdown(rows, floor, meta) -> str:
    head = ("| page | perf | a11y | best pr. | SEO | KiB | requests "
            "| FCP ms | LCP ms | LCP / floor | LCP of each run, ms |")
    lines = [
        "# Lighthouse results",
        "",
        f"Measured {meta['date']} by `tox -e bench` (bench/lighthouse.py) "
        f"with Lighthouse {meta['lighthouse']} and {meta['chrome']}, "
        "mobile defaults (simulated slow 4G, 4x CPU slowdown), served by "
        "`python -m http.server` (no compression) on 127.0.0.1.",
        "",
        f"Targets on every page: 100 in all four categories; at most "
        f"{MAX_KIB} KiB on first load; LCP at most {MAX_LCP_RATIO}x the "
        "floor's (the landing page's source through bare docutils).",
        "",
        "Lighthouse simulates the slow network from one real load, and the "
        "simulated times move in steps of one round trip (150 ms) with the "
        "order in which that real load happened to fetch things. So every "
        f"page, and the floor, ran {meta['runs']} times; the table shows "
        "each page's median run by LCP, and the last column every run's "
        "LCP.",
        "",
        head,
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
    lines += ["", "## Against the targets", ""]
    misses = target_misses(rows, floor)
    lines += [f"- {miss}" for miss in misses] or [
        "- Every page meets every target."]
    lines += ["", "## Audits that did not pass (weighted ones only)", ""]
    failing = [f"- {row['page']}: {', '.join(row['failing'])}"
               for row in [floor] + rows if row["failing"]]
    lines += failing or ["- None."]
    return "\n".join(lines) + "\n"


def target_misses(rows, floor) -> list[str]:
    misses = []
    for row in rows:
        for key, score in row["scores"].items():
            if score < 100:
                misses.append(f"{row['page']}: {key} {score} "
                              f"({100 - score} short of 100)")
        if row["bytes"] > MAX_KIB * 1024:
            misses.append(f"{row['page']}: {kib(row['bytes'])} KiB, "
                          f"{kib(row['bytes'] - MAX_KIB * 1024)} KiB over "
                          f"{MAX_KIB} KiB")
        ratio = row["lcp"] / floor["lcp"]
        if ratio > MAX_LCP_RATIO:
            misses.append(f"{row['page']}: LCP {ratio:.2f}x the floor's "
                          f"({ratio - MAX_LCP_RATIO:.2f} over "
                          f"{MAX_LCP_RATIO}x)")
    return misses


def summary_rst(rows, floor) -> str:
    """A short table for contributing/hosting.rst (no dates in it)."""
    def spread(values, fmt):
        low, high = min(values), max(values)
        return fmt(low) if fmt(low) == fmt(high) else \
            f"{fmt(low)} to {fmt(high)}"
    scores = {key: [row["scores"][key] for row in rows]
              for key in CATEGORIES}
    whole = lambda value: f"{value:.0f}"  # noqa: E731
    table = [
        ("Performance", spread(scores["performance"], whole), "100"),
        ("Accessibility", spread(scores["accessibility"], whole), "100"),
        ("Best practices", spread(scores["best-practices"], whole), "100"),
        ("SEO", spread(scores["seo"], whole), "100"),
        ("Transferred on first load (KiB)",
         spread([row["bytes"] / 1024 for row in rows], whole),
         f"at most {MAX_KIB}"),
        ("Requests", spread([row["requests"] for row in rows], whole), ""),
        ("Largest contentful paint (ms)",
         spread([row["lcp"] for row in rows], whole),
         f"floor {floor['lcp']:.0f}"),
        ("LCP as a multiple of the floor's",
         spread([row["lcp"] / floor["lcp"] for row in rows],
                lambda value: f"{value:.2f}"), f"at most {MAX_LCP_RATIO}"),
    ]
    widths = [max(len(str(cell)) for cell in column) for column in
              zip(("Measure", "Pages", "Target"), *table)]
    rule = "  ".join("=" * width for width in widths)

    def line(cells):
        return "  ".join(str(cell).ljust(width)
                         for cell, width in zip(cells, widths)).rstrip()
    body = [rule, line(("Measure", "Pages", "Target")), rule]
    body += [line(row) for row in table] + [rule]
    misses = target_misses(rows, floor)
    verdict = ("Every page met every target in the last measurement "
               "(median of several runs per page)."
               if not misses else
               f"{len(misses)} figures missed a target in the last "
               "measurement (median of several runs per page); "
               "bench/RESULTS.md lists them.")
    return ("..\n   Written by bench/lighthouse.py (tox -e bench); do not "
            "edit by hand.\n\n" + "\n".join(body) + "\n\n" + verdict + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", nargs="*",
                        help="only these pages (default: every page)")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS,
                        help="Lighthouse runs per page; the median run by "
                        f"LCP is kept (default {DEFAULT_RUNS})")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder (build, reports)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    work = pathlib.Path(tempfile.mkdtemp(prefix="events-guide-bench-"))
    server = None
    try:
        site = build_guide(work)
        render_floor(work)
        pages = args.pages or sorted(
            path.relative_to(site).as_posix() for path in site.rglob("*.html")
            if not any(part.startswith("_") for part in
                       path.relative_to(site).parts[:-1]))
        server, base = serve(work)
        reports = work / "reports"
        reports.mkdir()
        log(f"Lighthouse on the floor page and {len(pages)} pages, "
            f"{args.runs} runs each")
        floor = measure("floor (bare docutils index)",
                        base + "floor/index.html", reports, args.runs)
        floor_lhr = floor["lhr"]
        rows = []
        for number, name in enumerate(pages, 1):
            log(f"[{number}/{len(pages)}] {name}")
            rows.append(measure(name, f"{base}{SITE_PREFIX}/{name}",
                                reports, args.runs))
        meta = {
            "date": datetime.datetime.now(datetime.timezone.utc)
            .strftime("%Y-%m-%d %H:%M UTC"),
            "lighthouse": floor_lhr.get("lighthouseVersion", "?"),
            "chrome": floor_lhr.get("environment", {})
            .get("hostUserAgent", "Chromium").split(") ")[-1].split(" ")[0]
            if floor_lhr.get("environment") else "Chromium",
            "runs": args.runs,
        }
        (HERE / "RESULTS.md").write_text(results_markdown(rows, floor, meta),
                                         encoding="utf-8")
        (HERE / "summary.rst").write_text(summary_rst(rows, floor),
                                          encoding="utf-8")
        log("wrote bench/RESULTS.md and bench/summary.rst")
        for miss in target_misses(rows, floor):
            log(f"target missed: {miss}")
        return 0
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
