"""A month's page (websites): its days and their events; events known only to the month."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..views import DayEvents, Summary
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "MonthView"]


@dataclass(frozen=True, slots=True)
class MonthView:
    """The month's days with their events, and its events dated to the month only."""

    days: tuple[DayEvents, ...]
    loose: tuple[Summary, ...]


def build(views: Views, month: str) -> MonthView:
    archive = views.archive
    days = tuple(views.day_events(d) for d in archive.days_of(month))
    loose = views.summaries(
        u for u in archive.by_month.get(month, ()) if archive.date_of(u).precision == "month"
    )
    return MonthView(days, loose)


def render(r: Renderer, view: MonthView) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    if view.loose:
        out.extend(r.listing(view.loose))
    for entry in view.days:
        out.append(r.group_title(entry.summaries[0].date_text, page=entry.page))
        out.extend(r.listing(entry.summaries, with_date=False))
    return out


KIND = PageKind("month", build, render)
