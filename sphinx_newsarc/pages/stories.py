"""The Stories index: every story with its number of events and dates on websites (its
page lists them); in books with its events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..anchors import story_anchor
from ..render import count_text
from ..views import Summary
from .base import PageKind
from .entities import LetterBar, letter_bar, render_bar

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "StoriesView", "render_stories", "story_entries"]


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
    """Every story, by name; on a website with a split index, the A-Z bar instead."""

    stories: tuple[StoryEntry, ...]
    bar: LetterBar | None = None


def story_entries(views: Views, keys: Iterable[str]) -> tuple[StoryEntry, ...]:
    """The website's index entries of the stories ``keys``, by name (the story pages list
    the events)."""
    stories = sorted(
        (views.archive.stories[key] for key in keys), key=lambda s: (s.name.casefold(), s.key)
    )
    return tuple(
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


def build(views: Views, key: str) -> StoriesView:
    if views.website and views.domain.plan.story_index_parts:  # the bar leads to the parts
        return StoriesView((), letter_bar(views, kind="stories-letter"))
    if views.website:
        return StoriesView(story_entries(views, views.archive.stories))
    stories = sorted(views.archive.stories.values(), key=lambda s: s.name.casefold())
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


def render_stories(r: Renderer, stories: tuple[StoryEntry, ...]) -> list[nodes.Node]:
    """The stories: on websites each with its number of events and dates, in books with
    its events."""
    out: list[nodes.Node] = []
    for story in stories:
        out.append(r.group_title(story.name, [story_anchor(story.slug)], page=story.page))
        if r.website:
            text = count_text(story.count) + f", {story.first} \N{EN DASH} {story.last}"
            out.append(nodes.paragraph(text, text, classes=["newsarc-count"]))
        else:
            out.extend(r.listing(story.summaries))
    return out if r.website else r.as_index(out)


def render(r: Renderer, view: StoriesView) -> list[nodes.Node]:
    return render_bar(r, view.bar) if view.bar is not None else render_stories(r, view.stories)


KIND = PageKind("stories", build, render)
