"""The link checks (events_guide.sitecheck.links) catch what they promise,
and the real guide passes them.

Each broken root under ``tests/roots/test-links-*`` builds strictly
(``build_test_root``, like ``tox -e docs``): Sphinx lets the seeded defect
through, so only these checks stand between it and readers.
"""

import pytest

from events_guide.findings import Finding
from events_guide.sitecheck import Site, format_report, links


# -- internal links -----------------------------------------------------------

def test_every_kind_of_correct_link_passes(root_site):
    """toctree, :ref:, :doc:, :term:, images, CSS, JS, plain relative URLs,
    same-page fragments and the theme's navigation: no false alarm."""
    site = root_site("links-good")
    findings = [f for check in links.LINK_CHECKS for f in check(site)]
    assert findings == [], format_report(findings)
    hrefs = {url for page in site.pages.values()
             for _, _, url in links.iter_urls(page)}
    for expected in ("other.html", "other.html#other-details",
                     "other.html#term-Forum", "#links-good",
                     "_static/extra.css", "_images/map.svg"):
        assert any(href.startswith(expected) for href in hrefs), expected


@pytest.mark.parametrize("subject, check, source_file, line, html", [
    ("confernce.html", "broken-link", "index.rst", 8, "index.html"),
    ("other.html#nowhere", "broken-fragment", "index.rst", 9, "index.html"),
    ("#not-here", "broken-fragment", "index.rst", 13, "index.html"),
    ("_static/missing.png", "broken-link", "index.rst", 14, "index.html"),
    ("../../outside.html", "link-outside-build", "other.rst", 8,
     "other.html"),
])
def test_broken_internal_link_is_named(root_site, one, assert_names, subject,
                                       check, source_file, line, html):
    finding = one(links.check_internal_links(root_site("links-broken")),
                  subject, check)
    assert_names(finding, f"test-links-broken/{source_file}", line, html)


@pytest.mark.parametrize("asset", ["_static/missing.css",
                                   "_static/missing.js"])
def test_broken_asset_from_conf_is_reported_once_with_its_pages(root_site,
                                                                asset):
    findings = links.check_internal_links(root_site("links-broken"))
    (finding,) = [f for f in findings if f.subject.startswith(asset)]
    assert "Seen on 4 pages" in str(finding) and "conf.py, the theme" in \
        str(finding)


def test_all_findings_of_a_multi_defect_root_in_one_sorted_run(root_site):
    findings = links.check_internal_links(root_site("links-broken"))
    report = format_report(findings)
    assert report.startswith("Site check: 7 problems in 2 files"), report
    assert findings == sorted(findings, key=Finding.sort_key)


def test_broken_url_in_a_stylesheet_is_named(root_site):
    findings = links.check_stylesheet_urls(root_site("links-broken"))
    assert [(f.file, f.line, f.subject) for f in findings] == [
        ("_static/theme-extra.css", 1, "print-missing.css"),
        ("_static/theme-extra.css", 5, "fonts/missing.woff2"),
    ], format_report(findings)


def test_the_themes_own_stylesheets_pass(root_site):
    assert links.check_stylesheet_urls(root_site("links-good")) == []


def test_same_page_fragment_from_html_string(one):
    site = Site.from_strings(
        {"index.html": '<main role="main"><h1 id="top">T</h1>'
                       '<a href="#top">Top of the page</a>'
                       '<a href="#bottom">Bottom of the page</a></main>'},
        {"index.html": "Top\n\n`Bottom of the page <#bottom>`_\n"})
    finding = one(links.check_internal_links(site), "#bottom")
    assert (finding.file, finding.line) == ("index.rst", 3)


def test_404_page_links_from_the_site_root_resolve_by_dropping_prefix():
    site = Site.from_strings({
        "index.html": '<h1 id="a">Home</h1>',
        "404.html": '<a href="/guide/index.html#a">Home page</a>'
                    '<a href="/guide/gone.html">Gone page</a>'
                    '<a href="/guide/index.html#b">Missing part</a>'})
    findings = links.check_internal_links(site)
    assert {(f.html, f.check, f.subject) for f in findings} == {
        ("404.html", "broken-link", "/guide/gone.html"),
        ("404.html", "broken-fragment", "/guide/index.html#b")}


# -- link text ----------------------------------------------------------------

@pytest.mark.parametrize("text, line", [
    ("here", 8), ("click here", 9), ("this link", 10), ("link", 10),
    ("Read more", 11),
])
def test_vague_link_text_is_named(root_site, one, assert_names, text, line):
    finding = one(links.check_link_text(root_site("links-text")), text)
    assert_names(finding, "test-links-text/index.rst", line, "index.html")


def test_descriptive_link_text_passes(root_site):
    findings = links.check_link_text(root_site("links-text"))
    assert len(findings) == 5, format_report(findings)


def test_aria_label_counts_as_link_text():
    site = Site.from_strings({"index.html":
                              '<a href="a.html" aria-label="Home page">'
                              '<i class="icon"></i></a>'
                              '<a href="b.html" aria-label="here">x</a>'})
    assert [f.subject for f in links.check_link_text(site)] == ["here"]


# -- the real guide -----------------------------------------------------------

@pytest.mark.parametrize("check", links.LINK_CHECKS,
                         ids=lambda check: check.__name__)
def test_guide_passes_link_check(guide_site, check):
    findings = check(guide_site)
    assert not findings, "\n" + format_report(findings, check.__name__)
