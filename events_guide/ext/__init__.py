"""Our Sphinx extensions, one module or small package per concern."""
