"""Publishing: discovery (sitemap, canonical, Open Graph, 404) and URLs
that stay put (the committed inventory and the redirects).

Most tests look at the one shared build (``built_html``); the seeded-defect
tests break a copy or a small test root and check the message names the
URL, file or line at fault.
"""

import datetime
import os
import pathlib
import re
import shutil
import subprocess
import sys
import urllib.parse

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from events_guide import url_inventory

REPO_ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC_SOURCE = REPO_ROOT / "doc" / "source"
INVENTORY = REPO_ROOT / "tests" / "published-urls.txt"
REDIRECTS = DOC_SOURCE / "redirects.txt"
BASE_URL = "https://docs.openstack.org/events-guide/"
BASE_PATH = urllib.parse.urlsplit(BASE_URL).path
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def source_pages():
    """Docnames of every page of the guide, from the sources."""
    pages = []
    for path in DOC_SOURCE.rglob("*.rst"):
        rel = path.relative_to(DOC_SOURCE)
        if not rel.parts[0].startswith(("_", "locale")):
            pages.append(rel.with_suffix("").as_posix())
    return sorted(pages)


def soup_of(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


# -- Discovery ---------------------------------------------------------------

def sitemap_problems(html_dir: pathlib.Path, pages) -> list[str]:
    """The sitemap lists each page once, at its published URL."""
    sitemap = html_dir / "sitemap.xml"
    if not sitemap.is_file():
        return ["sitemap.xml: missing (is sphinx_sitemap enabled and "
                "html_baseurl set?)"]
    tree = etree.parse(str(sitemap))
    locs = [loc.text for loc in tree.findall("s:url/s:loc", SITEMAP_NS)]
    expected = {f"{BASE_URL}{page}.html" for page in pages}
    problems = [f"sitemap.xml: no entry for {url}"
                for url in expected - set(locs)]
    problems += [f"sitemap.xml: {url} is not a page of the guide"
                 for url in set(locs) - expected]
    problems += [f"sitemap.xml: {url} is listed {locs.count(url)} times"
                 for url in set(locs) if locs.count(url) > 1]
    for lastmod in tree.findall("s:url/s:lastmod", SITEMAP_NS):
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",
                            lastmod.text or ""):
            problems.append(f"sitemap.xml: bad lastmod {lastmod.text!r}")
    return sorted(problems)


def test_sitemap_lists_every_page_at_its_published_url(built_html):
    problems = sitemap_problems(built_html, source_pages())
    assert problems == [], "\n".join(problems)


def test_sitemap_check_names_a_missing_page(site_copy):
    sitemap = site_copy / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8")
    url = f"{BASE_URL}ptg.html"
    sitemap.write_text(text.replace(url, f"{BASE_URL}ptg-old.html"),
                       encoding="utf-8")
    assert sitemap_problems(site_copy, source_pages()) == [
        f"sitemap.xml: {BASE_URL}ptg-old.html is not a page of the guide",
        f"sitemap.xml: no entry for {url}",
    ]


def first_paragraph_text(soup):
    """The page's summary as readers see it (footnote marks dropped)."""
    body = soup.select_one('[itemprop="articleBody"]') or soup.body
    for paragraph in body.find_all("p"):
        if paragraph.parent.name in ("section", "div") and \
                paragraph.find_parent(["table", "aside", "footer", "nav"]) \
                is None and paragraph.parent.get("class") in (None, []):
            for mark in paragraph.select("a.footnote-reference"):
                mark.decompose()
            return re.sub(r"\s+", " ", paragraph.get_text()).strip()
    return None


def head_problems(html_dir: pathlib.Path, pages) -> list[str]:
    """Canonical URL, Open Graph tags and the summary as description."""
    problems = []
    for page in pages:
        soup = soup_of(html_dir / f"{page}.html")
        url = f"{BASE_URL}{page}.html"
        canonical = [link.get("href")
                     for link in soup.select('link[rel="canonical"]')]
        if canonical != [url]:
            problems.append(f"{page}.html: canonical links {canonical}, "
                            f"want [{url!r}] (html_baseurl in conf.py)")
        found = {tag.get("property") or tag.get("name"): tag.get("content")
                 for tag in soup.select("head meta")}
        descriptions = soup.select('head meta[name="description"]')
        summary = first_paragraph_text(soup)
        for prop in ("og:title", "og:type", "og:url", "og:site_name",
                     "og:description"):
            if not found.get(prop):
                problems.append(f"{page}.html: no {prop}")
        if found.get("og:url") and found.get("og:url") != url:
            problems.append(f"{page}.html: og:url is {found.get('og:url')}")
        if len(descriptions) != 1:
            problems.append(f"{page}.html: {len(descriptions)} "
                            "<meta name=description> tags (want 1; remove "
                            "any '.. meta::' block from the page)")
        elif descriptions[0].get("content") != summary:
            problems.append(
                f"{page}.html: description {descriptions[0].get('content')!r}"
                f" is not the page's first paragraph {summary!r} (remove "
                "any '.. meta::' block: the summary paragraph is the "
                "description)")
        if found.get("og:description") and \
                found.get("og:description") != summary:
            problems.append(f"{page}.html: og:description is not the page's "
                            "first paragraph")
    return sorted(problems)


def test_every_page_has_canonical_url_open_graph_and_summary(built_html):
    problems = head_problems(built_html, source_pages())
    assert problems == [], "\n".join(problems)


def test_head_check_names_the_page_and_the_fault(site_copy):
    page = site_copy / "forum.html"
    soup = soup_of(page)
    soup.select_one('link[rel="canonical"]').decompose()
    soup.select_one('meta[property="og:url"]').decompose()
    extra = soup.new_tag("meta", attrs={"name": "description",
                                        "content": "Placeholder"})
    soup.head.append(extra)
    page.write_text(str(soup), encoding="utf-8")
    assert head_problems(site_copy, ["forum", "ptg"]) == [
        "forum.html: 2 <meta name=description> tags (want 1; remove any "
        "'.. meta::' block from the page)",
        f"forum.html: canonical links [], want ['{BASE_URL}forum.html'] "
        "(html_baseurl in conf.py)",
        "forum.html: no og:url",
    ]


def notfound_link_problems(html_text: str, html_dir: pathlib.Path):
    """Every local link of the 404 page must be absolute under the
    published path and name a file of the build."""
    soup = BeautifulSoup(html_text, "lxml")
    problems = []
    for tag in soup.find_all(["a", "link", "script", "img", "form"]):
        for attr in ("href", "src", "action"):
            url = tag.get(attr)
            if url is None:
                continue
            parts = urllib.parse.urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith("#"):
                continue  # external, or this page
            if not parts.path.startswith(BASE_PATH):
                problems.append(f"404.html: <{tag.name} {attr}={url!r}> is "
                                f"not absolute under {BASE_PATH}; it breaks "
                                "when the 404 page is served at another "
                                "depth (check notfound_urls_prefix)")
                continue
            target = html_dir / parts.path[len(BASE_PATH):]
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"404.html: <{tag.name} {attr}={url!r}> "
                                "names no file in the build")
    return sorted(set(problems))


def test_published_address_is_configured_once_and_consistently():
    """html_baseurl drives the canonical links, Open Graph and the 404
    page's prefix; they must agree with the address the tests expect."""
    import runpy
    config = runpy.run_path(str(DOC_SOURCE / "conf.py"))
    assert config["html_baseurl"] == BASE_URL
    assert config["ogp_site_url"] == BASE_URL
    assert config["notfound_urls_prefix"] == BASE_PATH
    assert config["sitemap_url_scheme"] == "{link}"


def test_404_page_links_are_absolute_and_resolve(built_html):
    html = (built_html / "404.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    # It is styled, has the guide's navigation and, like every reading
    # page, no script (its menu is a popover).
    assert soup.select('link[rel="stylesheet"]')
    assert not soup.select("script")
    assert len(soup.select("nav a[href]")) > 3
    assert notfound_link_problems(html, built_html) == []


def test_404_link_check_names_a_relative_or_missing_link(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "theme.css").write_text("")
    seeded = (
        '<link rel="stylesheet" href="/events-guide/_static/theme.css">'
        '<link rel="stylesheet" href="../_static/theme.css">'
        '<script src="/events-guide/_static/gone.js"></script>'
        '<a href="https://www.openstack.org/">out</a>')
    problems = notfound_link_problems(seeded, tmp_path)
    assert len(problems) == 2
    assert "'../_static/theme.css'> is not absolute" in problems[0]
    assert "'/events-guide/_static/gone.js'> names no file" in problems[1]


# -- Stable URLs ------------------------------------------------------------

def test_no_published_url_has_disappeared(built_html):
    comparison = url_inventory.compare(
        url_inventory.read_inventory(INVENTORY),
        url_inventory.published_urls(built_html))
    assert comparison.missing == [], "\n".join(comparison.problems())


def test_every_published_url_is_in_the_inventory(built_html):
    comparison = url_inventory.compare(
        url_inventory.read_inventory(INVENTORY),
        url_inventory.published_urls(built_html))
    assert comparison.new == [], "\n".join(comparison.problems())


def test_inventory_is_sorted_and_has_no_duplicates():
    urls = url_inventory.read_inventory(INVENTORY)
    assert urls == sorted(set(urls))


@pytest.fixture
def site_copy(built_html, tmp_path):
    copy = tmp_path / "html"
    shutil.copytree(built_html, copy)
    return copy


def test_removed_page_is_named(site_copy, capsys):
    (site_copy / "summit.html").unlink()
    status = url_inventory.main([str(site_copy), "--check", str(INVENTORY)])
    out = capsys.readouterr().out
    assert status == 1
    assert out.startswith("summit.html: published URL is listed in ")
    assert "doc/source/redirects.txt" in out
    assert '"summit.rst" "new-page.rst"' in out


def test_new_page_is_named(site_copy, capsys):
    (site_copy / "contributing" / "brand-new.html").write_text("<p>new</p>")
    status = url_inventory.main([str(site_copy), "--check", str(INVENTORY)])
    out = capsys.readouterr().out
    assert status == 1
    assert out.startswith("contributing/brand-new.html: new URL is not "
                          "listed")
    assert "python -m events_guide.url_inventory doc/build/html" in out


def test_inventory_command_regenerates_the_committed_file(site_copy,
                                                          capsys):
    assert url_inventory.main([str(site_copy)]) == 0
    regenerated = capsys.readouterr().out
    assert url_inventory.read_inventory(INVENTORY) == [
        line for line in regenerated.splitlines()
        if line and not line.startswith("#")]


def test_inventory_command_reports_a_missing_build(tmp_path, capsys):
    assert url_inventory.main([str(tmp_path / "nope")]) == 2
    assert "build the guide first" in capsys.readouterr().err


def test_assets_are_not_published_urls(tmp_path):
    for rel in ("index.html", "_static/x.html", "_sources/index.rst.txt",
                "feeds/summit.ics", "sitemap.xml", "objects.inv"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("")
    assert url_inventory.published_urls(tmp_path) == [
        "feeds/summit.ics", "index.html", "sitemap.xml"]


# -- Redirects --------------------------------------------------------------

def test_redirects_file_says_it_is_append_only():
    assert "APPEND-ONLY" in REDIRECTS.read_text(encoding="utf-8")


def test_every_redirect_of_the_guide_lands_on_a_page(built_html):
    redirects = url_inventory.read_redirects(REDIRECTS)
    assert url_inventory.redirect_problems(built_html, redirects) == []


def _git(*args):
    return subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True,
                          text=True, check=True).stdout


def test_redirects_are_only_ever_appended():
    """No committed redirect line was ever removed or changed."""
    try:
        commits = _git("log", "--format=%H", "--",
                       "doc/source/redirects.txt").split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: no history to compare with")
    current = [(r.source, r.target)
               for r in url_inventory.read_redirects(REDIRECTS)]
    problems = []
    for commit in commits:
        text = _git("show", f"{commit}:doc/source/redirects.txt")
        old = [(r.source, r.target) for r in url_inventory.parse_redirects(
            text, f"{commit[:10]}:doc/source/redirects.txt")]
        if current[:len(old)] != old:
            problems.append(f"doc/source/redirects.txt: lines of commit "
                            f"{commit[:10]} were removed or changed; only "
                            "append new redirects at the end")
    assert problems == [], "\n".join(problems)


@pytest.mark.sphinx("html", testroot="redirects", freshenv=True)
def test_redirect_root_builds_a_working_redirect(app):
    app.build()
    outdir = pathlib.Path(app.outdir)
    redirects = url_inventory.read_redirects(pathlib.Path(app.srcdir)
                                             / "redirects.txt")
    assert url_inventory.redirect_problems(outdir, redirects) == []
    # The old URL is still published: the inventory keeps it.
    assert "old-name.html" in url_inventory.published_urls(outdir)
    assert "sub/moved.html" in url_inventory.published_urls(outdir)


@pytest.mark.sphinx("html", testroot="redirects", freshenv=True)
def test_broken_redirects_are_named_with_their_line(app):
    app.build()
    outdir = pathlib.Path(app.outdir)
    seeded = [
        url_inventory.Redirect(7, "old-name.rst", "gone.rst"),
        url_inventory.Redirect(8, "new-name.rst", "index.rst"),
        url_inventory.Redirect(9, "never-built.rst", "index.rst"),
    ]
    problems = url_inventory.redirect_problems(outdir, seeded, "r.txt")
    assert problems == [
        "r.txt:7: old-name.html sends readers to new-name.html, not "
        "gone.html",
        "r.txt:7: redirect target gone.html is not in the build; point the "
        "redirect at an existing page",
        "r.txt:8: new-name.html is not a redirect page (a page with that "
        "name still exists; remove its source or the redirect)",
        "r.txt:9: no redirect page at never-built.html; is "
        "sphinxext.rediraffe enabled and the old page's source removed?",
    ]


def test_unreadable_redirect_line_is_named(tmp_path):
    bad = tmp_path / "redirects.txt"
    bad.write_text("# comment\n\nold.rst\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"redirects.txt:3: expected two"):
        url_inventory.read_redirects(bad)


# -- Last updated -------------------------------------------------------------

def test_committed_pages_show_when_they_were_last_updated(built_html):
    """Dates come from git; in a checkout the landing page has one."""
    try:
        tracked = _git("ls-files", "doc/source/index.rst").strip()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: no 'last updated' dates")
    if not tracked:
        pytest.skip("index.rst is not committed yet")
    text = (built_html / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Last updated on \d{4}-\d\d-\d\d", text)


@pytest.mark.slow
def test_uncommitted_page_builds_strictly_without_a_date(tmp_path):
    """A page not committed yet has no git date: the strict build still
    passes, the page shows no "last updated" and the sitemap no lastmod."""
    if not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPO_ROOT), str(clone)],
                   check=True)
    source = clone / "doc" / "source"
    today = datetime.datetime.now(datetime.timezone.utc).date()
    (source / "uncommitted.rst").write_text(
        f":reviewed: {today}\n\n===========\nUncommitted\n===========\n\n"
        "A page that is not in git yet.\n", encoding="utf-8")
    index = source / "index.rst"
    index.write_text(index.read_text(encoding="utf-8")
                     + "\n.. toctree::\n   :hidden:\n\n   uncommitted\n",
                     encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q",
         "-b", "html", "-d", str(tmp_path / "doctrees"), str(source),
         str(tmp_path / "html")],
        cwd=clone, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    html = tmp_path / "html"
    page = (html / "uncommitted.html").read_text(encoding="utf-8")
    assert "Last updated" not in page
    assert "Last updated" in (html / "index.html").read_text(
        encoding="utf-8")
    sitemap = etree.parse(str(html / "sitemap.xml"))
    for url in sitemap.findall("s:url", SITEMAP_NS):
        if url.findtext("s:loc", namespaces=SITEMAP_NS).endswith(
                "/uncommitted.html"):
            assert url.find("s:lastmod", SITEMAP_NS) is None
            break
    else:
        pytest.fail("uncommitted.html is not in the sitemap")
