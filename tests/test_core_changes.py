"""Unit tests for ``sphinx_newsarc.core.changes``: which edits can move an event."""

from __future__ import annotations

from dataclasses import replace

from sphinx_newsarc.core.changes import retold_events
from sphinx_newsarc.core.dates import parse_date
from sphinx_newsarc.core.model import EventRecord, Source


def ev(serial: int, docname: str = "a", **fields: object) -> EventRecord:
    record = EventRecord(
        uid=f"{docname}#{serial}",
        id=f"e{serial}",
        date=parse_date("2010-01-02"),
        headline=f"Headline {serial}.",
        docname=docname,
        lineno=serial * 10,
        anchor=f"e{serial}",
        entities=("Chile", "Peru"),
        story="Story",
    )
    return replace(record, **fields)  # type: ignore[arg-type]


def test_a_new_headline_id_and_sources_only_retell() -> None:
    before = [ev(1), ev(2), ev(1, "b")]
    edited = replace(
        before[1],
        headline="Another.",
        id="other",
        anchor="other",
        sources=(Source("AP"),),
        lineno=25,
    )
    assert retold_events(before, [before[0], edited, before[2]]) == {"a#2"}


def test_nothing_changed_retells_nothing() -> None:
    before = [ev(1), ev(2)]
    assert retold_events(before, list(before)) == set()


def test_a_change_that_can_rerank_is_not_a_retelling() -> None:
    before = [ev(1), ev(2)]
    for change in (
        {"entities": ("Chile",)},
        {"date": parse_date("2010-01-03")},
        {"story": "Other"},
        {"category": "Politics"},
        {"related": ("e1",)},
    ):
        edited = replace(before[1], headline="New.", **change)
        assert retold_events(before, [before[0], edited]) == set(), change


def test_an_added_or_removed_event_makes_its_document_rerank() -> None:
    before = [ev(1), ev(2)]
    edited = replace(before[0], headline="New.")
    assert retold_events(before, [edited, before[1], ev(3)]) == set()
    assert retold_events(before, [edited]) == set()
    # the other document's retelling stands
    other = [ev(1, "b")]
    assert retold_events([*before, *other], [edited, replace(other[0], headline="New.")]) == {"b#1"}


def test_events_reordered_by_line_are_not_retold() -> None:
    """With an include, read order is not line order: lines added in the included file
    can move an event after another of its document without changing how it reads."""
    before = [replace(ev(1), lineno=1), replace(ev(2), lineno=6)]
    moved = replace(before[0], lineno=13)
    assert retold_events(before, [moved, before[1]]) == set()
    assert retold_events(before, [replace(before[0], lineno=3, headline="New."), before[1]]) == {
        "a#1"
    }
