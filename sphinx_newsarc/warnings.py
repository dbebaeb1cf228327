"""Located warnings with documented ``newsarc.*`` subtypes for ``suppress_warnings``."""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

__all__ = ["SUBTYPES", "warn"]

logger = logging.getLogger("sphinx_newsarc")

#: Every warning subtype, with what it reports (documented in docs/warnings.md).
SUBTYPES: dict[str, str] = {
    "date": "a missing, impossible or non-ISO 8601 date",
    "duplicate_id": "two events with the same id",
    "duplicate_entity": "two entity declarations claiming the same name or alias",
    "headline": "an event without a headline",
    "source": "a malformed source line",
    "control_char": "a control character (U+0000-U+001F but tab and newline, U+007F-U+009F) "
                    "removed from a headline, name, option or body",
    "related": "a related id that no event has",
    "option": "an invalid directive option value",
    "collision": "a generated page whose path an author's file already takes",
    "config": "an invalid newsarc_* setting",
    "feed": "Atom feeds requested without html_baseurl (feeds need absolute links)",
}


def warn(message: str, subtype: str, location: Any = None, *args: Any) -> None:
    """Emit a ``newsarc.<subtype>`` warning at ``location`` ((docname, line) or node)."""
    assert subtype in SUBTYPES, subtype
    logger.warning(message, *args, type="newsarc", subtype=subtype, location=location)
