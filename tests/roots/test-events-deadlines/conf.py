"""Test root: events with key dates, before and after the pinned build
date, for "closing soon", the key-date feeds and the Atom feed."""

extensions = ["events_guide.ext.events", "events_guide.ext.offline_formats"]
nitpicky = True
html_baseurl = "https://docs.example.org/guide/"
events_guide_build_date = "2026-05-01"
events_guide_uid_domain = "events-guide.test"
copyright = "2019-{build_year}, Test"
