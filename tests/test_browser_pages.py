"""Which pages the browser checks open (Site.browser_pages): every page
not generated from the data, and one per family and distinct stylesheet
of the generated ones, so the browser's work does not grow with the
number of events."""

from events_guide.sitecheck import Site


def _page(style: str, text: str = "words") -> str:
    return (f"<html><head><style>{style}</style></head><body>"
            f'<div id="main-content"><p>{text}</p></div></body></html>')


def test_one_generated_page_per_family_and_stylesheet():
    site = Site.from_strings({
        "index.html": _page("a"),
        "history/2017.html": _page("a"),
        "history/2018.html": _page("a"),
        "events/one.html": _page("a"),
        "events/two.html": _page("a"),
        "events/three.html": _page("b"),
    }, sources={"index.html": "Title\n=====\n"})
    chosen = site.browser_pages
    assert "index.html" in chosen
    assert sum(rel.startswith("history/") for rel in chosen) == 1
    assert sum(rel.startswith("events/") for rel in chosen) == 2
    assert "events/three.html" in chosen


def test_the_page_with_the_longest_word_stands_for_its_group():
    site = Site.from_strings({
        "events/short.html": _page("a", "short words"),
        "events/long.html": _page("a", "https://example.org/" + "x" * 80),
    })
    assert site.browser_pages == ["events/long.html"]
