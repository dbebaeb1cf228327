"""Merging the inputs: events in a stable order with unique ids, one declaration per entity."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..core.text import name_key
from .records import Batch, ImportedEntity, ImportedEvent, ImportedSource, Position, Problems

__all__ = ["Collection", "merge"]


@dataclass(slots=True)
class Collection:
    """Everything to write: events by (date, input order), entities by name."""

    events: list[ImportedEvent] = field(default_factory=list)
    entities: list[ImportedEntity] = field(default_factory=list)
    records: int = 0

    @property
    def sources(self) -> int:
        """How many sources the events cite (counted per event)."""
        return sum(len(e.sources) for e in self.events)


def _unique_ids(events: list[ImportedEvent], problems: Problems) -> list[ImportedEvent]:
    """The first event (in input order) keeps an id; later ones get ``id-2``, ``id-3``, ..."""
    taken = {e.id for e in events if e.id}
    seen: set[str] = set()
    result: list[ImportedEvent] = []
    for event in events:
        if not event.id:
            result.append(event)
            continue
        if event.id not in seen:
            seen.add(event.id)
            result.append(event)
            continue
        n = 2
        while f"{event.id}-{n}" in taken:
            n += 1
        new_id = f"{event.id}-{n}"
        taken.add(new_id)
        seen.add(new_id)
        where = event.where.at("id") if isinstance(event.where, Position) else event.where
        problems.warn(
            where,
            "duplicate id",
            f"an earlier record has the id {event.id!r}; this one gets {new_id!r}",
        )
        result.append(replace(event, id=new_id))
    return result


def _tidy(event: ImportedEvent, order: int) -> ImportedEvent:
    """Drop repeated entity names (by name key) and repeated sources of one event."""
    names: dict[str, str] = {}
    for name in event.entities:
        names.setdefault(name_key(name), name)
    sources: dict[ImportedSource, None] = dict.fromkeys(event.sources)
    related = tuple(dict.fromkeys(event.related))
    return replace(
        event, entities=tuple(names.values()), sources=tuple(sources), related=related, order=order
    )


@dataclass(slots=True)
class _Merged:
    name: str
    aliases: list[str]
    kind: str
    url: str
    description: str
    where: Position | str
    wikidata: str = ""


def _merge_entities(declared: Iterable[ImportedEntity], problems: Problems) -> list[ImportedEntity]:
    merged: dict[str, _Merged] = {}
    owner: dict[str, str] = {}  # name key of a name or alias -> key of its entity
    for entity in declared:
        key = name_key(entity.name)
        target_key = owner.get(key)
        if target_key is None:
            target_key = key
            owner[key] = key
            merged[key] = _Merged(
                entity.name,
                [],
                entity.kind,
                entity.url,
                entity.description,
                entity.where,
                entity.wikidata,
            )
            target = merged[key]
        else:
            target = merged[target_key]
            for attr in ("kind", "url", "description", "wikidata"):
                mine, theirs = getattr(target, attr), getattr(entity, attr)
                if not mine:
                    setattr(target, attr, theirs)
                elif theirs and theirs != mine:
                    problems.warn(
                        entity.where,
                        "entity conflict",
                        f"{entity.name!r} was declared before with {attr} {mine!r}; "
                        f"{theirs!r} is ignored",
                    )
        for alias in (entity.name, *entity.aliases):
            alias_key = name_key(alias)
            if not alias_key or alias_key == target_key:
                continue
            holder = owner.get(alias_key)
            if holder == target_key:
                continue
            if holder is not None:
                problems.warn(
                    entity.where,
                    "alias conflict",
                    f"{alias!r} already names {merged[holder].name!r}; it is not made "
                    f"an alias of {target.name!r}",
                )
                continue
            owner[alias_key] = target_key
            target.aliases.append(alias)
    return [
        ImportedEntity(m.name, tuple(m.aliases), m.kind, m.url, m.description, m.where, m.wikidata)
        for _, m in sorted(merged.items(), key=lambda item: (item[0], item[1].name))
    ]


def merge(batches: Iterable[Batch], problems: Problems) -> Collection:
    """Combine the inputs' batches, in input order, into what is written."""
    events: list[ImportedEvent] = []
    declared: list[ImportedEntity] = []
    records = 0
    for batch in batches:
        records += batch.records
        for event in batch.events:
            events.append(_tidy(event, len(events)))
        declared.extend(batch.entities)
    events = _unique_ids(events, problems)
    events.sort(key=lambda e: (e.date, e.order))
    return Collection(events, _merge_entities(declared, problems), records)
