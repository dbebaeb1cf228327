"""Translatable strings of sphinx-newsarc (message catalog ``sphinx_newsarc``)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.locale import get_translation

MESSAGE_CATALOG_NAME = "sphinx_newsarc"

_ = get_translation(MESSAGE_CATALOG_NAME)


def setup_locale(app: Sphinx) -> None:
    """The message catalog (``locales/<lang>/LC_MESSAGES/sphinx_newsarc.mo``)."""
    app.add_message_catalog(MESSAGE_CATALOG_NAME, str(Path(__file__).parent / "locales"))
