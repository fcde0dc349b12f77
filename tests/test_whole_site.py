"""Every build publishes what a clean build would
(events_guide.ext.whole_site) and says where a page left out of every
toctree belongs (events_guide.ext.toctree_hint).

The whole-site tests build a copy of the working tree, edit it (a page
changed, two deleted), build it again into the same folder and compare
that incremental build, file by file, with a clean build of the same
sources: same pages, sitemap, search index, objects.inv, feeds.
"""

import datetime
from types import SimpleNamespace

import pytest

from events_guide.sitecheck import Site, inventory

PAGE = """:reviewed: {today}

===========
{title}
===========

A page that is here today and gone tomorrow.
"""


#: One worker runs both whole-site tests: they share the builds below.
WHOLE_SITE = pytest.mark.xdist_group("whole-site")


def append(path, text):
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


@pytest.fixture(scope="module")
def edited_guide(tmp_path_factory, copy_working_tree, strict_sphinx_build,
                 build_epoch):
    """A copy of the guide built, edited and built again (incremental),
    then built clean; returns what the tests look at.

    The first build has two more pages, ``moved`` and ``gone``. Then one
    page gets a new sentence, both extra pages are deleted (``moved``
    redirects to the start page) and the same output folder is built
    again.
    """
    root = tmp_path_factory.mktemp("whole-site")
    source = copy_working_tree(root / "checkout") / "doc" / "source"
    index = source / "index.rst"
    before = index.read_text(encoding="utf-8")
    for name in ("moved", "gone"):
        (source / f"{name}.rst").write_text(PAGE.format(
            title=name.title(), today=datetime.date.today()),
            encoding="utf-8")
    append(index, "\n.. toctree::\n   :hidden:\n\n   moved\n   gone\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", build_epoch)
        incremental = strict_sphinx_build(source, root / "incremental")
        first_pages = {path.name for path in incremental.glob("*.html")}
        edited = sorted(path for path in source.glob("*.rst")
                        if path.name not in ("index.rst", "gone.rst",
                                             "moved.rst"))[0]
        append(edited, "\nThis sentence came with a later edit.\n")
        for name in ("moved", "gone"):
            (source / f"{name}.rst").unlink()
        index.write_text(before, encoding="utf-8")
        append(source / "redirects.txt", '"moved.rst" "index.rst"\n')
        strict_sphinx_build(source, root / "incremental")
        clean = strict_sphinx_build(source, root / "clean")
    return SimpleNamespace(source=source, incremental=incremental,
                           clean=clean, edited=edited,
                           first_pages=first_pages)


@pytest.mark.slow
@WHOLE_SITE
@pytest.mark.early  # its builds need not wait for the shared one
def test_incremental_build_equals_a_clean_build(edited_guide, differences):
    assert differences(edited_guide.incremental, edited_guide.clean) == []
    assert "later edit" in (edited_guide.incremental / edited_guide.edited
                            .with_suffix(".html").name).read_text(
                                encoding="utf-8")


@pytest.mark.slow
@WHOLE_SITE
@pytest.mark.early  # its builds need not wait for the shared one
def test_deleted_pages_leave_the_build(edited_guide):
    """One deleted page redirects to the start page, the other is simply
    gone: after the incremental build neither is a page of the site (and
    the build equals a clean one, above)."""
    assert {"gone.html", "moved.html"} <= edited_guide.first_pages
    site = Site(edited_guide.incremental, edited_guide.source)
    assert "gone.html" not in inventory.published_urls(site)
    assert inventory.check_redirects(site) == []


def test_a_page_in_no_toctree_is_told_where_it_belongs(tmp_path,
                                                       sphinx_build_log,
                                                       rootdir):
    status, log = sphinx_build_log(rootdir / "test-toctree-hint", tmp_path)
    assert status == 1
    assert log.count("isn't included in any toctree") == 2, log
    assert "sub/lost.rst: WARNING: document isn't included in any " \
        "toctree: add the line `lost` to a toctree in " in log, log
    assert "test-toctree-hint/sub/index.rst" in log
    assert "add the line `top` to a toctree in " in log, log
