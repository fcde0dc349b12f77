"""Publishing: what search engines and link previews get (sitemap,
canonical link, Open Graph, description), the 404 page, and the "last
updated" dates. Seeded-defect tests break a copy of the build or a small
site and check the finding names the file, line and fault.
"""

import re
import runpy

import pytest

from events_guide import published
from events_guide.sitecheck import Site, format_report, publishing

BASE_URL = "https://docs.openstack.org/events-guide/"
CANONICAL = f'<link rel="canonical" href="{BASE_URL}index.html">'


def test_published_address_is_configured_once_and_consistently(doc_source):
    """html_baseurl drives the canonical links, Open Graph and the 404
    page's prefix."""
    config = runpy.run_path(str(doc_source / "conf.py"))
    assert config["ogp_site_url"] == config["html_baseurl"] == BASE_URL
    assert config["notfound_urls_prefix"] == "/events-guide/"
    assert config["sitemap_url_scheme"] == "{link}"


@pytest.mark.parametrize("check", publishing.PUBLISHING_CHECKS,
                         ids=lambda check: check.__name__)
def test_guide_passes_publishing_check(guide_site, check):
    findings = check(guide_site)
    assert not findings, format_report(findings)


def test_sitemap_check_names_a_missing_and_a_foreign_page(site_copy, one):
    sitemap = site_copy.html / "sitemap.xml"
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace(
        f"{BASE_URL}ptg.html", f"{BASE_URL}ptg-old.html"), encoding="utf-8")
    findings = publishing.check_sitemap(site_copy.site())
    assert one(findings, f"{BASE_URL}ptg.html").file.endswith("ptg.rst")
    foreign = one(findings, f"{BASE_URL}ptg-old.html")
    assert foreign.file == "sitemap.xml" and foreign.line, str(foreign)


def _first_page_of(site, family):
    pages = sorted(page.rel for page in site.data_pages
                   if family.holds(page.rel))
    assert pages, f"the guide has no {family.name}"
    return pages[0]


HEAD_DEFECTS = {
    "canonical": (r'<link rel="canonical"[^>]*>', '<link rel="canonical">'),
    "og:title": (r'<meta property="og:title"[^>]*>', "og:title"),
    "og:url": (r'<meta property="og:url"[^>]*>', "og:url"),
    "description": (r'<meta name="description"[^>]*>', "description"),
}


def test_a_generated_page_gets_the_same_head_check(guide_site, one):
    """Pages made from the data have the head of every page: a page of
    each family that lacks a tag is reported, naming the page. Each
    defect is seeded on its own page of each family, read in memory with
    the landing page (which gives the published address)."""
    seeded, expected = {}, {}
    for family in published.GENERATED_FAMILIES:
        pages = sorted(page.rel for page in guide_site.data_pages
                       if family.holds(page.rel))
        assert len(pages) >= len(HEAD_DEFECTS), family.name
        for rel, (pattern, subject) in zip(pages, HEAD_DEFECTS.values()):
            seeded[rel] = re.sub(pattern, "", guide_site.text(rel), count=1)
            expected[rel] = subject
    site = Site.from_strings({"index.html": guide_site.text("index.html"),
                              **seeded})
    findings = publishing.check_head(site)
    for rel, subject in expected.items():
        finding = one([f for f in findings if f.html == rel], subject)
        assert "generated from the event data" in finding.fix, str(finding)


def test_a_generated_page_missing_from_the_sitemap_is_named(site_copy, one):
    """A page of each family taken out of the sitemap is named."""
    sitemap = site_copy.html / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8")
    missing = [_first_page_of(site_copy.site(), family)
               for family in published.GENERATED_FAMILIES]
    for rel in missing:
        text = re.sub(
            rf"<url>\s*<loc>{re.escape(BASE_URL + rel)}</loc>.*?</url>", "",
            text, flags=re.S)
    sitemap.write_text(text, encoding="utf-8")
    findings = publishing.check_sitemap(site_copy.site())
    for rel in missing:
        assert one(findings, BASE_URL + rel).html == rel


def test_head_check_names_the_page_and_the_fault(page_copy, one):
    site_copy = page_copy("forum.html")
    page = site_copy.html / "forum.html"
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'<link rel="canonical"[^>]*>', "", html)
    html = html.replace("</head>", '<meta name="description" content="x">'
                        "</head>")
    page.write_text(html, encoding="utf-8")
    findings = publishing.check_head(site_copy.site())
    assert {f.subject for f in findings} == {'<link rel="canonical">',
                                             "description"}
    assert one(findings, "description").file.endswith("forum.rst")


def test_404_link_check_names_a_relative_or_missing_link(one):
    site = Site.from_strings({
        "index.html": CANONICAL,
        "404.html": '<link rel="stylesheet" href="/events-guide/a.css">\n'
                    '<link rel="stylesheet" href="../a.css">\n'
                    '<script src="/events-guide/gone.js"></script>\n'
                    '<a href="https://www.openstack.org/">out</a>'},
        files=["a.css"])
    findings = publishing.check_404_links(site)
    assert one(findings, "../a.css").line == 2
    assert "names no file" in one(findings, "/events-guide/gone.js").what
    assert len(findings) == 2, format_report(findings)


def test_404_page_is_styled_and_has_the_navigation(guide_site):
    page = guide_site.page("404.html")
    assert page.soup.style and ".wy-nav-side" in page.soup.style.string
    assert len(page.soup.select("nav a[href]")) > 3


def test_committed_pages_show_when_they_were_last_updated(guide_site,
                                                          repo_root):
    """Dates come from git; in a checkout the landing page has one."""
    if not (repo_root / ".git").exists():
        pytest.skip("not a git checkout: no 'last updated' dates")
    assert re.search(r"Last updated on \d{4}-\d\d-\d\d",
                     guide_site.text("index.html"))


@pytest.mark.slow
def test_a_space_before_the_descriptions_punctuation_is_named(page_copy):
    """A footnote mark taken out of a summary leaves "Foundation ." behind
    in search results and link previews: the head check names it, in both
    the description and og:description."""
    site_copy = page_copy("forum.html")
    page = site_copy.html / "forum.html"
    html = re.sub(r'(<meta (?:name="description"|property="og:description")'
                  r' content="[^"]*?)\.(")', r"\1 .\2",
                  page.read_text(encoding="utf-8"))
    page.write_text(html, encoding="utf-8")
    findings = [f for f in publishing.check_head(site_copy.site())
                if "space before its punctuation" in f.what]
    assert {f.subject for f in findings} == {"description", "og:description"}
    assert all(f.file.endswith("forum.rst") for f in findings)
