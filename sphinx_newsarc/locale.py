"""Translatable strings of sphinx-newsarc (message catalog ``sphinx_newsarc``)."""

from __future__ import annotations

from sphinx.locale import get_translation

MESSAGE_CATALOG_NAME = "sphinx_newsarc"

_ = get_translation(MESSAGE_CATALOG_NAME)
