"""Unit tests for ``sphinx_newsarc.core.entities``: canonical names, aliases, conflicts, slugs."""

from __future__ import annotations

import random

import pytest

from sphinx_newsarc.core.entities import Entity, EntityConflict, EntityIndex
from sphinx_newsarc.core.model import EntityRecord


def resolved(index: EntityIndex, name: str) -> Entity:
    """The entity ``name`` names (the test fails when it names none)."""
    entity = index.resolve(name)
    assert entity is not None, name
    return entity


def rec(
    name: str, docname: str = "people", lineno: int = 1, *aliases: str, kind: str = ""
) -> EntityRecord:
    return EntityRecord(name, docname, lineno, f"entity-{lineno}", tuple(aliases), kind)


GARCIA = rec("Alan García", "people", 10, "Alan Garca", "AGP", kind="person")


# -- declared entities and aliases ---------------------------------------------------------


def test_issue_rule_alias_and_accent_variants_share_one_entity() -> None:
    mentioned = ["Alan Garca", "Alan Garcia", "alan garcía"]
    index = EntityIndex([GARCIA], mentioned)
    resolved = {name: index.resolve(name) for name in mentioned}
    entities = set(resolved.values())
    assert len(entities) == 1
    (entity,) = entities
    assert entity is not None
    assert entity.name == "Alan García"
    assert entity.key == "alan garcia"
    assert entity.slug == "alan-garcia"
    assert entity.record is GARCIA
    assert entity.aliases == ("Alan Garca", "AGP")
    assert entity.kind == "person"
    assert len(index) == 1
    assert list(index) == [entity]
    assert index.conflicts == []


@pytest.mark.parametrize(
    "spelling", ["Alan García", "ALAN GARCIA", "alan  garcia", "Alan Garca", "ALAN GARCÁ", "agp"]
)
def test_every_spelling_resolves_to_the_declared_entity(spelling: str) -> None:
    index = EntityIndex([GARCIA], [])
    entity = index.resolve(spelling)
    assert entity is not None
    assert entity.name == "Alan García"


def test_alias_not_matching_declared_name_stays_separate() -> None:
    index = EntityIndex([GARCIA], ["Alan Garcí", "Alan"])
    assert index.resolve("Alan Garcí") is not None
    assert resolved(index, "Alan Garcí").key == "alan garci"
    assert resolved(index, "Alan").name == "Alan"
    assert len(index) == 3


def test_unknown_and_empty_names_resolve_to_none() -> None:
    index = EntityIndex([GARCIA], ["Ollanta Humala"])
    assert index.resolve("Keiko Fujimori") is None
    assert index.resolve("") is None
    assert index.resolve("   ") is None


def test_get_by_key() -> None:
    index = EntityIndex([GARCIA], ["Ollanta Humala"])
    assert index.get("alan garcia").name == "Alan García"
    assert index.get("ollanta humala").name == "Ollanta Humala"
    with pytest.raises(KeyError):
        index.get("alan garca")  # an alias is not a canonical key


def test_declared_entity_without_mentions_is_in_the_index() -> None:
    index = EntityIndex([GARCIA], [])
    assert [e.name for e in index] == ["Alan García"]


def test_mention_of_declared_name_does_not_change_its_spelling() -> None:
    index = EntityIndex([GARCIA], ["alan garcia"] * 5)
    assert resolved(index, "alan garcia").name == "Alan García"
    assert len(index) == 1


def test_undeclared_entity_has_no_record() -> None:
    index = EntityIndex([], ["Ollanta Humala"])
    entity = index.resolve("ollanta humala")
    assert entity is not None
    assert entity.record is None
    assert entity.aliases == ()
    assert entity.kind == ""


def test_iteration_is_sorted_by_key() -> None:
    index = EntityIndex(
        [rec("Perú", "places", 3), GARCIA], ["Ollanta Humala", "Chile", "Keiko Fujimori"]
    )
    assert [e.key for e in index] == [
        "alan garcia",
        "chile",
        "keiko fujimori",
        "ollanta humala",
        "peru",
    ]


# -- undeclared names: spelling choice -----------------------------------------------------


def test_most_frequent_spelling_wins() -> None:
    mentioned = ["Alan Garcia", "Alan García", "Alan García", "ALAN GARCIA"]
    index = EntityIndex([], mentioned)
    assert resolved(index, "alan garcia").name == "Alan García"
    assert len(index) == 1


def test_ties_prefer_mixed_case_then_alphabetical() -> None:
    # one each: mixed case beats all-caps and all-lowercase
    index = EntityIndex([], ["OLLANTA HUMALA", "ollanta humala", "Ollanta Humala"])
    assert resolved(index, "ollanta humala").name == "Ollanta Humala"
    # among mixed-case spellings, the alphabetically first (code point order) wins
    index = EntityIndex([], ["Perú", "PERU", "Peru"])
    assert resolved(index, "peru").name == "Peru"
    index = EntityIndex([], ["Perú", "Peru", "Perú", "Peru"])
    assert resolved(index, "peru").name == "Peru"
    # among single-case spellings too
    index = EntityIndex([], ["chile", "CHILE"])
    assert resolved(index, "chile").name == "CHILE"


def test_frequency_beats_mixed_case() -> None:
    index = EntityIndex([], ["Ollanta Humala", "OLLANTA HUMALA", "OLLANTA HUMALA"])
    assert resolved(index, "ollanta humala").name == "OLLANTA HUMALA"


def test_spellings_are_stripped_before_counting() -> None:
    index = EntityIndex([], ["  Chile", "Chile ", "chile"])
    assert resolved(index, "CHILE").name == "Chile"


@pytest.mark.parametrize("seed", range(8))
def test_spelling_choice_is_independent_of_input_order(seed: int) -> None:
    mentioned = (
        ["Alan Garcia"] * 2
        + ["Alan García"] * 2
        + ["alan garcia"]
        + ["Perú", "Peru"]
        + ["Ollanta Humala"] * 3
        + ["OLLANTA HUMALA"] * 3
    )
    random.Random(seed).shuffle(mentioned)
    index = EntityIndex([], mentioned)
    assert [(e.key, e.name, e.slug) for e in index] == [
        ("alan garcia", "Alan Garcia", "alan-garcia"),
        ("ollanta humala", "Ollanta Humala", "ollanta-humala"),
        ("peru", "Peru", "peru"),
    ]


def test_blank_mentions_are_ignored() -> None:
    index = EntityIndex([], ["", "   ", "Chile"])
    assert [e.name for e in index] == ["Chile"]


# -- conflicts -----------------------------------------------------------------------------


def test_two_declarations_of_one_name_conflict_first_wins() -> None:
    first = rec("Alan García", "a/people", 5, kind="person")
    second = rec("ALAN GARCIA", "b/people", 1, kind="politician")
    index = EntityIndex([second, first], ["Alan Garcia"])
    assert index.conflicts == [EntityConflict("ALAN GARCIA", first, second)]
    entity = index.resolve("alan garcia")
    assert entity is not None
    assert entity.record is first
    assert entity.name == "Alan García"
    assert len(index) == 1


@pytest.mark.parametrize("seed", range(6))
def test_conflict_winner_is_first_by_docname_then_line_whatever_the_order(seed: int) -> None:
    records = [
        rec("Lima", "places", 20, kind="b"),
        rec("Lima", "places", 3, kind="a"),
        rec("LIMA", "zones", 1, kind="c"),
        rec("lima", "cities", 99, kind="winner"),
    ]
    shuffled = records[:]
    random.Random(seed).shuffle(shuffled)
    index = EntityIndex(shuffled, [])
    winner = records[3]
    assert resolved(index, "Lima").record is winner
    assert index.conflicts == [
        EntityConflict("Lima", winner, records[1]),
        EntityConflict("Lima", winner, records[0]),
        EntityConflict("LIMA", winner, records[2]),
    ]


def test_alias_claimed_by_an_earlier_declaration_conflicts() -> None:
    first = rec("Lima Metropolitana", "a", 1, "Lima")
    second = rec("Lima", "b", 1, "Ciudad de los Reyes")
    index = EntityIndex([second, first], [])
    assert resolved(index, "Lima").record is first
    assert resolved(index, "Lima").name == "Lima Metropolitana"
    # the loser lost its own name, so its aliases do not point anywhere
    assert index.resolve("Ciudad de los Reyes") is None
    assert index.conflicts == [EntityConflict("Lima", first, second)]


def test_loser_keeps_names_nobody_else_claims() -> None:
    first = rec("Peru", "a", 1, "Perú")
    second = rec("Republic of Peru", "b", 1, "Peru", "República del Perú")
    index = EntityIndex([first, second], [])
    assert resolved(index, "Republic of Peru").record is second
    assert resolved(index, "República del Perú").record is second
    assert resolved(index, "Peru").record is first
    assert index.conflicts == [EntityConflict("Republic of Peru", first, second)]


def test_repeated_alias_in_one_declaration_is_no_conflict() -> None:
    record = rec("Alan García", "a", 1, "Alan Garcia", "ALAN GARCÍA", "Alan Garca", "alan garca")
    index = EntityIndex([record], [])
    assert index.conflicts == []
    assert len(index) == 1


def test_one_conflict_per_pair_of_declarations() -> None:
    first = rec("Alan García", "a", 1, "Alan Garca")
    second = rec("Alan García", "b", 1, "Alan Garca")
    index = EntityIndex([first, second], [])
    assert index.conflicts == [EntityConflict("Alan García", first, second)]


def test_declared_wins_over_mentioned_spelling() -> None:
    index = EntityIndex([rec("Perú", "places", 1)], ["Peru", "Peru", "Peru"])
    assert resolved(index, "Peru").name == "Perú"
    assert resolved(index, "Peru").record is not None


# -- slugs ---------------------------------------------------------------------------------


def test_slugs_are_unique_and_assigned_in_key_order() -> None:
    # three different keys, one slug base "at-t"
    index = EntityIndex([], ["AT&T", "AT T", "AT-T"])
    assert {e.key: e.slug for e in index} == {
        "at t": "at-t",
        "at&t": "at-t-2",
        "at-t": "at-t-3",
    }


def test_slug_collision_with_a_suffixed_name() -> None:
    index = EntityIndex([], ["x", "x!", "x-2"])
    slugs = {e.key: e.slug for e in index}
    assert slugs == {"x": "x", "x!": "x-2", "x-2": "x-2-2"}
    assert len(set(slugs.values())) == 3


def test_entity_without_ascii_letters_gets_a_fallback_slug() -> None:
    index = EntityIndex([], ["Путин", "普京", "!!"])
    slugs = sorted(e.slug for e in index)
    assert slugs == ["entity", "entity-2", "entity-3"]


@pytest.mark.parametrize("seed", range(6))
def test_slugs_are_stable_under_input_order(seed: int) -> None:
    declared = [
        rec("Alan García", "people", 1, "Alan Garca"),
        rec("AT&T", "orgs", 1),
        rec("Chile", "places", 2),
    ]
    mentioned = ["AT T", "Ollanta Humala", "Alan Garca", "chile", "C++", "C", "Peru", "Perú"]
    expected = {
        "alan garcia": "alan-garcia",
        "at t": "at-t",
        "at&t": "at-t-2",
        "c": "c",
        "c++": "c-2",
        "chile": "chile",
        "ollanta humala": "ollanta-humala",
        "peru": "peru",
    }
    rng = random.Random(seed)
    declared_shuffled, mentioned_shuffled = declared[:], mentioned[:]
    rng.shuffle(declared_shuffled)
    rng.shuffle(mentioned_shuffled)
    index = EntityIndex(declared_shuffled, mentioned_shuffled)
    assert {e.key: e.slug for e in index} == expected


def test_rejected_declaration_claims_nothing() -> None:
    """Issue 10 item 8: a declaration that loses its own name claims none of its aliases,
    so a later declaration of one of them stands."""
    first = rec("Alpha", "a", 1, "Al")
    second = rec("Alpha", "a", 5, "Beta")
    beta = rec("Beta", "a", 9)
    index = EntityIndex([beta, second, first], ["Beta"])
    assert index.conflicts == [EntityConflict("Alpha", first, second)]
    assert resolved(index, "Al").record is first
    assert resolved(index, "Beta").record is beta
    assert resolved(index, "Beta").name == "Beta"
    assert len(index) == 2
