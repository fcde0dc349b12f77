"""Code behind the OpenStack Events Guide.

The guide's prose lives in ``doc/source``; this package holds what builds
and checks it: the Sphinx extension that renders the event data, the data
schema, and the site checkers the test suite runs over the built HTML.
"""
