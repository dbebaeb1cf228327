"""A day's page (websites), like the Current Events Portal's: the day's events grouped by
story, each with its entities linked and its sources' names, and a link to the events of
the same calendar day in other years ("on this day"). Previous and next day: the frame."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..core.text import name_key
from ..locale import _
from ..views import EntityRef, Summary
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "DayView"]


@dataclass(frozen=True, slots=True)
class DayItem:
    """An event on its day's page: its summary, entities and sources' names."""

    summary: Summary
    entities: tuple[EntityRef, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """The day's events of one story ("" for events in no story)."""

    story: str
    page: str | None
    items: tuple[DayItem, ...]


@dataclass(frozen=True, slots=True)
class DayView:
    """The day's events by story, and its "on this day" page and title."""

    stories: tuple[StoryGroup, ...]
    on_this_day: str | None
    on_this_day_title: str


def build(views: Views, day: str) -> DayView:
    archive = views.archive
    groups: dict[str, list[str]] = {}
    for uid in archive.by_day.get(day, ()):
        groups.setdefault(archive.event(uid).story, []).append(uid)
    stories = tuple(
        StoryGroup(
            story,
            views.page_for("story", name_key(story)) if story else None,
            tuple(
                DayItem(
                    views.summary(uid),
                    views.event(uid).entities,
                    tuple(s.name for s in archive.event(uid).sources if s.name),
                )
                for uid in groups[story]
            ),
        )
        for story in sorted(groups, key=lambda s: (s != "", s.casefold()))
    )
    calendar_day = day[5:]
    page = views.page_for("onthisday", calendar_day)
    title = views.domain.plan.pages[page].title if page else ""
    return DayView(stories, page, title)


DAY_EVENTS = ("newsarc-listing", "newsarc-day-events", "no-search")


def _day_events() -> nodes.Element:
    return nodes.bullet_list(classes=list(DAY_EVENTS))


def render(r: Renderer, view: DayView) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for group in view.stories:
        if group.story:
            out.append(
                r.group_title(group.story, page=group.page, level_text="newsarc-story-title")
            )
        inlines = []
        for item in group.items:
            inline = r.inline()
            r.add_event(inline, item.summary)
            if item.entities or item.sources:
                inline.open(["newsarc-item-meta"])
                if item.entities:
                    inline.text(" " + _("Entities") + ": ")
                    for n, ref in enumerate(item.entities):
                        if n:
                            inline.text(", ")
                        r.add_entity(inline, ref)
                if item.sources:
                    if item.entities:
                        inline.text(" \N{MIDDLE DOT}")
                    inline.text(" " + _("Sources") + ": " + ", ".join(item.sources))
                inline.close()
            inlines.append(inline)
        out.append(r.item_list(("day-events", DAY_EVENTS), _day_events, inlines))
    if view.on_this_day:
        para = nodes.paragraph(classes=["newsarc-on-this-day"])
        para += r.link(view.on_this_day, "", view.on_this_day_title)
        out.append(para)
    out.extend(r.formats())
    return out


KIND = PageKind("day", build, render)
