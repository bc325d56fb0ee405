"""Tools for the people working on the site, never run by ``mkdocs build``."""
