"""Weight and speed of the guide, measured with Lighthouse: a benchmark.

Run by ``tox -e bench`` (needs Node and npm; ``npm ci`` in bench/ installs
the pinned Lighthouse). It

1. builds the guide (strict, like ``tox -e docs``) into a temporary folder;
2. renders the landing page's source with bare docutils as the *floor*,
   the lightest page the same text could be (:mod:`floor`);
3. serves both twice on 127.0.0.1 with the headers the build ships
   (:mod:`server`): compressed with gzip, as hosts serve it, and
   uncompressed;
4. runs Lighthouse (mobile defaults: simulated slow 4G and a slower CPU)
   on every page and on the floor, both ways, with Debian's Chromium,
   ``--runs`` times each (3 by default), and keeps each page's median run
   by LCP (Lighthouse's own advice for variable results);
5. writes ``bench/RESULTS.md`` (every figure, each page's LCP element and
   critical request chain) and ``bench/summary.rst`` (a short table,
   included in contributing/hosting.rst); the targets are in
   :mod:`report`.

Nothing here fails a build: it measures and reports.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
# The guide's own package (the server reads the shipped headers with it),
# also when it is not installed.
sys.path.insert(1, str(HERE.parent))

from floor import render_floor  # noqa: E402
from lhr import CATEGORIES, figures, median_run  # noqa: E402
from report import (MODES, results_markdown, summary_rst,  # noqa: E402
                    target_misses)
from server import serve  # noqa: E402
LIGHTHOUSE = HERE / "node_modules" / "lighthouse" / "cli" / "index.js"
SITE_PREFIX = "events-guide"
FLOOR = "floor (bare docutils index)"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]
DEFAULT_RUNS = 3
#: Lighthouse now and then fails to record a trace (NO_NAVSTART); such a
#: run is tried again, up to this many times in all.
TRIES = 3


def log(message: str) -> None:
    print(f"bench: {message}", flush=True)


def build_guide(repo: pathlib.Path, out: pathlib.Path) -> pathlib.Path:
    html = out / SITE_PREFIX
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n",
               "-q", "-b", "html", "-d", str(out / "doctrees"),
               str(repo / "doc" / "source"), str(html)]
    log("building the guide: " + " ".join(command))
    subprocess.run(command, check=True, cwd=repo)
    return html


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
    for attempt in range(1, TRIES + 1):
        done = subprocess.run(command, env=env, timeout=300)
        if done.returncode == 0:
            return json.loads(report.read_text(encoding="utf-8"))
        log(f"Lighthouse failed on {url} (try {attempt} of {TRIES})")
    raise SystemExit(f"bench: Lighthouse failed {TRIES} times on {url}")


def measure(name: str, url: str, reports: pathlib.Path, runs: int) -> dict:
    """Run Lighthouse ``runs`` times on one page; keep the median run."""
    stem = name.split(" ")[0].replace("/", "_")
    results = []
    for run in range(1, runs + 1):
        lhr = run_lighthouse(url, reports / f"{stem}.{run}.json")
        results.append(figures(name, lhr) | {"lhr": lhr})
    return median_run(results)


#: Why generated pages are sampled (written into bench/RESULTS.md).
SAMPLE_NOTE = (
    "Measured: every page built from a source and the special pages, and "
    "of the pages generated from the event data (one per year, one per "
    "event) one page per template and distinct stylesheet, the one with "
    "the longest unbroken word (Site.browser_pages, as the browser tests "
    "choose them): pages of one family share template, stylesheet and "
    "shape and differ in their text, so they load alike; their weight is "
    "held by the size budgets on every page (tox, test_page_weight.py).")


def site_pages(site: pathlib.Path) -> list[str]:
    """The pages measured (see :data:`SAMPLE_NOTE`)."""
    from events_guide.sitecheck import Site
    return Site(site).browser_pages


def measure_mode(work: pathlib.Path, mode: str, pages: list[str],
                 runs: int) -> dict:
    """The floor and every page, served one way."""
    reports = work / "reports" / mode
    reports.mkdir(parents=True)
    with serve(work, mode == "compressed", SITE_PREFIX) as base:
        log(f"{mode}: the floor and {len(pages)} pages, {runs} runs each")
        floor = measure(FLOOR, base + "floor/index.html", reports, runs)
        rows = []
        for number, name in enumerate(pages, 1):
            log(f"{mode} [{number}/{len(pages)}] {name}")
            rows.append(measure(name, f"{base}{SITE_PREFIX}/{name}",
                                reports, runs))
    return {"floor": floor, "rows": rows}


def results_from_reports(reports: pathlib.Path) -> dict:
    """The figures of saved runs (``--keep``'s reports/<mode>/*.json),
    to write the results again after a change to how they are shown."""
    results = {}
    for mode in MODES:
        runs: dict[str, list[dict]] = {}
        for path in sorted((reports / mode).glob("*.json")):
            lhr = json.loads(path.read_text(encoding="utf-8"))
            url = lhr["requestedUrl"]
            name = FLOOR if "/floor/" in url else url.split(
                f"/{SITE_PREFIX}/", 1)[1]
            runs.setdefault(name, []).append(figures(name, lhr)
                                             | {"lhr": lhr})
        floor = median_run(runs.pop(FLOOR))
        results[mode] = {"floor": floor, "rows": [
            median_run(runs[name]) for name in sorted(runs)]}
    return results


def run_metadata(results: dict, runs: int, load: str) -> dict:
    floor_lhr = results["compressed"]["floor"]["lhr"]
    agent = floor_lhr.get("environment", {}).get("hostUserAgent", "")
    chrome = next((word for word in agent.split()
                   if word.startswith("HeadlessChrome/")), "Chromium")
    measured = datetime.datetime.fromisoformat(
        floor_lhr["fetchTime"].replace("Z", "+00:00"))
    return {
        "date": measured.strftime("%Y-%m-%d %H:%M UTC"),
        "lighthouse": floor_lhr.get("lighthouseVersion", "?"),
        "chrome": chrome, "runs": runs, "load": load,
        "sample": SAMPLE_NOTE,
    }


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", nargs="*",
                        help="only these pages (default: every page)")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS,
                        help="Lighthouse runs per page and way of serving; "
                        f"the median run by LCP is kept (default "
                        f"{DEFAULT_RUNS})")
    parser.add_argument("--repo", type=pathlib.Path, default=HERE.parent,
                        help="the checkout to build (default: this one), "
                        "to measure another version against this one")
    parser.add_argument("--output", type=pathlib.Path, default=HERE,
                        help="where RESULTS.md and summary.rst go "
                        "(default: bench/)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder (build, reports)")
    parser.add_argument("--reports-from", type=pathlib.Path,
                        help="measure nothing: write the results again "
                        "from the reports folder a --keep run left")
    parser.add_argument("--load", default="not recorded",
                        help="with --reports-from: the machine's load "
                        "averages during that run, as its results said")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def write_results(args, results: dict, meta: dict) -> None:
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "RESULTS.md").write_text(
        results_markdown(results, meta), encoding="utf-8")
    (args.output / "summary.rst").write_text(summary_rst(results),
                                             encoding="utf-8")
    log(f"wrote {args.output}/RESULTS.md and summary.rst")
    for miss in target_misses(results):
        log(f"target missed: {miss}")


def main() -> int:
    args = arguments()
    if args.reports_from:
        results = results_from_reports(args.reports_from)
        runs = len(results["compressed"]["floor"]["lcp_runs"])
        write_results(args, results, run_metadata(results, runs, args.load))
        return 0
    work = pathlib.Path(tempfile.mkdtemp(prefix="events-guide-bench-"))
    try:
        site = build_guide(args.repo.resolve(), work)
        render_floor(args.repo.resolve() / "doc" / "source", work)
        pages = args.pages or site_pages(site)
        load = load_average()
        results = {mode: measure_mode(work, mode, pages, args.runs)
                   for mode in MODES}
        meta = run_metadata(results, args.runs, f"{load} at the start, "
                            f"{load_average()} at the end (1, 5, 15 min)")
        write_results(args, results, meta)
        return 0
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
