"""The security headers shipped for hosts are strict and agree."""

import re

from browser_checks import shipped_headers

REQUIRED = ["Content-Security-Policy", "X-Content-Type-Options",
            "Referrer-Policy", "X-Frame-Options"]


def htaccess_headers(text):
    return dict(re.findall(r'Header always set ([\w-]+) "([^"]*)"', text))


def header_problems(source, headers):
    """What is wrong with the headers one file sets for every page."""
    problems = [f"{source}: no {name} header" for name in REQUIRED
                if name not in headers]
    policy = headers.get("Content-Security-Policy", "")
    if policy and "default-src 'self'" not in policy:
        problems.append(f"{source}: Content-Security-Policy {policy!r} "
                        "lacks default-src 'self'")
    for lax in ("unsafe-inline", "unsafe-eval", "*"):
        if re.search(rf"(^|\s)'?{re.escape(lax)}'?(;|\s|$)", policy):
            problems.append(f"{source}: Content-Security-Policy {policy!r} "
                            f"allows {lax}")
    return problems


def test_shipped_headers_are_strict(built_html):
    apache = htaccess_headers(
        (built_html / ".htaccess").read_text(encoding="utf-8"))
    problems = (header_problems("_headers", shipped_headers(built_html))
                + header_problems(".htaccess", apache))
    assert not problems, "\n".join(problems)


def test_apache_and_headers_file_agree(built_html):
    assert (built_html / ".htaccess").is_file(), (
        ".htaccess did not reach the build (html_extra_path)")
    apache = htaccess_headers(
        (built_html / ".htaccess").read_text(encoding="utf-8"))
    shipped = shipped_headers(built_html)
    differ = sorted(f"{name}: _headers {shipped.get(name)!r}, "
                    f".htaccess {apache.get(name)!r}"
                    for name in set(apache) | set(shipped)
                    if apache.get(name) != shipped.get(name))
    assert not differ, "\n".join(differ)


def test_a_lax_or_missing_policy_is_reported(tmp_path):
    (tmp_path / "_headers").write_text(
        "/*\n  Content-Security-Policy: default-src 'self' 'unsafe-inline'\n"
        "  X-Content-Type-Options: nosniff\n", encoding="utf-8")
    problems = header_problems("_headers", shipped_headers(tmp_path))
    assert "_headers: no Referrer-Policy header" in problems
    assert any("allows unsafe-inline" in problem for problem in problems)
