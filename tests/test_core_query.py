"""Unit tests for ``sphinx_newsarc.core.query``: which events an ``eventlist`` shows."""

from __future__ import annotations

import pytest

from sphinx_newsarc.core.archive import Archive
from sphinx_newsarc.core.dates import parse_date
from sphinx_newsarc.core.model import EntityRecord, EventRecord
from sphinx_newsarc.core.query import EventQuery, run_query


def ev(
    uid: str,
    date: str,
    entities: tuple[str, ...] = (),
    story: str = "",
    category: str = "",
    lineno: int = 1,
) -> EventRecord:
    return EventRecord(
        uid=uid,
        id=uid,
        date=parse_date(date),
        headline=f"Headline {uid}",
        docname="news",
        lineno=lineno,
        anchor=uid,
        entities=entities,
        story=story,
        category=category,
    )


DECLARED = [EntityRecord("Alan García", "people", 1, "garcia", ("Alan Garca", "AGP"))]


@pytest.fixture
def archive() -> Archive:
    return Archive(
        [
            ev("y2006", "2006", ("Alan Garcia",), "Elecciones 2006", "Politics"),
            ev("mar31", "2006-03-31", ("Lourdes Flores",), "Elecciones 2006", "Politics"),
            ev("apr", "2006-04", ("Ollanta Humala",), "Elecciones 2006", "Politics"),
            ev(
                "apr10",
                "2006-04-10",
                ("Alan Garca", "Ollanta Humala"),
                "Elecciones 2006",
                "Politics",
            ),
            ev("apr30", "2006-04-30", ("Ollanta Humala",), "Elecciones 2006", "Economy"),
            ev("may01", "2006-05-01", ("Keiko Fujimori",), "", "Politics"),
            ev(
                "jun05",
                "2006-06-05",
                ("ALAN GARCÍA", "Ollanta Humala"),
                "Elecciones 2006",
                "politics",
            ),
            ev("feb04", "2004-02-29", ("Chile",), "", "Economy"),
            ev("dec11", "2011-12-04", ("Ollanta Humala",), "Conga", "Environment"),
        ],
        DECLARED,
    )


def q(archive: Archive, **kwargs: object) -> list[str]:
    return run_query(archive, EventQuery(**kwargs))  # type: ignore[arg-type]


def test_no_filter_is_every_event_newest_first(archive: Archive) -> None:
    assert q(archive) == [
        "dec11",
        "jun05",
        "may01",
        "apr30",
        "apr10",
        "apr",
        "mar31",
        "y2006",
        "feb04",
    ]


def test_defaults() -> None:
    query = EventQuery()
    assert (query.entity, query.story, query.category) == ("", "", "")
    assert (query.start, query.end, query.order, query.limit) == (None, None, "newest", 0)


def test_order_oldest(archive: Archive) -> None:
    assert q(archive, order="oldest") == list(archive.ordered)
    assert q(archive, order="oldest")[:3] == ["feb04", "y2006", "mar31"]


@pytest.mark.parametrize(
    "spelling", ["Alan García", "alan garcia", "Alan Garca", "AGP", "ALAN GARCÍA"]
)
def test_entity_by_any_spelling(archive: Archive, spelling: str) -> None:
    assert q(archive, entity=spelling) == ["jun05", "apr10", "y2006"]


def test_entity_undeclared(archive: Archive) -> None:
    assert q(archive, entity="ollanta humala", order="oldest") == [
        "apr",
        "apr10",
        "apr30",
        "jun05",
        "dec11",
    ]


def test_unknown_entity_selects_nothing(archive: Archive) -> None:
    assert q(archive, entity="Susana Villarán") == []


def test_story(archive: Archive) -> None:
    assert q(archive, story="elecciones  2006", order="oldest") == [
        "y2006",
        "mar31",
        "apr",
        "apr10",
        "apr30",
        "jun05",
    ]
    assert q(archive, story="CONGA") == ["dec11"]
    assert q(archive, story="Elecciones 2011") == []


def test_category(archive: Archive) -> None:
    assert q(archive, category="POLITICS", order="oldest") == [
        "y2006",
        "mar31",
        "apr",
        "apr10",
        "may01",
        "jun05",
    ]
    assert q(archive, category="economy") == ["apr30", "feb04"]
    assert q(archive, category="Sports") == []


def test_filters_combine_with_and(archive: Archive) -> None:
    assert q(archive, entity="Ollanta Humala", story="Elecciones 2006", category="Politics") == [
        "jun05",
        "apr10",
        "apr",
    ]
    assert q(archive, entity="Alan García", category="Economy") == []


def test_from_day_to_day_inclusive(archive: Archive) -> None:
    assert q(
        archive, start=parse_date("2006-04-10"), end=parse_date("2006-05-01"), order="oldest"
    ) == ["apr10", "apr30", "may01"]


def test_to_month_includes_the_last_day_of_that_month(archive: Archive) -> None:
    result = q(archive, end=parse_date("2006-04"), order="oldest")
    assert result == ["feb04", "y2006", "mar31", "apr", "apr10", "apr30"]
    assert "apr30" in result
    assert "may01" not in result


def test_from_month_starts_at_its_first_day(archive: Archive) -> None:
    assert q(archive, start=parse_date("2006-04"), order="oldest") == [
        "apr",
        "apr10",
        "apr30",
        "may01",
        "jun05",
        "dec11",
    ]


def test_month_range(archive: Archive) -> None:
    assert q(archive, start=parse_date("2006-04"), end=parse_date("2006-04")) == [
        "apr30",
        "apr10",
        "apr",
    ]


def test_to_year_includes_december_31(archive: Archive) -> None:
    assert q(archive, start=parse_date("2004"), end=parse_date("2004"), order="oldest") == ["feb04"]
    assert q(archive, end=parse_date("2006"), order="oldest") == [
        "feb04",
        "y2006",
        "mar31",
        "apr",
        "apr10",
        "apr30",
        "may01",
        "jun05",
    ]


def test_to_february_of_a_leap_year() -> None:
    archive = Archive([ev("leap", "2004-02-29"), ev("mar", "2004-03-01")])
    assert q(archive, end=parse_date("2004-02")) == ["leap"]
    archive = Archive([ev("feb28", "2005-02-28"), ev("mar", "2005-03-01")])
    assert q(archive, end=parse_date("2005-02")) == ["feb28"]


def test_year_only_event_counts_as_its_first_day(archive: Archive) -> None:
    # a date known to the year is placed on January 1 for bounds
    assert "y2006" not in q(archive, start=parse_date("2006-01-02"))
    assert "y2006" in q(archive, start=parse_date("2006-01-01"))
    assert "y2006" in q(archive, end=parse_date("2006-01-01"))


def test_only_from(archive: Archive) -> None:
    assert q(archive, start=parse_date("2006-06-05")) == ["dec11", "jun05"]


def test_only_to(archive: Archive) -> None:
    assert q(archive, end=parse_date("2006-03-31")) == ["mar31", "y2006", "feb04"]


def test_empty_range(archive: Archive) -> None:
    assert q(archive, start=parse_date("2007"), end=parse_date("2010")) == []
    assert q(archive, start=parse_date("2006-05"), end=parse_date("2006-04")) == []


@pytest.mark.parametrize(
    ("start", "end", "inverted"),
    [
        ("2006-05", "2006-04", True),
        ("2006-04-11", "2006-04-10", True),
        ("2007", "2006-12-31", True),
        ("2006-04-10", "2006-04", False),  # the month covers the day
        ("2006-05", "2006", False),
        ("2006-04-10", "2006-04-10", False),
        ("2006", "", False),
        ("", "2006", False),
    ],
)
def test_inverted_range(start: str, end: str, inverted: bool) -> None:
    query = EventQuery(
        start=parse_date(start) if start else None, end=parse_date(end) if end else None
    )
    assert query.inverted is inverted


@pytest.mark.parametrize(
    ("order", "limit", "expected"),
    [
        ("newest", 2, ["dec11", "jun05"]),
        ("oldest", 2, ["feb04", "y2006"]),
        ("newest", 1, ["dec11"]),
        (
            "oldest",
            100,
            ["feb04", "y2006", "mar31", "apr", "apr10", "apr30", "may01", "jun05", "dec11"],
        ),
    ],
)
def test_limit_applies_after_ordering(
    archive: Archive, order: str, limit: int, expected: list[str]
) -> None:
    assert q(archive, order=order, limit=limit) == expected


def test_limit_with_filters(archive: Archive) -> None:
    assert q(archive, entity="Ollanta Humala", limit=2) == ["dec11", "jun05"]
    assert q(archive, entity="Ollanta Humala", limit=2, order="oldest") == ["apr", "apr10"]


def test_query_result_is_a_fresh_list(archive: Archive) -> None:
    first = q(archive, order="oldest")
    first.clear()
    assert q(archive, order="oldest") == list(archive.ordered)
    assert len(archive.ordered) == 9
