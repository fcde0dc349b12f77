"""Test root: events whose status changed (cancelled, rescheduled, moved
online), one without dates and one hybrid, each with its own page."""

extensions = ["events_guide.ext.events", "events_guide.ext.offline_formats"]
nitpicky = True
html_baseurl = "https://docs.example.org/guide/"
events_guide_build_date = "2026-01-01"
events_guide_uid_domain = "events-guide.test"
copyright = "2019-{build_year}, Test"
