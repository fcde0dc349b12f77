"""Shared fixtures: the guide is built once per test session.

``built_html`` builds ``doc/source`` into a temporary folder with the same
strict options as ``tox -e docs`` and returns the HTML folder; every test
that looks at the real site shares that one build (``guide_site`` is the
same build as the site checks see it). Tests that need a broken site build
a root from ``tests/roots/test-*`` with ``build_test_root`` (strict, like
the guide), or break a ``site_copy`` of the guide. Every build goes
through :func:`run_build`: the same options as ``tox -e docs``. The paths
below and the assertion helpers (``one``, ``assert_names``) are shared
through fixtures: test modules never define their own. A module whose
tests share an expensive module fixture marks them with one
``xdist_group``, so that one worker makes it once.
"""

import contextlib
import datetime
import io
import os
import pathlib
import shutil

import pytest
from sphinx.cmd.build import build_main
from sphinx.util.console import strip_colors

from events_guide.sitecheck.__main__ import STRICT_OPTIONS

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC_SOURCE = REPO_ROOT / "doc" / "source"
TEST_ROOTS = pathlib.Path(__file__).resolve().parent / "roots"
INVENTORY = REPO_ROOT / "tests" / "published-urls.txt"


def pytest_sessionstart(session):
    """Under pytest-xdist the controller runs no test: Hypothesis's
    plugin there would only import Hypothesis when the session ends, to
    summarise what the workers report (about a second of waiting once
    every test has run). The workers keep the plugin: a failing example
    is still shown with its test, but no patch file of failing examples
    is written. Asking for Hypothesis's statistics
    (--hypothesis-show-statistics) keeps the plugin everywhere."""
    plugins = session.config.pluginmanager
    statistics = session.config.getoption("--hypothesis-show-statistics",
                                          False)
    if plugins.has_plugin("dsession") and not statistics:
        hypothesis = plugins.get_plugin("hypothesispytest")
        if hypothesis is not None:
            plugins.unregister(hypothesis)


def pytest_collection_modifyitems(items):
    """Let both workers start busy: the first test of the shared guide
    build goes first (the worker that gets it builds the guide), then the
    tests marked ``early``, which build copies of their own, so the other
    worker starts on them instead of waiting for the shared build; the
    rest stays as collected. pytest-xdist hands the tests out in this
    order (``--no-loadscope-reorder``, setup.cfg); a group's tests go
    together, where its first test stands."""
    first_shared = next((item for item in items
                         if "built_html" in item.fixturenames), None)
    items.sort(key=lambda item: 0 if item is first_shared else
               1 if item.get_closest_marker("early") else 2)


@pytest.fixture(scope="session")
def rootdir():
    """The folder of the ``test-*`` roots."""
    return TEST_ROOTS


@pytest.fixture(scope="session")
def repo_root() -> pathlib.Path:
    """The checkout (what a separate Python process needs on its path)."""
    return REPO_ROOT


@pytest.fixture(scope="session")
def doc_source() -> pathlib.Path:
    """The guide's source folder, ``doc/source``."""
    return DOC_SOURCE


@pytest.fixture(scope="session")
def guide_data():
    """The guide's own event data (whatever it holds today), checked."""
    from events_guide import data

    return data.load(DOC_SOURCE / data.DEFAULT_EVENTS_FILE,
                     DOC_SOURCE / data.DEFAULT_KINDS_FILE)


@pytest.fixture
def copy_root(tmp_path):
    """Copy ``tests/roots/test-<name>`` into this test's temporary folder
    (to change it, or to build it twice); returns the copy's path."""
    def copy(name: str, folder: str | None = None) -> pathlib.Path:
        target = tmp_path / (folder or name)
        shutil.copytree(TEST_ROOTS / f"test-{name}", target)
        return target
    return copy


def run_build(source: pathlib.Path, out: pathlib.Path,
              builder: str = "html", extra_args=()) -> tuple[int, str]:
    """Build like ``tox -e docs`` (-W --keep-going -n) into ``out/<builder>``
    with doctrees in ``out/doctrees``; return the exit status and the log
    (colours stripped). The one way the tests build a site: a build that
    the guide's extensions stop (bad data, a bad build date) returns the
    stop's status, as the command line would."""
    args = [*STRICT_OPTIONS, "-q", "-b", builder,
            "-d", str(out / "doctrees"), *extra_args, str(source),
            str(out / builder)]
    log = io.StringIO()
    with contextlib.redirect_stderr(log), contextlib.redirect_stdout(log):
        try:
            status = build_main(args)
        except SystemExit as stopped:
            status = stopped.code
    return status, (f"sphinx-build {' '.join(args)}:\n"
                    + strip_colors(log.getvalue()))


def strict_build(source: pathlib.Path, out: pathlib.Path,
                 builder: str = "html", extra_args=()) -> pathlib.Path:
    """:func:`run_build`, failing the test with the log on any warning."""
    status, log = run_build(source, out, builder, extra_args)
    if status != 0:
        pytest.fail(f"failed: {log}", pytrace=False)
    return out / builder


@pytest.fixture(scope="session")
def built_html(tmp_path_factory) -> pathlib.Path:
    """The guide's HTML, built once for the whole test session.

    With pytest-xdist the workers share that one build: the first to get
    here builds into the session's common temporary folder, under a file
    lock, and the others wait for it and read the same folder.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return strict_build(DOC_SOURCE, tmp_path_factory.mktemp("guide"))
    from filelock import FileLock
    # A worker's temporary folder is <session>/popen-gwN: share <session>.
    shared = tmp_path_factory.getbasetemp().parent
    with FileLock(str(shared / "guide.lock")):
        html = shared / "guide" / "html"
        if not (html / "index.html").is_file():
            shutil.rmtree(shared / "guide", ignore_errors=True)
            strict_build(DOC_SOURCE, shared / "guide")
    return html


@pytest.fixture(scope="session")
def build_test_root(tmp_path_factory):
    """Build ``tests/roots/test-<name>`` with :func:`strict_build`, once per
    session per (name, builder); returns the output folder.

    Test modules should use this rather than ``from conftest import``:
    tests/browser has a conftest of its own, and which module the name
    ``conftest`` then means depends on collection order.
    """
    built = {}

    def build(name: str, builder: str = "html") -> pathlib.Path:
        if (name, builder) not in built:
            built[name, builder] = strict_build(
                TEST_ROOTS / f"test-{name}", tmp_path_factory.mktemp(name),
                builder)
        return built[name, builder]
    return build


@pytest.fixture(scope="session")
def strict_sphinx_build():
    """:func:`strict_build` as a fixture, for modules that build the guide
    with another builder (epub, gettext, rinoh) into their own folder."""
    return strict_build


@pytest.fixture(scope="session")
def build_epoch() -> str:
    """A SOURCE_DATE_EPOCH for builds that must reproduce: any fixed
    instant on which the guide is fresh will do, so the start of today
    (UTC): no page's review or source's check date lies after it."""
    today = datetime.datetime.now(datetime.timezone.utc).replace(
        hour=0, minute=0, second=0, microsecond=0)
    return str(int(today.timestamp()))


@pytest.fixture(scope="session")
def sphinx_build_log():
    """:func:`run_build` as a fixture, for tests of a build's messages
    (a seeded defect's warning; the build is strict, so it fails)."""
    return run_build


def copy_working_tree(destination: pathlib.Path) -> pathlib.Path:
    """Copy the working tree (without .git and build output) to
    ``destination``, to edit and build; returns it."""
    shutil.copytree(REPO_ROOT, destination, ignore=shutil.ignore_patterns(
        ".git", "build", ".tox", ".venv", "node_modules", "__pycache__",
        ".pytest_cache", "*.mo"))
    return destination


@pytest.fixture(scope="session", name="copy_working_tree")
def copy_working_tree_fixture():
    """:func:`copy_working_tree` as a fixture."""
    return copy_working_tree


@pytest.fixture
def guide_copy(tmp_path) -> pathlib.Path:
    """A copy of the working tree in this test's folder; returns its
    root."""
    return copy_working_tree(tmp_path / "checkout")


def tree_differences(left: pathlib.Path, right: pathlib.Path) -> list[str]:
    """Every file only in one tree or different in the two, one line
    each, sorted."""
    def files(root):
        return {path.relative_to(root).as_posix()
                for path in root.rglob("*") if path.is_file()}
    left_files, right_files = files(left), files(right)
    found = [f"{name}: only in {left}" for name in left_files - right_files]
    found += [f"{name}: only in {right}"
              for name in right_files - left_files]
    found += [f"{name}: contents differ"
              for name in left_files & right_files
              if (left / name).read_bytes() != (right / name).read_bytes()]
    return sorted(found)


@pytest.fixture(scope="session")
def differences():
    return tree_differences


@pytest.fixture(scope="session")
def root_site(build_test_root):
    """The built ``tests/roots/test-<name>`` root as a sitecheck Site
    (each root built once per session)."""
    from events_guide.sitecheck import Site

    sites = {}

    def site(name: str) -> Site:
        if name not in sites:
            sites[name] = Site(build_test_root(name),
                               TEST_ROOTS / f"test-{name}")
        return sites[name]
    return site


@pytest.fixture
def stopped_build(copy_root, tmp_path):
    """Build a copy of a root whose input must stop the build (bad data, a
    bad build date), settings overridden as ``-D name=value`` would;
    returns ``(exit status, log, output folder)``."""
    def build(name: str, **settings):
        overrides = [arg for name_value in settings.items()
                     for arg in ("-D", "=".join(name_value))]
        status, log = run_build(copy_root(name), tmp_path / "out",
                                extra_args=overrides)
        return status, log, tmp_path / "out" / "html"
    return build


# -- the built guide as the site checks see it --------------------------------

@pytest.fixture(scope="session")
def guide_site(built_html):
    """The built guide with its sources and the committed URL inventory."""
    from events_guide.sitecheck import load_site
    return load_site(built_html, DOC_SOURCE, INVENTORY)


class SiteCopy:
    """A copy of the built guide for a test to break; :meth:`site` reads
    it as the checks do (with the guide's sources and inventory)."""

    def __init__(self, html: pathlib.Path):
        self.html = html

    def site(self):
        from events_guide.sitecheck import Site
        return Site(self.html, DOC_SOURCE, INVENTORY)

    def remove_own_policy(self, rel: str) -> None:
        """Take the page's own Content-Security-Policy (its ``<meta
        http-equiv>``) out of the page."""
        page = self.html / rel
        text = page.read_text(encoding="utf-8")
        start = text.index('<meta http-equiv="Content-Security-Policy"')
        page.write_text(text[:start] + text[text.index(">", start) + 1:],
                        encoding="utf-8")


@pytest.fixture
def site_copy(built_html, tmp_path) -> SiteCopy:
    shutil.copytree(built_html, tmp_path / "html")
    return SiteCopy(tmp_path / "html")


@pytest.fixture
def page_copy(built_html, tmp_path):
    """A copy of a few files of the built guide, with the start page and
    the host files (``page_copy("forum.html")``), for a defect a check
    finds on the page itself (its head, its policy, its structured data):
    the checks then read those pages only, so the test costs what they
    cost, not what the whole site does."""
    from events_guide.published import HOST_FILES

    def copy(*rels: str) -> SiteCopy:
        html = tmp_path / "html"
        for rel in ("index.html", *HOST_FILES, *rels):
            target = html / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(built_html / rel, target)
        return SiteCopy(html)
    return copy


# -- tools outside Python -----------------------------------------------------

@pytest.fixture(scope="session")
def java() -> str:
    """The java the Nu HTML Checker and epubcheck run on, or a failure
    that says what to install."""
    from events_guide.sitecheck.validity import ToolMissing, java
    try:
        return java()
    except ToolMissing as error:
        pytest.fail(str(error), pytrace=False)


# -- assertion helpers --------------------------------------------------------

def _one(findings, subject, check=None):
    """The one finding about ``subject`` (and of ``check``), or a failure
    showing the whole report."""
    from events_guide.findings import format_report
    found = [f for f in findings if f.subject == subject
             and (check is None or f.check == check)]
    assert len(found) == 1, (f"expected one finding for {subject!r}:\n"
                             + format_report(findings))
    return found[0]


def _assert_names(finding, source_file: str, line, html: str):
    """The finding names the file (ending in ``source_file``), the line
    and the built page, and says how to fix it."""
    text = str(finding)
    assert finding.file.endswith(source_file), text
    assert finding.line == line, text
    where = f"{source_file}:{line}" if line is not None else source_file
    assert where in text and html in text and "fix:" in text, text


@pytest.fixture(scope="session")
def one():
    return _one


@pytest.fixture(scope="session")
def assert_names():
    return _assert_names
