"""Every build publishes what a clean build would
(events_guide.ext.whole_site) and says where a page left out of every
toctree belongs (events_guide.ext.toctree_hint).

The whole-site tests build a copy of the working tree, edit it (a page
changed, two deleted), build it again into the same folder and compare
that incremental build, file by file, with a clean build of the same
sources: same pages, sitemap, search index, objects.inv, feeds.

The copy is a git repository with everything committed but the two extra
pages, as a contributor's checkout is before a new page's first commit:
so the builds take their "last updated" dates from git, as the guide's
own build does, and the first build shows that a page not committed yet
builds strictly, without a date.
"""

import datetime
import os
import subprocess
from types import SimpleNamespace

import pytest
from lxml import etree

from events_guide.sitecheck import Site, inventory, publishing, run_checks
from events_guide.sitecheck.headers import (
    check_inline_hashes, check_security_headers)
from events_guide.sitecheck.weight import check_no_scripts

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


def commit_everything(checkout):
    """Make ``checkout`` a git repository with every file committed (its
    own repository: the outer checkout's GIT_* settings are left out)."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith("GIT_")}
    for command in (["init", "--quiet"], ["add", "--all"],
                    ["-c", "user.name=Test", "-c",
                     "user.email=test@example.org", "commit", "--quiet",
                     "--no-verify", "-m", "The guide"]):
        subprocess.run(["git", *command], cwd=checkout, env=env, check=True)


def dates_of(html, names):
    """For each page, whether it says when it was last updated and
    whether the sitemap gives it a lastmod."""
    base = Site(html).base_url
    sitemap = etree.parse(str(html / "sitemap.xml"))
    lastmods = {url.findtext("s:loc", namespaces=publishing.SITEMAP_NS)
                .removeprefix(base): url.find("s:lastmod",
                                              publishing.SITEMAP_NS)
                is not None
                for url in sitemap.findall("s:url", publishing.SITEMAP_NS)}
    return {name: ("Last updated" in (html / name).read_text(
        encoding="utf-8"), lastmods[name]) for name in names}


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
    checkout = copy_working_tree(root / "checkout")
    commit_everything(checkout)
    source = checkout / "doc" / "source"
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
        first_dates = dates_of(incremental, ("index.html", "gone.html"))
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
                           first_pages=first_pages, first_dates=first_dates)


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


@pytest.mark.slow
@WHOLE_SITE
@pytest.mark.early
def test_a_moved_page_refreshes_to_its_new_address_without_a_script(
        edited_guide):
    """The page left at a moved page's address sends the reader on with a
    refresh, not a script (which the policy would refuse, and which keeps
    a <noscript> refresh from ever running), and carries its own policy:
    the site checks find nothing on it."""
    site = Site(edited_guide.incremental, edited_guide.source)
    moved = site.page("moved.html")
    (refresh,) = moved.soup.select('meta[http-equiv="refresh"]')
    assert refresh["content"] == "0; url=index.html"
    findings = run_checks(site, (check_no_scripts, check_security_headers,
                                 check_inline_hashes))
    assert [f for f in findings if f.html == "moved.html"] == []


@pytest.mark.slow
@WHOLE_SITE
@pytest.mark.early
def test_an_uncommitted_page_builds_strictly_without_a_date(edited_guide):
    """A page not committed yet has no git date: the strict build passed
    (the fixture), the page shows no "last updated" and the sitemap gives
    it no lastmod; a committed page has both."""
    assert edited_guide.first_dates == {"index.html": (True, True),
                                        "gone.html": (False, False)}


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
