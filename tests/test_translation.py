"""Translations: catalogs can be extracted, and a translated site builds.

``tests/roots/test-translation`` is a tiny site with a German catalog
(a .po file; Sphinx compiles it to .mo at build time). The workflow these
tests follow is the one contributing/translating.rst documents.
"""

import subprocess
import sys

from bs4 import BeautifulSoup


def test_translated_site_shows_the_translation(copy_root, tmp_path,
                                               strict_sphinx_build):
    source = copy_root("translation")
    out = strict_sphinx_build(source, tmp_path / "out")
    soup = BeautifulSoup(
        (out / "index.html").read_text(encoding="utf-8"), "lxml")
    assert soup.html.get("lang") == "de"
    assert soup.h1.get_text(strip=True).startswith(
        "OpenStack-Veranstaltungsführer (Test)")
    paragraphs = [p.get_text(" ", strip=True) for p in soup.select(
        '[role="main"] p, .body p')]
    assert ("Auf dem Summit trifft sich die ganze Gemeinschaft persönlich."
            in paragraphs)
    # A message nobody has translated yet falls back to the English.
    assert ("This sentence has no translation yet, so readers see the "
            "English." in paragraphs)
    # The catalog was compiled at build time (no .mo is committed).
    mo = source / "locale" / "de" / "LC_MESSAGES" / "index.mo"
    assert mo.is_file()


def test_sphinx_intl_creates_a_catalog_for_a_new_language(
        build_test_root, tmp_path):
    """``tox -e gettext`` then ``sphinx-intl update``, as documented."""
    pot_dir = build_test_root("translation", "gettext")
    pot = pot_dir / "index.pot"
    assert 'msgid "The Summit is where the whole community meets in ' \
        'person."' in pot.read_text(encoding="utf-8")
    locale_dir = tmp_path / "locale"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_intl", "update", "-p",
         str(pot_dir), "-l", "fr", "-d", str(locale_dir)],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    po = (locale_dir / "fr" / "LC_MESSAGES" / "index.po").read_text(
        encoding="utf-8")
    assert 'msgid "The Summit is where the whole community meets in ' \
        'person."' in po
    assert 'msgstr ""' in po


def test_guide_catalogs_extract(tmp_path, strict_sphinx_build, doc_source):
    """The guide itself extracts cleanly (what ``tox -e gettext`` runs)."""
    out = strict_sphinx_build(doc_source, tmp_path, builder="gettext")
    index_pot = (out / "index.pot").read_text(encoding="utf-8")
    assert 'msgid "OpenStack Events Guide"' in index_pot
    assert (out / "contributing" / "translating.pot").is_file()
