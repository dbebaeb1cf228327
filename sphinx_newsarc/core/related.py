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
    order_key: Callable[[str], tuple],  # type: ignore[type-arg]
    explicit: Sequence[str] = (),
    limit: int = 5,
) -> list[tuple[str, tuple[str, ...]]]:
    """Events related to ``uid``, each with the entity keys it shares with it.

    Explicitly related events come first, in the order given, and are never cut; the
    rest share at least one entity, ranked by the number shared, then newest first
    (``order_key`` sorts oldest first), filling the list up to ``limit``.
    """
    own = entities_of.get(uid, ())
    own_set = set(own)
    result: list[tuple[str, tuple[str, ...]]] = []
    seen = {uid}
    for other in explicit:
        if other in seen:
            continue
        seen.add(other)
        shared = tuple(sorted(own_set.intersection(entities_of.get(other, ()))))
        result.append((other, shared))
    room = limit - len(result)
    if room <= 0 or not own_set:
        return result
    counts: Counter[str] = Counter()
    for key in own_set:
        counts.update(events_of.get(key, ()))
    for done in seen:
        counts.pop(done, None)
    if not counts:
        return result
    ranked = heapq.nlargest(room, counts, key=lambda other: (counts[other], order_key(other)))
    for other in ranked:
        shared = tuple(sorted(own_set.intersection(entities_of[other])))
        result.append((other, shared))
    return result
