"""A reader's paths through the guide: keyboard, small screen, search.

All of it runs with the strict Content-Security-Policy header on, so the
menu and the search are shown to work without inline script.
"""

import pytest

from events_guide.sitecheck import format_report
from events_guide.sitecheck.browser import (PHONE, Visitor,
                                            clipped_table_findings,
                                            overflow_findings)

#: One worker runs this module: its tests share one browser and one server.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("reader")]


def active(page, expression):
    return page.evaluate(f"(() => {{ const el = document.activeElement; "
                         f"return {expression}; }})()")


def test_skip_link_is_first_and_leads_to_the_content(visitor,
                                                     focus_indicator):
    visitor.visit("forum.html")
    page = visitor.page
    page.keyboard.press("Tab")
    assert active(page, "el.className") == "skip-link", (
        "forum.html: the first Tab stop is "
        f"{active(page, 'el.outerHTML.slice(0, 120)')}, not the skip link")
    assert active(page, "el.textContent.trim()") == "Skip to content"
    assert focus_indicator(page), "the focused skip link shows no focus"
    assert active(page, "el.getBoundingClientRect().left >= 0"), (
        "the focused skip link stays off screen")
    page.keyboard.press("Enter")
    # The fragment navigation completes after the key press returns (on
    # a busy machine, noticeably later).
    page.wait_for_url("**#main-content", timeout=5000)
    assert page.url.endswith("#main-content")
    assert active(page, "el.id") == "main-content", (
        "after the skip link, focus is not on the content")


def test_focus_is_visible_on_links(visitor, focus_indicator):
    visitor.visit("forum.html")
    page = visitor.page
    missing = []
    for selector in [".wy-menu-vertical a[href='ptg.html']",
                     ".wy-breadcrumbs-aside a",
                     "[itemprop=articleBody] a.reference",
                     ".rst-footer-buttons a",
                     "footer a[rel=license]",
                     ".wy-side-nav-search input[name=q]"]:
        locator = page.locator(selector).first
        if locator.count() == 0:
            missing.append(f"forum.html: nothing matches {selector}")
            continue
        locator.focus()
        # Focus from the keyboard: press Shift+Tab then Tab to land on it.
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        if not focus_indicator(page):
            missing.append(f"forum.html: {selector} has no visible focus "
                           "(no outline or box-shadow when focused)")
    assert not missing, "\n".join(missing)


def test_navigation_works_from_the_keyboard(visitor):
    visitor.visit("index.html")
    page = visitor.page
    for _ in range(60):
        page.keyboard.press("Tab")
        if active(page, "el.closest('.wy-menu-vertical') !== null "
                        "&& el.getAttribute('href') === 'forum.html'"):
            break
    else:
        pytest.fail("index.html: 60 presses of Tab never reached the "
                    "navigation link to forum.html")
    page.keyboard.press("Enter")
    page.wait_for_url("**/forum.html")
    # On the page it leads to, the page's own sections are listed under
    # its entry, as plain links: nothing to expand first.
    section = page.locator(
        ".wy-menu-vertical li.current a[href='#how-to-take-part']")
    assert section.is_visible(), (
        "forum.html: the navigation does not list the page's sections")
    section.focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("#how-to-take-part")


@pytest.fixture(scope="module")
def phone(browser, site, guide_site):
    with Visitor(browser, site, guide_site, **PHONE) as phone_visitor:
        yield phone_visitor


def test_no_sideways_scrolling_at_375px(phone, pages):
    """Nothing scrolls the page sideways, and no table hides columns
    behind a scroll bar of its own (each row reads as a card)."""
    findings = []
    for name in pages:
        findings += phone.visit(name) + overflow_findings(phone) \
            + clipped_table_findings(phone)
    assert not findings, format_report(findings)


def expanded_state(page, selector):
    """The "expanded" state a screen reader gets for an element, from the
    browser's own accessibility tree (the popover's button has no
    aria-expanded attribute: the browser works it out)."""
    session = page.context.new_cdp_session(page)
    try:
        root = session.send("DOM.getDocument")["root"]["nodeId"]
        node = session.send("DOM.querySelector",
                            {"nodeId": root, "selector": selector})["nodeId"]
        tree = session.send("Accessibility.getPartialAXTree",
                            {"nodeId": node, "fetchRelatives": False})
    finally:
        session.detach()
    for prop in tree["nodes"][0].get("properties", []):
        if prop["name"] == "expanded":
            return prop["value"]["value"]
    return None


def test_mobile_menu_opens_and_closes(phone):
    record = phone.visit("forum.html")
    page = phone.page
    toggle = page.locator(".wy-nav-top-toggle")
    link = page.locator(".wy-menu-vertical a[href='ptg.html']")
    assert toggle.is_visible(), "forum.html: no menu button at 375px"
    assert expanded_state(page, ".wy-nav-top-toggle") is False, (
        "forum.html: the menu button is not announced as collapsed")
    assert not link.is_visible(), "the closed menu's links are visible"
    toggle.click()
    link.wait_for(state="visible")
    assert expanded_state(page, ".wy-nav-top-toggle") is True, (
        "forum.html: the open menu's button is not announced as expanded")
    assert link.bounding_box()["x"] >= 0, "the open menu is off screen"
    # The open menu covers the menu button; its own close button shuts it.
    page.locator(".wy-nav-close").click()
    link.wait_for(state="hidden")
    assert expanded_state(page, ".wy-nav-top-toggle") is False
    # From the keyboard: Enter opens it, Tab goes into it (first to the
    # close button), Escape closes it and focus returns to the button.
    toggle.focus()
    page.keyboard.press("Enter")
    link.wait_for(state="visible")
    page.keyboard.press("Tab")
    assert active(page, "el.classList.contains('wy-nav-close')"), (
        "forum.html: Tab after opening the menu does not reach its close "
        f"button but {active(page, 'el.outerHTML.slice(0, 120)')}")
    page.keyboard.press("Escape")
    link.wait_for(state="hidden")
    assert active(page, "el.classList.contains('wy-nav-top-toggle')"), (
        "forum.html: after Escape, focus is not back on the menu button")
    # A tap beside the open menu closes it.
    toggle.click()
    link.wait_for(state="visible")
    page.mouse.click(360, 600)
    link.wait_for(state="hidden")
    assert not record, format_report(record)


def test_wide_screens_show_the_navigation_without_a_menu_button(visitor):
    visitor.visit("forum.html")
    page = visitor.page
    assert page.locator(".wy-menu-vertical a[href='ptg.html']").is_visible()
    assert not page.locator(".wy-nav-top-toggle").is_visible()
    nav = page.locator("nav.wy-nav-side").bounding_box()
    content = page.locator(".wy-nav-content").bounding_box()
    assert nav["x"] == 0 and content["x"] >= nav["width"], (
        f"forum.html: the navigation ({nav}) is not beside the content "
        f"({content})")


@pytest.mark.parametrize("query, expected", [
    ("forum", "forum.html"),
    ("PTG", "ptg.html"),
])
def test_search_finds_the_page(visitor, query, expected):
    record = visitor.visit("search.html", f"?q={query}")
    page = visitor.page
    hit = page.locator(f"#search-results a[href*='{expected}']").first
    try:
        hit.wait_for(timeout=15000)
    except Exception:
        results = page.locator("#search-results").inner_text()
        pytest.fail(f"search.html?q={query}: no link to {expected} in the "
                    f"results:\n{results}\n{format_report(record)}")
    assert not record, format_report(record)
    assert not page.evaluate("window.__cspViolations")


def test_search_box_works_from_the_keyboard(visitor):
    visitor.visit("index.html")
    page = visitor.page
    page.locator(".wy-side-nav-search input[name=q]").focus()
    page.keyboard.type("forum")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=forum*")
    page.locator("#search-results a[href*='forum.html']").first.wait_for(
        timeout=15000)


def test_search_results_lead_to_the_words_found(visitor):
    """Result links carry a text fragment (#:~:text=), so the browser marks
    the words on the page it opens, with no script on that page."""
    record = visitor.visit("search.html", "?q=forum")
    hit = visitor.page.locator("#search-results a[href*='forum.html']").first
    hit.wait_for(timeout=15000)
    href = hit.get_attribute("href")
    assert ":~:text=forum" in href, (
        f"search.html?q=forum: the result link {href} has no text fragment")
    hit.click()
    visitor.page.wait_for_url("**/forum.html*")
    assert not record, format_report(record)


def test_an_event_pages_json_ld_is_read_under_the_policy(visitor, guide_site):
    """The JSON-LD is inline, and the policy lists no hash for it: a
    browser treats it as data (no Content-Security-Policy violation, no
    console error) and its text parses as JSON."""
    rel = next(rel for rel in guide_site.browser_pages
               if 'type="application/ld+json"' in guide_site.page(
                   rel).html_text)
    findings = visitor.visit(rel)
    assert findings == [], format_report(findings)
    record = visitor.page.evaluate(
        "JSON.parse(document.querySelector("
        "'script[type=\"application/ld+json\"]').textContent)")
    assert record["@type"] == "Event" and record["startDate"]
