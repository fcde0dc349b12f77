"""Addresses that stay put (events_guide.sitecheck.inventory): every
published URL is in the committed inventory and still built, and every
redirect lands on a page."""

import subprocess

import pytest

from events_guide import published
from events_guide.sitecheck import Site, format_report, inventory


def test_guide_matches_its_inventory(guide_site):
    findings = inventory.check_inventory(guide_site)
    assert not findings, format_report(findings)


def test_inventory_is_sorted_and_has_no_duplicates(guide_site):
    text = guide_site.inventory.read_text(encoding="utf-8")
    urls = [line for line in text.splitlines()
            if line and not line.startswith("#")]
    assert urls == sorted(set(urls))


def test_inventory_regenerates_to_the_committed_file(guide_site):
    """Regenerating would change nothing but add the pages the event data
    generates (a new event's page, a new year's page): those come with the
    data, and a contributor adding an event edits nothing else. The same
    rule as the site check (sitecheck and py3 agree)."""
    committed = guide_site.inventory.read_text(encoding="utf-8")
    listed = inventory.read_inventory(guide_site.inventory)
    built = inventory.published_urls(guide_site)
    assert inventory.format_inventory(listed) == committed, (
        f"{guide_site.inventory} is not in the form the command writes; "
        f"regenerate it: {inventory.REGENERATE}")
    assert inventory.unlisted_urls(listed, built) == [], (
        f"new URLs are not in {guide_site.inventory}; regenerate it: "
        f"{inventory.REGENERATE}")
    assert set(listed) <= set(built), "see test_guide_matches_its_inventory"


def test_a_generated_page_needs_no_inventory_line(site_copy):
    """A year's first event adds its year page: no page of a generated
    family needs the inventory edited."""
    for name in [published.html_file(family.page("2099"))
                 for family in published.GENERATED_FAMILIES] + [
                     published.event_calendar_file("summit-2099")]:
        path = site_copy.html / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("<p>new</p>")
    findings = inventory.check_inventory(site_copy.site())
    assert findings == [], format_report(findings)


def test_removed_page_is_named_with_its_inventory_line(site_copy, one,
                                                       assert_names):
    (site_copy.html / "summit.html").unlink()
    site = site_copy.site()
    finding = one(inventory.check_inventory(site), "summit.html")
    line = inventory.read_inventory(site.inventory)["summit.html"]
    assert_names(finding, "tests/published-urls.txt", line, "summit.html")
    assert '"summit.rst" "new-page.rst"' in finding.fix


def test_new_page_is_named(site_copy, one):
    (site_copy.html / "contributing" / "brand-new.html").write_text(
        "<p>new</p>")
    finding = one(inventory.check_inventory(site_copy.site()),
                  "contributing/brand-new.html")
    assert inventory.REGENERATE in finding.fix


def test_assets_are_not_published_urls():
    site = Site.from_strings({"index.html": ""}, files=[
        "_static/x.html", "_sources/index.rst.txt", "feeds/summit.ics",
        "sitemap.xml", "objects.inv", "_headers", "events/a-day.ics"])
    assert inventory.published_urls(site) == [
        "events/a-day.ics", "feeds/summit.ics", "index.html",
        "sitemap.xml"]


# -- redirects ----------------------------------------------------------------

def test_redirects_file_says_it_is_append_only(doc_source):
    assert "APPEND-ONLY" in (doc_source / "redirects.txt").read_text(
        encoding="utf-8")


def test_every_redirect_of_the_guide_lands_on_a_page(guide_site):
    assert inventory.check_redirects(guide_site) == []


def test_redirects_are_only_ever_appended(repo_root, doc_source):
    """No committed redirect line was ever removed or changed."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=repo_root, text=True,
                              capture_output=True, check=True).stdout
    try:
        commits = git("log", "--format=%H", "--",
                      "doc/source/redirects.txt").split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: no history to compare with")
    current = [(r.source, r.target) for r in
               inventory.read_redirects(doc_source / "redirects.txt")]
    for commit in commits:
        old = [(r.source, r.target) for r in inventory.parse_redirects(
            git("show", f"{commit}:doc/source/redirects.txt"), commit)]
        assert current[:len(old)] == old, (
            f"doc/source/redirects.txt: lines of commit {commit[:10]} were "
            "removed or changed; only append new redirects at the end")


def test_redirect_root_builds_working_redirects(root_site):
    site = root_site("redirects")
    assert inventory.check_redirects(site) == []
    assert {"old-name.html", "sub/moved.html"} <= set(
        inventory.published_urls(site))


def test_broken_redirects_are_named_with_their_line(root_site):
    seeded = [inventory.Redirect(7, "old-name.rst", "gone.rst"),
              inventory.Redirect(8, "new-name.rst", "index.rst"),
              inventory.Redirect(9, "never-built.rst", "index.rst")]
    findings = inventory.check_redirects(root_site("redirects"), seeded)
    assert [(f.line, f.what.split(":")[0]) for f in findings] == [
        (7, "old-name.html sends readers to new-name.html, not gone.html."),
        (7, "the redirect's target gone.html is not in the build."),
        (8, "new-name.html is not a redirect page"),
        (9, "there is no redirect page at never-built.html."),
    ], format_report(findings)
    assert all(f.file.endswith("test-redirects/redirects.txt")
               for f in findings)


def test_unreadable_redirect_line_is_named(tmp_path):
    bad = tmp_path / "redirects.txt"
    bad.write_text("# comment\n\nold.rst\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"redirects.txt:3: expected two"):
        inventory.read_redirects(bad)
