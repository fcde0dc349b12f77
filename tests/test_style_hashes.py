"""Every page's inline stylesheet is allowed, by its sha256 hash, by the
Content-Security-Policy the build ships in ``_headers`` and ``.htaccess``
(events_guide.sitecheck.headers.check_style_hashes; the build adds the
hashes, events_guide.ext.theme.policy), and nothing else inline is."""

import pytest
from sphinx.errors import ExtensionError

from events_guide.csp import style_hash, style_sources
from events_guide.ext.theme.policy import with_style_src
from events_guide.sitecheck import format_report, headers


def test_every_page_has_one_inline_stylesheet_and_no_link(guide_site):
    wrong = [rel for rel, page in sorted(guide_site.pages.items())
             if len(page.soup.find_all("style")) != 1
             or page.soup.select('link[rel="stylesheet"]')]
    assert not wrong, f"pages without exactly one <style>, or with a " \
        f"linked stylesheet: {wrong}"


def test_the_shipped_policy_lists_hashes_and_nothing_inline(guide_site):
    assert headers.check_style_hashes(guide_site) == []
    for config in headers.host_configs(guide_site):
        policy, _ = headers.served_headers(config, "index.html")[
            "Content-Security-Policy"]
        sources = style_sources(policy)
        assert "'self'" in sources and "'unsafe-inline'" not in sources
        assert all(source.startswith("'sha256-")
                   for source in sources - {"'self'"}), policy


def test_a_style_the_policy_does_not_list_is_named(site_copy):
    page = site_copy.html / "glossary.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("<style>", "<style>p{color:red}", 1),
                    encoding="utf-8")
    findings = headers.check_style_hashes(site_copy.site())
    assert {finding.html for finding in findings} == {"glossary.html"}, \
        format_report(findings)
    line = text[:text.index("<style>")].count("\n") + 1
    style = text.split("<style>", 1)[1].split("</style>", 1)[0]
    assert [(f.file, f.subject) for f in findings] == [
        (".htaccess", style_hash("p{color:red}" + style)),
        ("_headers", style_hash("p{color:red}" + style))]
    assert all(f"glossary.html line {line} " in finding.what
               for finding in findings)


def test_the_build_adds_the_hashes_beside_default_src():
    text = "  Content-Security-Policy: default-src 'self'; object-src 'none'"
    assert with_style_src(text, ["'sha256-a'", "'sha256-b'"], "_headers") \
        == ("  Content-Security-Policy: default-src 'self'; style-src 'self' "
            "'sha256-a' 'sha256-b'; object-src 'none'")
    with pytest.raises(ExtensionError, match="_headers .*exactly once"):
        with_style_src(text + "; style-src 'self'", [], "_headers")


def test_the_hash_is_the_one_browsers_compute():
    # The example of the CSP Level 3 specification (hash-source).
    assert style_hash("alert('Hello, world.');") == \
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
