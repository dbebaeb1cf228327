"""The Chronology: years, months and days. On websites each day shows its number of
events (its page lists them); in books every event, with its page number in PDF."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..anchors import chronology_anchor
from ..render import count_text
from ..views import DayEvents, Summary
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "ChronologyView"]


@dataclass(frozen=True, slots=True)
class DayCount:
    """A day as the website's Chronology shows it: its date, page, text and event count."""

    day: str
    page: str | None
    date_text: str
    count: int


@dataclass(frozen=True, slots=True)
class ChronologyMonth:
    """A month: its key, title and page, its days (with counts on websites, with events
    in books), and its events dated to the month only."""

    month: str
    title: str
    page: str | None
    day_counts: tuple[DayCount, ...]
    day_events: tuple[DayEvents, ...]
    loose: tuple[Summary, ...]
    #: a large website Chronology lists months only: the month's events and days
    count: int = 0
    day_count: int = 0


@dataclass(frozen=True, slots=True)
class ChronologyYear:
    """A year: its page, months, and events dated to the year only."""

    year: str
    page: str | None
    months: tuple[ChronologyMonth, ...]
    loose: tuple[Summary, ...]


@dataclass(frozen=True, slots=True)
class ChronologyView:
    """Every year of the archive, oldest first."""

    years: tuple[ChronologyYear, ...]


def _day_count(views: Views, day: str) -> DayCount:
    uids = views.archive.by_day[day]
    return DayCount(day, views.page_for("day", day), views.summary(uids[0]).date_text, len(uids))


def build(views: Views, key: str) -> ChronologyView:
    archive = views.archive
    limit = views.settings.chronology_days
    # a large website Chronology lists years and months with their counts (their pages
    # list the days) and the events known only to a month or year
    months_only = bool(views.website and limit and len(archive.by_day) > limit)
    years = []
    for year, year_uids in archive.by_year.items():
        months = []
        for month in archive.months_of(year):
            days = archive.days_of(month)
            loose = views.summaries(
                u for u in archive.by_month[month] if archive.date_of(u).precision == "month"
            )
            title, page = views.month_title(month), views.page_for("month", month)
            if months_only:
                entry = ChronologyMonth(
                    month, title, page, (), (), loose, len(archive.by_month[month]), len(days)
                )
            else:
                counts = tuple(_day_count(views, d) for d in days) if views.website else ()
                events = () if views.website else tuple(views.day_events(d) for d in days)
                entry = ChronologyMonth(month, title, page, counts, events, loose)
            months.append(entry)
        loose = views.summaries(u for u in year_uids if archive.date_of(u).precision == "year")
        years.append(ChronologyYear(year, views.page_for("year", year), tuple(months), loose))
    return ChronologyView(tuple(years))


def _titled_section(
    r: Renderer, title: str, anchor: str, level_text: str, page: str | None
) -> nodes.section:
    """A real section whose title links to ``page`` (a year's or month's page)."""
    section = r.section(title, anchor, level_text)
    heading = section[0]
    assert isinstance(heading, nodes.title)
    heading.children = []
    heading += r.link(page, "", title)
    return section


def _render_website(r: Renderer, view: ChronologyView) -> list[nodes.Node]:
    """A jump bar of the years, then years and months as real headings (each linking to
    its page), each month's days with their number of events (the day pages list them)."""
    out: list[nodes.Node] = []
    if len(view.years) > 1:
        jump = nodes.paragraph(classes=["newsarc-letters", "newsarc-jump"])
        for n, year in enumerate(view.years):
            if n:
                jump += nodes.Text(" ")
            jump += r.link(r.docname, chronology_anchor(year.year), year.year)
        out.append(jump)
    for year in view.years:
        year_section = _titled_section(
            r, year.year, chronology_anchor(year.year), "newsarc-year", year.page
        )
        year_section.extend(r.listing(year.loose))
        for month in year.months:
            month_section = _titled_section(
                r, month.title, chronology_anchor(month.month), "newsarc-month", month.page
            )
            month_section.extend(r.listing(month.loose))
            if month.count:
                text = count_text(month.count, month.day_count)
                month_section += nodes.paragraph(text, text, classes=["newsarc-count"])
            items = nodes.bullet_list(classes=["newsarc-days"])
            for day in month.day_counts:
                para = nodes.paragraph()
                para["ids"].append(chronology_anchor(day.day))
                para += r.date_link(day.page, "", day.date_text, day.day, ())
                para += nodes.Text(f" ({day.count})")
                items += nodes.list_item("", para)
            if len(items):
                month_section += items
            year_section += month_section
        out.append(year_section)
    return out


def _render_book(r: Renderer, view: ChronologyView) -> list[nodes.Node]:
    """Years, months and days as real sections: the book's chapters or sections (by
    where the Chronology sits), PDF bookmarks and the ePub's navigation nest them."""
    out: list[nodes.Node] = []
    for year in view.years:
        year_section = r.section(year.year, chronology_anchor(year.year), "newsarc-year")
        year_section.extend(r.listing(year.loose))
        for month in year.months:
            month_section = r.section(month.title, chronology_anchor(month.month), "newsarc-month")
            month_section.extend(r.listing(month.loose))
            for entry in month.day_events:
                day_section = r.section(
                    entry.summaries[0].date_text, chronology_anchor(entry.day), "newsarc-day"
                )
                day_section.extend(r.listing(entry.summaries, with_date=False))
                month_section += day_section
            year_section += month_section
        out.append(year_section)
    return out


def render(r: Renderer, view: ChronologyView) -> list[nodes.Node]:
    return _render_website(r, view) if r.website else _render_book(r, view)


KIND = PageKind("chronology", build, render)
