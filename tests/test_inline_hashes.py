"""Every page's inline stylesheet, and the search page's inline script,
are allowed by their sha256 hashes in the Content-Security-Policy the
build ships in ``_headers`` and ``.htaccess``
(events_guide.sitecheck.headers.check_inline_hashes; the build adds the
hashes, events_guide.ext.theme.policy), and nothing else inline is."""

import pytest
from sphinx.errors import ExtensionError

from events_guide.csp import inline_hash, sources
from events_guide.ext.theme.policy import with_hash_sources
from events_guide.sitecheck import format_report, headers


def test_every_page_has_one_inline_stylesheet_and_no_link(guide_site):
    wrong = [rel for rel, page in sorted(guide_site.pages.items())
             if len(page.soup.find_all("style")) != 1
             or page.soup.select('link[rel="stylesheet"]')]
    assert not wrong, f"pages without exactly one <style>, or with a " \
        f"linked stylesheet: {wrong}"


def test_the_shipped_policy_lists_hashes_and_nothing_inline(guide_site):
    assert headers.check_inline_hashes(guide_site) == []
    for config in headers.host_configs(guide_site):
        policy, _ = headers.served_headers(config, "index.html")[
            "Content-Security-Policy"]
        for directive in ("style-src", "script-src"):
            allowed = sources(policy, directive)
            assert "'self'" in allowed and "'unsafe-inline'" not in allowed
            assert all(source.startswith("'sha256-")
                       for source in allowed - {"'self'"}), policy


def changed_inline(site_copy, page_name, tag, added):
    """Put ``added`` at the start of the page's first inline ``tag``;
    return (the element's new hash, its line)."""
    page = site_copy.html / page_name
    text = page.read_text(encoding="utf-8")
    start = text.index(f"<{tag}", text.index("<head>"))
    opening = text.index(">", start) + 1
    body = text[opening:text.index(f"</{tag}>", opening)]
    page.write_text(text[:opening] + added + text[opening:],
                    encoding="utf-8")
    return inline_hash(added + body), text[:start].count("\n") + 1


@pytest.mark.parametrize("page_name, tag, added", [
    ("glossary.html", "style", "p{color:red}"),
    ("search.html", "script", "alert(1);"),
])
def test_an_inline_element_the_policy_does_not_list_is_named(
        site_copy, page_name, tag, added):
    source, line = changed_inline(site_copy, page_name, tag, added)
    findings = headers.check_inline_hashes(site_copy.site())
    assert [(f.file, f.html, f.subject) for f in findings] == [
        (".htaccess", page_name, source), ("_headers", page_name, source)], \
        format_report(findings)
    assert all(f"{page_name} line {line} has an inline <{tag}>" in f.what
               for f in findings)


def test_the_build_adds_the_hashes_beside_default_src():
    text = "  Content-Security-Policy: default-src 'self'; object-src 'none'"
    assert with_hash_sources(
        text, {"style-src": ["'sha256-a'", "'sha256-b'"],
               "script-src": ["'sha256-c'"]}, "_headers") == (
        "  Content-Security-Policy: default-src 'self'; script-src 'self' "
        "'sha256-c'; style-src 'self' 'sha256-a' 'sha256-b'; "
        "object-src 'none'")
    assert with_hash_sources(text, {}, "_headers") == text
    with pytest.raises(ExtensionError, match="_headers .*exactly once"):
        with_hash_sources(text + "; style-src 'self'", {}, "_headers")


def test_the_hash_is_the_one_browsers_compute():
    # The example of the CSP Level 3 specification (hash-source).
    assert inline_hash("alert('Hello, world.');") == \
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_a_data_block_needs_no_hash_in_the_policy(site_copy):
    """The JSON-LD of an event page is data, which no Content-Security-
    Policy governs: the build lists no hash for it, and the check asks for
    none; a script with the same text would need one."""
    site = site_copy.site()
    rel = next(rel for rel in sorted(site.pages)
               if 'type="application/ld+json"' in site.page(rel).html_text)
    assert headers.check_inline_hashes(site) == []
    page = site_copy.html / rel
    page.write_text(page.read_text(encoding="utf-8").replace(
        'type="application/ld+json"', 'type="text/javascript"', 1),
        encoding="utf-8")
    findings = headers.check_inline_hashes(site_copy.site())
    assert {f.html for f in findings} == {rel}, format_report(findings)
