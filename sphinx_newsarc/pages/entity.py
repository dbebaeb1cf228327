"""An entity's page (websites): its facts (kind, aliases, link, description), how many
events name it and their first and last dates, a chart of them over time, the entities it
is most often named with, its stories, and its events grouped by year and month.

The chart, the counted entities and the facts line are shared with story pages."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from docutils import nodes

from .. import design
from ..core.dates import EventDate
from ..core.pages import PART_KINDS, part_key, period_date, period_title
from ..core.timeline import chart_svg, timeline
from ..directives.entity import wikidata_link
from ..locale import _
from ..render import count_text
from ..views import EntityRef, StoryLink, Summary
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = [
    "KIND",
    "Chart",
    "EntityEntry",
    "EntityFacts",
    "EntityPage",
    "PartLink",
    "build_chart",
    "build_parts",
    "counted_entities",
    "entity_entry",
    "render_chart",
    "render_counted_entities",
    "render_facts",
    "render_latest",
    "render_parts",
    "render_span",
    "years",
]

#: how many co-occurring entities a page shows
TOP_ENTITIES = 10
#: how many of its latest events the first page of a split entity or story page shows
LATEST_EVENTS = 50


@dataclass(frozen=True, slots=True)
class EntityFacts:
    """What a declaration says of an entity (empty for an entity only named by events)."""

    kind: str = ""
    aliases: tuple[str, ...] = ()
    url: str = ""
    description: tuple[str, ...] = ()
    wikidata: str = ""


@dataclass(frozen=True, slots=True)
class EntityEntry:
    """An entity with its facts and events (its page; the book's Entities index)."""

    ref: EntityRef
    facts: EntityFacts
    summaries: tuple[Summary, ...]


def entity_entry(views: Views, key: str, uids: tuple[str, ...] | None = None) -> EntityEntry:
    """The entity ``key`` with its facts and events (or the events ``uids``)."""
    record = views.archive.entity(key).record
    facts = (
        EntityFacts(record.kind, record.aliases, record.url, record.description, record.wikidata)
        if record
        else EntityFacts()
    )
    if uids is None:
        uids = views.archive.by_entity.get(key, ())
    return EntityEntry(views.entity_ref(key), facts, views.summaries(uids))


def render_facts(facts: EntityFacts) -> list[nodes.Node]:
    """``Kind: ... · Also known as: ... · Link: ... · Wikidata: Q…`` and the description."""
    out: list[nodes.Node] = []
    para = nodes.paragraph(classes=["newsarc-entity-facts"])
    parts: list[list[nodes.Node]] = []
    if facts.kind:
        parts.append([nodes.Text(_("Kind") + ": " + facts.kind)])
    if facts.aliases:
        parts.append([nodes.Text(_("Also known as") + ": " + ", ".join(facts.aliases))])
    if facts.url:
        parts.append(
            [nodes.Text(_("Link") + ": "), nodes.reference(facts.url, facts.url, refuri=facts.url)]
        )
    if facts.wikidata:
        parts.append([nodes.Text("Wikidata: "), wikidata_link(facts.wikidata)])
    for n, part in enumerate(parts):
        if n:
            para += nodes.Text(" \N{MIDDLE DOT} ")
        para.extend(part)
    if parts:
        out.append(para)
    for text in facts.description:
        out.append(nodes.paragraph(text, text, classes=["newsarc-description"]))
    return out


# -- shared with story pages -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Chart:
    """Events over time: ``unit`` ``"year"`` or ``"month"``, and per period from the first
    to the last its key (``YYYY`` or ``YYYY-MM``), its text and its number of events."""

    unit: str
    bins: tuple[tuple[str, str, int], ...]


def build_chart(views: Views, uids: tuple[str, ...]) -> Chart:
    """The chart of the events ``uids`` (per month for short spans, else per year)."""
    archive = views.archive
    counted = timeline(archive.date_of(uid) for uid in uids)
    monthly = counted.unit == "month"
    return Chart(
        counted.unit,
        tuple(
            (
                key,
                views.month_title(key) if monthly else views.date_text(EventDate(int(key))),
                count,
            )
            for key, count in counted.bins
        ),
    )


def counted_entities(
    views: Views, uids: tuple[str, ...], exclude: str = ""
) -> tuple[tuple[EntityRef, int], ...]:
    """The :data:`TOP_ENTITIES` entities the events ``uids`` name most often (``exclude``
    aside), with how many of them name each."""
    return tuple(
        (views.entity_ref(key), count)
        for key, count in views.archive.co_occurring(uids, exclude, TOP_ENTITIES)
    )


def render_span(
    r: Renderer, summaries: tuple[Summary, ...], total: int | None = None
) -> list[nodes.Node]:
    """``3 events · First: <date> · Last: <date>`` (dates linked to their pages): the
    events ``summaries`` (or ``total`` events from the first to the last of them)."""
    inline = r.inline()
    inline.text(count_text(len(summaries) if total is None else total))
    if summaries:
        first, last = summaries[0], summaries[-1]
        if first.iso == last.iso:
            inline.text(" \N{MIDDLE DOT} ")
            r.add_date(inline, first)
        else:
            inline.text(" \N{MIDDLE DOT} " + _("First") + ": ")
            r.add_date(inline, first)
            inline.text(" \N{MIDDLE DOT} " + _("Last") + ": ")
            r.add_date(inline, last)
    return [r.paragraph(inline, classes=["newsarc-count", "newsarc-span", "sd-card-text"])]


def render_chart(r: Renderer, chart: Chart, name: str) -> list[nodes.Node]:
    """The chart as inline SVG (websites) with its text equivalent: a title on the chart
    and the counts per period as a list, visually hidden on websites (shown elsewhere)."""
    if not chart.bins:
        return []
    first, last = chart.bins[0][1], chart.bins[-1][1]
    per = _("events per month") if chart.unit == "month" else _("events per year")
    span = first if first == last else f"{first} \N{EN DASH} {last}"
    title = f"{name}: {per}, {span}"
    box = nodes.container(classes=["newsarc-chart-box", f"newsarc-chart-{chart.unit}"])
    items = nodes.bullet_list(classes=["newsarc-chart-counts"])
    for _key, label, count in chart.bins:
        if count:
            text = f"{label}: {count_text(count)}"
            items += nodes.list_item("", nodes.paragraph(text, text))
    if r.website:
        svg = chart_svg(
            [(label, count) for _key, label, count in chart.bins],
            title,
            [f"{label}: {count_text(count)}" for _key, label, count in chart.bins],
        )
        box += nodes.raw("", svg, format="html")
        items["classes"].append("newsarc-visually-hidden")
    else:
        box += nodes.paragraph(title, title, classes=["newsarc-chart-title"])
    box += items
    return [box]


def render_counted_entities(
    r: Renderer, label: str, counted: tuple[tuple[EntityRef, int], ...]
) -> list[nodes.Node]:
    """``Label: A (3), B (2)``, each name linking to its page (or index entry)."""
    if not counted:
        return []
    inline = r.inline()
    inline.text(label + ": ")
    for n, (ref, count) in enumerate(counted):
        if n:
            inline.text(", ")
        r.add_entity(inline, ref)
        inline.text(f" ({count})")
    return [r.paragraph(inline, classes=["newsarc-top-entities"])]


@dataclass(frozen=True, slots=True)
class PartLink:
    """A part of a split entity's or story's page: its period (``YYYY``, ``YYYY-MM``,
    ``YYYY-MM-DD``, numbered ``..._2``), date (ISO), text, page and number of events, and
    the month or year it is a part of (``group``, with its text)."""

    period: str
    iso: str
    title: str
    page: str | None
    count: int
    group: str
    group_title: str


def build_parts(views: Views, kind: str, key: str) -> tuple[PartLink, ...]:
    """The parts of the ``kind`` page ``key`` (none when it is one page)."""
    out: list[PartLink] = []
    for period, uids in views.domain.plan.periods.get((kind, key), ()):
        date = period_date(period)[0]
        group = date.month_key() or date.year_key()
        out.append(
            PartLink(
                period,
                date.iso(),
                period_title(period, views.date_text),
                views.page_for(PART_KINDS[kind], part_key(period, key)),
                len(uids),
                group,
                period_title(group, views.date_text),
            )
        )
    return tuple(out)


def render_parts(r: Renderer, parts: tuple[PartLink, ...], current: str = "") -> list[nodes.Node]:
    """A line per year linking its page or its months' pages, with their counts. A month
    (or year) split further is one link to its first part, except on a page of its own
    parts, which links each of them: the lines stay short however finely a page splits.
    The part ``current`` is not a link."""
    if not parts:
        return []
    out: list[nodes.Node] = [
        nodes.rubric(
            _("Events by year"),
            _("Events by year"),
            classes=["newsarc-group", "newsarc-parts-title"],
        )
    ]
    current_group = next((part.group for part in parts if part.period == current), None)
    items = nodes.bullet_list(classes=["newsarc-parts", "no-search"])
    for _year, in_year in groupby(parts, key=lambda part: part.period[:4]):
        inline = r.inline()
        n = 0
        for group, grouped in groupby(in_year, key=lambda part: part.group):
            members = list(grouped)
            links = [(p.period, p.iso, p.title, p.page, p.count) for p in members]
            if len(members) > 1 and group != current_group:
                first = members[0]
                count = sum(p.count for p in members)
                links = [(group, group, first.group_title, first.page, count)]
            for period, iso, title, page, count in links:
                if n:
                    inline.text(" \N{MIDDLE DOT} ")
                n += 1
                r.add_link(
                    inline,
                    None if period == current else page,
                    "",
                    title,
                    ["newsarc-part-link"],
                    iso,
                )
                inline.text(f" ({count})")
        items += nodes.list_item("", r.paragraph(inline))
    out.append(items)
    return out


def render_latest(r: Renderer, latest: tuple[Summary, ...]) -> list[nodes.Node]:
    """The latest events of a split page, newest first."""
    if not latest:
        return []
    return [
        nodes.rubric(
            _("Latest events"),
            _("Latest events"),
            classes=["newsarc-group", "newsarc-latest-title"],
        ),
        *r.listing(latest, classes=["newsarc-latest"]),
    ]


def latest_of(views: Views, uids: tuple[str, ...]) -> tuple[Summary, ...]:
    """The latest :data:`LATEST_EVENTS` of ``uids`` (in date order), newest first."""
    limit = min(LATEST_EVENTS, views.settings.events_per_page)
    return views.summaries(reversed(uids[-limit:]))


# -- the entity page -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MonthGroup:
    """A month's events on an entity's page: the month's text and page."""

    title: str
    page: str | None
    summaries: tuple[Summary, ...]


@dataclass(frozen=True, slots=True)
class YearGroup:
    """A year's events on an entity's page: those known only to the year, then by month."""

    title: str
    page: str | None
    summaries: tuple[Summary, ...]
    months: tuple[MonthGroup, ...]


@dataclass(frozen=True, slots=True)
class EntityPage:
    """Everything an entity's page shows (its digest): facts, events by year and month,
    the chart, the entities it is named with and its stories, with their counts."""

    ref: EntityRef
    facts: EntityFacts
    summaries: tuple[Summary, ...]
    chart: Chart
    together: tuple[tuple[EntityRef, int], ...]
    stories: tuple[tuple[StoryLink, int], ...]
    years: tuple[YearGroup, ...]
    #: a page split by year: its number of events, latest events and parts
    total: int | None = None
    latest: tuple[Summary, ...] = ()
    parts: tuple[PartLink, ...] = ()


def years(views: Views, summaries: tuple[Summary, ...]) -> tuple[YearGroup, ...]:
    """``summaries`` (in date order) by year, then month."""
    years: list[YearGroup] = []
    for year, in_year in groupby(summaries, key=lambda s: s.iso[:4]):
        events = list(in_year)
        months = tuple(
            MonthGroup(views.month_title(month), views.page_for("month", month), tuple(in_month))
            for month, in_month in groupby(
                (s for s in events if len(s.iso) > 4), key=lambda s: s.iso[:7]
            )
        )
        years.append(
            YearGroup(
                views.date_text(EventDate(int(year))),
                views.page_for("year", year),
                tuple(s for s in events if len(s.iso) == 4),
                months,
            )
        )
    return tuple(years)


def build(views: Views, key: str) -> EntityPage:
    archive = views.archive
    uids = archive.by_entity.get(key, ())
    stories = tuple(
        (StoryLink(archive.stories[story].name, views.page_for("story", story)), count)
        for story, count in archive.stories_of(uids)
    )
    parts = build_parts(views, "entity", key)
    # a split page shows the first and last event, the latest and the parts; else all
    entry = entity_entry(views, key, (uids[0], uids[-1]) if parts else None)
    return EntityPage(
        entry.ref,
        entry.facts,
        entry.summaries,
        build_chart(views, uids),
        counted_entities(views, uids, key),
        stories,
        years=() if parts else years(views, entry.summaries),
        total=len(uids) if parts else None,
        latest=latest_of(views, uids) if parts else (),
        parts=parts,
    )


def render(r: Renderer, view: EntityPage) -> list[nodes.Node]:
    body = render_facts(view.facts)
    body.extend(render_span(r, view.summaries, view.total))
    if view.ref.declared_at:
        para = design.card_text()
        para += r.link(view.ref.declared_at[0], view.ref.declared_at[1], _("Declaration"))
        body.append(para)
    out: list[nodes.Node] = [design.card(["newsarc-entity-card"], body)]
    out.extend(render_chart(r, view.chart, view.ref.name))
    out.extend(render_counted_entities(r, _("Most often with"), view.together))
    if view.stories:
        inline = r.inline()
        inline.text(_("Stories") + ": ")
        for n, (story, count) in enumerate(view.stories):
            if n:
                inline.text(", ")
            r.add_link(inline, story.page, "", story.name, ["newsarc-story-link"])
            inline.text(f" ({count})")
        out.append(r.paragraph(inline, classes=["newsarc-entity-stories"]))
    out.extend(render_latest(r, view.latest))
    out.extend(render_parts(r, view.parts))
    out.extend(render_years(r, view.years))
    out.extend(r.formats())
    return out


def render_years(r: Renderer, years: tuple[YearGroup, ...]) -> list[nodes.Node]:
    """Events by year, then month, each titled with its page's link."""
    out: list[nodes.Node] = []
    for year in years:
        out.append(r.group_title(year.title, level_text="newsarc-year", page=year.page))
        out.extend(r.listing(year.summaries))
        for month in year.months:
            out.append(r.group_title(month.title, level_text="newsarc-month", page=month.page))
            out.extend(r.listing(month.summaries))
    return out


KIND = PageKind("entity", build, render)
