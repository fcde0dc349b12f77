"""Two builds of one commit are byte-identical.

The test clones the repository at HEAD (``git clone`` of this checkout:
work that is not committed yet is NOT in the clone, so commit before
trusting this test) and builds the clone's guide in a separate Python
process, with SOURCE_DATE_EPOCH at the start of today. It compares every
file of that build, byte for byte, with a second build: the test
session's own build of the checkout when the checkout is exactly its
commit (a fresh clone in CI), else a second clone's. The builds sit in
different folders and use different PYTHONHASHSEEDs, so an absolute path
or a set's iteration order leaking into the output shows up as a
difference.

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


def working_tree_is_the_commit(repo_root: pathlib.Path) -> bool:
    """Is the checkout exactly its commit (nothing changed, nothing
    untracked)?"""
    if not (repo_root / ".git").exists():
        return False
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=repo_root, capture_output=True, text=True, check=False)
    return status.returncode == 0 and not status.stdout.strip()


def test_two_builds_of_one_commit_are_identical(tmp_path, repo_root,
                                                differences, build_epoch,
                                                request):
    """When the checkout is its commit (CI's fresh clone, a clean tree),
    the session's build of it is the first of the two: another folder,
    another process, another hash seed. Else two clones of HEAD."""
    second = build(fresh_copy(repo_root, tmp_path / "second"), "2",
                   build_epoch)
    if working_tree_is_the_commit(repo_root):
        first = request.getfixturevalue("built_html")
    else:
        first = build(fresh_copy(repo_root, tmp_path / "first"), "1",
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
