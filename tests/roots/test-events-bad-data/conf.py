"""Test root: an entry ends before it starts: the build stops"""

extensions = ["events_guide.ext.events"]
nitpicky = True
html_baseurl = "https://docs.example.org/guide/"
events_guide_build_date = "2026-01-01"
events_guide_uid_domain = "events-guide.test"
