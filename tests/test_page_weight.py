"""Page weight budgets (events_guide.sitecheck.weight): every page's HTML
fits two round trips, gzipped it fits the first, and only the search page
loads a script."""

import random

from events_guide.sitecheck import Site, format_report, weight


def test_every_page_fits_the_size_budget(guide_site):
    findings = weight.check_page_size(guide_site)
    assert not findings, format_report(findings)


def test_a_page_over_the_size_budget_is_named(one):
    site = Site.from_strings({"index.html": "<p>small</p>",
                              "big.html": "x" * (weight.MAX_PAGE_BYTES + 10)},
                             {"big.html": "Big\n==="})
    finding = one(weight.check_page_size(site), "big.html")
    assert finding.file == "big.rst" and "10 over" in finding.what


def test_every_page_fits_the_first_round_trip_compressed(guide_site):
    findings = weight.check_first_round_trip(guide_site)
    assert not findings, format_report(findings)


def _noise(size: int) -> str:
    """Random letters: they hardly compress."""
    return "".join(random.Random(1).choices("abcdefghijklmnopqrstuvwxyz",
                                            k=size))


def test_a_page_too_big_compressed_is_named(one):
    site = Site.from_strings({"big.html": f"<p>{_noise(30_000)}</p>"},
                             {"big.html": "Big\n==="})
    finding = one(weight.check_first_round_trip(site), "big.html")
    assert finding.file == "big.rst"
    assert finding.check == "compressed-size" and "over the" in finding.what


def test_the_headers_count_against_the_first_round_trip(page_copy, one):
    """A page that fits with the shipped headers no longer does when they
    grow (a policy listing many hashes): the budget is what the headers
    leave."""
    site_copy = page_copy("glossary.html")
    site = site_copy.site()
    rel = "glossary.html"
    spare = (weight.first_round_trip_budget(site, rel)
             - site.page(rel).compressed_size(weight.GZIP_LEVEL))
    assert spare > 0
    headers = site_copy.html / "_headers"
    headers.write_text(headers.read_text(encoding="utf-8").replace(
        "X-Frame-Options: DENY",
        f"X-Frame-Options: DENY\n  X-Padding: {_noise(spare + 10)}"),
        encoding="utf-8")
    finding = one(weight.check_first_round_trip(site_copy.site()), rel)
    assert "headers" in finding.what and finding.file.endswith(
        "glossary.rst")


def test_a_page_with_a_stylesheet_over_its_budget_is_named(one):
    style = "p{}" * (weight.MAX_STYLE_BYTES // 3 + 5)
    site = Site.from_strings({
        "big.html": f"<style>{style}</style>" + "x" * 1000},
        {"big.html": "Big\n==="})
    finding = one(weight.check_page_size(site), "big.html")
    assert finding.check == "style-size" and "over the" in finding.what


def test_reading_pages_load_no_script(guide_site):
    findings = weight.check_no_scripts(guide_site)
    assert not findings, format_report(findings)


def test_a_script_on_a_reading_page_is_named_with_its_line(one):
    site = Site.from_strings({
        "search.html": '<script src="searchtools.js"></script>',
        "forum.html": "<html>\n<head>\n<title>Forum</title>\n"
                      '<script defer src="_static/extra.js"></script>\n'
                      "</head>\n</html>\n"})
    finding = one(weight.check_no_scripts(site), "_static/extra.js")
    assert str(finding).startswith("forum.html:4: ")


def test_a_data_block_is_data_not_a_script():
    """An event page's JSON-LD is never run: no finding; a script with a
    JavaScript type on the same page is one."""
    site = Site.from_strings({"event.html": (
        '<script type="application/ld+json">{"@type": "Event"}</script>\n'
        '<script type="text/javascript">run()</script>')})
    findings = weight.check_no_scripts(site)
    assert [(f.subject, f.line) for f in findings] == [
        ("an inline script", 2)]


def test_search_page_loads_its_scripts_only_for_a_query(guide_site):
    """search.html has one script, the loader, inside the page (no request
    before the first paint); the scripts it fetches for a query are
    built, in working order."""
    scripts = guide_site.page("search.html").soup.find_all("script")
    assert [script.get("src") for script in scripts] == [None]
    assert "data-search-scripts" in scripts[0].string
    listed = scripts[0]["data-search-scripts"].split()
    assert all(guide_site.exists(name) for name in listed), listed
    order = [name.rsplit("/", 1)[-1] for name in listed]
    assert order.index("documentation_options.js") < order.index(
        "searchtools.js") < order.index("searchindex.js")
