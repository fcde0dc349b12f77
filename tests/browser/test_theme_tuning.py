"""Unit tests of events_guide.theme_tuning (no browser needed)."""

import pathlib

import pytest
import sphinx_rtd_theme
from sphinx.errors import ExtensionError

from events_guide import theme_tuning

THEME_CSS = (pathlib.Path(sphinx_rtd_theme.__file__).parent / "static"
             / "css" / "theme.css").read_text(encoding="utf-8")


def test_trimmed_theme_css_has_no_web_font_or_icon_font():
    trimmed = theme_tuning.trimmed_theme_css(THEME_CSS)
    assert "@font-face" not in trimmed
    assert "FontAwesome" not in trimmed
    assert "Lato" not in trimmed and "Roboto Slab" not in trimmed
    assert "var(--guide-blue,#2980b9)" in trimmed
    assert len(trimmed) < len(THEME_CSS) * 0.75


THEME_LAYOUT = (pathlib.Path(sphinx_rtd_theme.__file__).parent
                / "layout.html").read_text(encoding="utf-8")


def adapt(source, filename="/theme/layout.html"):
    return theme_tuning.AdaptThemeLayout.preprocess(
        None, source, "!layout.html", filename)


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


def test_tables_are_wrapped_once_and_labelled_by_their_caption():
    body = ('<table class="docutils"><caption><span class="caption-text">'
            'Past PTGs</span></caption><tr><td>x</td></tr></table>')
    wrapped = theme_tuning.wrap_tables(body)
    assert wrapped.startswith('<div class="wy-table-responsive" '
                              'role="region" tabindex="0" '
                              'aria-label="Table: Past PTGs">')
    assert theme_tuning.wrap_tables(wrapped) == wrapped


def test_slim_markup_drops_only_what_nobody_sees():
    body = ('<table><tr class="row-odd"><th class="head"><p>Dates</p></th>'
            '<td><p>One</p></td><td><p>Two</p><p>Three</p></td>'
            '<td><ul><li>x</li></ul></td></tr></table>'
            '<p>Text<a class="footnote-reference brackets" href="#a" '
            'id="id1" role="doc-noteref"><span class="fn-bracket">[</span>1'
            '<span class="fn-bracket">]</span></a></p>')
    assert theme_tuning.slim_markup(body) == (
        '<table><tr><th class="head">Dates</th>'
        '<td>One</td><td><p>Two</p><p>Three</p></td>'
        '<td><ul><li>x</li></ul></td></tr></table>'
        '<p>Text<a class="footnote-reference brackets" href="#a" '
        'id="id1" role="doc-noteref">1</a></p>')


def test_purge_keeps_used_rules_and_drops_the_rest():
    used = {"rst-content", "note", "<p>", "<div>", "<table>", "docutils",
            "<td>", "<tr>"}
    rule = theme_tuning.purge_rule
    assert rule(".rst-content .note p{color:red}", used)
    assert rule(".rst-content .versionmodified{color:red}", used) == ""
    assert rule(".rst-content tt{color:red}", used) == ""
    kept = rule("table.docutils:not(.field-list) td{x:y}", used)
    assert kept == "table.docutils:not(.field-list) td{x:y}"
    assert rule(".a,.rst-content p{x:y}", used) == ".rst-content p{x:y}"
    assert rule("@media print{.gone{x:y}}", used) == ""


def test_inline_script_from_an_extension_is_refused():
    class FakeScript:
        filename = ""
        priority = 500
        attributes = {"body": "alert(1)"}

    class FakeBuilder:
        name = "html"

    class FakeApp:
        builder = FakeBuilder()

    with pytest.raises(ExtensionError, match="page 'forum'.*inline script"):
        theme_tuning.on_page_context(
            FakeApp(), "forum", "page.html",
            {"script_files": [FakeScript()]}, None)
