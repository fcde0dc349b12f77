extensions = ["events_guide.ext.freshness"]
events_guide_build_date = "2026-11-28"
