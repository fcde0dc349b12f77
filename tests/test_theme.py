"""The theme extension (events_guide.ext.theme): its stylesheet, each
page's share of it, and the HTML it changes where Sphinx makes HTML.

The HTML tests build ``tests/roots/test-theme`` (the guide's templates,
reader.css and shipped headers on a small site with fixed content).
"""

import json
import pathlib

import pytest
import sphinx_rtd_theme
from bs4 import BeautifulSoup
from sphinx.errors import ExtensionError

from events_guide.ext.theme import assets, css, layout, page_style
from events_guide.ext.theme.purge import Purger
from events_guide.ext.theme.rewrite import rewrite_declarations
from events_guide.ext.theme.stylesheet import (custom_properties,
                                               trim_theme_rule)

THEME = pathlib.Path(sphinx_rtd_theme.__file__).parent
THEME_CSS = (THEME / "static" / "css" / "theme.css").read_text(
    encoding="utf-8")
THEME_LAYOUT = (THEME / "layout.html").read_text(encoding="utf-8")


def trimmed(text: str) -> str:
    return css.rules_text(filter(None, map(trim_theme_rule,
                                           css.parse_rules(text))))


def purged(stylesheet: str, html: str, search_page=False) -> str:
    rules = list(filter(None, map(css.as_style_rule,
                                  css.parse_rules(stylesheet))))
    return css.rules_text(Purger(rules).page_rules(html, search_page))


# -- The stylesheet ---------------------------------------------------------

def test_trimmed_theme_css_has_no_web_font_or_icon_font():
    text = trimmed(THEME_CSS)
    assert "@font-face" not in text
    assert "FontAwesome" not in text
    assert "Lato" not in text and "Roboto Slab" not in text
    assert "var(--guide-blue)" in text
    assert len(text) < len(THEME_CSS) * 0.75


def test_theme_parts_the_guide_never_renders_are_trimmed():
    text = trimmed(".fa-home,.x{a:b}.wy-alert-info{a:b}.icon-home{a:b}"
                   ".icon-search{a:b}input[type=checkbox]{a:b}"
                   ':not(.fa) p{a:b}.y:before{content:"\uf101"}'
                   "@media print{.rst-versions{a:b}}")
    assert text == ".x{a:b}.icon-home{a:b}"


def test_declarations_no_browser_reads_are_left_out():
    rule = css.parse_rules(
        ".a{*zoom:1;_height:1px;-ms-filter:x;-webkit-box-sizing:border-box;"
        "box-sizing:border-box;-webkit-user-select:none;outline:0 \\9;"
        "font-family:Lato,Arial;color:#2980B9;background:#2980b9}")[0]
    body = rewrite_declarations(css.declarations(rule))
    assert ";".join(map(css.declaration_text, body)) == (
        "box-sizing:border-box;-webkit-user-select:none;"
        'font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",'
        '"Helvetica Neue",Arial,sans-serif;color:var(--guide-link);'
        "background:var(--guide-blue)")


def test_compact_css_keeps_the_white_space_that_means_something():
    rules = css.parse_rules(".a  >  .b ,  .c  .d { margin : 0  auto ; "
                            "width: calc(1px  +  2px) }")
    assert css.rules_text(map(css.as_style_rule, rules)) == \
        ".a>.b,.c .d{margin:0 auto;width:calc(1px + 2px)}"


def test_every_theme_colour_needs_a_declared_custom_property():
    rules = list(map(css.as_style_rule, css.parse_rules(
        ":root{--guide-link:#123}a{color:var(--guide-link)}"
        "b{color:var(--guide-text)}")))
    assert custom_properties(rules, declared=False) - custom_properties(
        rules, declared=True) == {"--guide-text"}


# -- Each page's share -------------------------------------------------------

PAGE = ('<html><body><div class="rst-content"><div class="note"><p>x</p>'
        '</div><a href="#">y</a><div id="search-results"></div></div>'
        "</body></html>")


def test_a_page_keeps_the_rules_that_match_it_and_no_others():
    assert purged(".rst-content .note p{a:b}.rst-content .versionmodified"
                  "{a:b}.rst-content tt{a:b}.x,.rst-content p{a:b}"
                  "@media print{.gone{a:b}}@media print{p{a:b}}", PAGE) == (
        ".rst-content .note p{a:b}.rst-content p{a:b}@media print{p{a:b}}")


def test_a_class_the_page_lacks_rules_out_only_selectors_that_need_it():
    assert purged("p:not(.nowhere){a:b}.nowhere p{a:b}#nowhere,p{c:d}"
                  "p[class~=nowhere]{e:f}", PAGE) == (
        "p:not(.nowhere){a:b}p{c:d}")


def test_states_a_reader_brings_about_are_kept():
    kept = purged("a:hover{a:b}a:focus-visible{a:b}p:hover{a:b}"
                  "td:hover{a:b}.note:not(:hover){a:b}"
                  "[popover]:popover-open{a:b}", PAGE)
    assert kept == ("a:hover{a:b}a:focus-visible{a:b}p:hover{a:b}"
                    ".note:not(:hover){a:b}[popover]:popover-open{a:b}")


def test_markup_the_search_scripts_add_is_styled_on_the_search_page():
    stylesheet = "#search-results .search li{a:b}.highlighted{c:d}"
    assert purged(stylesheet, PAGE) == ""
    assert purged(stylesheet, PAGE, search_page=True) == stylesheet


def test_keyframes_no_kept_rule_uses_are_dropped():
    stylesheet = ("@keyframes spin{to{x:y}}@keyframes fade{to{x:y}}"
                  "p{animation:fade 1s}.gone{animation:spin 1s}")
    assert "spin" not in purged(stylesheet, PAGE)
    assert "@keyframes fade" in purged(stylesheet, PAGE)


# -- The theme's template -----------------------------------------------------

def adapt(source, filename="/theme/layout.html"):
    return layout.AdaptThemeLayout.preprocess(None, source, "!layout.html",
                                              filename)


def test_inline_navigation_script_is_removed_from_the_theme_layout():
    result = adapt(THEME_LAYOUT)
    assert "SphinxRtdTheme.Navigation.enable" not in result
    assert result.count("<script") == THEME_LAYOUT.count("<script") - 1


def test_theme_navigation_becomes_the_menu_popover():
    result = adapt(THEME_LAYOUT)
    assert result.count(' id="site-navigation" popover>') == 1
    assert result.count("<nav") == THEME_LAYOUT.count("<nav")


def test_unknown_form_of_the_inline_script_stops_the_build():
    changed = "<script>window.SphinxRtdTheme.Navigation.enable(1)</script>"
    with pytest.raises(ExtensionError, match="layout.html.*INLINE_NAV_SCRIPT"):
        adapt(changed)


def test_unknown_form_of_the_theme_navigation_stops_the_build():
    changed = THEME_LAYOUT.replace('class="wy-nav-side"',
                                   'class="wy-nav-side wy-nav-new"')
    with pytest.raises(ExtensionError, match="layout.html.*THEME_NAV"):
        adapt(changed)


def test_inline_script_from_an_extension_is_refused():
    class FakeScript:
        filename = ""
        priority = 500
        attributes = {"body": "alert(1)"}

    with pytest.raises(ExtensionError, match="page 'forum'.*inline script"):
        assets.page_scripts("forum", [FakeScript()])


# -- The HTML of a built site -------------------------------------------------

@pytest.fixture(scope="module")
def theme_site(build_test_root):
    return build_test_root("theme")


@pytest.fixture(scope="module")
def index(theme_site):
    return BeautifulSoup((theme_site / "index.html").read_text(
        encoding="utf-8"), "lxml")


def test_tables_scroll_in_a_labelled_focusable_box(index):
    boxes = index.select("div.wy-table-responsive")
    assert [(box.get("role"), box.get("tabindex"), box.get("aria-label"))
            for box in boxes] == [("region", "0", "Table: Past gatherings"),
                                  ("region", "0", "Table")]
    assert all(box.find("table") for box in boxes)
    assert len(index.find_all("table")) == 2


def test_markup_nobody_sees_is_left_out(index):
    cells = index.select("table td")
    assert [cell.decode_contents() for cell in cells[:3]] == [
        "2019", "Denver", "2020"]
    assert len(cells[3].find_all("p")) == 2  # two paragraphs stay
    assert cells[5].find("ul")
    assert not index.select("tr.row-odd, tr.row-even")
    reference = index.select_one("a.footnote-reference")
    assert reference.decode_contents() == "1"


def test_toctree_captions_are_level_two_headings(index):
    captions = index.select('[role="heading"]')
    assert captions and all(caption.get("aria-level") == "2"
                            for caption in captions)


def test_each_page_carries_only_its_own_inline_stylesheet(theme_site, index):
    other = BeautifulSoup((theme_site / "other.html").read_text(
        encoding="utf-8"), "lxml")
    for page in (index, other):
        assert not page.select('link[rel="stylesheet"]')
        assert not page.find_all("script")
        assert len(page.find_all("style")) == 1
    assert ".note" in other.style.string
    assert ".note" not in index.style.string
    assert "table.docutils" in index.style.string
    assert "prefers-color-scheme:dark" in index.style.string.replace(" ", "")


def test_a_layout_without_the_pages_own_policy_stops_the_build(
        copy_root, doc_source, sphinx_build_log, tmp_path):
    """A page would carry its stylesheet with no policy of its own to
    allow it (the header leaves styles to that policy)."""
    source = copy_root("theme")
    templates = source / "_templates"
    templates.mkdir()
    for template in (doc_source / "_templates").iterdir():
        text = template.read_text(encoding="utf-8")
        if template.name == "layout.html":
            assert "events_guide_style_policy }}" in text
            text = "\n".join(
                line for line in text.splitlines()
                if "events_guide_style_policy }}" not in line)
        (templates / template.name).write_text(text, encoding="utf-8")
    with (source / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\ntemplates_path = ["_templates"]\n')
    status, log = sphinx_build_log(source, tmp_path / "out")
    assert status != 0
    assert "carries its stylesheet but 0 policies of its own" in log


def test_the_icon_travels_inside_the_page(index):
    icon = index.select_one('link[rel~="icon"]')["href"]
    assert icon.startswith("data:image/svg+xml,%3Csvg")
    assert not set(icon) & set(' "<>'), icon


def test_a_changed_stylesheet_rewrites_every_page(copy_root, tmp_path,
                                                  strict_sphinx_build):
    """The pages carry the stylesheet, so an incremental build after a CSS
    change must write them all again."""
    source = copy_root("theme")
    out = strict_sphinx_build(source, tmp_path / "out")
    local = source / "local.css"
    local.write_text(local.read_text(encoding="utf-8").replace(
        "4px", "7px"), encoding="utf-8")
    strict_sphinx_build(source, tmp_path / "out")
    style = BeautifulSoup((out / "other.html").read_text(encoding="utf-8"),
                          "lxml").style.string
    assert "border-left:7px" in style


def test_an_unchanged_page_reuses_its_purged_stylesheet(copy_root, tmp_path,
                                                        strict_sphinx_build):
    """The build keeps each page's purged CSS under the hash of its HTML
    (page_style.CACHE_FILE): after an edit to one page, the next build
    finds every other page's CSS kept, and keeps no stale entry."""
    source = copy_root("theme")
    strict_sphinx_build(source, tmp_path / "out")
    cache = tmp_path / "out" / "doctrees" / page_style.CACHE_FILE
    first = json.loads(cache.read_text(encoding="utf-8"))
    other = source / "other.rst"
    other.write_text(other.read_text(encoding="utf-8") + "\nOne more.\n",
                     encoding="utf-8")
    strict_sphinx_build(source, tmp_path / "out")
    second = json.loads(cache.read_text(encoding="utf-8"))
    pages = len(list((tmp_path / "out" / "html").rglob("*.html")))
    # Each page is kept by its HTML, and its result by the page's skeleton
    # (page_style.SKELETON_KEY), which pages may share.
    first, second = ({key for key in kept
                      if not key.startswith(page_style.SKELETON_KEY)}
                     for kept in (first, second))
    assert len(first) == len(second) == pages
    assert len(first & second) == pages - 1


def test_a_second_build_in_one_process_reuses_the_purged_css(
        copy_root, tmp_path, strict_sphinx_build, monkeypatch, differences):
    """A clean build in a process that built the same pages before finds
    their purged CSS in memory, and the stylesheet compiled, and writes
    the same files."""
    source = copy_root("theme")
    first = strict_sphinx_build(source, tmp_path / "first")
    compiled = page_style._compiled.cache_info().misses
    purged = []
    rules_of = Purger.rules_of
    monkeypatch.setattr(Purger, "rules_of", lambda self, *args, **kw: (
        purged.append(self) or rules_of(self, *args, **kw)))
    second = strict_sphinx_build(source, tmp_path / "second")
    assert not purged, f"{len(purged)} pages were purged again"
    assert page_style._compiled.cache_info().misses == compiled
    assert differences(first, second) == []
