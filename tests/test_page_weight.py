"""What a page asks for before it paints, kept small (see bench/RESULTS.md).

Two budgets, both measured with Lighthouse (``tox -e bench``):

* Page size. A new connection sends about 14 KB in its first round trip
  and about 29 KB more in the second (TCP slow start); a page whose HTML
  needs a third round trip painted 150 ms later on a slow link (the
  Summit page at 45 KB did, at 42 KB it did not). So each page's HTML,
  uncompressed, stays under ``MAX_PAGE_BYTES``.
* Scripts, below.

Lighthouse showed that one script request on a reading page, however small
and however deferred, makes its largest paint about two simulated round
trips later on a slow link. So reading pages load no script; the search
page has one small loader, which fetches the search scripts only when
there is a query. This test keeps
it that way: a template change or an extension that adds a script (for
example through ``html_js_files``) fails here, naming the page and the
script.
"""

import pathlib

from bs4 import BeautifulSoup

#: Pages that need scripts to do their job.
PAGES_WITH_SCRIPTS = {"search.html"}

#: Each page's HTML fits in the first two round trips of a new connection
#: (10 + 20 segments of 1460 bytes, less room for the response headers).
MAX_PAGE_BYTES = 42 * 1024


def pages_over_budget(root: pathlib.Path) -> list[str]:
    """``page: size`` for every page whose HTML is over MAX_PAGE_BYTES."""
    findings = []
    for page in sorted(root.rglob("*.html")):
        name = page.relative_to(root).as_posix()
        if name.startswith("_"):
            continue
        size = page.stat().st_size
        if size > MAX_PAGE_BYTES:
            findings.append(
                f"{name}: {size} bytes of HTML, {size - MAX_PAGE_BYTES} over "
                f"the {MAX_PAGE_BYTES}-byte budget: a reader on a slow link "
                "waits one more round trip before it paints. Shorten the "
                "page or move a part of it (a long table, say) to a page of "
                "its own.")
    return findings


def scripts_on_reading_pages(root: pathlib.Path) -> list[str]:
    """``page: script`` for every script on a page that should have none."""
    findings = []
    for page in sorted(root.rglob("*.html")):
        name = page.relative_to(root).as_posix()
        if name in PAGES_WITH_SCRIPTS or name.startswith("_"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            what = script.get("src") or "an inline script"
            findings.append(
                f"{name}:{script.sourceline}: loads {what}; reading pages "
                "load no script (it delays their first paint on slow links, "
                "see contributing/hosting.rst). Remove it, or do the job "
                "with HTML and CSS.")
    return findings


def test_every_page_fits_the_size_budget(built_html):
    findings = pages_over_budget(built_html)
    assert not findings, "\n".join(findings)


def test_a_page_over_the_size_budget_is_named(tmp_path):
    (tmp_path / "small.html").write_text("<p>small</p>", encoding="utf-8")
    (tmp_path / "big.html").write_text("x" * (MAX_PAGE_BYTES + 10),
                                       encoding="utf-8")
    findings = pages_over_budget(tmp_path)
    assert len(findings) == 1, findings
    assert findings[0].startswith(
        f"big.html: {MAX_PAGE_BYTES + 10} bytes of HTML, 10 over")


def test_reading_pages_load_no_script(built_html):
    findings = scripts_on_reading_pages(built_html)
    assert not findings, "\n".join(findings)


def test_search_page_loads_its_scripts_only_for_a_query(built_html):
    """search.html has one script, the loader; the search scripts and the
    index it fetches (when there is a query) all exist, in working order."""
    soup = BeautifulSoup((built_html / "search.html").read_text(
        encoding="utf-8"), "lxml")
    scripts = soup.find_all("script")
    assert [script.get("src") for script in scripts] == [
        "_static/search-loader.js"], scripts
    listed = scripts[0]["data-search-scripts"].split()
    missing = [name for name in listed if not (built_html / name).is_file()]
    assert not missing, f"search.html lists scripts that are not built: " \
        f"{missing}"
    order = [name.rsplit("/", 1)[-1] for name in listed]
    assert order.index("searchtools.js") < order.index("searchindex.js")
    assert order.index("documentation_options.js") < order.index(
        "searchtools.js")
    assert "search-text-fragments.js" in order


def test_a_script_on_a_reading_page_is_named_with_its_line(tmp_path):
    (tmp_path / "search.html").write_text(
        '<html><head><script src="searchtools.js"></script></head></html>',
        encoding="utf-8")
    (tmp_path / "forum.html").write_text(
        "<html>\n<head>\n<title>Forum</title>\n"
        '<script defer src="_static/extra.js"></script>\n'
        "</head>\n</html>\n", encoding="utf-8")
    findings = scripts_on_reading_pages(tmp_path)
    assert len(findings) == 1, findings
    assert findings[0].startswith("forum.html:4: loads _static/extra.js")
