"""A contributor's change, built the way a contributor builds it: the
guide builds, then gets edited (a sentence added to a page, one page
moved, one deleted, an event added by hand as adding-an-event.rst says
and one by ``tox -e add-event``), and builds again into the same folder.
That incremental build must publish what a clean build of the same
sources publishes (events_guide.ext.whole_site), file by file: pages,
sitemap, search index, objects.inv, feeds; the new events must be on
their pages and in the feeds; and every site check must pass, the
published-URL inventory among them. One scenario, three builds, so that
the suite builds no copy of the guide twice.

The copy is a git repository with everything committed but the change,
as a contributor's checkout is before the change is committed: the
builds take their "last updated" dates from git, as the guide's own
build does, and a page not committed yet builds strictly, without a
date. No test here depends on how many events the guide holds: the event
added by hand is the newest past Day, taken out of its place first.
"""

import datetime
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from types import SimpleNamespace

import pytest
import yaml
from lxml import etree

from events_guide.data import DEFAULT_EVENTS_FILE, load_kinds
from events_guide.published import HOST_FILES
from events_guide.sitecheck import Site, inventory, publishing, run_checks
from events_guide.sitecheck import __main__ as sitecheck_command
from events_guide.sitecheck.headers import (
    check_inline_hashes, check_security_headers)
from events_guide.sitecheck.weight import check_no_scripts
from test_add_event import NEW_DAY
from test_add_event import run as run_add_event

#: One worker runs this module (its tests share the builds), and starts
#: on it while the other builds the shared guide.
pytestmark = [pytest.mark.slow, pytest.mark.early,
              pytest.mark.xdist_group("contributors-change")]

#: The kind of the event added by hand.
KIND = "days"

PAGE = """:reviewed: {today}

===========
{title}
===========

A page that is here today and gone tomorrow.
"""


def append(path, text):
    with path.open("a", encoding="utf-8") as file:
        file.write(text)


#: Is git there? Without it (a source tarball on a machine without git)
#: the copy builds without dates, as the guide then does, and the test of
#: the dates is skipped.
HAVE_GIT = shutil.which("git") is not None


def without_outer_git(patch):
    """Leave out the GIT_* settings of the process (set inside a git hook,
    they would point git, and the builds' dates, at the outer checkout)."""
    for name in [name for name in os.environ if name.startswith("GIT_")]:
        patch.delenv(name)


def commit_everything(checkout):
    """Make ``checkout`` a git repository of its own with every file
    committed (no user or system git settings: no signing, no hooks)."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith("GIT_")}
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    for command in (["init", "--quiet"], ["add", "--all"],
                    ["-c", "user.name=Test", "-c",
                     "user.email=test@example.org", "commit", "--quiet",
                     "--no-verify", "-m", "The guide"]):
        subprocess.run(["git", *command], cwd=checkout, env=env, check=True)


def dates_of(html, names):
    """For each page, whether it says when it was last updated and
    whether the sitemap gives it a lastmod."""
    base = Site(html).base_url
    sitemap = etree.parse(str(html / "sitemap.xml"))
    lastmods = {url.findtext("s:loc", namespaces=publishing.SITEMAP_NS)
                .removeprefix(base): url.find("s:lastmod",
                                              publishing.SITEMAP_NS)
                is not None
                for url in sitemap.findall("s:url", publishing.SITEMAP_NS)}
    return {name: ("Last updated" in (html / name).read_text(
        encoding="utf-8"), lastmods[name]) for name in names}


def take_out_newest_past_event(text: str, kind: str) -> tuple[str, str, str]:
    """Remove from an events file the newest past event of *kind* with both
    dates; return the file without it, the entry's text and its id.

    The test adds that real event back at the end of the file, exactly as
    adding-an-event.rst tells a contributor to add one, so it never needs
    a new candidate event however much the data grows.
    """
    today = datetime.datetime.now(datetime.timezone.utc).date()
    past = [e for e in yaml.safe_load(text)["events"]
            if kind in e["kinds"] and e.get("end") and e["end"] < today]
    newest = max(past, key=lambda e: (e["end"], e["id"]))
    block = re.search(r"(  - id: %s\n.*?)(?=\n  - id: |\n  # |\Z)"
                      % re.escape(newest["id"]), text, re.S)
    rest = text[:block.start()] + text[block.end():]
    return rest, block.group(1).rstrip("\n") + "\n", newest["id"]


def in_a_new_year(text: str, entry: str) -> str:
    """The same entry moved to the year after every year on record (a year
    the guide has no page for): a new id, its dates in that year."""
    years = [int(year) for year in re.findall(
        r"^\s+(?:start|end|year): (\d{4})", text, re.M)]
    new_year = max(years) + 1
    moved = re.sub(r"\b(start|end): (\d{4})",
                   lambda m: f"{m.group(1)}: {new_year}", entry)
    moved = re.sub(r"  - id: ([a-z0-9-]+?)(?:-\d{4})?$",
                   rf"  - id: \1-{new_year}", moved, count=1, flags=re.M)
    moved = re.sub(r"^(    name: .*?)(?: \d{4})?$", rf"\1 {new_year}",
                   moved, count=1, flags=re.M)
    # Its key dates, if any, would fall in other years: leave them out.
    return moved.split("    deadlines:")[0].rstrip("\n") + "\n"


def add_events(source):
    """Add the newest past Day again by hand (and a copy of it in a new
    year), then NEW_DAY with the command; return the hand-added event's
    id, the file before the command, after it, and what it printed."""
    events = source / DEFAULT_EVENTS_FILE
    rest, entry, new_id = take_out_newest_past_event(
        events.read_text(encoding="utf-8"), KIND)
    events.write_text(rest.rstrip("\n") + "\n\n" + entry + "\n"
                      + in_a_new_year(rest, entry), encoding="utf-8")
    before = events.read_text(encoding="utf-8")
    result = run_add_event(source, *NEW_DAY)
    assert result.returncode == 0, result.stderr
    return new_id, before, events.read_text(encoding="utf-8"), result


@pytest.fixture(scope="module")
def change(tmp_path_factory, copy_working_tree, strict_sphinx_build,
           build_epoch):
    """The copy built before the change (two more pages: ``moved``, which
    was published, and ``gone``), changed, built again into the same
    folder (``incremental``) and built clean; returns what the tests look
    at."""
    root = tmp_path_factory.mktemp("change")
    checkout = copy_working_tree(root / "checkout")
    if HAVE_GIT:
        commit_everything(checkout)
    source = checkout / "doc" / "source"
    urls = checkout / "tests" / "published-urls.txt"
    index = source / "index.rst"
    before = index.read_text(encoding="utf-8")
    for name in ("moved", "gone"):
        (source / f"{name}.rst").write_text(PAGE.format(
            title=name.title(), today=datetime.date.today()),
            encoding="utf-8")
    append(index, "\n.. toctree::\n   :hidden:\n\n   moved\n   gone\n")
    append(urls, "moved.html\n")  # published: its address must keep working
    with pytest.MonkeyPatch.context() as patch:
        without_outer_git(patch)
        patch.setenv("SOURCE_DATE_EPOCH", build_epoch)
        incremental = strict_sphinx_build(source, root / "incremental")
        first_pages = {path.name for path in incremental.glob("*.html")}
        first_dates = dates_of(incremental, ("index.html", "gone.html"))
        edited = sorted(path for path in source.glob("*.rst")
                        if path.name not in ("index.rst", "gone.rst",
                                             "moved.rst"))[0]
        append(edited, "\nThis sentence came with a later edit.\n")
        for name in ("moved", "gone"):
            (source / f"{name}.rst").unlink()
        index.write_text(before, encoding="utf-8")
        append(source / "redirects.txt", '"moved.rst" "index.rst"\n')
        new_id, before_command, after_command, printed = add_events(source)
        strict_sphinx_build(source, root / "incremental")
        clean = strict_sphinx_build(source, root / "clean")
    return SimpleNamespace(
        source=source, urls=urls, incremental=incremental, clean=clean,
        edited=edited, first_pages=first_pages, first_dates=first_dates,
        new_id=new_id, before_command=before_command,
        after_command=after_command, printed=printed)


# -- the incremental build is a clean build -----------------------------------

def test_incremental_build_equals_a_clean_build(change, differences):
    assert differences(change.incremental, change.clean) == []
    assert "later edit" in (change.incremental / change.edited.with_suffix(
        ".html").name).read_text(encoding="utf-8")


def test_deleted_pages_leave_the_build(change):
    """One deleted page redirects to the start page, the other is simply
    gone: after the incremental build neither is a page of the site (and
    the build equals a clean one, above)."""
    assert {"gone.html", "moved.html"} <= change.first_pages
    site = Site(change.incremental, change.source)
    assert "gone.html" not in inventory.published_urls(site)
    assert inventory.check_redirects(site) == []


def test_a_moved_page_refreshes_to_its_new_address_without_a_script(
        change, tmp_path):
    """The page left at a moved page's address sends the reader on with a
    refresh, not a script (which the policy would refuse, and which keeps
    a <noscript> refresh from ever running), and carries its own policy:
    the site checks find nothing on it. (They read that page alone, with
    the host files, in a folder of its own.)"""
    for rel in ("moved.html", "index.html", *HOST_FILES):
        shutil.copy2(change.incremental / rel, tmp_path / rel)
    site = Site(tmp_path, change.source)
    (refresh,) = site.page("moved.html").soup.select(
        'meta[http-equiv="refresh"]')
    assert refresh["content"] == "0; url=index.html"
    findings = run_checks(site, (check_no_scripts, check_security_headers,
                                 check_inline_hashes))
    assert [f for f in findings if f.html == "moved.html"] == []


@pytest.mark.skipif(not HAVE_GIT, reason="needs git for the dates")
def test_an_uncommitted_page_builds_strictly_without_a_date(change):
    """A page not committed yet has no git date: the strict build passed
    (the fixture), the page shows no "last updated" and the sitemap gives
    it no lastmod; a committed page has both."""
    assert change.first_dates == {"index.html": (True, True),
                                  "gone.html": (False, False)}


# -- the new events -----------------------------------------------------------

def test_the_new_event_is_on_its_pages_and_in_the_feeds(change):
    html = change.clean
    kinds = load_kinds(change.source / "_data" / "kinds.yaml")
    feed = json.loads((html / "feeds" / "events.json").read_text())
    (event,) = [e for e in feed["events"] if e["id"] == change.new_id]
    # The newest past event of its kind is among the latest on its page,
    # and every event is on the page of its year.
    for page in (f"{kinds[KIND].page}.html",
                 f"history/{event['start'][:4]}.html"):
        assert event["name"] in (html / page).read_text(), page
    assert f"UID:{change.new_id}@" in (html / "feeds" / f"{KIND}.ics"
                                       ).read_text()


def test_a_year_with_no_page_yet_gets_one(change):
    """The event in a new year adds that year's page and its own page,
    with no other edit (and the inventory check below passes)."""
    html = change.clean
    newest = max(int(page.stem) for page in (html / "history").glob(
        "[0-9][0-9][0-9][0-9].html"))
    year_page = (html / "history" / f"{newest}.html").read_text()
    assert f"Events of {newest}" in year_page
    (link,) = re.findall(r'href="\.\./events/([a-z0-9-]+)\.html"',
                         year_page)
    assert (html / "events" / f"{link}.html").is_file()


def test_the_command_adds_its_event_whole_and_keeps_every_line(change):
    """The entry is inserted whole, every line of the file is kept, the
    event gets its page, and the command says what to run next."""
    before = change.before_command.splitlines()
    after = change.after_command.splitlines()
    assert "Added openinfra-day-testland-2099" in change.printed.stdout
    assert "git review" in change.printed.stdout
    kept = set(before)
    assert [line for line in after if line not in kept][0] == \
        "  - id: openinfra-day-testland-2099"
    assert not Counter(before) - Counter(after)
    assert (change.clean / "events" / "openinfra-day-testland-2099.html"
            ).is_file()


# -- every site check ---------------------------------------------------------

def test_every_site_check_passes(change, capsys):
    """The quick site checks, the published-URL inventory among them, as
    the site check command runs them: it passes, and says on standard
    error what it checks as it goes (a long check is not silent). (The
    command's one pass over a whole guide is this one.)"""
    status = sitecheck_command.main([
        "check", str(change.clean), "--source", str(change.source),
        "--inventory", str(change.urls)])
    out, err = capsys.readouterr()
    assert status == 0, out
    assert f"Checking {len(Site(change.clean).pages)} pages" in err
    assert "check_internal_links: 0 problems" in err
