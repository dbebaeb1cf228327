"""The plan of generated archive pages: which pages exist, their docnames and titles.

A page's docname comes from a URL pattern (``news/{year}/{month}/{day}``); the plan knows
nothing of what a page shows, only of which pages exist and how they nest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .archive import Archive
from .dates import EventDate

__all__ = ["DEFAULT_PATTERNS", "Page", "PagePlan", "plan_pages", "plan_roots"]

#: Where each kind of page goes; ``{year}``, ``{month}``, ``{day}``, ``{slug}`` are filled in.
DEFAULT_PATTERNS: dict[str, str] = {
    "archive": "news/index",
    "chronology": "news/chronology",
    "year": "news/{year}/index",
    "month": "news/{year}/{month}/index",
    "day": "news/{year}/{month}/{day}",
    "entities": "news/entities/index",
    "entity": "news/entities/{slug}",
    "stories": "news/stories/index",
    "story": "news/stories/{slug}",
    "onthisday": "news/on-this-day/{month}-{day}",
}

#: The pages that exist whether or not there are events (an author's toctree may name them).
ROOT_KINDS = ("archive", "chronology", "entities", "stories")

#: Pages only websites get; printed and e-book formats have the indices instead.
BROWSE_KINDS = ("year", "month", "day", "entity", "story", "onthisday")


@dataclass(frozen=True, slots=True)
class Page:
    """One generated page: its kind, the key of what it shows, docname, title, children."""

    kind: str
    key: str
    docname: str
    title: str
    children: tuple[str, ...] = ()
    browse_children: tuple[str, ...] = ()


@dataclass(slots=True)
class PagePlan:
    """All generated pages of a build, findable by docname and by (kind, key).

    Output names are compared without case (``Genindex.html`` is ``genindex.html`` on
    case-insensitive file systems). A browse page whose name is ``reserved`` (an author's
    document, a page of Sphinx's own) or already planned is left out and noted in
    :attr:`collisions` with what holds the name.
    """

    reserved: Mapping[str, str] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    by_key: dict[tuple[str, str], str] = field(default_factory=dict)
    collisions: list[tuple[Page, str]] = field(default_factory=list)
    _folded: dict[str, str] = field(default_factory=dict)

    def add(self, page: Page) -> None:
        """Add a page; the first page planned for a name keeps it."""
        folded = page.docname.casefold()
        holder = self.reserved.get(folded) if page.kind in BROWSE_KINDS else None
        if holder is None and folded in self._folded:
            other = self.pages[self._folded[folded]]
            holder = f"the {other.kind} page of {other.title!r}"
        if holder is not None:
            self.collisions.append((page, holder))
            return
        self._folded[folded] = page.docname
        self.pages[page.docname] = page
        self.by_key[(page.kind, page.key)] = page.docname

    def docname(self, kind: str, key: str = "") -> str | None:
        """The docname of the page of this kind and key, if it exists."""
        return self.by_key.get((kind, key))


def _fill(pattern: str, **values: str) -> str:
    return pattern.format(**values)


def plan_roots(patterns: Mapping[str, str], titles: Mapping[str, str]) -> list[Page]:
    """The root pages, which exist whatever the events: the front page and the indices."""
    p = {**DEFAULT_PATTERNS, **patterns}
    return [
        Page("archive", "", p["archive"], titles["archive"],
             children=(p["chronology"], p["entities"], p["stories"])),
        Page("chronology", "", p["chronology"], titles["chronology"]),
        Page("entities", "", p["entities"], titles["entities"]),
        Page("stories", "", p["stories"], titles["stories"]),
    ]


def plan_pages(
    archive: Archive,
    patterns: Mapping[str, str],
    titles: Mapping[str, str],
    format_date: Callable[[EventDate], str],
    entity_threshold: int = 2,
    reserved: Mapping[str, str] | None = None,
    format_calendar_day: Callable[[int, int], str] = lambda month, day: f"{month:02d}-{day:02d}",
) -> PagePlan:
    """Plan every generated page for ``archive``.

    ``titles`` gives the titles of the root pages; ``format_date`` formats day, month and
    year titles. Entities get a page when declared or named by at least
    ``entity_threshold`` events; the rest appear in the Entities index only.
    ``reserved`` maps case-folded names that browse pages must not take to what holds
    them; ``format_calendar_day`` titles the "on this day" pages (month, day).
    """
    plan = PagePlan(reserved=reserved or {})
    p = {**DEFAULT_PATTERNS, **patterns}
    for root in plan_roots(p, titles):  # roots first: they keep their docnames
        plan.add(root)
    years = sorted(archive.by_year, reverse=True)
    for year in years:
        months = sorted(archive.months_of(year), reverse=True)
        month_docs = tuple(_fill(p["month"], year=year, month=m[5:7]) for m in months)
        for month in months:
            days = sorted(archive.days_of(month))
            day_docs = tuple(
                _fill(p["day"], year=year, month=month[5:7], day=d[8:10]) for d in days
            )
            for day, docname in zip(days, day_docs, strict=True):
                title = format_date(EventDate(int(year), int(month[5:7]), int(day[8:10])))
                plan.add(Page("day", day, docname, title))
            title = format_date(EventDate(int(year), int(month[5:7])))
            docname = _fill(p["month"], year=year, month=month[5:7])
            plan.add(Page("month", month, docname, title, browse_children=day_docs))
        title = format_date(EventDate(int(year)))
        plan.add(Page("year", year, _fill(p["year"], year=year), title, browse_children=month_docs))

    for entity in archive.entities:
        count = len(archive.by_entity.get(entity.key, ()))
        if count and (entity.record is not None or count >= entity_threshold):
            docname = _fill(p["entity"], slug=entity.slug)
            plan.add(Page("entity", entity.key, docname, entity.name))
    for story in archive.stories.values():
        docname = _fill(p["story"], slug=story.slug)
        plan.add(Page("story", story.key, docname, story.name))
    for calendar_day in archive.by_calendar_day:
        month, day = calendar_day.split("-")
        docname = _fill(p["onthisday"], month=month, day=day)
        plan.add(Page("onthisday", calendar_day, docname,
                      format_calendar_day(int(month), int(day))))

    return plan
