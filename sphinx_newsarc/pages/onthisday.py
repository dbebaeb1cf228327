"""An "on this day" page (websites): the events of one calendar day (10 April) in every
year of the archive, newest year first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..views import Summary
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "OnThisDayView"]


@dataclass(frozen=True, slots=True)
class YearOfDay:
    """The calendar day in one year: its date, page and events."""

    day: str
    date_text: str
    page: str | None
    summaries: tuple[Summary, ...]


@dataclass(frozen=True, slots=True)
class OnThisDayView:
    """The calendar day's events by year, newest first."""

    years: tuple[YearOfDay, ...]


def build(views: Views, key: str) -> OnThisDayView:
    archive = views.archive
    by_day: dict[str, list[str]] = {}
    for uid in archive.by_calendar_day.get(key, ()):
        by_day.setdefault(archive.event(uid).date.iso(), []).append(uid)
    return OnThisDayView(
        tuple(
            YearOfDay(
                day,
                views.summary(uids[0]).date_text,
                views.page_for("day", day),
                views.summaries(uids),
            )
            for day, uids in by_day.items()
        )
    )


def render(r: Renderer, view: OnThisDayView) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for year in view.years:
        out.append(r.group_title(year.date_text, page=year.page, iso=year.day))
        out.extend(r.listing(year.summaries, with_date=False))
    return out


KIND = PageKind("onthisday", build, render)
