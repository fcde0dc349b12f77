"""Test root: the map and the timeline drawn from fixed data."""

extensions = ["events_guide.ext.whole_site", "events_guide.ext.events",
              "events_guide.ext.offline_formats"]
nitpicky = True
html_baseurl = "https://docs.example.org/guide/"
events_guide_build_date = "2026-01-01"
events_guide_uid_domain = "events-guide.test"
copyright = "2019-{build_year}, Test"
