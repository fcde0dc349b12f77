"""The guide builds strictly and produces its pages."""


def test_landing_page_is_built(built_html):
    assert (built_html / "index.html").is_file()
