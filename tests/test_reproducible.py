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

import datetime
import filecmp
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
#: Any fixed instant will do, as long as the guide is fresh on it: the
#: start of today (UTC), so that no page's review or source's check date
#: lies after it.
SOURCE_DATE_EPOCH = str(int(datetime.datetime.now(datetime.timezone.utc)
                            .replace(hour=0, minute=0, second=0,
                                     microsecond=0).timestamp()))

pytestmark = pytest.mark.slow


def differences(left: pathlib.Path, right: pathlib.Path) -> list[str]:
    """Every file that is only in one tree or differs, sorted, one line
    each."""
    def files(root):
        return {path.relative_to(root).as_posix()
                for path in root.rglob("*") if path.is_file()}
    left_files, right_files = files(left), files(right)
    found = [f"{name}: only in the first build"
             for name in left_files - right_files]
    found += [f"{name}: only in the second build"
              for name in right_files - left_files]
    found += [f"{name}: contents differ"
              for name in left_files & right_files
              if not filecmp.cmp(left / name, right / name, shallow=False)]
    return sorted(found)


def fresh_copy(destination: pathlib.Path) -> pathlib.Path:
    if (REPO_ROOT / ".git").exists():
        subprocess.run(["git", "clone", "--quiet", "--no-hardlinks",
                        str(REPO_ROOT), str(destination)], check=True)
    else:
        shutil.copytree(REPO_ROOT, destination, ignore=shutil.ignore_patterns(
            "build", ".tox", "__pycache__", ".pytest_cache", "*.mo"))
    return destination


def build(checkout: pathlib.Path, hash_seed: str) -> pathlib.Path:
    out = checkout / "doc" / "build"
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH,
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


def test_two_builds_of_one_commit_are_identical(tmp_path):
    first = build(fresh_copy(tmp_path / "first"), hash_seed="1")
    second = build(fresh_copy(tmp_path / "second"), hash_seed="2")
    assert differences(first, second) == []


def test_differences_names_each_differing_file(tmp_path):
    left, right = tmp_path / "left", tmp_path / "right"
    for root in (left, right):
        (root / "sub").mkdir(parents=True)
        (root / "same.html").write_text("same")
    (left / "sub" / "page.html").write_text("built at 12:00")
    (right / "sub" / "page.html").write_text("built at 12:01")
    (left / "extra.ics").write_text("x")
    assert differences(left, right) == [
        "extra.ics: only in the first build",
        "sub/page.html: contents differ",
    ]
