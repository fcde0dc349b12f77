"""Every fact carries its evidence: the build refuses a claim without its
own citation and a footnote that is not a usable source.

The root ``tests/roots/test-evidence`` seeds one defect per paragraph or
footnote; each test asserts that exactly that defect is reported, at its
file and line, with the fix.
"""

import re

import pytest

from events_guide.claims import find_claim
from events_guide.evidence import quote_problem


@pytest.fixture(scope="module")
def evidence_warnings(rootdir, tmp_path_factory, sphinx_build_log):
    """The warnings of one build of the root, by file name."""
    _, log = sphinx_build_log(rootdir / "test-evidence",
                              tmp_path_factory.mktemp("evidence"))
    found = {}
    for match in re.finditer(r"([\w/-]+\.rst):(\d+): WARNING: (.*) "
                             r"\[evidence\.(\w+)\]", log):
        name, line, message, subtype = match.groups()
        found.setdefault(name.rsplit("/", 1)[-1], []).append(
            (int(line), subtype, message))
    return found


def test_cited_claims_and_good_sources_pass(evidence_warnings):
    assert "cited.rst" not in evidence_warnings


def test_pages_excluded_by_config_are_not_checked(evidence_warnings):
    assert "project.rst" not in evidence_warnings


def test_a_dated_sentence_needs_its_own_citation(evidence_warnings):
    # A Sources section elsewhere on the page does not cite line 6.
    line, _, message = evidence_warnings["uncited.rst"][0]
    assert line == 6
    assert "states a number ('The 2030 Summit is in Lisbon" in message
    assert "[#name]_" in message


@pytest.mark.parametrize("line, claim", [
    (8, "a figure ('Three days of talks.')"),
    (11, "a frequency ('Held once a year.')"),
])
def test_list_items_and_definitions_need_their_own_citation(
        evidence_warnings, line, claim):
    assert (line, "uncited", f"this states {claim}") in [
        (n, s, m.split(" without")[0])
        for n, s, m in evidence_warnings["uncited.rst"]]


@pytest.mark.parametrize("label, line, problem", [
    ("noquote", 12, "it has no :quote:`...` from the source"),
    ("twolinks", 14, "it has 2 links where a source has exactly one"),
    ("long", 17, "the quote has 31 words; keep it to at most 30"),
    ("nodate", 23, "it says no 'checked YYYY-MM-DD' date"),
    ("future", 25, "'checked 2999-01-01' is in the future (today is "),
    ("marks", 28, "the quote is wrapped in quotation marks"),
])
def test_a_footnote_that_is_not_a_usable_source_is_refused(
        evidence_warnings, label, line, problem):
    messages = [m for n, s, m in evidence_warnings["footnotes.rst"]
                if (n, s) == (line, "source") and f"footnote [{label}]" in m]
    assert len(messages) == 1, evidence_warnings["footnotes.rst"]
    assert problem in messages[0]


def test_a_quote_outside_a_footnote_is_refused(evidence_warnings):
    assert (7, "quote") in [(n, s) for n, s, _ in
                            evidence_warnings["footnotes.rst"]]


@pytest.mark.parametrize("text", [
    "The Summit was held in 2019.", "It lasted 5 days.", "on 4 May",
    "every six months", "Held twice a year.", "hundreds of people came",
    "from Monday to Friday", "one or two days", "a few hours long",
])
def test_dates_and_figures_are_claims(text):
    assert find_claim(text) is not None


@pytest.mark.parametrize("text", [
    "The Summit may move.", "one of the teams", "Project teams meet.",
    "a few words", "several times",
])
def test_plain_prose_is_not_a_claim(text):
    assert find_claim(text) is None


def test_a_short_verbatim_quote_is_usable():
    assert quote_problem("The PTG will happen 20-24 February 2017") is None
