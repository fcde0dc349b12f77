"""Every builder links only to what it wrote (events_guide.published).

The web builders (html, dirhtml) write the generated pages and the feeds
and link to them relatively; every other builder (singlehtml, epub) writes
neither, so its links to them go to the published site. A small root
with every event directive is built with each builder; every relative
link and resource of every page it wrote must name a file it wrote.
"""

import pathlib
import posixpath
import urllib.parse

import lxml.html
import pytest

from events_guide import published

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("builders")]

BUILDERS = ("html", "dirhtml", "singlehtml", "epub")


def relative_links(out: pathlib.Path):
    """(page, url) for every relative href/src of every page written."""
    for page in sorted([*out.rglob("*.html"), *out.rglob("*.xhtml")]):
        rel = page.relative_to(out).as_posix()
        if rel.startswith(tuple(f + "/" for f in published.ASSET_FOLDERS)):
            continue
        tree = lxml.html.parse(str(page))
        for element in tree.iter():
            for attribute in ("href", "src"):
                url = (element.get(attribute) or "").strip()
                parts = urllib.parse.urlsplit(url)
                if url and not parts.scheme and not url.startswith(
                        ("#", "/")):
                    yield rel, parts.path


@pytest.mark.parametrize("builder", BUILDERS)
def test_no_link_to_a_file_the_builder_did_not_write(
        builder, copy_root, strict_sphinx_build, tmp_path):
    out = strict_sphinx_build(copy_root("events-tables"), tmp_path / "out",
                              builder)
    broken = sorted(
        f"{page}: {url}" for page, url in relative_links(out)
        if url and not (out / posixpath.normpath(posixpath.join(
            posixpath.dirname(page), urllib.parse.unquote(url)))).exists()
        and not (out / posixpath.dirname(page) / url / "index.html")
        .exists())
    assert broken == [], f"{builder} links to files it did not write:\n" \
        + "\n".join(broken)
    wrote_generated = (out / published.FEEDS_FOLDER).is_dir()
    assert wrote_generated == published.writes_generated_files(builder)


def test_other_builders_link_generated_pages_to_the_published_site(
        copy_root, strict_sphinx_build, tmp_path):
    out = strict_sphinx_build(copy_root("events-tables"), tmp_path / "out",
                              "singlehtml")
    text = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="https://docs.example.org/guide/history/2026.html"' in text
    assert 'href="https://docs.example.org/guide/feeds/events.ics"' in text
