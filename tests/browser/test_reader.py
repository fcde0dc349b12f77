"""A reader's paths through the guide: keyboard, small screen, search.

All of it runs with the strict Content-Security-Policy header on, so the
menu and the search are shown to work without inline script.
"""

import pytest

from browser_checks import Visitor, focus_indicator, horizontal_overflow

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True,
         "has_touch": True, "device_scale_factor": 2}


def active(page, expression):
    return page.evaluate(f"(() => {{ const el = document.activeElement; "
                         f"return {expression}; }})()")


def test_skip_link_is_first_and_leads_to_the_content(visitor):
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
    assert page.url.endswith("#main-content")
    assert active(page, "el.id") == "main-content", (
        "after the skip link, focus is not on the content")


def test_focus_is_visible_on_links(visitor):
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
    # The expand button for a section works from the keyboard too.
    button = page.locator(
        ".wy-menu-vertical li.toctree-l1 > button.toctree-expand").first
    before = button.get_attribute("aria-expanded")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") != before, (
        "forum.html: Enter on a navigation expand button changed nothing")


@pytest.fixture(scope="module")
def phone(browser, site):
    with Visitor(browser, site, **PHONE) as phone_visitor:
        yield phone_visitor


def test_no_sideways_scrolling_at_375px(phone, pages):
    findings = []
    for name in pages:
        record = phone.visit(name)
        findings.extend(horizontal_overflow(phone.page, name))
        findings.extend(record.console_errors)
    assert not findings, "\n".join(sorted(findings))


def test_mobile_menu_opens_and_closes(phone):
    phone.visit("forum.html")
    page = phone.page
    toggle = page.locator('[data-toggle="wy-nav-top"]')
    menu = page.locator("nav.wy-nav-side")
    link = page.locator(".wy-menu-vertical a[href='ptg.html']")
    assert toggle.is_visible(), "forum.html: no menu button at 375px"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not link.is_visible(), "the closed menu's links are visible"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert "shift" in menu.get_attribute("class")
    link.wait_for(state="visible")
    assert link.bounding_box()["x"] >= 0, "the open menu is off screen"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false"
    page.wait_for_function(
        "!document.querySelector('nav.wy-nav-side').classList"
        ".contains('shift')")
    assert not link.is_visible(), "the menu did not close"
    # Escape closes it too, and focus returns to the button.
    toggle.click()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert active(page, "el.dataset.toggle") == "wy-nav-top"


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
                    f"results:\n{results}\n{record.console_errors}")
    assert not record.console_errors, "\n".join(record.console_errors)
    assert not record.csp_violations + [
        text for text in page.evaluate("window.__cspViolations")]


def test_search_box_works_from_the_keyboard(visitor):
    visitor.visit("index.html")
    page = visitor.page
    page.locator(".wy-side-nav-search input[name=q]").focus()
    page.keyboard.type("forum")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=forum*")
    page.locator("#search-results a[href*='forum.html']").first.wait_for(
        timeout=15000)


def test_search_result_link_marks_the_words_found(visitor):
    record = visitor.visit("forum.html", "?highlight=forum")
    visitor.page.locator("span.highlighted").first.wait_for(timeout=15000)
    assert not record.console_errors, "\n".join(record.console_errors)
