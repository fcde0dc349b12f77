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

import pytest
from sphinx.cmd.build import build_main

pytest_plugins = ("sphinx.testing.fixtures",)

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC_SOURCE = REPO_ROOT / "doc" / "source"
TEST_ROOTS = pathlib.Path(__file__).resolve().parent / "roots"


@pytest.fixture(scope="session")
def rootdir():
    """Where ``sphinx.testing`` finds the ``test-*`` roots."""
    return TEST_ROOTS


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
