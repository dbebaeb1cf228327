"""Unit tests for ``sphinx_newsarc.core.archive``: the indices behind the archive pages."""

from __future__ import annotations

import random

import pytest

from sphinx_newsarc.core.archive import Archive, DuplicateId
from sphinx_newsarc.core.dates import EventDate, parse_date
from sphinx_newsarc.core.model import EntityRecord, EventRecord


def ev(
    uid: str,
    date: str,
    *,
    event_id: str = "",
    docname: str = "news",
    lineno: int = 1,
    entities: tuple[str, ...] = (),
    story: str = "",
    category: str = "",
    related: tuple[str, ...] = (),
) -> EventRecord:
    return EventRecord(
        uid=uid,
        id=event_id or uid,
        date=parse_date(date),
        headline=f"Headline {uid}",
        docname=docname,
        lineno=lineno,
        anchor=uid,
        entities=entities,
        story=story,
        category=category,
        related=related,
    )


def mixed_events() -> list[EventRecord]:
    return [
        ev("d10", "2006-04-10", docname="2006", lineno=10),
        ev("d10b", "2006-04-10", docname="2006", lineno=5),
        ev("d30", "2006-04-30", docname="2006", lineno=40),
        ev("apr", "2006-04", docname="2006", lineno=1),
        ev("y2006", "2006", docname="2006", lineno=2),
        ev("jun", "2006-06-05", docname="2006", lineno=50),
        ev("y2011", "2011", docname="2011", lineno=1),
        ev("dec11", "2011-12-04", docname="2011", lineno=3),
        ev("old", "2001-11-20", docname="2001", lineno=7),
    ]


@pytest.fixture
def archive() -> Archive:
    return Archive(mixed_events())


def test_ordered_is_chronological_with_partial_dates_first(archive: Archive) -> None:
    assert archive.ordered == (
        "old",
        "y2006",
        "apr",
        "d10b",
        "d10",
        "d30",
        "jun",
        "y2011",
        "dec11",
    )
    assert list(archive.events) == list(archive.ordered)


@pytest.mark.parametrize("seed", range(4))
def test_order_is_independent_of_input_order(seed: int) -> None:
    events = mixed_events()
    random.Random(seed).shuffle(events)
    shuffled = Archive(events)
    reference = Archive(mixed_events())
    assert shuffled.ordered == reference.ordered
    assert shuffled.by_day == reference.by_day
    assert shuffled.by_month == reference.by_month
    assert shuffled.by_year == reference.by_year


def test_by_day(archive: Archive) -> None:
    assert archive.by_day == {
        "2001-11-20": ("old",),
        "2006-04-10": ("d10b", "d10"),
        "2006-04-30": ("d30",),
        "2006-06-05": ("jun",),
        "2011-12-04": ("dec11",),
    }
    assert list(archive.by_day) == sorted(archive.by_day)
    assert archive.days == (
        "2001-11-20",
        "2006-04-10",
        "2006-04-30",
        "2006-06-05",
        "2011-12-04",
    )


def test_by_month_includes_month_precision_events(archive: Archive) -> None:
    assert archive.by_month == {
        "2001-11": ("old",),
        "2006-04": ("apr", "d10b", "d10", "d30"),
        "2006-06": ("jun",),
        "2011-12": ("dec11",),
    }


def test_by_year_includes_every_event(archive: Archive) -> None:
    assert archive.by_year == {
        "2001": ("old",),
        "2006": ("y2006", "apr", "d10b", "d10", "d30", "jun"),
        "2011": ("y2011", "dec11"),
    }
    assert list(archive.by_year) == ["2001", "2006", "2011"]


def test_months_of_and_days_of(archive: Archive) -> None:
    assert archive.months_of("2006") == ["2006-04", "2006-06"]
    assert archive.months_of("2011") == ["2011-12"]
    assert archive.months_of("1999") == []
    assert archive.days_of("2006-04") == ["2006-04-10", "2006-04-30"]
    assert archive.days_of("2006-06") == ["2006-06-05"]
    assert archive.days_of("2006-05") == []


def test_months_of_does_not_match_a_longer_year() -> None:
    archive = Archive([ev("a", "0200-01-01"), ev("b", "2000-02-02")])
    assert archive.months_of("0200") == ["0200-01"]
    assert archive.months_of("2000") == ["2000-02"]


def test_neighbours(archive: Archive) -> None:
    assert archive.neighbours("2001-11-20") == (None, "2006-04-10")
    assert archive.neighbours("2006-04-10") == ("2001-11-20", "2006-04-30")
    assert archive.neighbours("2006-06-05") == ("2006-04-30", "2011-12-04")
    assert archive.neighbours("2011-12-04") == ("2006-06-05", None)


def test_neighbours_of_a_single_day() -> None:
    archive = Archive([ev("a", "2006-04-10"), ev("b", "2006")])
    assert archive.neighbours("2006-04-10") == (None, None)


def test_neighbours_of_a_day_without_events(archive: Archive) -> None:
    with pytest.raises(KeyError):
        archive.neighbours("2006-04-11")


def test_event_and_date_of(archive: Archive) -> None:
    assert archive.event("apr").headline == "Headline apr"
    assert archive.date_of("apr") == EventDate(2006, 4)
    assert archive.date_of("y2011") == EventDate(2011)


def test_newest_first(archive: Archive) -> None:
    assert archive.newest_first(["old", "d10", "y2006", "dec11", "d10b"]) == [
        "dec11",
        "d10",
        "d10b",
        "y2006",
        "old",
    ]
    assert archive.newest_first([]) == []


def test_empty_archive() -> None:
    archive = Archive([])
    assert archive.ordered == ()
    assert archive.by_day == archive.by_month == archive.by_year == {}
    assert archive.days == ()
    assert archive.stories == {}
    assert archive.by_category == {}
    assert archive.duplicates == []
    assert len(archive.entities) == 0


# -- ids -------------------------------------------------------------------------------------


def dup_events() -> list[EventRecord]:
    return [
        ev("b#1", "2001-01-01", event_id="vote", docname="b", lineno=1),
        ev("a#2", "2010-01-01", event_id="vote", docname="a", lineno=20),
        ev("a#1", "2012-01-01", event_id="vote", docname="a", lineno=3),
        ev("c#1", "2006-01-01", event_id="other", docname="c", lineno=1),
    ]


@pytest.mark.parametrize("seed", range(6))
def test_duplicate_id_owner_is_first_by_docname_and_line(seed: int) -> None:
    events = dup_events()
    random.Random(seed).shuffle(events)
    archive = Archive(events)
    records = {e.uid: e for e in dup_events()}
    assert archive.by_id == {"vote": "a#1", "other": "c#1"}
    owner = archive.owner("vote")
    assert owner is not None
    assert owner.uid == "a#1"
    assert archive.duplicates == [
        DuplicateId("vote", records["a#1"], records["a#2"]),
        DuplicateId("vote", records["a#1"], records["b#1"]),
    ]


def test_owner_of_unknown_id() -> None:
    assert Archive(dup_events()).owner("nope") is None


def test_duplicates_still_appear_in_the_indices() -> None:
    archive = Archive(dup_events())
    assert archive.ordered == ("b#1", "c#1", "a#2", "a#1")
    assert archive.by_year["2010"] == ("a#2",)


def test_unknown_related() -> None:
    events = [
        ev("a", "2006-04-10", related=("b", "missing", "c", "also-missing")),
        ev("b", "2006-04-11"),
        ev("c", "2006-04-12", related=()),
    ]
    archive = Archive(events)
    assert archive.unknown_related("a") == ["missing", "also-missing"]
    assert archive.unknown_related("b") == []


def test_unknown_related_matches_ids_not_uids() -> None:
    events = [
        ev("doc#1", "2006-04-10", event_id="vote", related=("doc#2",)),
        ev("doc#2", "2006-04-11", event_id="count", related=("vote",)),
    ]
    archive = Archive(events)
    assert archive.unknown_related("doc#1") == ["doc#2"]
    assert archive.unknown_related("doc#2") == []


# -- entities ----------------------------------------------------------------------------------


def test_entities_of_and_by_entity_use_canonical_keys() -> None:
    declared = [EntityRecord("Alan García", "people", 1, "garcia", ("Alan Garca",))]
    events = [
        ev("a", "2006-04-10", entities=("Alan Garca", "Ollanta Humala", "alan garcia")),
        ev("b", "2006-06-05", entities=("ALAN GARCÍA",)),
        ev("c", "2006-01-01", entities=("ollanta humala", "Perú")),
    ]
    archive = Archive(events, declared)
    assert archive.entities_of == {
        "c": ("ollanta humala", "peru"),
        "a": ("alan garcia", "ollanta humala"),
        "b": ("alan garcia",),
    }
    assert archive.by_entity == {
        "alan garcia": ("a", "b"),
        "ollanta humala": ("c", "a"),
        "peru": ("c",),
    }
    assert archive.entity("alan garcia").name == "Alan García"
    assert archive.entity("ollanta humala").name == "Ollanta Humala"


def test_declared_entity_without_events_is_known_but_has_no_events() -> None:
    declared = [EntityRecord("Keiko Fujimori", "people", 1, "keiko")]
    archive = Archive([ev("a", "2006-04-10", entities=("Chile",))], declared)
    assert archive.entity("keiko fujimori").record is declared[0]
    assert "keiko fujimori" not in archive.by_entity


# -- stories and categories -------------------------------------------------------------------


def story_events() -> list[EventRecord]:
    return [
        ev("a", "2006-04-10", story="Elecciones 2006", category="Politics"),
        ev("b", "2006-06-05", story="elecciones  2006", category="politics"),
        ev("c", "2006-01-01", story="ELECCIONES 2006", category="POLITICS"),
        ev("d", "2011-06-06", story="Elecciones 2011", category="Política"),
        ev("e", "2015-02-21", story="Elecciones 2006!", category=""),
        ev("f", "2017-07-14"),
    ]


def test_stories_grouped_by_name_key() -> None:
    archive = Archive(story_events())
    assert list(archive.stories) == ["elecciones 2006", "elecciones 2006!", "elecciones 2011"]
    story = archive.stories["elecciones 2006"]
    assert story.key == "elecciones 2006"
    assert story.events == ("c", "a", "b")
    # the spelling of the chronologically first event names the story
    assert story.name == "ELECCIONES 2006"
    assert story.slug == "elecciones-2006"
    assert archive.stories["elecciones 2011"].events == ("d",)
    assert archive.stories["elecciones 2011"].slug == "elecciones-2011"


def test_story_slugs_are_unique() -> None:
    archive = Archive(story_events())
    assert archive.stories["elecciones 2006!"].slug == "elecciones-2006-2"
    slugs = [s.slug for s in archive.stories.values()]
    assert len(slugs) == len(set(slugs))


def test_story_without_ascii_gets_fallback_slug() -> None:
    archive = Archive([ev("a", "2006-01-01", story="Выборы"), ev("b", "2006-01-02", story="选举")])
    assert sorted(s.slug for s in archive.stories.values()) == ["item", "item-2"]


@pytest.mark.parametrize("seed", range(4))
def test_story_names_and_slugs_independent_of_input_order(seed: int) -> None:
    events = story_events()
    random.Random(seed).shuffle(events)
    archive = Archive(events)
    assert {k: (s.name, s.slug, s.events) for k, s in archive.stories.items()} == {
        "elecciones 2006": ("ELECCIONES 2006", "elecciones-2006", ("c", "a", "b")),
        "elecciones 2006!": ("Elecciones 2006!", "elecciones-2006-2", ("e",)),
        "elecciones 2011": ("Elecciones 2011", "elecciones-2011", ("d",)),
    }


def test_categories_grouped_by_name_key() -> None:
    archive = Archive(story_events())
    assert archive.by_category == {"politica": ("d",), "politics": ("c", "a", "b")}
    assert archive.category_names == {"politica": "Política", "politics": "POLITICS"}


def test_page_events_are_what_each_browse_page_lists() -> None:
    archive = Archive(
        [
            ev("a", "2006-04-10", entities=("Alan García",), story="Runoff"),
            ev("b", "2006-06-05", entities=("Alan García", "Ollanta Humala"), story="Runoff"),
            ev("c", "2006-06-05", lineno=2),
        ]
    )
    assert archive.page_events("day", "2006-06-05") == archive.by_day["2006-06-05"]
    assert len(archive.page_events("day", "2006-06-05")) == 2
    assert archive.page_events("month", "2006-04") == ("a",)
    assert archive.page_events("year", "2006") == archive.by_year["2006"]
    garcia = archive.entities.resolve("Alan García")
    assert garcia is not None
    assert archive.page_events("entity", garcia.key) == ("a", "b")
    assert archive.page_events("story", "runoff") == ("a", "b")
    assert archive.page_events("story", "no such story") == ()
    assert archive.page_events("chronology", "") == ()
