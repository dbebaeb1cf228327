"""A year's page (websites): its twelve months, each with its number of events and a bar
of its share of the year's busiest month, linking to the month's page; events known only to
the year."""

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
    keys = [f"{year}-{n:02d}" for n in range(1, 13)]
    months = tuple(
        MonthCount(
            m,
            views.month_title(m),
            views.page_for("month", m),
            len(archive.by_month.get(m, ())),
            len(archive.days_of(m)),
        )
        for m in keys
    )
    loose = views.summaries(
        u for u in archive.by_year.get(year, ()) if archive.date_of(u).precision == "year"
    )
    return YearView(months, loose)


def _bar(share: float) -> nodes.Node:
    """A bar as wide as ``share`` (0 to 1) of the card: the month's events against the
    busiest month's."""
    return nodes.raw(
        "",
        f'<span class="newsarc-bar" aria-hidden="true"><span '
        f'style="width: {share * 100:.0f}%"></span></span>',
        format="html",
    )


def render(r: Renderer, view: YearView) -> list[nodes.Node]:
    cards = []
    busiest = max((month.count for month in view.months), default=0) or 1
    for month in view.months:
        head = design.card_title()
        head += r.date_link(month.page if month.count else None, "", month.title, month.month, ())
        body: list[nodes.Node] = [head]
        if month.count:
            body.append(design.card_text(count_text(month.count, month.day_count)))
            if r.website:
                body.append(_bar(month.count / busiest))
        else:
            body.append(design.card_text("\N{EM DASH}", ["newsarc-no-events"]))
        classes = ["newsarc-month-card"] + ([] if month.count else ["newsarc-empty-month"])
        cards.append(design.card(classes, body, margin=False, full_width=True))
    out: list[nodes.Node] = [design.grid(["newsarc-months"], cards)]
    if view.loose:
        out.extend(r.listing(view.loose))
    return out


KIND = PageKind("year", build, render)
