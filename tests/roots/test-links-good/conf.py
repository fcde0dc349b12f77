# Every kind of internal link, all correct: the link checks find nothing.
project = "Links good"
html_theme = "sphinx_rtd_theme"
html_static_path = ["_static"]
html_css_files = ["extra.css"]
html_js_files = ["extra.js"]
html_baseurl = "https://guide.example.org/"
