"""A year's page (websites): a grid of its months with counts; events known only to the
year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from .. import design
from ..render import count_text
from ..views import Summary
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "YearView"]


@dataclass(frozen=True, slots=True)
class MonthCount:
    """A month, its title and page, and how many events on how many days."""

    month: str
    title: str
    page: str | None
    count: int
    day_count: int


@dataclass(frozen=True, slots=True)
class YearView:
    """The year's months, and its events dated to the year only."""

    months: tuple[MonthCount, ...]
    loose: tuple[Summary, ...]


def build(views: Views, year: str) -> YearView:
    archive = views.archive
    months = tuple(
        MonthCount(m, views.month_title(m), views.page_for("month", m),
                   len(archive.by_month[m]), len(archive.days_of(m)))
        for m in archive.months_of(year)
    )
    loose = views.summaries(
        u for u in archive.by_year.get(year, ()) if archive.date_of(u).precision == "year"
    )
    return YearView(months, loose)


def render(r: Renderer, view: YearView) -> list[nodes.Node]:
    cards = []
    for month in view.months:
        head = design.card_title()
        head += r.link(month.page, "", month.title)
        text = design.card_text(count_text(month.count, month.day_count))
        cards.append(design.card(["newsarc-month-card"], [head, text], margin=False,
                                 full_width=True))
    out: list[nodes.Node] = [design.grid(["newsarc-months"], cards)]
    if view.loose:
        out.extend(r.listing(view.loose))
    return out


KIND = PageKind("year", build, render)
