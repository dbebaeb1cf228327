"""Unit tests for ``sphinx_newsarc.core.related``: ranking of related events."""

from __future__ import annotations

import random

import pytest

from sphinx_newsarc.core.archive import Archive
from sphinx_newsarc.core.dates import parse_date
from sphinx_newsarc.core.model import EntityRecord, EventRecord
from sphinx_newsarc.core.related import rank_related


def ev(
    event_id: str,
    date: str,
    entities: tuple[str, ...] = (),
    docname: str = "news",
    lineno: int = 1,
    related: tuple[str, ...] = (),
) -> EventRecord:
    return EventRecord(
        uid=f"{docname}#{event_id}",
        id=event_id,
        date=parse_date(date),
        headline=f"Headline {event_id}",
        docname=docname,
        lineno=lineno,
        anchor=event_id,
        entities=entities,
        related=related,
    )


HUMALA, GARCIA, FLORES = "Ollanta Humala", "Alan García", "Lourdes Flores"
K_HUMALA, K_GARCIA, K_FLORES = "ollanta humala", "alan garcia", "lourdes flores"


def seed_events(related: tuple[str, ...] = ()) -> list[EventRecord]:
    """The seed page: one first-round event and the events it relates to."""
    return [
        ev("first-round", "2006-04-10", (HUMALA, GARCIA, FLORES), "2006", 10, related),
        ev("runoff", "2006-06-05", ("Alan Garcia", HUMALA), "2006", 50),
        ev("arrest", "2017-07-14", (HUMALA, "Nadine Heredia"), "2017", 5),
        ev("spy-case", "2015-02-21", (HUMALA, "Chile"), "2015", 5),
        ev("conga", "2011-12-04", (HUMALA,), "2011", 30),
        ev("second-round", "2011-06-06", (HUMALA, "Keiko Fujimori"), "2011", 10),
        ev("unrelated", "2010-01-01", ("Susana Villarán",), "2010", 1),
        ev("no-entities", "2006-04-11", (), "2006", 90),
    ]


def ids(archive: Archive, ranked: list[tuple[str, tuple[str, ...]]]) -> list[str]:
    return [archive.event(uid).id for uid, _ in ranked]


def test_seed_page_order_and_shared_keys() -> None:
    archive = Archive(seed_events())
    ranked = archive.related("2006#first-round")
    assert ranked == [
        ("2006#runoff", (K_GARCIA, K_HUMALA)),
        ("2017#arrest", (K_HUMALA,)),
        ("2015#spy-case", (K_HUMALA,)),
        ("2011#conga", (K_HUMALA,)),
        ("2011#second-round", (K_HUMALA,)),
    ]


@pytest.mark.parametrize("seed", range(5))
def test_seed_page_is_independent_of_input_order(seed: int) -> None:
    events = seed_events()
    random.Random(seed).shuffle(events)
    archive = Archive(events)
    assert ids(archive, archive.related("2006#first-round")) == [
        "runoff",
        "arrest",
        "spy-case",
        "conga",
        "second-round",
    ]


def test_events_sharing_nothing_are_excluded() -> None:
    archive = Archive(seed_events(), related_limit=50)
    related = ids(archive, archive.related("2006#first-round"))
    assert "unrelated" not in related
    assert "no-entities" not in related
    assert "first-round" not in related
    assert len(related) == 5


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        (0, []),
        (1, ["runoff"]),
        (3, ["runoff", "arrest", "spy-case"]),
        (5, ["runoff", "arrest", "spy-case", "conga", "second-round"]),
        (10, ["runoff", "arrest", "spy-case", "conga", "second-round"]),
    ],
)
def test_limit(limit: int, expected: list[str]) -> None:
    archive = Archive(seed_events(), related_limit=limit)
    assert ids(archive, archive.related("2006#first-round")) == expected


def test_explicit_related_come_first_in_given_order() -> None:
    archive = Archive(seed_events(related=("conga", "unrelated")), related_limit=4)
    ranked = archive.related("2006#first-round")
    assert ranked == [
        ("2011#conga", (K_HUMALA,)),
        ("2010#unrelated", ()),  # explicit: kept although it shares nothing
        ("2006#runoff", (K_GARCIA, K_HUMALA)),
        ("2017#arrest", (K_HUMALA,)),
    ]


def test_explicit_related_are_never_cut_even_beyond_the_limit() -> None:
    explicit = ("unrelated", "second-round", "arrest", "no-entities")
    archive = Archive(seed_events(related=explicit), related_limit=2)
    assert ids(archive, archive.related("2006#first-round")) == list(explicit)


def test_explicit_related_with_zero_limit() -> None:
    archive = Archive(seed_events(related=("arrest",)), related_limit=0)
    assert archive.related("2006#first-round") == [("2017#arrest", (K_HUMALA,))]


def test_explicit_related_skip_self_duplicates_and_unknown_ids() -> None:
    related = ("first-round", "arrest", "arrest", "missing", "runoff", "arrest")
    archive = Archive(seed_events(related=related), related_limit=5)
    assert ids(archive, archive.related("2006#first-round")) == [
        "arrest",
        "runoff",
        "spy-case",
        "conga",
        "second-round",
    ]
    assert archive.unknown_related("2006#first-round") == ["missing"]


def test_no_duplicates_between_explicit_and_ranked() -> None:
    archive = Archive(seed_events(related=("runoff",)), related_limit=10)
    related = ids(archive, archive.related("2006#first-round"))
    assert related == ["runoff", "arrest", "spy-case", "conga", "second-round"]
    assert len(related) == len(set(related))


def test_event_without_entities_has_only_explicit_related() -> None:
    events = [*seed_events(), ev("lonely", "2012-01-01", (), "2012", 1, related=("conga",))]
    archive = Archive(events)
    assert archive.related("2012#lonely") == [("2011#conga", ())]
    assert archive.related("2006#no-entities") == []


def test_related_is_not_symmetric_in_rank_but_shares_keys() -> None:
    archive = Archive(seed_events())
    assert archive.related("2006#runoff")[0] == ("2006#first-round", (K_GARCIA, K_HUMALA))


def test_related_resolves_aliases_of_declared_entities() -> None:
    declared = [EntityRecord("Alan García", "people", 1, "garcia", ("Alan Garca",))]
    events = [
        ev("a", "2006-04-10", ("Alan García",), "d", 1),
        ev("b", "2006-06-05", ("Alan Garca",), "d", 2),
        ev("c", "2006-07-28", ("ALAN GARCIA",), "d", 3),
    ]
    archive = Archive(events, declared)
    assert archive.related("d#a") == [("d#c", (K_GARCIA,)), ("d#b", (K_GARCIA,))]


def test_related_results_are_cached_and_stable() -> None:
    archive = Archive(seed_events())
    first = archive.related("2006#first-round")
    assert archive.related("2006#first-round") is first


# -- rank_related on its own ----------------------------------------------------------------


ENTITIES_OF = {
    "e": ("a", "b", "c"),
    "x": ("a", "b"),
    "y": ("c",),
    "z": ("a",),
    "w": ("d",),
}
EVENTS_OF = {"a": ("e", "x", "z"), "b": ("e", "x"), "c": ("e", "y"), "d": ("w",)}
POSITION = {"z": 0, "e": 1, "y": 2, "x": 3, "w": 4}


def order_key(uid: str) -> tuple[int]:
    return (POSITION[uid],)


def test_rank_related_by_count_then_newest() -> None:
    assert rank_related("e", ENTITIES_OF, EVENTS_OF, order_key) == [
        ("x", ("a", "b")),
        ("y", ("c",)),
        ("z", ("a",)),
    ]


def test_rank_related_default_limit_is_five() -> None:
    entities_of = {f"o{n}": ("k",) for n in range(8)}
    entities_of["me"] = ("k",)
    events_of = {"k": tuple(entities_of)}
    ranked = rank_related("me", entities_of, events_of, lambda u: (u,))
    assert [uid for uid, _ in ranked] == ["o7", "o6", "o5", "o4", "o3"]


def test_rank_related_explicit_uses_shared_keys_and_missing_entities() -> None:
    ranked = rank_related("e", ENTITIES_OF, EVENTS_OF, order_key, explicit=["w", "ghost", "e"])
    assert ranked == [("w", ()), ("ghost", ()), ("x", ("a", "b")), ("y", ("c",)), ("z", ("a",))]


def test_rank_related_unknown_uid() -> None:
    assert rank_related("nobody", ENTITIES_OF, EVENTS_OF, order_key) == []
