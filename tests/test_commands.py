"""The contributor's commands in tox.ini keep their promises: the live
preview is as strict as the build, and Ctrl-C ends it cleanly."""

import configparser
import shlex

import pytest


@pytest.fixture(scope="module")
def tox(repo_root):
    config = configparser.ConfigParser(interpolation=None)
    config.read(repo_root / "tox.ini")
    return config


def options(command: str) -> set[str]:
    return {word for word in shlex.split(command.replace("\\\n", " "))
            if word.startswith("-")}


def test_live_preview_is_as_strict_as_the_build(tox):
    strict = {"-W", "--keep-going", "-n"}
    assert strict <= options(tox["testenv:docs"]["commands"])
    assert strict <= options(tox["testenv:serve"]["commands"])


def test_ctrl_c_lets_the_preview_stop_by_itself(tox):
    """tox's default interrupts the preview again after 0 s and kills it
    0.3 s later, then reports 'evaluation failed'."""
    assert float(tox["testenv:serve"]["suicide_timeout"]) >= 2


def test_site_check_command_builds_first_and_installs_its_extras(tox):
    env = tox["testenv:sitecheck"]
    commands = env["commands"].strip().splitlines()
    assert commands[0].startswith("sphinx-build")
    assert "python -m events_guide.sitecheck" in commands[-1]
    assert {"docs", "sitecheck", "nu", "browser"} <= extras(env)


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
