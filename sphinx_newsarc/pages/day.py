"""A day's page (websites): the way to the previous and next day with events, then the
day's events grouped by story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..core.text import name_key
from ..views import Summary
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "DayView"]


@dataclass(frozen=True, slots=True)
class DayLink:
    """A neighbouring day: its date, date text and page."""

    day: str
    date_text: str
    page: str | None


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """The day's events of one story ("" for events in no story)."""

    story: str
    page: str | None
    summaries: tuple[Summary, ...]


@dataclass(frozen=True, slots=True)
class DayView:
    """The previous and next day with events, and the day's events by story."""

    previous: DayLink | None
    following: DayLink | None
    stories: tuple[StoryGroup, ...]


def build(views: Views, day: str) -> DayView:
    archive = views.archive
    groups: dict[str, list[str]] = {}
    for uid in archive.by_day.get(day, ()):
        groups.setdefault(archive.event(uid).story, []).append(uid)
    stories = tuple(
        StoryGroup(story, views.page_for("story", name_key(story)) if story else None,
                   views.summaries(groups[story]))
        for story in sorted(groups, key=lambda s: (s != "", s.casefold()))
    )
    previous, following = (
        DayLink(d, views.date_text(archive.event(archive.by_day[d][0]).date),
                views.page_for("day", d)) if d else None
        for d in archive.neighbours(day)
    )
    return DayView(previous, following, stories)


def render(r: Renderer, view: DayView) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    para = nodes.paragraph(classes=["newsarc-daynav"])
    if view.previous:
        para += r.link(view.previous.page, "", "\N{LEFTWARDS ARROW} " + view.previous.date_text,
                       ["newsarc-previous"])
    if view.previous and view.following:
        para += nodes.Text(" | ")
    if view.following:
        para += r.link(view.following.page, "", view.following.date_text + " \N{RIGHTWARDS ARROW}",
                       ["newsarc-next"])
    if len(para):
        out.append(para)
    for group in view.stories:
        if group.story:
            out.append(r.group_title(group.story, page=group.page,
                                     level_text="newsarc-story-title"))
        out.extend(r.listing(group.summaries, with_date=False))
    out.extend(r.formats())
    return out


KIND = PageKind("day", build, render)
