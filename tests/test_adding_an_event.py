"""Adding an event, as contributing/adding-an-event.rst says, keeps the
guide green.

A copy of ``doc/source`` gets one more real past event, appended to its
``_data/events.yaml`` in the documented form (nothing else is touched).
The copy must build strictly, show the event on its kind's page and in the
feeds, and pass every site check and the published-URL inventory: no test
or check may depend on how many events the guide holds.
"""

import json
import shutil

import pytest

from events_guide.data import DEFAULT_EVENTS_FILE, load_kinds
from events_guide.sitecheck import Site, format_report, run_checks

pytestmark = pytest.mark.slow

#: Real past events, each with a source that confirms its date and place;
#: the test adds the first one the guide does not hold yet.
CANDIDATES = {
    "openinfra-days-china-2023": """\
  - id: openinfra-days-china-2023
    name: OpenInfra Days China 2023
    kinds: [days]
    start: 2023-12-01
    end: 2023-12-01
    place: {city: Beijing, country: China}
    region: Asia
    format: in-person
    sources:
      - title: OpenInfra Foundation 2023 annual report (OpenInfra Days China)
        url: https://github.com/OpenStackweb/osf-website/blob/4f1a7aa0f6ed13438f81c840453eba1216d6ea8f/src/pages/annual-report/2023.md
""",
    "openinfra-day-sweden-2024": """\
  - id: openinfra-day-sweden-2024
    name: OpenInfra Day Sweden 2024
    kinds: [days]
    start: 2024-05-07
    end: 2024-05-07
    place: {city: Gothenburg, country: Sweden}
    region: Europe
    format: in-person
    sources:
      - title: OpenInfra blog, OpenInfra Days Europe 2024 schedule
        url: https://github.com/OpenStackweb/osf-website/blob/306edb2d631501226f6d69d1401f72ae82edb0e2/src/pages/blog/introducing-2024%E2%80%99s-community-powered-regional-openinfra-summit-asia-and-openinfra-days-europe.md
""",
}


#: Files outside doc/source that the sources include, relative to the
#: repository (hosting.rst shows the benchmark's summary).
INCLUDED_FROM_OUTSIDE = ("bench/summary.rst",)


@pytest.fixture(scope="module")
def guide_with_one_more_event(repo_root, doc_source, tmp_path_factory):
    """A copy of the guide's sources with one event appended; returns the
    copy and the new event's id."""
    checkout = tmp_path_factory.mktemp("added")
    copy = checkout / doc_source.relative_to(repo_root)
    shutil.copytree(doc_source, copy)
    for name in INCLUDED_FROM_OUTSIDE:
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(repo_root / name, checkout / name)
    events = copy / DEFAULT_EVENTS_FILE
    text = events.read_text(encoding="utf-8")
    new_id = next((ident for ident in CANDIDATES
                   if f"id: {ident}\n" not in text), None)
    if new_id is None:
        pytest.skip("the guide holds every candidate event; add another "
                    "real past event to CANDIDATES")
    events.write_text(text.rstrip("\n") + "\n\n" + CANDIDATES[new_id],
                      encoding="utf-8")
    return copy, new_id


@pytest.fixture(scope="module")
def added_html(guide_with_one_more_event, strict_sphinx_build,
               tmp_path_factory):
    source, _ = guide_with_one_more_event
    return strict_sphinx_build(source, tmp_path_factory.mktemp("added-out"))


def test_the_new_event_is_on_its_page_and_in_the_feeds(
        guide_with_one_more_event, added_html):
    source, new_id = guide_with_one_more_event
    kinds = load_kinds(source / "_data" / "kinds.yaml")
    page = (added_html / f"{kinds['days'].page}.html").read_text()
    assert CANDIDATES[new_id].split("name: ", 1)[1].split("\n")[0] in page
    feed = json.loads((added_html / "feeds" / "events.json").read_text())
    assert new_id in {event["id"] for event in feed["events"]}
    assert f"UID:{new_id}@" in (added_html / "feeds" / "days.ics").read_text()


def test_every_site_check_passes(guide_with_one_more_event, added_html,
                                 repo_root):
    """The quick site checks, the published-URL inventory among them."""
    source, _ = guide_with_one_more_event
    inventory = repo_root / "tests" / "published-urls.txt"
    findings = run_checks(Site(added_html, source, inventory))
    assert findings == [], format_report(findings)
