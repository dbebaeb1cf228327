"""Records kept in the build environment pickle as their constructor's arguments."""

from __future__ import annotations

import pickle

import pytest

from sphinx_newsarc.core.dates import EventDate
from sphinx_newsarc.core.model import EntityRecord, EventRecord, Source

RECORDS = [
    EventDate(2010, 7, 2),
    Source("AP", "https://example.org/a?b=1&c=2"),
    EventRecord(
        "d#1",
        "e1",
        EventDate(2010),
        "Headline",
        "d",
        3,
        "e1",
        entities=("A",),
        sources=(Source("AP"),),
        story="S",
        related=("e2",),
    ),
    EntityRecord("A", "d", 1, "a", aliases=("Ay",), description=("One.",), wikidata="Q1"),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_round_trip_by_constructor(record: object) -> None:
    reduced = record.__reduce__()
    assert isinstance(reduced, tuple)
    cls, args = reduced
    assert cls is type(record)
    assert cls(*args) == record
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(record, protocol))
        assert again == record and hash(again) == hash(record)
