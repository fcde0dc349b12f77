"""Code behind the OpenStack Events Guide; the prose is in ``doc/source``.

``data/``       the event data (``_data/events.yaml``, ``kinds.yaml``):
                models, loading, messages, feeds; no Sphinx in it
``ext/``        the Sphinx extensions ``doc/source/conf.py`` lists: the
                event directives and year pages, evidence (quotes and
                citations), freshness, descriptions, theme, whole-site
                output, offline formats
``sitecheck/``  every check of the built site, one finding type, one
                command (``python -m events_guide.sitecheck``)
``factcheck/``  looks every quote up in its source (online)
``findings.py`` the one finding type; ``claims.py`` what a dated claim
                and a usable quote are; ``build_date.py`` the one "today"
"""
