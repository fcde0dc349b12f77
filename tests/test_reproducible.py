"""Two builds of one commit are byte-identical.

The test clones the repository at HEAD twice (``git clone`` of this
checkout: work that is not committed yet is NOT in the clones, so commit
before trusting this test), builds each clone's guide with the same
SOURCE_DATE_EPOCH in a separate Python process, and compares every file of
the two HTML folders byte for byte. The clones sit in different folders and
the builds use different PYTHONHASHSEEDs, so an absolute path or a set's
iteration order leaking into the output shows up as a difference.

Outside a git checkout (a source tarball) the tree is copied instead.
"""

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def fresh_copy(repo_root: pathlib.Path, destination: pathlib.Path):
    if (repo_root / ".git").exists():
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks",
                        str(repo_root), str(destination)], check=True)
    else:
        shutil.copytree(repo_root, destination, ignore=shutil.ignore_patterns(
            "build", ".tox", "__pycache__", ".pytest_cache", "*.mo"))
    return destination


def build(checkout: pathlib.Path, hash_seed: str, epoch: str) -> pathlib.Path:
    out = checkout / "doc" / "build"
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch,
               PYTHONHASHSEED=hash_seed)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q",
         "-b", "html", "-d", str(out / "doctrees"), "doc/source",
         str(out / "html")],
        cwd=checkout, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"build of {checkout} failed:\n{result.stderr}",
                    pytrace=False)
    return out / "html"


def test_two_builds_of_one_commit_are_identical(tmp_path, repo_root,
                                                differences, build_epoch):
    first = build(fresh_copy(repo_root, tmp_path / "first"), "1",
                  build_epoch)
    second = build(fresh_copy(repo_root, tmp_path / "second"), "2",
                   build_epoch)
    assert differences(first, second) == []


def test_differences_names_each_differing_file(tmp_path, differences):
    left, right = tmp_path / "left", tmp_path / "right"
    for root in (left, right):
        (root / "sub").mkdir(parents=True)
        (root / "same.html").write_text("same")
    (left / "sub" / "page.html").write_text("built at 12:00")
    (right / "sub" / "page.html").write_text("built at 12:01")
    (left / "extra.ics").write_text("x")
    assert differences(left, right) == [
        f"extra.ics: only in {left}",
        "sub/page.html: contents differ",
    ]
