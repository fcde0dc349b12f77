"""Every build publishes what a clean build would
(events_guide.ext.whole_site) and says where a page left out of every
toctree belongs (events_guide.ext.toctree_hint).

The whole-site tests edit a copy of the working tree and compare an
incremental build of it, file by file, with a clean build of the same
sources: same pages, sitemap, search index, objects.inv, feeds.
"""

import datetime

import pytest

from events_guide.sitecheck import Site, inventory

PAGE = """:reviewed: {today}

===========
{title}
===========

A page that is here today and gone tomorrow.
"""


@pytest.fixture
def source(guide_copy, monkeypatch, build_epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", build_epoch)
    return guide_copy / "doc" / "source"


def append(path, text):
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


@pytest.mark.slow
def test_incremental_build_equals_a_clean_build(source, tmp_path,
                                                strict_sphinx_build,
                                                differences):
    incremental = strict_sphinx_build(source, tmp_path / "incremental")
    edited = sorted(path for path in source.glob("*.rst")
                    if path.name != "index.rst")[0]
    append(edited, "\nThis sentence came with a later edit.\n")
    strict_sphinx_build(source, tmp_path / "incremental")
    clean = strict_sphinx_build(source, tmp_path / "clean")
    assert differences(incremental, clean) == []
    assert "later edit" in (incremental / edited.with_suffix(
        ".html").name).read_text(encoding="utf-8")


@pytest.mark.slow
def test_deleted_pages_leave_the_build(source, tmp_path, strict_sphinx_build,
                                       differences):
    """One deleted page redirects to the start page, the other is simply
    gone: after an incremental build neither is a page of the site, and
    the build equals a clean one."""
    index = source / "index.rst"
    before = index.read_text(encoding="utf-8")
    for name in ("moved", "gone"):
        (source / f"{name}.rst").write_text(PAGE.format(
            title=name.title(), today=datetime.date.today()),
            encoding="utf-8")
    append(index, "\n.. toctree::\n   :hidden:\n\n   moved\n   gone\n")
    out = strict_sphinx_build(source, tmp_path / "incremental")
    assert (out / "gone.html").is_file() and (out / "moved.html").is_file()
    for name in ("moved", "gone"):
        (source / f"{name}.rst").unlink()
    index.write_text(before, encoding="utf-8")
    append(source / "redirects.txt", '"moved.rst" "index.rst"\n')
    strict_sphinx_build(source, tmp_path / "incremental")
    site = Site(out, source)
    assert "gone.html" not in inventory.published_urls(site)
    assert inventory.check_redirects(site) == []
    assert differences(out, strict_sphinx_build(source,
                                                tmp_path / "clean")) == []


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
