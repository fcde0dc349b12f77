extensions = ["events_guide.ext.evidence"]
events_guide_build_date = "2026-11-30"
# Pages about the project itself are not checked (as in doc/source).
events_guide_evidence_exclude = ["notes/*"]
