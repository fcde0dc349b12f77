"""Every page's inline stylesheet is allowed by its sha256 hash in the
page's own Content-Security-Policy (a ``<meta http-equiv>`` before it,
events_guide.ext.theme.page_style), the search page's inline script by
its hash in the policy the build ships in ``_headers`` and ``.htaccess``
(events_guide.ext.theme.policy), and nothing else inline is
(events_guide.sitecheck.headers.check_inline_hashes)."""

import pytest
from sphinx.errors import ExtensionError

from events_guide import csp, published
from events_guide.csp import inline_hash, page_policy, sources
from events_guide.ext.theme.policy import (
    with_every_stylesheet, with_hash_sources)
from events_guide.sitecheck import format_report, headers


def test_every_page_has_one_inline_stylesheet_and_no_link(guide_site):
    wrong = [rel for rel, page in sorted(guide_site.pages.items())
             if len(page.soup.find_all("style")) != 1
             or page.soup.select('link[rel="stylesheet"]')]
    assert not wrong, f"pages without exactly one <style>, or with a " \
        f"linked stylesheet: {wrong}"


def test_each_page_allows_its_own_stylesheet_and_nothing_else(guide_site):
    """The header lists scripts by hash and leaves styles to each page's
    own policy, which lists exactly that page's stylesheet; the header's
    size does not grow with the pages."""
    assert headers.check_inline_hashes(guide_site) == []
    for config in headers.host_configs(guide_site):
        policy, _ = headers.served_headers(config, "index.html")[
            "Content-Security-Policy"]
        scripts = sources(policy, "script-src")
        assert "'self'" in scripts and "'unsafe-inline'" not in scripts
        assert all(source.startswith("'sha256-")
                   for source in scripts - {"'self'"}), policy
        assert sources(policy, "style-src") == {"'self'", "'unsafe-inline'"}
    search = published.html_file(published.SEARCH_PAGE)
    for rel, page in sorted(guide_site.pages.items()):
        own = [policy for policy, _ in headers.own_policies(page)]
        if rel != search:
            assert own == [page_policy(page.soup.style.string)], rel


def test_the_search_page_may_read_every_page(guide_site):
    """Its script parses the pages its results come from, under its own
    policy: that policy lists every page's stylesheet."""
    search = guide_site.page(published.html_file(published.SEARCH_PAGE))
    (own, _), = headers.own_policies(search)
    allowed = sources(own, "style-src")
    missing = [rel for rel, page in sorted(guide_site.pages.items())
               if inline_hash(page.soup.style.string) not in allowed]
    assert missing == []


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
        page_copy, page_name, tag, added):
    site_copy = page_copy(page_name)
    source, line = changed_inline(site_copy, page_name, tag, added)
    findings = headers.check_inline_hashes(site_copy.site())
    # A stylesheet is refused by the page's own policy, a script by the
    # policy of each host file.
    where = [page_name] if tag == "style" else [".htaccess", "_headers"]
    assert [(f.file, f.html, f.subject) for f in findings] == [
        (file, page_name, source) for file in where], \
        format_report(findings)
    assert all(f"{page_name} line {line} has an inline <{tag}>" in f.what
               for f in findings)


def test_a_stylesheet_no_policy_lists_is_named(page_copy):
    """Without the page's own policy, the header's 'unsafe-inline' would
    let the stylesheet (or anything injected) in: named with its line."""
    site_copy = page_copy("glossary.html")
    site_copy.remove_own_policy("glossary.html")
    findings = headers.check_inline_hashes(site_copy.site())
    assert [(f.file, f.check) for f in findings] == [
        ("glossary.html", "page-policy")], format_report(findings)
    assert "no policy lists by its hash" in findings[0].what


def test_the_build_adds_the_script_hashes_beside_default_src():
    text = ("  Content-Security-Policy: default-src 'self'; style-src 'self' "
            "'unsafe-inline'; object-src 'none'")
    assert with_hash_sources(
        text, {"script-src": ["'sha256-c'"]}, "_headers") == (
        "  Content-Security-Policy: default-src 'self'; script-src 'self' "
        "'sha256-c'; style-src 'self' 'unsafe-inline'; object-src 'none'")
    assert with_hash_sources(text, {}, "_headers") == text
    with pytest.raises(ExtensionError, match="_headers .*exactly once"):
        with_hash_sources(text + "; script-src 'self'", {}, "_headers")


def test_the_hash_is_the_one_browsers_compute():
    # The example of the CSP Level 3 specification (hash-source).
    assert inline_hash("alert('Hello, world.');") == \
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_a_data_block_needs_no_hash_in_the_policy(guide_site, page_copy):
    """The JSON-LD of an event page is data, which no Content-Security-
    Policy governs: the build lists no hash for it, and the check asks for
    none; a script with the same text would need one."""
    rel = next(rel for rel in sorted(guide_site.pages)
               if 'type="application/ld+json"' in guide_site.text(rel))
    site_copy = page_copy(rel)
    assert headers.check_inline_hashes(site_copy.site()) == []
    page = site_copy.html / rel
    page.write_text(page.read_text(encoding="utf-8").replace(
        'type="application/ld+json"', 'type="text/javascript"', 1),
        encoding="utf-8")
    findings = headers.check_inline_hashes(site_copy.site())
    assert {f.html for f in findings} == {rel}, format_report(findings)


def test_a_search_page_without_its_own_policy_stops_the_build():
    with pytest.raises(ExtensionError, match="0 policies of its own"):
        with_every_stylesheet("<head><style>p{}</style></head>",
                              ["'sha256-a'"], "search.html")


HASH = inline_hash("p{}")


@pytest.mark.parametrize("policy, directive, allowed", [
    (f"style-src 'self' {HASH}", "style-src", True),
    ("style-src 'self'", "style-src", False),
    ("default-src 'self'", "style-src", False),
    ("style-src 'self' 'unsafe-inline'", "style-src", True),
    ("style-src 'self' 'UNSAFE-INLINE'", "style-src", True),
    # A hash or a nonce makes a browser ignore 'unsafe-inline'.
    ("style-src 'unsafe-inline' 'sha256-other='", "style-src", False),
    ("style-src 'unsafe-inline' 'NONCE-abc'", "style-src", False),
    ("script-src 'unsafe-inline' 'strict-dynamic'", "script-src", False),
    # The -elem directive comes first, then the directive, then default-src.
    ("style-src 'self'; style-src-elem 'unsafe-inline'", "style-src", True),
    ("default-src 'unsafe-inline'; style-src 'self'", "style-src", False),
    # The first of two alike wins; a policy that does not govern allows.
    ("style-src 'self'; style-src 'unsafe-inline'", "style-src", False),
    ("img-src 'self'", "style-src", True),
    (f"style-src 'self' {HASH.replace('sha256', 'SHA256')}", "style-src",
     True),
])
def test_a_policy_is_read_as_a_browser_reads_it(policy, directive, allowed):
    assert csp.allows_inline(policy, directive, "p{}") is allowed


def test_only_policies_that_all_narrow_it_refuse_anything_injected():
    header = "default-src 'self'; style-src 'self' 'unsafe-inline'"
    assert csp.allows_any_inline([header], "style-src")
    assert not csp.allows_any_inline([header, page_policy("p{}")],
                                     "style-src")
    assert not csp.allows_any_inline([header, page_policy("p{}")],
                                     "script-src")
