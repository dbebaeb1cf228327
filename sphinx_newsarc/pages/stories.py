"""The Stories index: every story with its number of events and dates on websites (its
page lists them); in books with its events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..anchors import story_anchor
from ..render import count_text
from ..views import Summary
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "StoriesView"]


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """A story: its name, page and slug; on websites its number of events and first and
    last dates, in books its events."""

    name: str
    page: str | None
    slug: str
    count: int = 0
    first: str = ""
    last: str = ""
    summaries: tuple[Summary, ...] = ()


@dataclass(frozen=True, slots=True)
class StoriesView:
    """Every story, by name."""

    stories: tuple[StoryEntry, ...]


def build(views: Views, key: str) -> StoriesView:
    stories = sorted(views.archive.stories.values(), key=lambda s: s.name.casefold())
    if views.website:  # the story pages list the events
        return StoriesView(
            tuple(
                StoryEntry(
                    story.name,
                    views.page_for("story", story.key),
                    story.slug,
                    len(story.events),
                    views.summary(story.events[0]).date_text,
                    views.summary(story.events[-1]).date_text,
                )
                for story in stories
            )
        )
    return StoriesView(
        tuple(
            StoryEntry(
                story.name,
                views.page_for("story", story.key),
                story.slug,
                summaries=views.summaries(story.events),
            )
            for story in stories
        )
    )


def render(r: Renderer, view: StoriesView) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for story in view.stories:
        out.append(r.group_title(story.name, [story_anchor(story.slug)], page=story.page))
        if r.website:
            text = count_text(story.count) + f", {story.first} \N{EN DASH} {story.last}"
            out.append(nodes.paragraph(text, text, classes=["newsarc-count"]))
        else:
            out.extend(r.listing(story.summaries))
    return out if r.website else r.as_index(out)


KIND = PageKind("stories", build, render)
