"""The anchors (HTML ids, LaTeX labels) of places in the archive's index pages.

None starts with ``index-``: Sphinx's LaTeX writer drops such ids, which would leave the
PDF's links without a target.
"""

from __future__ import annotations

__all__ = ["chronology_anchor", "entity_anchor", "letter_anchor", "story_anchor"]


def chronology_anchor(key: str) -> str:
    """The anchor of a day, month or year in the Chronology."""
    return f"chronology-{key}"


def story_anchor(slug: str) -> str:
    """The anchor of a story in the Stories index."""
    return f"story-index-{slug}"


def entity_anchor(slug: str) -> str:
    """The anchor of an entity in the Entities index."""
    return f"entity-index-{slug}"


def letter_anchor(letter: str) -> str:
    """The anchor of a letter's group in an index."""
    return "letter-" + ("other" if letter == "#" else letter.lower())
