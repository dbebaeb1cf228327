"""A story's page (websites): its events as a timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..views import Summary
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "StoryView"]


@dataclass(frozen=True, slots=True)
class StoryView:
    """The story's name and its events in date order."""

    name: str
    summaries: tuple[Summary, ...]


def build(views: Views, key: str) -> StoryView:
    story = views.archive.stories[key]
    return StoryView(story.name, views.summaries(story.events))


def render(r: Renderer, view: StoryView) -> list[nodes.Node]:
    return [*r.listing(view.summaries, classes=["newsarc-timeline"]), *r.formats()]


KIND = PageKind("story", build, render)
