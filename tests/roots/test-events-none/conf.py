"""Test root: the build date is after every event: none announced"""

extensions = ["events_guide.ext.events"]
nitpicky = True
html_baseurl = "https://docs.example.org/guide/"
events_guide_build_date = "2030-01-01"
events_guide_uid_domain = "events-guide.test"
