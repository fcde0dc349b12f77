"""How long a contributor waits: the figures behind the README's timings.

``tox -e timings`` runs this. In a fresh clone of the committed checkout
(HEAD), in a temporary folder, it measures with a wall clock:

* ``tox -e docs``, cold: the first run, environment included;
* ``tox -e docs``, warm, after a one-word edit of one page (the loop a
  patch sender lives in; median of ``--runs``);
* ``tox``, warm: every check and test (median of ``--runs``);
* with ``--ci``, ``bash .ci/run`` in another fresh clone (what CI runs;
  it installs system packages only when they are missing).

It writes the figures, the machine and the date to ``bench/TIMINGS.md``.
Figures are measured, never asserted: no test reads them.
"""

from __future__ import annotations

import argparse
import datetime
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = pathlib.Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "TIMINGS.md"
#: The page edited between two warm builds, and the word changed in it.
EDITED_PAGE = "doc/source/glossary.rst"


def run(command: list[str], cwd: pathlib.Path) -> float:
    """Seconds *command* took; stops with its output if it fails."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TOX_", "VIRTUAL_ENV"))}
    start = time.monotonic()
    result = subprocess.run(command, cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    took = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"timings: {' '.join(command)} failed in {cwd} "
                 f"(exit {result.returncode}):\n{result.stdout[-4000:]}")
    return took


def clone(into: pathlib.Path) -> pathlib.Path:
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(into)],
                   check=True)
    return into


def edit_one_page(checkout: pathlib.Path, round_: int) -> None:
    """Change one word of one page, differently each round."""
    page = checkout / EDITED_PAGE
    text = page.read_text(encoding="utf-8")
    marker = "\n.. timings: edit {}\n"
    text = text.split("\n.. timings: edit")[0].rstrip("\n") + "\n"
    page.write_text(text + marker.format(round_), encoding="utf-8")


def measure(runs: int, ci: bool) -> dict[str, list[float]]:
    tox = [sys.executable, "-m", "tox"]
    figures: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="events-guide-timings-") as tmp:
        checkout = clone(pathlib.Path(tmp) / "checkout")
        figures["tox -e docs, cold"] = [run(tox + ["-e", "docs"], checkout)]
        warm = []
        for round_ in range(runs):
            edit_one_page(checkout, round_)
            warm.append(run(tox + ["-e", "docs"], checkout))
        figures["tox -e docs, warm, one page edited"] = warm
        subprocess.run(["git", "checkout", "--quiet", "--", "."],
                       cwd=checkout, check=True)
        run(tox, checkout)  # warms the test environments
        figures["tox, warm"] = [run(tox, checkout) for _ in range(runs)]
        if ci:
            fresh = clone(pathlib.Path(tmp) / "ci")
            figures["bash .ci/run, fresh clone"] = [
                run(["bash", ".ci/run"], fresh)]
    return figures


def machine() -> str:
    model = ""
    cpuinfo = pathlib.Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return (f"{os.cpu_count()} cores{', ' + model if model else ''}; "
            f"Python {platform.python_version()}")


def report(figures: dict[str, list[float]], commit: str) -> str:
    lines = [
        "# How long a contributor waits",
        "",
        f"Measured by `tox -e timings` (bench/timings.py) on "
        f"{datetime.date.today().isoformat()}, commit {commit}, on "
        f"{machine()}. Wall-clock seconds; the median of the runs, every "
        "run listed.",
        "",
        "| What | Median | Runs |",
        "|---|---|---|",
    ]
    for what, seconds in figures.items():
        runs = ", ".join(f"{s:.1f}" for s in seconds)
        lines.append(f"| {what} | {statistics.median(seconds):.1f} s | "
                     f"{runs} |")
    lines += ["", "Other processes may have run on the machine; a figure far "
              "from its neighbours is worth measuring again.", ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3,
                        help="warm runs of each command (default 3)")
    parser.add_argument("--ci", action="store_true",
                        help="also time bash .ci/run in a fresh clone")
    args = parser.parse_args(argv)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"],
                            cwd=REPO, capture_output=True, text=True,
                            check=True).stdout.strip()
    figures = measure(max(1, args.runs), args.ci)
    RESULTS.write_text(report(figures, commit), encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
