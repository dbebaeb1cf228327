"""Ranking of related events by the entities they share."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

__all__ = ["rank_related"]


def rank_related(
    uid: str,
    entities_of: Mapping[str, Sequence[str]],
    events_of: Mapping[str, Sequence[str]],
    order_key: Callable[[str], int | tuple],  # type: ignore[type-arg]
    explicit: Sequence[str] = (),
    limit: int = 5,
    member_sets: Callable[[str], frozenset[str]] | None = None,
) -> list[tuple[str, tuple[str, ...]]]:
    """Events related to ``uid``, each with the entity keys it shares with it.

    Explicitly related events come first, in the order given, and are never cut; the
    rest share at least one entity, ranked by the number shared, then newest first
    (``order_key`` sorts oldest first; each list in ``events_of`` is in that order),
    filling the list up to ``limit``.

    The ranking is exact without visiting every event of a frequent entity in Python:
    events sharing two or more entities are found by intersecting the entities' event
    sets pairwise (in C), an event in ``c`` of the sets being in ``c(c-1)/2`` of the
    intersections; events sharing one entity are taken newest first from the end of
    each list. ``member_sets`` gives the event set of an entity (cached by the caller).
    """
    if member_sets is None:

        def member_sets(key: str) -> frozenset[str]:
            return frozenset(events_of.get(key, ()))

    own = set(entities_of.get(uid, ()))
    result: list[tuple[str, tuple[str, ...]]] = []
    seen = {uid}
    for other in explicit:
        if other in seen:
            continue
        seen.add(other)
        result.append((other, tuple(sorted(own.intersection(entities_of.get(other, ()))))))
    room = limit - len(result)
    if room <= 0 or not own:
        return result
    keys = sorted(own)
    lists = [events_of.get(key, ()) for key in keys]
    shared = _shared_counts([member_sets(key) for key in keys]) if len(keys) > 1 else {}
    for done in seen:
        shared.pop(done, None)
    best: list[str] = []
    by_count: dict[int, list[str]] = {}
    for other, count in shared.items():
        by_count.setdefault(count, []).append(other)
    for count in sorted(by_count, reverse=True):  # most shared first, then newest
        best += heapq.nlargest(room - len(best), by_count[count], key=order_key)
        if len(best) >= room:
            break

    need = room - len(best)
    if need > 0:
        singles: set[str] = set()
        for events in lists:
            taken = 0
            for other in reversed(events):
                if other in seen or other in shared:
                    continue
                if other not in singles:
                    singles.add(other)
                taken += 1
                if taken >= need:
                    break
        best += heapq.nlargest(need, singles, key=order_key)

    for other in best:
        result.append((other, tuple(sorted(own.intersection(entities_of[other])))))
    return result


def _shared_counts(sets: list[frozenset[str]]) -> dict[str, int]:
    """For events in two or more of ``sets``: in how many."""
    pairs: Counter[str] = Counter()
    for i, first in enumerate(sets):
        for second in sets[i + 1 :]:
            pairs.update(first & second)
    if not pairs:
        return {}
    from_pairs = {c * (c - 1) // 2: c for c in range(2, len(sets) + 1)}
    return {other: from_pairs[n] for other, n in pairs.items()}
