"""The WikiTimes reader on the real exports in /work/shared/data/wikitimes (and copies)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_newsarc.core.dates import EventDate
from sphinx_newsarc.importer import ImportedSource, Problems, read_inputs, read_one
from sphinx_newsarc.importer.wikitimes import (
    category_name,
    entity_from_wikitimes,
    spelling_in_text,
)

DATA = Path(__file__).parent / "data" / "import" / "wikitimes"
MONTH = DATA / "events-2001-01.json"
STORY = DATA / "story-99-taliban-insurgency.json"


def test_event_array_form() -> None:
    problems = Problems()
    batch = read_one(MONTH, "wikitimes", problems)
    assert batch.records == 18
    assert len(batch.events) == 18
    assert list(problems) == []
    first = batch.events[0]
    assert first.id == "wikitimes-151"
    assert first.date == EventDate(2001, 1, 1)
    assert first.headline == "Greece adopts the euro as its currency.[1]"
    assert first.entities == ("Greece", "Euro")
    assert first.sources == ()
    assert first.story == ""


def test_story_form() -> None:
    problems = Problems()
    batch = read_one(STORY, "wikitimes", problems)
    assert len(batch.events) == 35
    assert list(problems) == []
    assert all(e.story == "Taliban insurgency" for e in batch.events)
    kandahar = next(e for e in batch.events if e.id == "wikitimes-11172")
    # the trailing space of the description is gone
    assert kandahar.headline == (
        "More than 200 Taliban rebel and four Canadian troops die in a major offensive in Kandahar."
    )
    assert kandahar.entities == ("Taliban", "Kandahar", "Canadian")
    assert kandahar.sources == (
        ImportedSource(
            "CTV",
            "http://www.ctv.ca/servlet/ArticleNews/story/CTVNews/20060902/"
            "nato_casualties_060903/20060903?hub=TopStories",
        ),
    )
    assert sum(len(e.sources) for e in batch.events) >= 35
    # the commas the export left where it removed links are gone
    kabul = next(e for e in batch.events if e.headline.startswith("A large bomb explodes"))
    assert kabul.headline.endswith("and five injuries.")
    assert not any(", ," in e.headline or e.headline.endswith(",") for e in batch.events)
    categories = {e.category for e in batch.events}
    assert categories == {"", "War and conflict"}


def test_entity_named_from_url_when_the_export_lost_letters() -> None:
    """The real case: "Ciudad Bolvar" whose wikiURL keeps "Ciudad_Bolívar"."""
    problems = Problems()
    collection, _ = read_inputs([MONTH], "wikitimes", problems)
    event = next(e for e in collection.events if e.id == "wikitimes-162")
    assert event.entities == ("Douglas DC-3", "Ciudad Bolívar", "Venezuela")
    entity = next(e for e in collection.entities if e.name == "Ciudad Bolívar")
    assert entity.aliases == ("Ciudad Bolvar",)
    assert entity.url == "http://en.wikipedia.org/wiki/Ciudad_Bol%C3%ADvar"
    names = {e.name for e in collection.entities}
    assert "Ciudad Bolvar" not in names
    assert {
        "George W. Bush",
        "Seattle, Washington",
        "People's Republic of China",
        "Tiananmen Square self-immolation incident",
    } <= names


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        (
            "Ciudad Bolvar",
            "http://en.wikipedia.org/wiki/Ciudad_Bol%C3%ADvar",
            ("Ciudad Bolívar", ("Ciudad Bolvar",)),
        ),
        (
            "Ciudad Bolvar",
            "http://en.wikipedia.org/wiki/Ciudad_Bolívar",
            ("Ciudad Bolívar", ("Ciudad Bolvar",)),
        ),
        ("Kandahar", "http://en.wikipedia.org/wiki/Kandahar", ("Kandahar", ())),
        # a fragment is not part of the title: the export name stays
        (
            "Hinduja Group2001 Hinduja affair",
            "http://en.wikipedia.org/wiki/Hinduja_Group#2001_Hinduja_affair",
            ("Hinduja Group2001 Hinduja affair", ()),
        ),
        # a different article is not a lost letter
        ("Bush", "http://en.wikipedia.org/wiki/George_W._Bush", ("Bush", ())),
        ("", "http://en.wikipedia.org/wiki/Kabul", ("Kabul", ())),
        ("Kabul", "", ("Kabul", ())),
    ],
)
def test_name_from_url_rule(name: str, url: str, expected: tuple[str, tuple[str, ...]]) -> None:
    assert entity_from_wikitimes(name, url) == expected


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("ITunes", "Apple introduce their iTunes digital media player", "iTunes"),
        ("EBay", "eBay buys PayPal.", "eBay"),
        ("IPod touch", "Apple sells the iPod touch.", "iPod touch"),
        # only a first word with a capital inside: "Car bomb" is a title, not a misspelling
        ("Car bomb", "A car bomb explodes.", "Car bomb"),
        ("NATO", "NATO forces", "NATO"),
        # the text must write the whole name, as a word
        ("ITunes", "iTunesU and itunes", "ITunes"),
        ("ITunes", "", "ITunes"),
        ("", "text", ""),
    ],
)
def test_spelling_in_text(name: str, text: str, expected: str) -> None:
    assert spelling_in_text(name, text) == expected


def test_mediawiki_capital_undone_from_the_headline(tmp_path: Path) -> None:
    """The real case: "ITunes" (wikiURL ``.../ITunes``) for the "iTunes" of the headline;
    every mention and declaration of the input gets that spelling."""
    collection, _ = read_inputs([MONTH], "wikitimes", Problems())
    event = next(e for e in collection.events if e.id == "wikitimes-155")
    assert event.entities == ("iTunes",)
    names = {e.name for e in collection.entities}
    assert "iTunes" in names
    assert "ITunes" not in names
    itunes = {"name": "ITunes", "wikiURL": "http://en.wikipedia.org/wiki/ITunes"}
    path = tmp_path / "events.json"
    path.write_text(
        json.dumps(
            [
                {
                    "id": "1",
                    "date": "2003-04-28",
                    "description": "Apple opens its music store.",
                    "entity": [itunes],
                },
                {
                    "id": "2",
                    "date": "2001-01-10",
                    "description": "Apple introduces iTunes.",
                    "entity": [itunes],
                },
            ]
        ),
        encoding="utf-8",
    )
    batch = read_one(path, "wikitimes", Problems())
    assert [e.entities for e in batch.events] == [("iTunes",), ("iTunes",)]
    assert {e.name for e in batch.entities} == {"iTunes"}


def test_location_becomes_a_place_entity() -> None:
    collection, _ = read_inputs([MONTH, STORY], "wikitimes", Problems())
    stadium = next(e for e in collection.events if e.id == "wikitimes-164")
    assert "Raymond James Stadium" in stadium.entities
    by_name = {e.name: e for e in collection.entities}
    assert by_name["Raymond James Stadium"].kind == "place"
    assert by_name["Raymond James Stadium"].url == (
        "http://en.wikipedia.org/wiki/Raymond_James_Stadium"
    )
    # a location that no entity of its event names is added to the event
    farah = next(e for e in collection.events if "Farah province" in e.entities)
    assert farah.date == EventDate(2006, 9, 15)


def test_category_names() -> None:
    assert category_name("War_Conflict") == "War and conflict"
    assert category_name("Sport") == "Sport"
    assert category_name("Armed_Conflicts_Attacks") == "Armed conflicts attacks"
    assert category_name("") == ""


def test_bad_wikitimes_records(tmp_path: Path) -> None:
    records = json.loads(MONTH.read_text(encoding="utf-8"))[:3]
    records[0]["date"] = "2001-02-29"
    del records[1]["description"]
    records[2]["source"] = [{"id": "1", "type": "article"}]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    problems = Problems()
    batch = read_one(path, "wikitimes", problems)
    assert batch.events == []
    assert [(str(p.where).split(": ", 1)[1], p.reason) for p in problems] == [
        ("record 1 (/0/date)", "bad date"),
        ("record 2 (/1/description)", "no headline"),
        ("record 3 (/2/source/0)", "source without URL or name"),
    ]
