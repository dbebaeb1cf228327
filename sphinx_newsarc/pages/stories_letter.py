"""A part of the website's Stories index when it is split (``newsarc_entities_per_page``
names or more): the stories of one letter (or two), with the A-Z bar of every part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from .base import PageKind
from .entities import letter_bar, render_bar
from .stories import StoriesView, render_stories, story_entries

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND"]


def build(views: Views, key: str) -> StoriesView:
    keys = views.domain.plan.story_index_parts.get(key, ())
    return StoriesView(story_entries(views, keys), letter_bar(views, key, "stories-letter"))


def render(r: Renderer, view: StoriesView) -> list[nodes.Node]:
    bar = render_bar(r, view.bar) if view.bar is not None else []
    return [*bar, *render_stories(r, view.stories)]


KIND = PageKind("stories-letter", build, render)
