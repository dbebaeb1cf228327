"""``eventlist`` queries: which events a listing shows, in which order, how many."""

from __future__ import annotations

import calendar
import datetime as _dt
from dataclasses import dataclass

from .archive import Archive
from .dates import EventDate
from .text import name_key

__all__ = ["EventQuery", "run_query"]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters (all optional, combined with *and*), an order and a limit (0: no limit)."""

    entity: str = ""
    story: str = ""
    category: str = ""
    start: EventDate | None = None
    end: EventDate | None = None
    order: str = "newest"
    limit: int = 0

    @property
    def inverted(self) -> bool:
        """``start`` falls after every day ``end`` covers, so no event can match."""
        return bool(self.start and self.end and self.start.as_date() > _last_day(self.end))


def _last_day(date: EventDate) -> _dt.date:
    if date.day:
        return date.as_date()
    month = date.month or 12
    return _dt.date(date.year, month, calendar.monthrange(date.year, month)[1])


def run_query(archive: Archive, query: EventQuery) -> list[str]:
    """The uids of the events ``query`` selects, ordered and cut to its limit."""
    candidates: tuple[str, ...] = archive.ordered
    if query.entity:
        entity = archive.entities.resolve(query.entity)
        candidates = archive.by_entity.get(entity.key, ()) if entity else ()
    if query.story:
        key = name_key(query.story)
        story = archive.stories.get(key)
        allowed = set(story.events) if story else set()
        candidates = tuple(uid for uid in candidates if uid in allowed)
    if query.category:
        allowed = set(archive.by_category.get(name_key(query.category), ()))
        candidates = tuple(uid for uid in candidates if uid in allowed)
    if query.start or query.end:
        low = query.start.as_date() if query.start else _dt.date.min
        high = _last_day(query.end) if query.end else _dt.date.max
        candidates = tuple(
            uid for uid in candidates if low <= archive.date_of(uid).as_date() <= high
        )
    result = list(candidates)
    if query.order == "newest":
        result.reverse()
    return result[: query.limit] if query.limit else result
