extensions = ["events_guide.freshness"]
review_max_age_months = 12
