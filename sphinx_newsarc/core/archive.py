"""The archive model: every event of a project indexed by date, entity, story and category.

It is derived from the stored records once per build and never stored itself.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .dates import EventDate
from .entities import Entity, EntityIndex
from .model import EntityRecord, EventRecord
from .related import rank_related
from .text import name_key, unique_slugs

__all__ = ["Archive", "DuplicateId", "Story"]


@dataclass(frozen=True, slots=True)
class DuplicateId:
    """Two events with one ``id``: ``owner`` keeps it, ``other`` still renders."""

    id: str
    owner: EventRecord
    other: EventRecord


@dataclass(frozen=True, slots=True)
class Story:
    """A named story: its events form a timeline."""

    key: str
    name: str
    slug: str
    events: tuple[str, ...]


class Archive:
    """All events and entities of a project, with the indices the archive pages need."""

    def __init__(
        self,
        events: Iterable[EventRecord],
        entities: Iterable[EntityRecord] = (),
        related_limit: int = 5,
    ) -> None:
        self.related_limit = related_limit
        ordered = sorted(events, key=lambda e: e.sort_key)
        self.events: dict[str, EventRecord] = {e.uid: e for e in ordered}
        self.ordered: tuple[str, ...] = tuple(e.uid for e in ordered)
        self._position = {uid: n for n, uid in enumerate(self.ordered)}

        # ids: the first event in (docname, line) order owns an id in every build
        self.by_id: dict[str, str] = {}
        self.duplicates: list[DuplicateId] = []
        for event in sorted(ordered, key=lambda e: (e.docname, e.lineno)):
            owner = self.by_id.get(event.id)
            if owner is None:
                self.by_id[event.id] = event.uid
            else:
                self.duplicates.append(DuplicateId(event.id, self.events[owner], event))

        self.entities = EntityIndex(entities, (n for e in ordered for n in e.entities))
        self.entities_of: dict[str, tuple[str, ...]] = {}
        by_entity: dict[str, list[str]] = defaultdict(list)
        by_day: dict[str, list[str]] = defaultdict(list)
        by_month: dict[str, list[str]] = defaultdict(list)
        by_year: dict[str, list[str]] = defaultdict(list)
        story_names: dict[str, str] = {}
        by_story: dict[str, list[str]] = defaultdict(list)
        category_names: dict[str, str] = {}
        by_category: dict[str, list[str]] = defaultdict(list)
        key_of = self.entities.key_of
        for event in ordered:
            keys = tuple(dict.fromkeys(k for n in event.entities if (k := key_of(n)) is not None))
            self.entities_of[event.uid] = keys
            for key in keys:
                by_entity[key].append(event.uid)
            date = event.date
            by_year[date.year_key()].append(event.uid)
            if date.month:
                by_month[date.month_key() or ""].append(event.uid)
            if date.day:
                by_day[date.iso()].append(event.uid)
            if event.story:
                key = name_key(event.story)
                story_names.setdefault(key, event.story)
                by_story[key].append(event.uid)
            if event.category:
                key = name_key(event.category)
                category_names.setdefault(key, event.category)
                by_category[key].append(event.uid)

        self.by_entity = {k: tuple(v) for k, v in sorted(by_entity.items())}
        self.by_day = {k: tuple(v) for k, v in sorted(by_day.items())}
        self.by_month = {k: tuple(v) for k, v in sorted(by_month.items())}
        self.by_year = {k: tuple(v) for k, v in sorted(by_year.items())}
        self.days: tuple[str, ...] = tuple(self.by_day)
        self._day_index = {day: n for n, day in enumerate(self.days)}
        self._month_index = {month: n for n, month in enumerate(self.by_month)}
        self._year_index = {year: n for n, year in enumerate(self.by_year)}
        by_calendar_day: dict[str, list[str]] = defaultdict(list)
        for day in reversed(self.days):  # newest year first
            by_calendar_day[day[5:]].extend(self.by_day[day])
        #: ``MM-DD`` -> the events of that calendar day in every year, newest year first
        self.by_calendar_day = {k: tuple(v) for k, v in sorted(by_calendar_day.items())}
        slugs = unique_slugs(story_names)
        self.stories = {
            key: Story(key, story_names[key], slugs[key], tuple(by_story[key]))
            for key in sorted(by_story)
        }
        self.category_names = dict(sorted(category_names.items()))
        self.category_slugs = unique_slugs(category_names, "category")
        self.by_category = {k: tuple(v) for k, v in sorted(by_category.items())}
        self._related: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self._member_sets: dict[str, frozenset[str]] = {}

    # -- lookups ---------------------------------------------------------------------------

    def event(self, uid: str) -> EventRecord:
        """The event with this build-unique ``uid``."""
        return self.events[uid]

    def position(self, uid: str) -> int:
        """The place of an event in chronological order (0 is the oldest)."""
        return self._position[uid]

    def owner(self, event_id: str) -> EventRecord | None:
        """The event that owns ``event_id``, or ``None``."""
        uid = self.by_id.get(event_id)
        return self.events[uid] if uid else None

    def entity(self, key: str) -> Entity:
        """The entity with this canonical key."""
        return self.entities.get(key)

    def neighbours(self, day: str) -> tuple[str | None, str | None]:
        """The previous and next days that have events."""
        n = self._day_index[day]
        previous = self.days[n - 1] if n > 0 else None
        following = self.days[n + 1] if n + 1 < len(self.days) else None
        return previous, following

    def page_events(self, kind: str, key: str) -> tuple[str, ...]:
        """The events the page of a day, month, year, entity or story (by its key) lists,
        in archive order; none for other kinds."""
        if kind == "story":
            story = self.stories.get(key)
            return story.events if story else ()
        found = {
            "day": self.by_day,
            "month": self.by_month,
            "year": self.by_year,
            "entity": self.by_entity,
        }.get(kind, {})
        return found.get(key, ())

    def month_neighbours(self, month: str) -> tuple[str | None, str | None]:
        """The previous and next months (``YYYY-MM``) that have events."""
        return _neighbours(tuple(self.by_month), self._month_index, month)

    def year_neighbours(self, year: str) -> tuple[str | None, str | None]:
        """The previous and next years that have events."""
        return _neighbours(tuple(self.by_year), self._year_index, year)

    def months_of(self, year: str) -> list[str]:
        """The months (``YYYY-MM``) of ``year`` that have events."""
        return [m for m in self.by_month if m.startswith(year + "-")]

    def days_of(self, month: str) -> list[str]:
        """The days (``YYYY-MM-DD``) of ``month`` that have events."""
        return [d for d in self.by_day if d.startswith(month + "-")]

    def newest_first(self, uids: Iterable[str]) -> list[str]:
        """``uids`` ordered newest first."""
        return sorted(uids, key=self._position.__getitem__, reverse=True)

    def unknown_related(self, uid: str) -> list[str]:
        """The ``related`` ids of an event that no event has."""
        return [r for r in self.events[uid].related if r not in self.by_id]

    def related(self, uid: str) -> list[tuple[str, tuple[str, ...]]]:
        """Related events of ``uid`` with the entity keys each shares, ranked."""
        cached = self._related.get(uid)
        if cached is None:
            explicit = [self.by_id[r] for r in self.events[uid].related if r in self.by_id]
            cached = rank_related(
                uid,
                self.entities_of,
                self.by_entity,
                self._position.__getitem__,
                explicit=explicit,
                limit=self.related_limit,
                member_sets=self._events_set,
            )
            self._related[uid] = cached
        return cached

    def _events_set(self, key: str) -> frozenset[str]:
        """The events of an entity as a set, built once per build."""
        found = self._member_sets.get(key)
        if found is None:
            found = self._member_sets[key] = frozenset(self.by_entity.get(key, ()))
        return found

    def co_occurring(
        self, uids: Iterable[str], exclude: str = "", limit: int = 10
    ) -> list[tuple[str, int]]:
        """The entity keys the events ``uids`` name most often (``exclude`` aside), with
        how many of those events name each: most first, then by name."""
        counts = Counter(
            key for uid in uids for key in self.entities_of.get(uid, ()) if key != exclude
        )
        return heapq.nsmallest(
            limit,
            counts.items(),
            key=lambda item: (-item[1], self.entity(item[0]).name.casefold(), item[0]),
        )

    def stories_of(self, uids: Iterable[str]) -> list[tuple[str, int]]:
        """The story keys of the events ``uids`` with how many of them each has: most
        first, then by name."""
        counts = Counter(name_key(story) for uid in uids if (story := self.events[uid].story))
        return sorted(
            counts.items(),
            key=lambda item: (-item[1], self.stories[item[0]].name.casefold(), item[0]),
        )

    def date_of(self, uid: str) -> EventDate:
        """The date of an event."""
        return self.events[uid].date


def _neighbours(
    keys: tuple[str, ...], index: dict[str, int], key: str
) -> tuple[str | None, str | None]:
    n = index[key]
    return (keys[n - 1] if n > 0 else None, keys[n + 1] if n + 1 < len(keys) else None)
