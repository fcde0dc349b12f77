"""The fact-check job, offline: sources served from a local folder.

A quote present on its page passes (whatever the markup, white space, case
or typographic quotes around it); an edited quote is reported as missing
with the file and line that cite it; a host that does not answer is
reported as unreachable, never as a wrong fact.
"""

import functools
import http.server
import json
import threading

import pytest

from events_guide.evidence import SourceNote
from events_guide.factcheck import __main__ as cli
from events_guide.factcheck import check_sources, normalise, page_text
from events_guide.factcheck.fetch import Fetched, readable_address

PAGE = """<!doctype html><html><body><script>var x = "not text";</script>
<p>The Pike <em>Project Team   Gathering</em> will happen 20&ndash;24
February 2017 in &ldquo;Atlanta&rdquo;.</p></body></html>"""
FRONT_MATTER = """---
events:
  - title: OpenInfra Day Kenya
    date: November 5 & 6, 2026
    location: Nairobi, Kenya
---
"""


@pytest.fixture(scope="module")
def source_server(tmp_path_factory):
    """Base URL of a local HTTP server over a folder of source pages."""
    folder = tmp_path_factory.mktemp("sources")
    (folder / "pike.html").write_text(PAGE, encoding="utf-8")
    (folder / "days.md").write_text(FRONT_MATTER, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def source(url, *quotes, line=12):
    return SourceNote(file="doc/source/ptg.rst", line=line, url=url,
                      title="a source", quotes=quotes, checked="2026-11-30")


def test_a_present_quote_is_found_through_markup_and_typography(
        source_server):
    findings, summary = check_sources([source(
        f"{source_server}/pike.html",
        'The Pike Project Team Gathering will happen 20-24 February 2017 '
        'in "Atlanta"')])
    assert findings == []
    assert (summary.found, summary.missing) == (1, 0)


def test_a_quote_from_a_raw_file_is_found_without_its_keys(source_server):
    findings, _ = check_sources([source(
        f"{source_server}/days.md",
        "OpenInfra Day Kenya November 5 & 6, 2026 Nairobi, Kenya")])
    assert findings == []


def test_an_edited_quote_is_reported_with_file_and_line(source_server):
    findings, summary = check_sources([source(
        f"{source_server}/pike.html", "will happen 21-25 February 2017",
        line=40)])
    (finding,) = findings
    assert (finding.file, finding.line, finding.check) == (
        "doc/source/ptg.rst", 40, "quote-missing")
    assert "21-25 February 2017" in finding.what
    assert summary.missing == 1


def test_an_unreachable_source_is_not_reported_as_a_wrong_fact():
    findings, summary = check_sources([source(
        "http://127.0.0.1:9/gone.html", "anything")])
    (finding,) = findings
    assert finding.check == "source-unreachable"
    assert (summary.unreachable, summary.missing) == (1, 0)


def test_a_missing_page_is_unreachable_with_its_status(source_server):
    findings, _ = check_sources([source(f"{source_server}/nope.html", "x")])
    assert "HTTP 404" in findings[0].what


def test_each_address_is_fetched_once(source_server):
    seen = []

    def fetch(url):
        from events_guide.factcheck.fetch import fetch_text
        seen.append(url)
        return fetch_text(url)
    url = f"{source_server}/pike.html"
    check_sources([source(url, "Pike"), source(url, "Atlanta")], fetch)
    assert seen == [url]


def test_the_command_prints_findings_and_a_summary(source_server, tmp_path,
                                                   capsys):
    evidence = tmp_path / "evidence.json"
    evidence.write_text(json.dumps({"sources": [
        source(f"{source_server}/pike.html", "Pike", "Denver").as_record()]}))
    assert cli.main([str(evidence)]) == 1
    out = capsys.readouterr().out
    assert "doc/source/ptg.rst:12: [quote-missing]" in out
    assert out.strip().endswith(
        "1 sources checked: 1 of 2 quotes found, 1 missing; 0 sources "
        "unreachable (their quotes not checked)")


def test_offline_it_says_so_first_and_checks_nothing(tmp_path, capsys):
    """No source reachable (this machine's CI has no internet): one plain
    line first, no list of hundreds of "unreachable" findings."""
    evidence = tmp_path / "evidence.json"
    evidence.write_text(json.dumps({"sources": [
        source(f"https://host{n}.example/page", "x").as_record()
        for n in range(5)]}))
    tried = []

    def offline(url):
        tried.append(url)
        return Fetched(url, error="URLError: [Errno -3] name resolution")
    assert cli.main([str(evidence)], fetch=offline) == 2
    out = capsys.readouterr().out
    assert out.startswith("Fact check: no source could be reached")
    assert "needs the internet; nothing was checked" in out
    assert "source-unreachable" not in out
    assert len(tried) == 3  # a few hosts tried, not every source


def test_sources_that_all_answer_with_errors_are_findings(
        source_server, tmp_path, capsys):
    """Every host answered, each with an HTTP error: the machine is
    online, so each source is a finding (exit 1), not "nothing was
    checked"."""
    evidence = tmp_path / "evidence.json"
    evidence.write_text(json.dumps({"sources": [
        source(f"{source_server}/gone-{n}.html", "x").as_record()
        for n in range(2)]}))
    assert cli.main([str(evidence)]) == 1
    out = capsys.readouterr().out
    assert "nothing was checked" not in out
    assert out.count("[source-unreachable]") == 2 and "HTTP 404" in out


def test_an_unusable_evidence_file_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "evidence.json"
    bad.write_text("{}")
    assert cli.main([str(bad)]) == 2
    assert "sphinx-build -b evidence" in capsys.readouterr().err


def test_github_file_views_are_read_raw():
    assert readable_address(
        "https://github.com/OpenStackweb/osf-website/blob/abc123/src/a.md"
    ) == ("https://raw.githubusercontent.com/OpenStackweb/osf-website/"
          "abc123/src/a.md")


def test_normalising_folds_case_space_and_typography():
    assert normalise("The  “PTG” — 20–24\u00a0February") == \
        normalise('the "ptg" - 20-24 february')
    assert "not text" not in page_text(PAGE, "text/html")


def test_a_quote_over_a_markdown_link_is_read_as_its_text():
    """A raw Markdown file shows a link as [text](address); a reader of the
    rendered page sees the text, as the quote gives it."""
    from events_guide.factcheck.normalise import normalise, page_text
    raw = "* [OpenStack CEE Day](http://openstackceeday.com/), May 26, 2014"
    assert normalise("OpenStack CEE Day, May 26, 2014") in page_text(raw)
