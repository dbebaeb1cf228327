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
    build_chart,
    counted_entities,
    render_chart,
    render_counted_entities,
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


def build(views: Views, key: str) -> StoryView:
    story = views.archive.stories[key]
    return StoryView(story.name, views.summaries(story.events),
                     build_chart(views, story.events), counted_entities(views, story.events))


def render(r: Renderer, view: StoryView) -> list[nodes.Node]:
    body = render_span(r, view.summaries)
    body.extend(render_counted_entities(r, _("Main entities"), view.entities))
    return [design.card(["newsarc-story-card"], body),
            *render_chart(r, view.chart, view.name),
            *r.listing(view.summaries, classes=["newsarc-timeline"]), *r.formats()]


KIND = PageKind("story", build, render)
