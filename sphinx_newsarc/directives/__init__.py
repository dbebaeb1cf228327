"""The directives of the ``news`` domain, one module each."""
