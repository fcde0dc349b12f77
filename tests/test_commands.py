"""The contributor's commands in tox.ini keep their promises: the live
preview is as strict as the build, and Ctrl-C ends it cleanly."""

import configparser
import shlex

import pytest

from events_guide.sitecheck.__main__ import BUILD_OPTIONS, STRICT_OPTIONS


@pytest.fixture(scope="module")
def tox(repo_root):
    config = configparser.ConfigParser(interpolation=None)
    config.read(repo_root / "tox.ini")
    return config


def options(command: str) -> set[str]:
    return {word for word in shlex.split(command.replace("\\\n", " "))
            if word.startswith("-")}


def test_live_preview_and_site_check_are_as_strict_as_the_build(tox):
    strict = set(STRICT_OPTIONS)
    assert strict <= options(tox["testenv:docs"]["commands"])
    assert strict <= options(tox["testenv:serve"]["commands"])
    assert strict <= set(BUILD_OPTIONS)  # sitecheck --build


def test_ctrl_c_lets_the_preview_stop_by_itself(tox):
    """tox's default interrupts the preview again after 0 s and kills it
    0.3 s later, then reports 'evaluation failed'."""
    assert float(tox["testenv:serve"]["suicide_timeout"]) >= 2


def test_site_check_command_builds_first_and_installs_its_extras(tox):
    """It builds inside the command (--build), after reading the options,
    so that --help answers at once."""
    env = tox["testenv:sitecheck"]
    (command,) = env["commands"].strip().splitlines()
    assert command.startswith("python -m events_guide.sitecheck")
    assert command.endswith("--build")
    assert {"docs", "sitecheck", "nu", "browser"} <= extras(env)


def test_lint_reports_every_linter_in_one_run(tox):
    """doc8, sphinx-lint and flake8 all run even when the first fails."""
    assert tox["testenv:pep8"]["ignore_errors"] == "true"


def extras(env) -> set[str]:
    """The extras an environment installs the checkout with (deps =
    -e .[docs,sitecheck,...])."""
    deps = env["deps"].strip()
    assert deps.startswith("-e .["), deps
    return set(deps[len("-e .["):deps.index("]")].split(","))


def test_no_environment_rebuilds_the_package_on_every_run(tox):
    """A warm `tox -e docs` starts at once: the checkout is installed
    editable as a dependency, not rebuilt as a wheel each run."""
    assert tox["testenv"]["skip_install"] == "true"


def test_ci_runs_the_readmes_set_up_lines_word_for_word(repo_root):
    """The README's first steps work on Debian's own Python (a virtual
    environment, not pip into the system), and CI runs exactly them."""
    readme = (repo_root / "README.rst").read_text(encoding="utf-8")
    ci = (repo_root / ".ci" / "run").read_text(encoding="utf-8")
    lines = ["python3 -m venv .venv && . .venv/bin/activate",
             "pip install tox"]
    for line in lines:
        assert f"\n    {line}\n" in readme, line
        assert f"\n{line}\n" in ci, line
    assert ci.rstrip().endswith("\ntox")
