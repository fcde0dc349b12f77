"""Test root: a PTG is coming: next-event names it"""

extensions = ["events_guide.ext.events"]
nitpicky = True
html_baseurl = "https://docs.example.org/guide/"
events_guide_build_date = "2026-06-01"
events_guide_uid_domain = "events-guide.test"
