"""The archive's page kinds, one module each: its view (a frozen dataclass, whose
``repr`` is what the page's digest hashes), how to build it from the archive, and how to
render it. Adding a page kind means one new module and one line in :data:`PAGE_KINDS`.

Every page also gets its frame (:mod:`.frame`: breadcrumbs, previous/next) on websites.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes

from . import (
    chronology,
    day,
    entities,
    entities_letter,
    entity,
    entity_year,
    front,
    month,
    onthisday,
    stories,
    stories_letter,
    story,
    story_year,
    year,
)
from .base import PageKind
from .frame import Frame, build_frame, render_frame

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["PAGE_KINDS", "PageKind", "PageView", "build_page", "page_kind", "render_page"]

#: Every page kind by name: the root pages, then the browse pages.
PAGE_KINDS: dict[str, PageKind[Any]] = {
    kind.name: kind
    for kind in (
        front.KIND,
        chronology.KIND,
        entities.KIND,
        stories.KIND,
        year.KIND,
        month.KIND,
        day.KIND,
        entity.KIND,
        story.KIND,
        onthisday.KIND,
        entities_letter.KIND,
        stories_letter.KIND,
        entity_year.KIND,
        story_year.KIND,
    )
}


def page_kind(name: str) -> PageKind[Any]:
    """The page kind called ``name``."""
    return PAGE_KINDS[name]


@dataclass(frozen=True, slots=True)
class PageView:
    """What a page shows: its frame (websites) and the view of its kind."""

    kind: str
    frame: Frame
    body: object


def build_page(views: Views, kind: str, key: str) -> PageView:
    """The view of the page of ``kind`` and ``key``."""
    frame = build_frame(views, kind, key) if views.website else Frame()
    return PageView(kind, frame, page_kind(kind).build(views, key))


def render_page(r: Renderer, page: PageView) -> list[nodes.Node]:
    """The nodes of a page: its frame, then its kind's layout."""
    return [*render_frame(r, page.frame), *page_kind(page.kind).render(r, page.body)]
