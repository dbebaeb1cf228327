"""The generic readers (JSON, JSONL, CSV): fields, hostile text, bad records and positions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_newsarc.core.dates import EventDate
from sphinx_newsarc.importer import (
    ImportedSource,
    InputError,
    Problems,
    import_events,
    read_inputs,
    read_one,
)
from sphinx_newsarc.importer.records import ImportedEvent

DATA = Path(__file__).parent / "data" / "import"
FORMATS = {"json": "events.json", "jsonl": "events.jsonl", "csv": "events.csv"}


def _read(fmt: str, name: str) -> tuple[list[ImportedEvent], Problems]:
    problems = Problems()
    collection, errors = read_inputs([DATA / name], fmt, problems)
    assert errors == []
    return collection.events, problems


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_reader_reads_every_field(fmt: str) -> None:
    events, _ = _read(fmt, FORMATS[fmt])
    assert [e.date for e in events] == [
        EventDate(2006),
        EventDate(2006, 4, 10),
        EventDate(2006, 4, 10),
        EventDate(2006, 6),
        EventDate(2006, 6, 4),
    ]
    first = events[1]
    assert first.id == "peru-2006-first-round"
    assert first.headline == (
        "Preliminary results in Peru: Ollanta Humala leads with $765 million "
        "<script>alert(1)</script>"
    )
    assert first.entities == ("Ollanta Humala", "Alan García", "Lourdes Flores")
    assert first.sources == (
        ImportedSource("BBC", "http://news.bbc.co.uk/2/hi/americas/4897186.stm"),
        ImportedSource(
            "Bloomberg",
            "http://www.bloomberg.com/apps/news?pid=10000086&sid=aJQ2YVcz681I&refer=latin_america",
        ),
        ImportedSource("", "http://example.org/a;b=c"),
        ImportedSource("El Comercio", ""),
    )
    assert first.story == "Peruvian general election, 2006"
    assert first.category == "Politics and elections"
    assert first.related == ("peru-2006-runoff",)
    assert first.body.startswith("Turnout: $765 million *stars* _under_ `tick` & Procter")
    assert "\n# not a heading\n% not a comment\n\n1. not a list" in first.body
    assert first.body.endswith("Zürich \u2013 naïve café 東京 \\backslash\\")
    # the later of two records with one id gets a derived id
    assert events[2].id == "peru-2006-first-round-2"
    runoff = events[4]
    assert runoff.headline.startswith("Alan García wins the `run-off` ```election```")
    assert runoff.category == "Politics: elections #2"


def test_entity_objects_and_top_level_entities_are_declared() -> None:
    problems = Problems()
    collection, _ = read_inputs([DATA / "events.json"], "json", problems)
    by_name = {e.name: e for e in collection.entities}
    assert sorted(by_name) == ["Alan García", "Ciudad Bolívar", "Peru"]
    garcia = by_name["Alan García"]
    # "Alan Garcia" differs only by an accent: the extension matches it anyway, no alias
    assert (garcia.aliases, garcia.kind, garcia.url) == (
        (),
        "person",
        "https://en.wikipedia.org/wiki/Alan_Garc%C3%ADa",
    )
    assert by_name["Ciudad Bolívar"].aliases == ("Ciudad Bolvar",)
    assert by_name["Ciudad Bolívar"].description.startswith("A city in Venezuela.\n\n*Not*")


def test_semicolon_in_an_entity_name_becomes_a_comma() -> None:
    events, problems = _read("json", "events.json")
    assert events[2].entities == ("Keiko, Fujimori",)
    assert problems.warnings["semicolon in entity name"] == 1
    [problem] = [p for p in problems if p.reason == "semicolon in entity name"]
    assert str(problem.where).endswith("events.json: record 5 (/events/4/entities/0)")


def test_bad_json_records_are_reported_with_record_and_pointer() -> None:
    events, problems = _read("json", "bad.json")
    assert [e.headline for e in events] == ["A good event", "Another good event", "Bad id"]
    skipped = [(str(p.where).split(": ", 1)[1], p.reason) for p in problems if p.skipped]
    assert skipped == [
        ("record 2 (/1/date)", "no date"),
        ("record 3 (/2/date)", "bad date"),
        ("record 4 (/3/headline)", "no headline"),
        ("record 5 (/4/sources/1)", "source without URL or name"),
        ("record 6 (/5)", "malformed record"),
        ("record 7 (/6/entities)", "malformed record"),
        ("record 8 (/7/date)", "bad date"),
    ]
    assert problems.skipped == {
        "no date": 1,
        "bad date": 2,
        "no headline": 1,
        "source without URL or name": 1,
        "malformed record": 2,
    }
    assert problems.warnings == {
        "unknown field": 1,
        "bad source URL": 1,
        "bad id": 1,
        "duplicate id": 1,
    }
    assert events[1].id == "good-1-2"
    assert events[1].sources == (ImportedSource("Bad URL", ""),)
    assert events[2].id == "not-a-slug"
    hint = next(p for p in problems if "10 April 2006" in p.message)
    assert "write '2006-04-10'" in hint.message


def test_bad_jsonl_records_are_reported_with_line_numbers() -> None:
    events, problems = _read("jsonl", "bad.jsonl")
    assert [e.headline for e in events] == ["A good event"]
    skipped = [(str(p.where).split(": ", 1)[1], p.reason) for p in problems if p.skipped]
    assert skipped == [
        ("line 2 (/date)", "no date"),
        ("line 4 (/date)", "bad date"),
        ("line 5", "malformed record"),
        ("line 6 (/headline)", "no headline"),
        ("line 7 (/sources/0)", "source without URL or name"),
    ]


def test_bad_csv_rows_are_reported_with_the_line_they_start_on() -> None:
    events, problems = _read("csv", "bad.csv")
    assert [e.headline for e in events] == ["A good event", "Good again"]
    skipped = [(str(p.where).split(": ", 1)[1], p.reason) for p in problems if p.skipped]
    assert skipped == [
        ("line 3 (column 'date')", "no date"),
        ("line 4 (column 'date')", "bad date"),
        ("line 6 (column 'headline')", "no headline"),
        ("line 7", "malformed record"),
    ]


def test_summary_counts(tmp_path: Path) -> None:
    summary = import_events(
        [DATA / "bad.json", DATA / "events.json"], tmp_path / "out", format="json"
    )
    assert summary.ok
    assert summary.records == 17
    assert summary.events == 8
    assert summary.skipped_records == 7
    assert summary.entities == 3
    assert summary.sources == 2 + 7
    assert summary.warnings["duplicate id"] == 2
    text = summary.report()
    assert "Wrote 8 events, 3 entities and 9 sources from 17 records" in text
    assert (
        "Skipped 7 records: 2 bad date, 2 malformed record, 1 no date, 1 no headline, "
        "1 source without URL or name."
    ) in text


@pytest.mark.parametrize(
    ("fmt", "content", "message"),
    [
        ("json", "[{", "invalid JSON"),
        ("json", '{"something": 1}', "expected an array of events"),
        ("csv", "when,what\n2006,x\n", "no 'date' and no 'headline' column"),
        ("csv", "", "empty"),
        ("wikitimes", '{"name": "x"}', "not a WikiTimes export"),
    ],
)
def test_unreadable_inputs(tmp_path: Path, fmt: str, content: str, message: str) -> None:
    path = tmp_path / "input"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_one(path, fmt, Problems())


def test_missing_input_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert import_events([DATA / "events.json"], out, format="json").ok
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    summary = import_events([tmp_path / "missing.json"], out, format="json")
    assert not summary.ok
    assert "no such file" in summary.input_errors[0]
    # the pages of the input that could not be read are not deleted as stale
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_jsonl_and_csv_accept_bom_and_other_delimiters(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text("\ufeffdate;headline;entities\n2006-04-10;Semicolons;A, B\n", encoding="utf-8")
    batch = read_one(path, "csv", Problems(), delimiter=";")
    assert [(e.headline, e.entities) for e in batch.events] == [("Semicolons", ("A, B",))]


def test_unknown_fields_are_reported_once_per_input(tmp_path: Path) -> None:
    path = tmp_path / "e.json"
    records = [{"date": "2006", "headline": f"h{n}", "colour": "red"} for n in range(3)]
    path.write_text(json.dumps(records), encoding="utf-8")
    problems = Problems()
    batch = read_one(path, "json", problems)
    assert len(batch.events) == 3
    assert problems.warnings == {"unknown field": 1}


def test_schema_matches_the_reader() -> None:
    from sphinx_newsarc.importer.generic import ENTITY_FIELDS, EVENT_FIELDS, SOURCE_FIELDS

    schema_path = Path(__file__).parents[1] / "sphinx_newsarc" / "schema" / "events.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    defs = schema["$defs"]
    assert tuple(defs["event"]["properties"]) == EVENT_FIELDS
    assert defs["event"]["required"] == ["date", "headline"]
    assert tuple(defs["entity"]["properties"]) == ENTITY_FIELDS
    assert tuple(defs["source"]["oneOf"][0]["properties"]) == SOURCE_FIELDS


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_control_characters_are_removed_and_reported(tmp_path: Path, fmt: str) -> None:
    record = {
        "date": "2006-04-10",
        "headline": "Bell\x07 and escape\x1b[31m",
        "body": "Line one\x0bline two\x00.\r\nEnd\x85\x9f",
    }
    path = tmp_path / f"e.{fmt}"
    if fmt == "csv":
        path.write_text(
            "date,headline,body\n" + ",".join('"' + v + '"' for v in record.values()) + "\n",
            encoding="utf-8",
            newline="",
        )
    elif fmt == "jsonl":
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    else:
        path.write_text(json.dumps([record]), encoding="utf-8")
    problems = Problems()
    batch = read_one(path, fmt, problems)
    (event,) = batch.events
    assert event.headline == "Bell and escape[31m"
    assert event.body == "Line one\nline two.\nEnd"  # U+000B and U+0085 break lines
    at = {"json": "record 1 (/0/{})", "jsonl": "line 1 (/{})", "csv": "line 2 (column '{}')"}
    found = [(str(p.where), p.message) for p in problems if p.reason == "control character"]
    assert found == [
        (f"{path}: " + at[fmt].format("headline"), "control character(s) U+0007, U+001B removed"),
        (f"{path}: " + at[fmt].format("body"), "control character(s) U+0000, U+009F removed"),
    ]
    assert problems.warnings == {"control character": 2}


@pytest.mark.parametrize("fmt", ["json", "jsonl", "wikitimes"])
def test_lone_surrogates_skip_the_record_with_its_position(tmp_path: Path, fmt: str) -> None:
    key = "description" if fmt == "wikitimes" else "headline"
    good = f'{{"date": "2006-04-10", "{key}": "Good"}}'
    bad = f'{{"date": "2006-04-11", "{key}": "bad \\ud800"}}'
    bad_key = '{"date": "2006-04-12", "\\udfff": "x", "' + key + '": "Key"}'
    path = tmp_path / "e.json"
    if fmt == "jsonl":
        path.write_text(f"{good}\n{bad}\n{bad_key}\n", encoding="utf-8")
    else:
        path.write_text(f"[{good}, {bad}, {bad_key}]", encoding="utf-8")
    problems = Problems()
    batch = read_one(path, fmt, problems)
    assert [e.headline for e in batch.events] == ["Good"]
    assert problems.skipped == {"invalid text": 2}
    wheres = [str(p.where) for p in problems]
    if fmt == "jsonl":
        assert wheres == [f"{path}: line 2 (/{key})", f"{path}: line 3"]
    else:
        assert wheres == [f"{path}: record 2 (/1/{key})", f"{path}: record 3 (/2)"]
    assert "'bad \\ud800' holds a lone surrogate" in problems.items[0].message


@pytest.mark.parametrize("fmt", ["json", "wikitimes"])
def test_deeply_nested_json_is_an_unreadable_input(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "deep.json"
    path.write_text(
        '[{"date": "2006", "headline": "x"},\n' + "[" * 100_000 + "]" * 100_000 + "]",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_one(path, fmt, Problems())
    assert str(info.value) == (
        f"{path}: invalid JSON: arrays and objects nest more than 500 deep (line 2 column 500)"
    )


def test_deeply_nested_jsonl_line_is_a_skipped_record(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(
        '{"date": "2006", "headline": "x"}\n'
        + "[" * 100_000
        + "]" * 100_000
        + '\n{"date": "2007", "headline": "y"}\n',
        encoding="utf-8",
    )
    problems = Problems()
    batch = read_one(path, "jsonl", problems)
    assert [e.headline for e in batch.events] == ["x", "y"]
    assert [str(p) for p in problems] == [
        f"{path}: line 2: malformed record: invalid JSON: arrays and objects nest more than "
        "500 deep (column 501) (record skipped)"
    ]


def test_source_urls_use_the_core_encoding_rule(tmp_path: Path) -> None:
    from sphinx_newsarc.core.sources import encode_url

    raw = [
        'https://example.org/a "quoted" <b>',
        "https://example.org/{x}|^\\",
        "https://example.org/50%/García",
    ]
    path = tmp_path / "e.json"
    path.write_text(
        json.dumps(
            [
                {
                    "date": "2006",
                    "headline": "x",
                    "sources": [{"name": "N", "url": url} for url in raw],
                }
            ]
        ),
        encoding="utf-8",
    )
    (event,) = read_one(path, "json", Problems()).events
    assert [s.url for s in event.sources] == [encode_url(url) for url in raw]
    assert event.sources[0].url == "https://example.org/a%20%22quoted%22%20%3Cb%3E"


def test_every_reason_is_documented() -> None:
    from sphinx_newsarc.importer import SKIP_REASONS, WARNING_REASONS

    docs = (Path(__file__).parents[1] / "docs" / "importing.md").read_text(encoding="utf-8")
    assert [r for r in (*SKIP_REASONS, *WARNING_REASONS) if f"| `{r}` |" not in docs] == []
