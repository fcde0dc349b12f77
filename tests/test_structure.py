"""The structure checks (events_guide.sitecheck.structure) catch what
they promise, and the real guide passes them.

Broken roots under ``tests/roots/test-structure-*`` are built by
conftest's ``build_test_root`` with ``strict_build``: each defect passes
Sphinx's strict build, so only these checks catch it.
"""

import pytest

from events_guide import data
from events_guide.data import KindInfo
from events_guide.data import kinds as kinds_registry
from events_guide.findings import Finding
from events_guide.sitecheck import Site, format_report, structure
from events_guide.sitecheck.navigation import NAVIGATION_CHECKS


def test_well_formed_site_passes_every_structure_check(root_site):
    site = root_site("structure-good")
    findings = [f for check in (structure.STRUCTURE_CHECKS
                                + NAVIGATION_CHECKS) for f in check(site)]
    assert findings == [], format_report(findings)
    kinds, _ = structure.site_kinds(site)
    assert "summit" in data.kind_pages(kinds)
    assert "notes" not in data.kind_pages(kinds)


# -- headings, titles, descriptions, images ---------------------------------

def test_two_h1_are_named_with_the_extra_heading(root_site, one, assert_names):
    findings = structure.check_headings(root_site("structure-headings"))
    finding = one(findings, "Second one")
    assert finding.check == "h1-count" and "2 h1" in finding.what
    assert_names(finding, "test-structure-headings/two-titles.rst", 11,
                 "two-titles.html")


def test_page_without_h1_is_named(root_site, one, assert_names):
    findings = structure.check_headings(root_site("structure-headings"))
    finding = one(findings, "(no h1)")
    assert_names(finding, "test-structure-headings/no-title.rst", 1,
                 "no-title.html")


def test_skipped_heading_level_is_named(root_site, one, assert_names):
    findings = structure.check_headings(root_site("structure-headings"))
    finding = one(findings, "Deep heading")
    assert finding.check == "heading-skip"
    assert "h4 right after an h1" in finding.what
    assert_names(finding, "test-structure-headings/skipped.rst", 12,
                 "skipped.html")


def test_heading_checks_report_all_pages_at_once_sorted(root_site):
    findings = structure.check_headings(root_site("structure-headings"))
    assert [f.subject for f in findings] == [
        "(no h1)", "Deep heading", "Second one"], format_report(findings)
    assert findings == sorted(findings, key=Finding.sort_key)
    report = format_report(findings)
    assert report.startswith("Site check: 3 problems in 3 files")


def test_heading_skip_from_html_string():
    site = Site.from_strings(
        {"a.html": '<div role="main"><h1>A</h1><h2>B</h2><h3>C</h3>'
                   "<h2>D</h2><h5>E</h5></div>"},
        {"a.html": "A\n=\n\nB\n-\n\nC\n~\n\nD\n-\n\nE\n"})
    (finding,) = structure.check_headings(site)
    assert (finding.subject, finding.line) == ("E", 13)
    assert "h5 right after an h2" in finding.what


def test_duplicate_titles_name_both_pages(root_site, assert_names):
    findings = structure.check_titles_unique(root_site("structure-headings"))
    assert [f.html for f in findings] == ["duplicate-a.html",
                                          "duplicate-b.html"]
    first, second = findings
    assert "Duplicate title" in first.subject
    assert "duplicate-b.rst" in first.what and "duplicate-a.rst" in \
        second.what
    assert_names(first, "test-structure-headings/duplicate-a.rst", 5,
                 "duplicate-a.html")


def test_missing_description_is_named(root_site, one, assert_names):
    findings = structure.check_descriptions(root_site("structure-headings"))
    finding = one(findings, '<meta name="description">')
    assert_names(finding, "test-structure-headings/no-description.rst", 1,
                 "no-description.html")
    assert len(findings) == 1, format_report(findings)


def test_empty_description_counts_as_missing():
    site = Site.from_strings(
        {"a.html": '<meta name="description" content=" "><h1>A</h1>'},
        {"a.html": "A\n=\n"})
    (finding,) = structure.check_descriptions(site)
    assert "empty" in finding.what


def test_images_without_real_alt_text_are_named(root_site, assert_names):
    findings = structure.check_image_alt(root_site("structure-headings"))
    by_line = {f.line: f for f in findings}
    # Line 16, decoration said both ways (alt="" and aria-hidden), passes.
    assert sorted(by_line) == [8, 12], format_report(findings)
    assert "file name as alt text" in by_line[8].what
    assert "has no alt text" in by_line[12].what
    for line, finding in by_line.items():
        assert finding.subject == "_images/map.svg"
        assert_names(finding, "test-structure-headings/images.rst", line,
                     "images.html")


# -- kind pages ------------------------------------------------------------
# The kind pages are the pages each root's own _data/kinds.yaml names.

def test_event_page_missing_section_is_named(root_site, one, assert_names):
    findings = structure.check_event_sections(root_site("structure-events"))
    finding = one(findings, "When and where")
    assert "missing" in finding.what
    assert "events_guide/data/kinds.py" in finding.fix
    assert_names(finding, "test-structure-events/summit.rst", None,
                 "summit.html")


def test_event_section_at_wrong_level_is_named(root_site, one, assert_names):
    findings = structure.check_event_sections(root_site("structure-events"))
    finding = one(findings, "How to take part")
    assert "is an h3, not an h2" in finding.what
    assert_names(finding, "test-structure-events/summit.rst", 27,
                 "summit.html")


def test_event_sections_out_of_order_are_named(root_site, one, assert_names):
    findings = structure.check_event_sections(root_site("structure-events"))
    finding = one(findings, "Format", "event-section-order")
    assert "What it is, Format, Who it is for" in finding.what
    assert_names(finding, "test-structure-events/summit.rst", 17,
                 "summit.html")


def test_unexpected_event_section_is_named(root_site, one, assert_names):
    findings = structure.check_event_sections(root_site("structure-events"))
    finding = one(findings, "Trivia")
    assert_names(finding, "test-structure-events/summit.rst", 32,
                 "summit.html")


def test_a_new_event_page_is_checked_too(root_site, one, assert_names):
    """new-kind.rst is in no code: the root's kinds.yaml naming it as the
    page of a kind is enough; ptg.rst, which it does not name, is not an
    kind page."""
    findings = structure.check_event_sections(root_site("structure-events"))
    finding = one(findings, "How it has changed")
    assert_names(finding, "test-structure-events/new-kind.rst", None,
                 "new-kind.html")
    assert len(findings) == 5, format_report(findings)
    assert findings == sorted(findings, key=Finding.sort_key)
    assert not any(f.html == "ptg.html" for f in findings)


def test_sections_come_from_the_one_declared_list(root_site, monkeypatch):
    """Add a section to KIND_PAGE_SECTIONS and every kind page lacks
    it."""
    monkeypatch.setattr(kinds_registry, "KIND_PAGE_SECTIONS",
                        kinds_registry.KIND_PAGE_SECTIONS + ("Photos",))
    findings = structure.check_event_sections(root_site("structure-good"))
    assert [(f.html, f.subject) for f in findings] == [
        ("summit.html", "Photos")], format_report(findings)


def test_missing_event_kind_page_is_named(root_site, one):
    findings = structure.check_event_kinds(root_site("structure-events"))
    forum = one(findings, "Forum")
    assert "has no page" in forum.what and "(forum)" in forum.what
    assert forum.file.endswith("test-structure-events/forum.rst")
    assert "forum.html" in str(forum)
    assert "test-structure-events/_data/kinds.yaml" in forum.fix
    assert len(findings) == 1, format_report(findings)


def test_event_kind_page_must_name_its_kind(root_site, assert_names):
    kinds = {"forum": KindInfo.model_construct(name="Forum", page="summit")}
    findings = structure.check_event_kinds(root_site("structure-good"), kinds)
    (finding,) = findings
    assert 'titled "The Summit"' in finding.what
    assert_names(finding, "test-structure-good/summit.rst", 7,
                 "summit.html")


def test_a_kinds_file_that_cannot_be_read_is_reported(root_site, copy_root):
    source = copy_root("structure-good")
    kinds_file = source / "_data" / "kinds.yaml"
    kinds_file.write_text(kinds_file.read_text().replace(
        "    length: A day.\n", ""))
    site = Site(root_site("structure-good").html_dir, source)
    (finding,) = structure.check_event_kinds(site)
    assert finding.check == "event-data"
    assert finding.file.endswith("_data/kinds.yaml") and finding.line == 4
    assert "field 'length': is missing" in finding.what


# -- the real guide -----------------------------------------------------------

@pytest.mark.parametrize("check", structure.STRUCTURE_CHECKS,
                         ids=lambda check: check.__name__)
def test_guide_passes_structure_check(guide_site, check):
    findings = check(guide_site)
    assert not findings, "\n" + format_report(findings, check.__name__)


def test_a_straight_quote_in_the_text_is_named(one):
    """Code may keep straight quotes; the text may not."""
    site = Site.from_strings({
        "index.html": '<div itemprop="articleBody"><p>Say "hello".</p>'
                      '<pre>x = "code"</pre></div>',
        "ok.html": '<div itemprop="articleBody"><p>Say \u201chello\u201d.'
                   '</p><code>"x"</code><!-- a "comment" --></div>'},
        sources={"index.html": "Intro.\n\nSay \"hello\".\n",
                 "ok.html": "Fine.\n"})
    findings = structure.check_typographic_quotes(site)
    finding = one(findings, 'Say "hello".')
    assert (finding.file, finding.line) == ("index.rst", 3)
