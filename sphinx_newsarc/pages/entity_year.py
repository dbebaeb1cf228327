"""A part of a large entity's page (``newsarc_events_per_page``): its events of one year
(or one month of a year with more), by month, with the links of every part."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from .base import PageKind
from .entity import PartLink, YearGroup, build_parts, render_parts, render_years, years

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "PartView", "build_part"]


@dataclass(frozen=True, slots=True)
class PartView:
    """The period's events (by year and month) and every part of the page."""

    period: str
    parts: tuple[PartLink, ...]
    years: tuple[YearGroup, ...]


def build_part(views: Views, kind: str, key: str) -> PartView:
    """The part ``period:key`` of the ``kind`` ("entity", "story") page ``key``."""
    period, _sep, parent = key.partition(":")
    found = dict(views.domain.plan.periods.get((kind, parent), ()))
    return PartView(
        period,
        build_parts(views, kind, parent),
        years(views, views.summaries(found.get(period, ()))),
    )


def build(views: Views, key: str) -> PartView:
    return build_part(views, "entity", key)


def render(r: Renderer, view: PartView) -> list[nodes.Node]:
    return [*render_parts(r, view.parts, view.period), *render_years(r, view.years)]


KIND = PageKind("entity-year", build, render)
