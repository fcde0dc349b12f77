# A tiny translated site: German catalogs in locale/de/LC_MESSAGES/*.po are
# compiled to .mo by Sphinx at build time (gettext_auto_build).
project = "Translation test"
language = "de"
locale_dirs = ["locale/"]
gettext_compact = False
