"""The link checks (events_guide.sitecheck.links) catch what they promise,
and the real guide passes them.

Each broken root under ``tests/roots/test-links-*`` is built by
conftest's ``build_test_root`` with ``strict_build`` (``-W --keep-going
-n``, like ``tox -e docs``): the build passing proves that Sphinx lets the
seeded defect through, so only these checks stand between it and readers.
"""

import pathlib
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC_SOURCE = REPO_ROOT / "doc" / "source"
TEST_ROOTS = REPO_ROOT / "tests" / "roots"

from events_guide.sitecheck import (Site, format_report, links, load_site,
                                    sort_findings)
from events_guide.findings import Finding




def _one(findings, subject):
    """The finding about ``subject``; fail with the report otherwise."""
    found = [f for f in findings if f.subject == subject]
    assert len(found) == 1, (f"expected one finding for {subject!r}:\n"
                             + format_report(findings))
    return found[0]


def _assert_names(finding: Finding, source_file: str, line: int | None,
                  html: str):
    text = str(finding)
    assert finding.file.endswith(source_file), text
    assert source_file in text and html in text, text
    assert finding.subject in text, text
    assert finding.line == line, text
    if line is not None:
        assert f"{source_file}:{line}" in text, text
    assert "fix:" in text, text


# -- internal links -----------------------------------------------------------

def test_every_kind_of_correct_link_passes(root_site):
    """toctree, :ref:, :doc:, :term:, images, CSS, JS, plain relative
    URLs, same-page fragments, the theme's navigation (sphinx-rtd-theme),
    and the allowed external links: no false alarms."""
    site = root_site("links-good")
    findings = links.check_links(site)
    assert findings == [], format_report(findings)
    # and the root really holds the links it claims to exercise
    hrefs = {url for page in site.pages.values()
             for _, _, url in links.iter_urls(page)}
    for expected in ("other.html", "other.html#other-details",
                     "other.html#term-Forum", "#links-good",
                     "_static/extra.css", "_images/map.svg",
                     "webcal://guide.example.org/_static/feeds/all.ics"):
        assert any(href.startswith(expected) for href in hrefs), expected


@pytest.mark.parametrize("subject, check, source_file, line, html", [
    ("confernce.html", "broken-link", "index.rst", 8, "index.html"),
    ("other.html#nowhere", "broken-fragment", "index.rst", 9, "index.html"),
    ("#not-here", "broken-fragment", "index.rst", 13, "index.html"),
    ("_static/missing.png", "broken-link", "index.rst", 14, "index.html"),
    ("../../outside.html", "link-outside-build", "other.rst", 8,
     "other.html"),
])
def test_broken_internal_link_is_named(root_site, subject, check,
                                       source_file, line, html):
    findings = links.check_internal_links(root_site("links-broken"))
    finding = _one(findings, subject)
    assert finding.check == check
    _assert_names(finding, f"test-links-broken/{source_file}", line, html)


@pytest.mark.parametrize("asset", ["_static/missing.css",
                                   "_static/missing.js"])
def test_broken_asset_from_conf_is_reported_once_with_its_pages(root_site,
                                                                asset):
    findings = links.check_internal_links(root_site("links-broken"))
    finding = next(f for f in findings if f.subject.startswith(asset))
    text = str(finding)
    assert finding.check == "broken-link"
    assert "Seen on 4 pages" in text and "index.html" in text, text
    assert "conf.py, the theme, a template" in text, text
    assert finding.file.endswith(("index.rst", "other.rst")), text


def test_all_findings_of_a_multi_defect_root_in_one_sorted_run(root_site):
    findings = links.check_internal_links(root_site("links-broken"))
    report = format_report(findings)
    assert len(findings) == 7, report
    assert findings == sorted(findings, key=Finding.sort_key)
    assert report.startswith("Site check: 7 problems in 2 files"), report
    for subject in ("confernce.html", "other.html#nowhere", "#not-here",
                    "_static/missing.png", "../../outside.html",
                    "missing.css", "missing.js"):
        assert subject in report, report
    # the report lists them in file-then-line order
    positions = [report.index(f'"{s}"') for s in (
        "confernce.html", "other.html#nowhere", "#not-here",
        "_static/missing.png")]
    assert positions == sorted(positions), report


def test_broken_url_in_a_stylesheet_is_named(root_site):
    findings = links.check_stylesheet_urls(root_site("links-broken"))
    assert [(f.file, f.line, f.subject) for f in findings] == [
        ("_static/theme-extra.css", 1, "print-missing.css"),
        ("_static/theme-extra.css", 5, "fonts/missing.woff2"),
    ], format_report(findings)
    assert "_static/theme-extra.css:5" in str(findings[1])
    assert '"_static/fonts/missing.woff2"' in str(findings[1])


def test_the_themes_own_stylesheets_pass(root_site):
    """sphinx-rtd-theme's CSS points at its fonts: all shipped."""
    assert links.check_stylesheet_urls(root_site("links-good")) == []


def test_same_page_fragment_from_html_string():
    site = Site.from_strings(
        {"index.html": '<main role="main"><h1 id="top">T</h1>'
                       '<a href="#top">Top of the page</a>'
                       '<a href="#bottom">Bottom of the page</a></main>'},
        {"index.html": "Top\n\n`Bottom of the page <#bottom>`_\n"})
    findings = links.check_internal_links(site)
    finding = _one(findings, "#bottom")
    assert finding.file == "index.rst" and finding.line == 3
    assert "this page has no element" in str(finding)


def test_404_page_links_from_the_site_root_resolve_by_dropping_prefix():
    pages = {"index.html": '<h1 id="a">Home</h1>',
             "404.html": '<a href="/guide/index.html#a">Home page</a>'
                         '<a href="/guide/gone.html">Gone page</a>'
                         '<a href="/guide/index.html#b">Missing part</a>'}
    findings = links.check_links(Site.from_strings(pages))
    assert {(f.html, f.check, f.subject) for f in findings} == {
        ("404.html", "broken-link", "/guide/gone.html"),
        ("404.html", "broken-fragment", "/guide/index.html#b")}, \
        format_report(findings)


# -- URL form -----------------------------------------------------------------

@pytest.mark.parametrize("subject, check, line, words", [
    ("http://insecure.example.org/page", "insecure-link", 9, "http"),
    ("https//example.org/colon", "malformed-url", 10, 'missing the ":"'),
    ("htps://example.org/typo", "malformed-url", 11, 'typo for "https:"'),
    ("https:///no-host", "malformed-url", 12, "no host"),
    ("file:///home/someone/notes.html", "local-file-link", 13, "file://"),
    ("//cdn.example.org/lib.js", "insecure-link", 14, "protocol-relative"),
    ("webcal://calendar.example.com/events.ics", "foreign-feed-link", 15,
     "outside this site"),
    ("webcal://guide.example.org/_static/none.ics", "broken-link", 16,
     "not in the build"),
    ("mailto:not-an-address", "malformed-url", 17, "e-mail"),
    ("www.example.org/no-scheme", "malformed-url", 18, "no scheme"),
    ("/home/someone/notes.html", "local-file-link", 22, "disk"),
    ("/events/summit.html", "absolute-path-link", 23, "server's root"),
])
def test_bad_url_is_named(root_site, subject, check, line, words):
    findings = links.check_url_form(root_site("links-external"))
    finding = _one(findings, subject)
    assert finding.check == check
    assert words in finding.what, str(finding)
    _assert_names(finding, "test-links-external/index.rst", line,
                  "index.html")


def test_allowed_urls_pass(root_site):
    """https, the allow-listed http host, mailto and our own webcal feed
    raise nothing; the wrong ones are exactly the twelve above."""
    findings = links.check_url_form(root_site("links-external"))
    subjects = {f.subject for f in findings}
    for allowed in ("https://example.org/page", "http://127.0.0.1:8000/",
                    "mailto:events@example.org",
                    "webcal://guide.example.org/_static/feeds/all.ics"):
        assert allowed not in subjects
    assert len(findings) == 12, format_report(findings)
    assert findings == sort_findings(findings)


_LABEL = st.from_regex(r"\A[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?\Z")
_HOST = st.lists(_LABEL, min_size=2, max_size=4).map(".".join)
_PATH = st.from_regex(r"\A(/[A-Za-z0-9._~-]{0,12}){0,3}\Z")


@settings(max_examples=60, deadline=None)
@given(host=_HOST, path=_PATH)
def test_url_rules_hold_for_any_host_and_path(host, path):
    """https passes; http, a lost colon and a mistyped scheme never do."""
    allowlist = links.load_allowlist()
    site = Site.from_strings({"index.html": "<p>x</p>"})

    def problem(url):
        found = links._form_problem(site, url, allowlist)
        return found[0] if found else None

    assert problem(f"https://{host}{path}") is None
    assert problem(f"http://{host}{path}") == "insecure-link"
    assert problem(f"https//{host}{path}") == "malformed-url"
    assert problem(f"htps://{host}{path}") == "malformed-url"
    assert problem(f"file://{host}{path}") == "local-file-link"


def test_windows_path_is_a_local_file():
    site = Site.from_strings({"index.html": '<a href="C:\\Users\\me\\n.html">'
                                            'My notes</a>'})
    (finding,) = links.check_url_form(site)
    assert finding.check == "local-file-link"
    assert "index.html" in str(finding) and "C:\\Users" in str(finding)


def test_webcal_needs_the_site_address():
    """Without html_baseurl the checker cannot tell our feeds from others."""
    site = Site.from_strings({"index.html": '<a href="webcal://x.org/a.ics">'
                                            'Our feed</a>'})
    (finding,) = links.check_url_form(site)
    assert finding.check == "foreign-feed-link"
    assert "html_baseurl" in finding.fix


def test_http_host_in_allowlist_passes_and_others_fail(tmp_path):
    allowlist_file = tmp_path / "allow.toml"
    allowlist_file.write_text('[[http]]\nhost = "old.example.org"\n'
                              'reason = "serves no https"\n')
    allowlist = links.load_allowlist(allowlist_file)
    site = Site.from_strings({"index.html":
                              '<a href="http://old.example.org/">Old site</a>'
                              '<a href="http://new.example.org/">New site</a>'
                              })
    findings = links.check_url_form(site, allowlist)
    assert [f.subject for f in findings] == ["http://new.example.org/"]
    assert "allow.toml" in findings[0].fix


def test_shipped_allowlist_gives_every_entry_a_reason():
    allowlist = links.load_allowlist()
    assert "webcal" in allowlist.own_site_only_schemes
    assert allowlist.http_hosts <= {"127.0.0.1", "localhost"}


@pytest.mark.parametrize("content, words", [
    ('[[http]]\nhost = "a.org"\n', 'entry 1 (a.org): needs reason'),
    ('[[http]]\nreason = "x"\n', "entry 1: needs host"),
    ('[[scheme]]\nname = "ftp"\nreason = ""\n', "(ftp): needs reason"),
    ('[[scheme]]\nname = "file"\nreason = "x"\n', "file cannot be allowed"),
    ('[http]\nhost = "a.org"\n', "write each http entry as [[http]]"),
    ('[[http]\n', "not valid TOML"),
    ('[hosts]\n', "unknown table"),
])
def test_malformed_allowlist_gives_a_clear_error(tmp_path, content, words):
    path = tmp_path / "url_allowlist.toml"
    path.write_text(content)
    with pytest.raises(links.AllowlistError) as error:
        links.load_allowlist(path)
    assert str(path) in str(error.value) and words in str(error.value)


# -- link text ----------------------------------------------------------------

@pytest.mark.parametrize("text, line", [
    ("here", 8), ("click here", 9), ("this link", 10), ("link", 10),
    ("Read more", 11),
])
def test_vague_link_text_is_named(root_site, text, line):
    findings = links.check_link_text(root_site("links-text"))
    finding = _one(findings, text)
    assert f'"{text}"' in str(finding) and "https://example.org/" in \
        str(finding)
    _assert_names(finding, "test-links-text/index.rst", line, "index.html")


def test_descriptive_link_text_passes(root_site):
    findings = links.check_link_text(root_site("links-text"))
    assert len(findings) == 5, format_report(findings)
    assert not any("PTG schedule" in f.subject for f in findings)


def test_aria_label_counts_as_link_text():
    site = Site.from_strings({"index.html":
                              '<a href="a.html" aria-label="Home page">'
                              '<i class="icon"></i></a>'
                              '<a href="b.html" aria-label="here">x</a>'})
    findings = links.check_link_text(site)
    assert [f.subject for f in findings] == ["here"]
    assert "b.html" in findings[0].what


# -- the command line ---------------------------------------------------------

def test_cli_lists_findings_and_fails(root_site):
    site = root_site("links-broken")
    result = subprocess.run(
        [sys.executable, "-m", "events_guide.sitecheck", str(site.html_dir),
         "--source", str(site.source_dir), "--only", "check_internal_links"],
        capture_output=True, text=True, cwd=REPO_ROOT, check=False)
    assert result.returncode == 1, result.stderr
    assert "7 problems" in result.stdout
    assert "tests/roots/test-links-broken/index.rst:8 (index.html)" in \
        result.stdout


def test_cli_explains_a_missing_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "events_guide.sitecheck",
         str(tmp_path / "nowhere")],
        capture_output=True, text=True, cwd=REPO_ROOT, check=False)
    assert result.returncode == 2
    assert "no such folder" in result.stderr and "Traceback" not in \
        result.stderr


# -- the real guide -----------------------------------------------------------

@pytest.mark.parametrize("check", links.LINK_CHECKS,
                         ids=lambda check: check.__name__)
def test_guide_passes_link_check(built_html, check):
    site = load_site(built_html, DOC_SOURCE)
    findings = check(site)
    assert not findings, "\n" + format_report(findings, check.__name__)
