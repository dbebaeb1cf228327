"""The plan of generated archive pages: which pages exist, their docnames and titles.

A page's docname comes from a URL pattern (``news/{year}/{month}/{day}``); the plan knows
nothing of what a page shows, only of which pages exist and how they nest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .archive import Archive
from .dates import EventDate
from .text import index_letter

__all__ = [
    "DEFAULT_PATTERNS",
    "PART_KINDS",
    "Limits",
    "Page",
    "PagePlan",
    "index_parts",
    "letter_slug",
    "part_key",
    "period_date",
    "period_title",
    "periods",
    "plan_pages",
    "plan_roots",
]

#: Where each kind of page goes; ``{year}``, ``{month}``, ``{day}``, ``{slug}``, ``{letter}``
#: (an Entities index part's letters), ``{period}`` (``YYYY`` or ``YYYY-MM``) are filled in.
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
    "entities-letter": "news/entities/index-{letter}",
    "stories-letter": "news/stories/index-{letter}",
    "entity-year": "news/entities/{slug}/{period}",
    "story-year": "news/stories/{slug}/{period}",
}

#: The pages that exist whether or not there are events (an author's toctree may name them).
ROOT_KINDS = ("archive", "chronology", "entities", "stories")

#: Pages only websites get; printed and e-book formats have the indices instead.
BROWSE_KINDS = (
    "year",
    "month",
    "day",
    "entity",
    "story",
    "onthisday",
    "entities-letter",
    "stories-letter",
    "entity-year",
    "story-year",
)

#: The page kinds a large entity's or story's page is split into, by the kind of its page.
PART_KINDS = {"entity": "entity-year", "story": "story-year"}


@dataclass(frozen=True, slots=True)
class Limits:
    """When a website's index or page is split into parts (0: never): names on one page
    of the Entities or Stories index (else a page per letter, or per two letters), events on one
    entity's or story's page (else a page per year, or per month of a larger year)."""

    entities_per_page: int = 0
    events_per_page: int = 0


def letter_slug(key: str) -> str:
    """The URL form of an index part's letters (``"AB"`` -> ``"ab"``, ``"#"`` ->
    ``"other"``, other letters by code point)."""
    return "".join(
        "other" if c == "#" else c.lower() if c.isascii() else f"u{ord(c):04x}" for c in key
    )


#: The most letters an Entities index part is named by (``"SAN"``).
MAX_LETTERS = 3


def _letter_order(key: str) -> tuple[tuple[bool, str], ...]:
    return tuple((c != "#", c) for c in key)


def index_parts(names: Mapping[str, str], limit: int) -> dict[str, tuple[str, ...]]:
    """The parts of an A-Z index of ``names`` (key -> name) of more than ``limit``
    entries: a part per first letter, a letter of more than ``limit`` by its first two
    letters (and so on, up to :data:`MAX_LETTERS`); each part's keys, in index order.
    None for a smaller index (or limit 0)."""
    if not limit or len(names) <= limit:
        return {}
    ordered = sorted(names, key=lambda k: (names[k].casefold(), k))
    parts: dict[str, tuple[str, ...]] = {}

    def split(prefix: str, keys: list[str]) -> None:
        depth = len(prefix)
        groups: dict[str, list[str]] = {}
        for key in keys:
            groups.setdefault(prefix + index_letter(names[key][depth : depth + 1]), []).append(key)
        for letters in sorted(groups, key=_letter_order):
            group = groups[letters]
            if len(group) > limit and len(letters) < MAX_LETTERS:
                split(letters, group)
            else:
                parts[letters] = tuple(group)

    split("", ordered)
    return parts


def periods(
    archive: Archive, uids: tuple[str, ...], limit: int
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The parts of a page listing more than ``limit`` events (``uids``, in date order),
    each of at most ``limit`` events: a part per year (``YYYY``), a larger year by month
    (``YYYY-MM``), a larger month by day (``YYYY-MM-DD``), a larger day in numbered parts
    (``YYYY-MM-DD``, ``YYYY-MM-DD_2``, ...). Events known only to the year (or month) are
    the part ``YYYY`` (``YYYY-MM``), numbered when more. None for fewer events (or limit
    0)."""
    if not limit or len(uids) <= limit:
        return ()
    parts: list[tuple[str, tuple[str, ...]]] = []

    def numbered(period: str, group: list[str]) -> None:
        for n, start in enumerate(range(0, len(group), limit), start=1):
            parts.append(
                (period if n == 1 else f"{period}_{n}", tuple(group[start : start + limit]))
            )

    def split(period: str, group: list[str]) -> None:
        if len(group) <= limit or len(period) == 10:  # a day: numbered parts
            numbered(period, group)
            return
        finer: dict[str, list[str]] = {}
        for uid in group:
            iso = archive.date_of(uid).iso()
            finer.setdefault(
                iso[: len(period) + 3] if len(iso) > len(period) else period, []
            ).append(uid)
        for key, events in finer.items():
            (numbered if key == period else split)(key, events)

    by_year: dict[str, list[str]] = {}
    for uid in uids:
        by_year.setdefault(archive.date_of(uid).year_key(), []).append(uid)
    for year, in_year in by_year.items():
        split(year, in_year)
    return tuple(parts)


def period_date(period: str) -> tuple[EventDate, int]:
    """The date a part's period (see :func:`periods`) stands for, and its number (1 for
    the first part of that date)."""
    iso, _sep, number = period.partition("_")
    fields = [int(f) for f in iso.split("-")]
    return EventDate(*fields), int(number or 1)


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
    #: the parts of the Entities index (letters -> entity keys); empty: one page
    index_parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: entity key -> the part of the Entities index that lists it
    index_part_of: dict[str, str] = field(default_factory=dict)
    #: the parts of the Stories index (letters -> story keys); empty: one page
    story_index_parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: ("entity" or "story", key) -> its parts: (period, events) in date order
    periods: dict[tuple[str, str], tuple[tuple[str, tuple[str, ...]], ...]] = field(
        default_factory=dict
    )
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

    def period_of(self, kind: str, key: str, uid: str) -> str | None:
        """The period of the part of the ``kind`` page ``key`` that lists ``uid``."""
        for period, uids in self.periods.get((kind, key), ()):
            if uid in uids:
                return period
        return None


def part_key(period: str, key: str) -> str:
    """The key of a part of an entity's or story's page: ``period:key``."""
    return f"{period}:{key}"


def period_title(period: str, format_date: Callable[[EventDate], str]) -> str:
    """A part's period as text: its date, and its number after the first (``3 May 2010
    (2)``)."""
    date, number = period_date(period)
    return format_date(date) + (f" ({number})" if number > 1 else "")


def _fill(pattern: str, **values: str) -> str:
    return pattern.format(**values)


def plan_roots(patterns: Mapping[str, str], titles: Mapping[str, str]) -> list[Page]:
    """The root pages, which exist whatever the events: the front page and the indices."""
    p = {**DEFAULT_PATTERNS, **patterns}
    return [
        Page(
            "archive",
            "",
            p["archive"],
            titles["archive"],
            children=(p["chronology"], p["entities"], p["stories"]),
        ),
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
    limits: Limits = Limits(),
) -> PagePlan:
    """Plan every generated page for ``archive``.

    ``titles`` gives the titles of the root pages; ``format_date`` formats day, month and
    year titles. Entities get a page when declared or named by at least
    ``entity_threshold`` events; the rest appear in the Entities index only.
    ``reserved`` maps case-folded names that browse pages must not take to what holds
    them; ``format_calendar_day`` titles the "on this day" pages (month, day);
    ``limits`` say when the Entities index and entities' and stories' pages are split
    into parts (pages of their own).
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

    names = {
        entity.key: entity.name
        for entity in archive.entities
        if entity.key in archive.by_entity or entity.record is not None
    }
    plan.index_parts = index_parts(names, limits.entities_per_page)
    for letters, keys in plan.index_parts.items():
        label = letters[0] + letters[1:].lower()
        docname = _fill(p["entities-letter"], letter=letter_slug(letters))
        plan.add(Page("entities-letter", letters, docname, f"{titles['entities']}: {label}"))
        plan.index_part_of.update(dict.fromkeys(keys, letters))
    for entity in archive.entities:
        uids = archive.by_entity.get(entity.key, ())
        if uids and (entity.record is not None or len(uids) >= entity_threshold):
            docname = _fill(p["entity"], slug=entity.slug)
            plan.add(Page("entity", entity.key, docname, entity.name))
            _plan_parts(
                plan,
                archive,
                p,
                "entity",
                entity.key,
                entity.slug,
                entity.name,
                uids,
                limits.events_per_page,
                format_date,
            )
    plan.story_index_parts = index_parts(
        {story.key: story.name for story in archive.stories.values()}, limits.entities_per_page
    )
    for letters in plan.story_index_parts:
        label = letters[0] + letters[1:].lower()
        docname = _fill(p["stories-letter"], letter=letter_slug(letters))
        plan.add(Page("stories-letter", letters, docname, f"{titles['stories']}: {label}"))
    for story in archive.stories.values():
        docname = _fill(p["story"], slug=story.slug)
        plan.add(Page("story", story.key, docname, story.name))
        _plan_parts(
            plan,
            archive,
            p,
            "story",
            story.key,
            story.slug,
            story.name,
            story.events,
            limits.events_per_page,
            format_date,
        )
    for calendar_day in archive.by_calendar_day:
        month, day = calendar_day.split("-")
        docname = _fill(p["onthisday"], month=month, day=day)
        plan.add(
            Page("onthisday", calendar_day, docname, format_calendar_day(int(month), int(day)))
        )

    return plan


def _plan_parts(
    plan: PagePlan,
    archive: Archive,
    patterns: Mapping[str, str],
    kind: str,
    key: str,
    slug: str,
    name: str,
    uids: tuple[str, ...],
    limit: int,
    format_date: Callable[[EventDate], str],
) -> None:
    """The parts (a page per year or month) of a large entity's or story's page."""
    parts = periods(archive, uids, limit)
    if not parts or plan.docname(kind, key) is None:
        return
    plan.periods[(kind, key)] = parts
    part_kind = PART_KINDS[kind]
    for period, _uids in parts:
        docname = _fill(patterns[part_kind], slug=slug, period=period)
        plan.add(
            Page(
                part_kind,
                part_key(period, key),
                docname,
                f"{name}: {period_title(period, format_date)}",
            )
        )
