# Broken internal links that a strict Sphinx build lets through: plain
# relative URLs, raw HTML and asset lists in conf.py are not verified.
project = "Links broken"
html_static_path = ["_static"]
html_css_files = ["missing.css", "theme-extra.css"]
html_js_files = ["missing.js"]
