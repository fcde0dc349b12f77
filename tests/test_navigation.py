"""Every page is in a toctree and reachable from the landing page
(events_guide.sitecheck.navigation); a page left out is named with the
toctree to add it to, by the site check and already by the build
(events_guide.ext.toctree_hint)."""

from events_guide.sitecheck import Site, format_report, navigation


def test_page_in_no_toctree_is_named(root_site, one, assert_names):
    findings = navigation.check_in_toctree(root_site("structure-orphans"))
    finding = one(findings, "orphan.html")
    assert finding.check == "not-in-toctree"
    assert ":orphan:" in str(finding)
    assert_names(finding, "test-structure-orphans/orphan.rst", 1,
                 "orphan.html")
    # the child is in a toctree (the orphan's), so only the orphan is named
    assert len(findings) == 1, format_report(findings)


def test_pages_not_reachable_from_landing_page_are_named(root_site,
                                                         assert_names):
    findings = navigation.check_reachable(root_site("structure-orphans"))
    assert [f.subject for f in findings] == ["child.html", "orphan.html"], \
        format_report(findings)
    for finding in findings:
        assert "cannot be reached" in finding.what
        assert_names(finding, "test-structure-orphans/"
                     + finding.html.replace(".html", ".rst"), None,
                     finding.html)


def test_reachability_follows_links_not_only_toctrees():
    pages = {"index.html": '<a href="a.html">Page A</a>',
             "a.html": '<a href="sub/b.html#x">Page B</a>',
             "sub/b.html": '<a href="../index.html">Home</a>',
             "c.html": "<p>Nobody links here</p>"}
    site = Site.from_strings(pages, {rel: "" for rel in pages})
    findings = navigation.check_reachable(site)
    assert [(f.file, f.html) for f in findings] == [("c.rst", "c.html")]


def test_a_page_in_no_toctree_is_told_which_toctree_to_join(one):
    pages = {"index.html": '<div class="toctree-wrapper">'
                           '<a href="sub/index.html">Sub</a></div>',
             "sub/index.html": "<p>A section</p>",
             "sub/new.html": "<p>New</p>", "top.html": "<p>Top</p>"}
    site = Site.from_strings(pages, {rel: "" for rel in pages})
    findings = navigation.check_in_toctree(site)
    assert one(findings, "sub/new.html").fix == \
        "Add the line `new` to the toctree of sub/index.rst."
    assert one(findings, "top.html").fix == \
        "Add the line `top` to the toctree of index.rst."


def test_guide_passes_navigation_checks(guide_site):
    findings = [f for check in navigation.NAVIGATION_CHECKS
                for f in check(guide_site)]
    assert not findings, format_report(findings)


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
