"""A story's page (websites): how many events and their first and last dates, a chart of
them over time, its main entities, and its events as a timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from .. import design
from ..locale import _
from ..views import EntityRef, Summary
from .base import PageKind
from .entity import (
    Chart,
    PartLink,
    build_chart,
    build_parts,
    counted_entities,
    latest_of,
    render_chart,
    render_counted_entities,
    render_latest,
    render_parts,
    render_span,
)

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "StoryView"]


@dataclass(frozen=True, slots=True)
class StoryView:
    """The story's name, its events in date order, their chart and its main entities
    with their counts."""

    name: str
    summaries: tuple[Summary, ...]
    chart: Chart
    entities: tuple[tuple[EntityRef, int], ...]
    #: a page split by year: its number of events, latest events and parts (and
    #: ``summaries`` only its first and last event)
    total: int | None = None
    latest: tuple[Summary, ...] = ()
    parts: tuple[PartLink, ...] = ()


def build(views: Views, key: str) -> StoryView:
    story = views.archive.stories[key]
    uids = story.events
    parts = build_parts(views, "story", key)
    if parts:
        return StoryView(
            story.name,
            views.summaries((uids[0], uids[-1])),
            build_chart(views, uids),
            counted_entities(views, uids),
            len(uids),
            latest_of(views, uids),
            parts,
        )
    return StoryView(
        story.name, views.summaries(uids), build_chart(views, uids), counted_entities(views, uids)
    )


def render(r: Renderer, view: StoryView) -> list[nodes.Node]:
    body = render_span(r, view.summaries, view.total)
    body.extend(render_counted_entities(r, _("Main entities"), view.entities))
    timeline = () if view.parts else r.listing(view.summaries, classes=["newsarc-timeline"])
    return [
        design.card(["newsarc-story-card"], body),
        *render_chart(r, view.chart, view.name),
        *render_latest(r, view.latest),
        *render_parts(r, view.parts),
        *timeline,
        *r.formats(),
    ]


KIND = PageKind("story", build, render)
