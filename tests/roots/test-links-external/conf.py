# External links that break the URL rules; a strict build accepts them all.
project = "Links external"
html_static_path = ["_static"]
html_baseurl = "https://guide.example.org/"
