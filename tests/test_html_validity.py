"""The built pages are valid HTML by the Nu HTML Checker
(events_guide.sitecheck.validity): one Java run checks the guide and a
seeded invalid site together. Marked ``browser``: it checks what a
reader's browser gets and needs a runtime outside Python (Java)."""

import pytest

from events_guide.sitecheck import Site, format_report, validity

#: One worker runs this module: its tests share one Java run.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("nu-checker")]

GOOD = ("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        "<title>Good</title><style>nav:popover-open{color:red}</style>"
        "</head><body><p>Fine.</p>\n"
        "<button type=button popovertarget=menu>Menu</button>\n"
        "<nav id=menu popover><button type=button popovertarget=menu "
        "popovertargetaction=hide>Close</button></nav></body></html>\n")
BAD = ("<!DOCTYPE html>\n<html lang=en>\n"
       "<head><meta charset=utf-8><title>Bad</title>"
       "<style>p{colour:red}</style></head>\n<body>\n"
       "<p id=twice>One.</p>\n<p id=twice>Two.</p>\n"
       "<span><div>A block in a phrase.</div></span>\n"
       "<nav popoverish>An attribute nobody knows.</nav>\n"
       "</body>\n</html>\n")


@pytest.fixture(scope="module")
def nu_findings(guide_site, java, tmp_path_factory):
    """The checker's findings for the guide and for a seeded site."""
    root = tmp_path_factory.mktemp("nu")
    (root / "nested").mkdir()
    (root / "index.html").write_text(GOOD, encoding="utf-8")
    (root / "nested" / "bad.html").write_text(BAD, encoding="utf-8")
    # The guide's pages as the browser tests choose them: every page from
    # a source, and of each generated family one per stylesheet (its pages
    # share template and markup, and differ in text, which the build
    # escapes); the command line's --nu checks every page.
    guide, seeded = validity.check_html_validity_of(
        [guide_site, Site(root)], pages=lambda site: site.browser_pages)
    return guide, seeded


def test_every_page_is_valid_html(nu_findings):
    guide, _ = nu_findings
    assert not guide, format_report(guide, "The Nu HTML Checker")


def test_checker_names_file_and_line_of_an_invalid_page(nu_findings):
    _, seeded = nu_findings
    where = {(f.file, f.line) for f in seeded}
    assert {("nested/bad.html", 3), ("nested/bad.html", 6),
            ("nested/bad.html", 7), ("nested/bad.html", 8)} <= where, \
        format_report(seeded)
    assert all(f.file == "nested/bad.html" for f in seeded), (
        "the popover attributes and :popover-open are valid: "
        + format_report(seeded))


def test_missing_java_says_what_to_install(monkeypatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(validity.ToolMissing,
                       match="apt-get install default-jre-headless"):
        validity.java()
