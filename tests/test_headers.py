"""The headers shipped for hosts (events_guide.sitecheck.headers), as
Netlify/Cloudflare Pages apply ``_headers`` and Apache ``.htaccess``:
strict on every page, the right Content-Type for each kind of file, and
the same from both files."""

import pytest

from events_guide.sitecheck import format_report, headers


@pytest.mark.parametrize("check", headers.HEADER_CHECKS,
                         ids=lambda check: check.__name__)
def test_guide_passes_header_check(guide_site, check):
    findings = check(guide_site)
    assert not findings, format_report(findings)


@pytest.mark.parametrize("rel, media_type", [
    ("index.html", "text/html"), ("feeds/events.ics", "text/calendar"),
    ("feeds/events.json", "application/json"),
    ("_static/css/x.css", "text/css"),
])
def test_each_file_type_is_served_with_its_type(guide_site, rel,
                                                media_type):
    for config in headers.host_configs(guide_site):
        value, _ = headers.served_headers(config, rel)["Content-Type"]
        assert value.split(";")[0] == media_type, (config.source, value)


def test_host_files_reach_the_build(guide_site):
    assert set(headers.HOST_FILES) <= guide_site.files


def test_a_folder_wide_content_type_is_named(page_copy, one,
                                             assert_names):
    """The old _headers gave every feed text/calendar, events.json too."""
    site_copy = page_copy("feeds/events.json", "feeds/events.ics")
    shipped = site_copy.html / "_headers"
    shipped.write_text(shipped.read_text(encoding="utf-8")
                       + "\n/feeds/*\n  Content-Type: text/calendar\n",
                       encoding="utf-8")
    findings = headers.check_content_types(site_copy.site())
    finding = one(findings, ".json")
    line = shipped.read_text(encoding="utf-8").splitlines().index(
        "  Content-Type: text/calendar") + 1
    assert_names(finding, "_headers", line - 1, "feeds/events.json")
    assert "application/json" in finding.what


def test_a_lax_or_missing_policy_is_reported(page_copy, one):
    site_copy = page_copy("glossary.html")
    (site_copy.html / "_headers").write_text(
        "/*\n  Content-Security-Policy: default-src 'self' 'unsafe-inline'\n"
        "  X-Content-Type-Options: nosniff\n", encoding="utf-8")
    findings = headers.check_security_headers(site_copy.site())
    assert one(findings, "Referrer-Policy").line is None
    lax = one(findings, "Content-Security-Policy")
    assert "'unsafe-inline'" in lax.what and lax.line == 1


def test_apache_and_headers_file_disagreeing_is_reported(page_copy):
    site_copy = page_copy("glossary.html")
    htaccess = site_copy.html / ".htaccess"
    htaccess.write_text(htaccess.read_text(encoding="utf-8").replace(
        '"DENY"', '"SAMEORIGIN"'), encoding="utf-8")
    findings = headers.check_hosts_agree(site_copy.site())
    assert [f.subject for f in findings] == ["X-Frame-Options"], \
        format_report(findings)


def test_a_page_without_its_own_policy_is_open_to_any_style(page_copy):
    """The header allows inline styles and leaves each page's own policy
    to narrow them: a page without one is named."""
    site_copy = page_copy("glossary.html")
    site_copy.remove_own_policy("glossary.html")
    findings = [f for f in headers.check_security_headers(site_copy.site())
                if "any inline style" in f.what]
    assert {f.html for f in findings} == {"glossary.html"}, \
        format_report(findings)
