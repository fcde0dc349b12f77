"""The one command: ``python -m events_guide.sitecheck``."""

import os
import subprocess
import sys

import pytest

from events_guide.sitecheck import __main__ as cli
from events_guide.sitecheck import inventory


def run(*args, cwd):
    """The command in a fresh process, in ``cwd``, with this checkout
    importable (tox installs it; the test runs from the checkout)."""
    root = os.path.dirname(os.path.dirname(cli.__file__))
    env = dict(os.environ, PYTHONPATH=os.path.dirname(root))
    return subprocess.run([sys.executable, "-m", "events_guide.sitecheck",
                           *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, check=False)


def test_cli_lists_findings_with_file_and_line_and_fails(root_site,
                                                         repo_root):
    site = root_site("links-broken")
    result = run(site.html_dir, "--source", site.source_dir, "--only",
                 "check_internal_links", cwd=repo_root)
    assert result.returncode == 1, result.stderr
    assert "7 problems" in result.stdout
    assert "tests/roots/test-links-broken/index.rst:8 (index.html)" in \
        result.stdout


@pytest.mark.parametrize("args", [[], ["check"], ["inventory"]])
def test_cli_explains_a_missing_build(tmp_path, args):
    result = run(*args, tmp_path / "nowhere", cwd=tmp_path)
    assert result.returncode == 2
    assert "build the guide first" in result.stderr
    assert "Traceback" not in result.stderr


def test_inventory_command_prints_and_writes_the_inventory(guide_site,
                                                           tmp_path,
                                                           capsys):
    """It reads the build and writes only the file it is given."""
    html = str(guide_site.html_dir)
    assert cli.main(["inventory", html]) == 0
    printed = capsys.readouterr().out
    target = tmp_path / "urls.txt"
    assert cli.main(["inventory", html, "--write", "--inventory",
                     str(target)]) == 0
    assert target.read_text(encoding="utf-8") == printed
    assert set(inventory.read_inventory(target)) == set(
        inventory.published_urls(guide_site))


def test_build_builds_the_source_it_is_given(rootdir, tmp_path):
    """--build builds --source (here a test root), not the guide, into
    the HTML folder, with the doctrees beside it."""
    html = tmp_path / "build" / "html"
    result = run("check", html, "--build", "--source",
                 rootdir / "test-structure-good", "--only",
                 "check_internal_links", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (html / "index.html").is_file()
    assert (tmp_path / "build" / "doctrees").is_dir()


def test_help_is_the_checks_help_and_builds_nothing(capsys, monkeypatch):
    """--help answers at once with the checker's options (not tox's),
    even with --build after it, as tox -e sitecheck passes it."""
    monkeypatch.setattr(cli, "build",
                        lambda *args: pytest.fail("built"))
    with pytest.raises(SystemExit) as exit_status:
        cli.main(["--help", "--build"])
    assert exit_status.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "--nu" in out and "--all" in out and "inventory --help" in out
