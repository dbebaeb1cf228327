"""Which events of re-read documents changed, and whether the change can move them in
other events' related lists."""

from __future__ import annotations

from collections.abc import Iterable

from .model import EventRecord

__all__ = ["ranking_fields", "retold_events"]


def ranking_fields(event: EventRecord) -> tuple[object, ...]:
    """What places an event in other events' related lists and in the archive's order.

    Related lists rank by shared entities, then by chronological order (date, document,
    line: lines only order events within one document), and put explicit ``related`` ids
    first. The story and category are included too: they group events on pages.
    """
    return (
        event.uid,
        event.date,
        event.entities,
        event.story,
        event.category,
        event.related,
        event.docname,
    )


def retold_events(before: Iterable[EventRecord], now: Iterable[EventRecord]) -> set[str]:
    """The uids of events that changed only in how they read (headline, sources, id,
    anchor, line), in documents whose events all kept their ranking fields, their read
    order and their line order.

    Such an event stands where it stood in every related list, so only the documents that
    show it need rendering again. Any other change (an event added, removed, moved, or
    given other entities or another date) is not in the result.
    """
    by_doc_before: dict[str, list[EventRecord]] = {}
    by_doc_now: dict[str, list[EventRecord]] = {}
    for record in before:
        by_doc_before.setdefault(record.docname, []).append(record)
    for record in now:
        by_doc_now.setdefault(record.docname, []).append(record)
    retold: set[str] = set()
    for docname, old in by_doc_before.items():
        new = by_doc_now.get(docname, [])
        if [ranking_fields(e) for e in old] != [ranking_fields(e) for e in new]:
            continue
        # lines order events of one document (and pick the owner of a shared id); read
        # order is not line order when a document includes another
        if _by_line(old) != _by_line(new):
            continue
        retold.update(b.uid for b, n in zip(old, new, strict=True) if b != n)
    return retold


def _by_line(events: list[EventRecord]) -> list[str]:
    return [e.uid for e in sorted(events, key=lambda e: e.lineno)]
