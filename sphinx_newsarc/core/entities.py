"""Entity matching: canonical names, aliases, and names that differ only in case or accents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .model import EntityRecord
from .text import name_key, unique_slugs

__all__ = ["Entity", "EntityConflict", "EntityIndex"]


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity as the archive shows it, declared or only named by events."""

    key: str
    name: str
    slug: str
    record: EntityRecord | None = None

    @property
    def aliases(self) -> tuple[str, ...]:
        """Declared aliases, in the order written."""
        return self.record.aliases if self.record else ()

    @property
    def kind(self) -> str:
        """The declared kind (person, organisation, place, topic, ...), or ``""``."""
        return self.record.kind if self.record else ""


@dataclass(frozen=True, slots=True)
class EntityConflict:
    """Two declarations claiming one name; ``winner`` keeps it."""

    name: str
    winner: EntityRecord
    loser: EntityRecord


class EntityIndex:
    """Resolves any spelling of an entity name to one :class:`Entity`.

    Declared entities win over names that events merely mention; among declarations of
    the same name or alias, the first in (docname, line) order wins, so the result does
    not depend on the order in which documents were read.
    """

    def __init__(self, declared: Iterable[EntityRecord], mentioned: Iterable[str]) -> None:
        self.conflicts: list[EntityConflict] = []
        self._keys: dict[str, str] = {}  # spelling -> name_key, each computed once
        self._by_key: dict[str, Entity] = {}
        self._alias: dict[str, str] = {}
        owners: dict[str, EntityRecord] = {}
        for record in sorted(declared, key=lambda r: (r.docname, r.lineno)):
            own = name_key(record.name)
            if own in owners:
                # its own name is taken: the declaration is rejected and claims nothing,
                # not even aliases nobody else has (they would point nowhere and keep
                # later declarations of those names out)
                self.conflicts.append(EntityConflict(record.name, owners[own], record))
                continue
            for key in dict.fromkeys([own] + [name_key(a) for a in record.aliases]):
                if not key:
                    continue
                if key in owners and owners[key] is not record:
                    conflict = EntityConflict(record.name, owners[key], record)
                    if conflict not in self.conflicts:  # one per pair of declarations
                        self.conflicts.append(conflict)
                    continue
                owners[key] = record
        for key, record in owners.items():  # every owner owns its own name
            canonical_key = name_key(record.name)
            self._alias[key] = canonical_key
            if key == canonical_key:
                self._by_key[key] = Entity(key, record.name, "", record)
        spellings: dict[str, dict[str, int]] = {}
        keys = self._keys
        for name in mentioned:
            mention = keys.get(name)
            if mention is None:
                mention = keys[name] = name_key(name)
            if mention and mention not in self._alias:
                counts = spellings.setdefault(mention, {})
                spelling = name.strip()
                counts[spelling] = counts.get(spelling, 0) + 1
        for key, counts in spellings.items():
            # the most frequent spelling; on a tie, one in mixed case ("Ollanta Humala" over
            # "OLLANTA HUMALA"), then alphabetically: read order never matters
            if len(counts) == 1:
                (name,) = counts
            else:
                name = min(counts, key=lambda s: (-counts[s], s.isupper() or s.islower(), s))
            self._by_key[key] = Entity(key, name, "")
            self._alias[key] = key
        self._assign_slugs()
        self._sorted: list[Entity] | None = None

    def _assign_slugs(self) -> None:
        slugs = unique_slugs({key: e.name for key, e in self._by_key.items()}, "entity")
        for key, entity in self._by_key.items():
            self._by_key[key] = Entity(entity.key, entity.name, slugs[key], entity.record)

    def _key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = name_key(name)
        return key

    def key_of(self, name: str) -> str | None:
        """The canonical key of the entity this spelling names, or ``None``."""
        return self._alias.get(self._key(name))

    def resolve(self, name: str) -> Entity | None:
        """The entity this spelling names, or ``None``."""
        key = self.key_of(name)
        return self._by_key[key] if key is not None else None

    def get(self, key: str) -> Entity:
        """The entity with this canonical key."""
        return self._by_key[key]

    def __iter__(self) -> Iterator[Entity]:
        """Every entity, in key order (sorted once)."""
        if self._sorted is None:
            self._sorted = sorted(self._by_key.values(), key=lambda e: (e.key, e.name))
        return iter(self._sorted)

    def __len__(self) -> int:
        return len(self._by_key)
