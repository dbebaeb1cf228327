"""A month's page (websites): a calendar of the month (weeks starting on the locale's
first day) with each day that has events linked with its count, then its days and their
events; events known only to the month."""

from __future__ import annotations

import calendar
import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..locale import _
from ..views import DayEvents, Summary
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "MonthView"]


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """A day of the month's calendar: its number, date, page and number of events."""

    number: int
    iso: str
    page: str | None
    count: int


@dataclass(frozen=True, slots=True)
class MonthView:
    """The month's calendar (weeks of seven days, ``None`` outside the month), its days
    with their events, and its events dated to the month only."""

    title: str
    weekdays: tuple[str, ...]
    weeks: tuple[tuple[CalendarDay | None, ...], ...]
    days: tuple[DayEvents, ...]
    loose: tuple[Summary, ...]


def build(views: Views, month: str) -> MonthView:
    archive = views.archive
    days = tuple(views.day_events(d) for d in archive.days_of(month))
    counts = {entry.day: (entry.page, len(entry.summaries)) for entry in days}
    weekdays = views.domain.date_texts().weekdays()
    weeks = []
    grid = calendar.Calendar(firstweekday=weekdays[0][0])
    for week in grid.monthdayscalendar(int(month[:4]), int(month[5:7])):
        cells: list[CalendarDay | None] = []
        for number in week:
            iso = f"{month}-{number:02d}"
            page, count = counts.get(iso, (None, 0))
            cells.append(CalendarDay(number, iso, page, count) if number else None)
        weeks.append(tuple(cells))
    loose = views.summaries(
        u for u in archive.by_month.get(month, ()) if archive.date_of(u).precision == "month"
    )
    return MonthView(
        views.month_title(month), tuple(name for _n, name in weekdays), tuple(weeks), days, loose
    )


def _calendar(r: Renderer, view: MonthView) -> nodes.Node:
    """The month as an HTML table, each day with events linked with its count."""
    head = "".join(f'<th scope="col">{html.escape(name)}</th>' for name in view.weekdays)
    rows = []
    for week in view.weeks:
        cells = []
        for day in week:
            if day is None:
                cells.append('<td class="newsarc-calendar-empty"></td>')
                continue
            number = f'<time datetime="{day.iso}">{day.number}</time>'
            uri = r.target(day.page, "")[0] if day.page and day.count else None
            if uri is None:
                cells.append(f"<td>{number}</td>")
                continue
            label = html.escape(_("1 event") if day.count == 1 else _("%d events") % day.count)
            cells.append(
                f'<td class="newsarc-calendar-events"><a href="{html.escape(uri)}" '
                f'title="{label}">{number}<span class="newsarc-calendar-count">'
                f"{day.count}</span></a></td>"
            )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    table = (
        f'<table class="newsarc-calendar"><caption class="newsarc-visually-hidden">'
        f"{html.escape(view.title)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>\n"
    )
    return nodes.raw("", table, format="html")


def render(r: Renderer, view: MonthView) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    if r.website:
        out.append(_calendar(r, view))
    if view.loose:
        out.extend(r.listing(view.loose))
    for entry in view.days:
        out.append(r.group_title(entry.summaries[0].date_text, page=entry.page, iso=entry.day))
        out.extend(r.listing(entry.summaries, with_date=False))
    return out


KIND = PageKind("month", build, render)
