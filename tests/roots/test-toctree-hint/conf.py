extensions = ["events_guide.ext.toctree_hint"]
