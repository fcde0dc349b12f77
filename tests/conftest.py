"""Shared fixtures: the guide is built once per test session.

``built_html`` builds ``doc/source`` into a temporary folder with the same
strict options as ``tox -e docs`` and returns the HTML folder; every test
that looks at the real site shares that one build. Tests that need a broken
site use Sphinx's own ``sphinx.testing`` fixtures with a root from
``tests/roots/test-*`` instead.
"""

import contextlib
import io
import pathlib
import shutil

import pytest
from sphinx.cmd.build import build_main
from sphinx.util.console import strip_colors
from sphinx.util.docutils import docutils_namespace

pytest_plugins = ("sphinx.testing.fixtures",)

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC_SOURCE = REPO_ROOT / "doc" / "source"
TEST_ROOTS = pathlib.Path(__file__).resolve().parent / "roots"


@pytest.fixture(scope="session")
def rootdir():
    """Where ``sphinx.testing`` finds the ``test-*`` roots."""
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


def strict_build(source: pathlib.Path, out: pathlib.Path,
                 builder: str = "html", extra_args=()) -> pathlib.Path:
    """Build like ``tox -e docs`` (-W --keep-going -n); fail with the log."""
    html = out / builder
    args = ["-W", "--keep-going", "-n", "-q", "-b", builder,
            "-d", str(out / "doctrees"), *extra_args, str(source), str(html)]
    log = io.StringIO()
    with contextlib.redirect_stderr(log), contextlib.redirect_stdout(log):
        status = build_main(args)
    if status != 0:
        pytest.fail(f"sphinx-build {' '.join(args)} failed:\n{log.getvalue()}",
                    pytrace=False)
    return html


@pytest.fixture(scope="session")
def built_html(tmp_path_factory) -> pathlib.Path:
    """The guide's HTML, built once for the whole test session."""
    return strict_build(DOC_SOURCE, tmp_path_factory.mktemp("guide"))


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
def stopped_build(make_app, copy_root):
    """Build a copy of a root whose input must stop the build (bad data, a
    bad build date) with sphinx.testing; returns ``(exit status, log,
    output folder)``.

    The stop is a SystemExit, which SphinxTestApp does not clean up after
    (it does for an Exception), so Sphinx's global registries are restored
    here; otherwise later builds in the session warn that every directive
    is already registered.
    """
    def build(name: str, **confoverrides):
        source = copy_root(name)
        log = io.StringIO()
        with docutils_namespace(), pytest.raises(SystemExit) as stopped:
            make_app("html", srcdir=source, freshenv=True, warning=log,
                     status=io.StringIO(), confoverrides=confoverrides)
        return (stopped.value.code, strip_colors(log.getvalue()),
                source / "_build" / "html")
    return build
