"""The Sphinx extensions ``doc/source/conf.py`` lists, one module (or
small package) per concern, each with ``setup()`` last."""
