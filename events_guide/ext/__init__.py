"""The Sphinx extensions that ``doc/source/conf.py`` lists, one module or
small package per concern, each with ``setup()`` last:

``events_guide.ext.events``           the event data on the pages, and the
                                      calendar feeds
``events_guide.ext.evidence``         every fact cites a quoted source; the
                                      ``evidence`` builder for factcheck
``events_guide.ext.freshness``        every page's ``:reviewed:`` date
``events_guide.ext.page_summary``     a page's first paragraph as its
                                      description
``events_guide.ext.offline_formats``  the EPUB with the plain epub theme
``events_guide.ext.theme``            sphinx-rtd-theme light, accessible
                                      and CSP-clean: each page's own
                                      stylesheet inline, no script
``events_guide.ext.whole_site``       incremental builds publish what a
                                      clean build does; deleted pages go
``events_guide.ext.toctree_hint``     "in no toctree" names the toctree
``events_guide.ext.build_date``       the one build date the others read
                                      (set up by them, not listed)

Every setting they add is named ``events_guide_*``.
"""
