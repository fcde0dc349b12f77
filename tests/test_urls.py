"""External URLs (events_guide.sitecheck.urls): https only, with listed
exceptions; well formed; never a file on someone's disk."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events_guide.sitecheck import Site, format_report, sort_findings, urls


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
def test_bad_url_is_named(root_site, one, assert_names, subject, check,
                          line, words):
    finding = one(urls.check_url_form(root_site("links-external")), subject,
                  check)
    assert words in finding.what, str(finding)
    assert_names(finding, "test-links-external/index.rst", line,
                 "index.html")


def test_allowed_urls_pass(root_site):
    """https, the allow-listed http host, mailto and our own webcal feed
    raise nothing: the twelve wrong ones above are all there is."""
    findings = urls.check_url_form(root_site("links-external"))
    assert len(findings) == 12, format_report(findings)
    assert findings == sort_findings(findings)


_LABEL = st.from_regex(r"\A[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?\Z")
_HOST = st.lists(_LABEL, min_size=2, max_size=4).map(".".join)
_PATH = st.from_regex(r"\A(/[A-Za-z0-9._~-]{0,12}){0,3}\Z")
_SITE = Site.from_strings({"index.html": "<p>x</p>"})


def _problem(url):
    found = urls._form_problem(_SITE, url, urls.load_allowlist())
    return found[0] if found else None


@settings(max_examples=60, deadline=None)
@given(host=_HOST, path=_PATH)
def test_url_rules_hold_for_any_host_and_path(host, path):
    """https passes; http, a lost colon and a mistyped scheme never do."""
    assert _problem(f"https://{host}{path}") is None
    assert _problem(f"http://{host}{path}") == "insecure-link"
    assert _problem(f"https//{host}{path}") == "malformed-url"
    assert _problem(f"htps://{host}{path}") == "malformed-url"
    assert _problem(f"file://{host}{path}") == "local-file-link"


def test_windows_path_is_a_local_file():
    site = Site.from_strings({"index.html": '<a href="C:\\Users\\me\\n.html">'
                                            'My notes</a>'})
    (finding,) = urls.check_url_form(site)
    assert finding.check == "local-file-link"


def test_webcal_needs_the_site_address():
    site = Site.from_strings({"index.html": '<a href="webcal://x.org/a.ics">'
                                            'Our feed</a>'})
    (finding,) = urls.check_url_form(site)
    assert "html_baseurl" in finding.fix


def test_http_host_in_allowlist_passes_and_others_fail(tmp_path):
    allowlist_file = tmp_path / "allow.toml"
    allowlist_file.write_text('[[http]]\nhost = "old.example.org"\n'
                              'reason = "serves no https"\n')
    site = Site.from_strings({"index.html":
                              '<a href="http://old.example.org/">Old site</a>'
                              '<a href="http://new.example.org/">New site</a>'
                              })
    findings = urls.check_url_form(site, urls.load_allowlist(allowlist_file))
    assert [f.subject for f in findings] == ["http://new.example.org/"]
    assert "allow.toml" in findings[0].fix


def test_shipped_allowlist_gives_every_entry_a_reason():
    allowlist = urls.load_allowlist()
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
    with pytest.raises(urls.AllowlistError) as error:
        urls.load_allowlist(path)
    assert str(path) in str(error.value) and words in str(error.value)


def test_guide_passes_url_check(guide_site):
    findings = urls.check_url_form(guide_site)
    assert not findings, "\n" + format_report(findings)
