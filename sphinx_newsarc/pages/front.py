"""The archive's front page: its years with counts, the newest days as cards, and the
formats (feeds, JSON) of the whole archive. Printed books go straight to the indices."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from .. import design
from ..locale import _
from ..views import DayEvents
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "FrontView"]


@dataclass(frozen=True, slots=True)
class YearCount:
    """A year, its page and its number of events."""

    year: str
    page: str | None
    count: int


@dataclass(frozen=True, slots=True)
class FrontView:
    """Years (newest first), the newest days, and the category names (the front page
    links a feed per category: their names are part of what it shows)."""

    years: tuple[YearCount, ...]
    recent: tuple[DayEvents, ...]
    categories: tuple[tuple[str, str], ...]


def build(views: Views, key: str) -> FrontView:
    archive = views.archive
    limit = views.settings.front_days
    days = list(reversed(archive.days))[:limit] if limit else list(reversed(archive.days))
    years = tuple(
        YearCount(year, views.page_for("year", year), len(uids))
        for year, uids in reversed(archive.by_year.items())
    )
    recent = tuple(views.day_events(d) for d in days)
    return FrontView(years, recent, tuple(archive.category_names.items()))


def render(r: Renderer, view: FrontView) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    if not r.website:  # printed books go straight to the indices
        return out
    if view.years:
        para = nodes.paragraph(classes=["newsarc-years"])
        para += nodes.Text(_("Years") + ": ")
        for n, year in enumerate(view.years):
            if n:
                para += nodes.Text(" \N{MIDDLE DOT} ")
            para += r.link(year.page, "", year.year)
            para += nodes.Text(f" ({year.count})")
        out.append(para)
    for entry in view.recent:
        title = design.card_title()
        title += r.link(entry.page, "", entry.summaries[0].date_text)
        out.append(design.card(["newsarc-day-card"],
                               r.listing(entry.summaries, with_date=False), [title]))
    out.extend(r.formats())
    return out


KIND = PageKind("archive", build, render)
