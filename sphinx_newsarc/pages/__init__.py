"""The archive's page kinds, one module each: its view (a frozen dataclass, whose
``repr`` is what the page's digest hashes), how to build it from the archive, and how to
render it. Adding a page kind means one new module and one line in :data:`PAGE_KINDS`.
"""

from __future__ import annotations

from typing import Any

from . import chronology, day, entities, entity, front, month, stories, story, year
from .base import PageKind

__all__ = ["PAGE_KINDS", "PageKind", "page_kind"]

#: Every page kind by name: the root pages, then the browse pages.
PAGE_KINDS: dict[str, PageKind[Any]] = {
    kind.name: kind
    for kind in (front.KIND, chronology.KIND, entities.KIND, stories.KIND,
                 year.KIND, month.KIND, day.KIND, entity.KIND, story.KIND)
}


def page_kind(name: str) -> PageKind[Any]:
    """The page kind called ``name``."""
    return PAGE_KINDS[name]
