"""The archive's front page (websites): the newest days, a strip of years with counts,
the entities and stories most active in the archive's last 30 days, "on this day", and the
formats (feeds, JSON) of the whole archive. Printed books go straight to the indices."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from .. import design
from ..core.text import name_key
from ..locale import _
from ..views import DayEvents, EntityRef
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "FrontView"]

#: How many days back from the newest day "recently active" looks.
ACTIVE_DAYS = 30
#: How many entities and stories the front page names as active.
ACTIVE_LIMIT = 10


@dataclass(frozen=True, slots=True)
class YearCount:
    """A year, its page and its number of events."""

    year: str
    page: str | None
    count: int


@dataclass(frozen=True, slots=True)
class ActiveStory:
    """A story, its page and its number of recent events."""

    name: str
    page: str | None
    count: int


@dataclass(frozen=True, slots=True)
class FrontView:
    """Years (newest first), the newest days, the most active entities and stories of
    the last days, the newest day's "on this day" page, and the category names (the front
    page links a feed per category: their names are part of what it shows)."""

    years: tuple[YearCount, ...]
    recent: tuple[DayEvents, ...]
    active_entities: tuple[tuple[EntityRef, int], ...]
    active_stories: tuple[ActiveStory, ...]
    on_this_day: tuple[str, str] | None
    categories: tuple[tuple[str, str], ...]


def _recent_uids(views: Views) -> list[str]:
    """The events of the archive's last :data:`ACTIVE_DAYS` days (to its newest day)."""
    days = views.archive.days
    if not days:
        return []
    since = (dt.date.fromisoformat(days[-1]) - dt.timedelta(days=ACTIVE_DAYS)).isoformat()
    return [uid for day in days if day > since for uid in views.archive.by_day[day]]


def build(views: Views, key: str) -> FrontView:
    archive = views.archive
    limit = views.settings.front_days
    days = list(reversed(archive.days))[:limit] if limit else list(reversed(archive.days))
    years = tuple(
        YearCount(year, views.page_for("year", year), len(uids))
        for year, uids in reversed(archive.by_year.items())
    )
    recent = tuple(views.day_events(d) for d in days)
    uids = _recent_uids(views)
    entity_counts = Counter(k for uid in uids for k in archive.entities_of.get(uid, ()))
    entities = sorted(
        entity_counts.items(), key=lambda item: (-item[1], archive.entity(item[0]).name.casefold())
    )
    story_counts = Counter(name_key(s) for uid in uids if (s := archive.event(uid).story))
    stories = sorted(
        story_counts.items(), key=lambda item: (-item[1], archive.stories[item[0]].name.casefold())
    )
    on_this_day = None
    if archive.days and (page := views.page_for("onthisday", archive.days[-1][5:])):
        on_this_day = (page, views.domain.plan.pages[page].title)
    return FrontView(
        years,
        recent,
        tuple((views.entity_ref(k), n) for k, n in entities[:ACTIVE_LIMIT]),
        tuple(
            ActiveStory(archive.stories[k].name, views.page_for("story", k), n)
            for k, n in stories[:ACTIVE_LIMIT]
        ),
        on_this_day,
        tuple(archive.category_names.items()),
    )


def _active(r: Renderer, view: FrontView) -> list[nodes.Node]:
    """The entities and stories most active in the last days, with their counts."""
    if not (view.active_entities or view.active_stories):
        return []
    box = nodes.container(classes=["newsarc-active"])
    text = _("Most active in the last %d days") % ACTIVE_DAYS
    box += nodes.rubric(text, text, classes=["newsarc-group"])
    for label, entries in (
        (_("Entities"), [(ref.name, ref.page or "", n, ref) for ref, n in view.active_entities]),
        (_("Stories"), [(s.name, s.page or "", s.count, None) for s in view.active_stories]),
    ):
        if not entries:
            continue
        inline = r.inline()
        inline.text(label + ": ")
        for n, (name, page, count, ref) in enumerate(entries):
            if n:
                inline.text(" \N{MIDDLE DOT} ")
            if ref is not None:
                r.add_entity(inline, ref)
            else:
                r.add_link(inline, page or None, "", name, ["newsarc-story-link"])
            inline.text(f" ({count})")
        box += r.paragraph(inline, classes=["newsarc-active-list"])
    return [box]


def render(r: Renderer, view: FrontView) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    if not r.website:  # printed books go straight to the indices
        return out
    for entry in view.recent:
        title = design.card_title()
        title += r.date_link(entry.page, "", entry.summaries[0].date_text, entry.day, ())
        out.append(
            design.card(["newsarc-day-card"], [title, *r.listing(entry.summaries, with_date=False)])
        )
    if view.years:
        para = nodes.paragraph(classes=["newsarc-years"])
        para += nodes.Text(_("Years") + ": ")
        for n, year in enumerate(view.years):
            if n:
                para += nodes.Text(" \N{MIDDLE DOT} ")
            para += r.date_link(year.page, "", year.year, year.year, ())
            para += nodes.Text(f" ({year.count})")
        out.append(para)
    out.extend(_active(r, view))
    if view.on_this_day:
        para = nodes.paragraph(classes=["newsarc-on-this-day"])
        para += r.link(view.on_this_day[0], "", view.on_this_day[1])
        out.append(para)
    out.extend(r.formats())
    return out


KIND = PageKind("archive", build, render)
