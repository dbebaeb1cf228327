"""JSON exports: every event, each day, in the schema the importer reads; a round trip."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_root, read, warnings_of
from sphinx.testing.util import SphinxTestApp

from sphinx_newsarc.core.archive import Archive
from sphinx_newsarc.domain import NewsDomain
from sphinx_newsarc.importer import import_events

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "sphinx_newsarc" / "schema" / "events.schema.json").read_text(
        encoding="utf-8"
    )
)


def check_schema(data: dict[str, Any]) -> None:
    """The parts of the schema an export uses: fields, required fields, patterns."""
    defs = SCHEMA["$defs"]
    assert set(data) == {"$schema", "events", "entities"}
    assert data["$schema"] == SCHEMA["$id"]
    for event in data["events"]:
        assert set(event) <= set(defs["event"]["properties"])
        assert set(defs["event"]["required"]) <= set(event)
        assert re.match(defs["date"]["pattern"], event["date"])
        assert re.match(defs["id"]["pattern"], event["id"])
        assert event["headline"]
        for source in event["sources"]:
            assert set(source) <= {"name", "url"} and (source.get("name") or source.get("url"))
    for entity in data["entities"]:
        assert set(entity) <= set(defs["entity"]["properties"]) and entity["name"]


def canonical(data: bytes) -> bytes:
    return (
        json.dumps(json.loads(data), sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    ).encode()


@pytest.mark.sphinx("html", testroot="archive")
def test_events_json_and_day_json(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    raw = (app.outdir / "news/events.json").read_bytes()
    assert raw == canonical(raw)  # sorted keys, indent 2, UTF-8 as is, newline at the end
    data = json.loads(raw)
    check_schema(data)
    assert len(data["events"]) == 10
    assert [e["date"] for e in data["events"]][:3] == ["2005-09-18", "2006", "2006-03-21"]
    specials = next(e for e in data["events"] if e["id"] == "specials")
    assert specials == {
        "id": "specials",
        "date": "2008-02-18",
        "headline": "Zoë & Ünal's 100% {fund} costs $5 #1 _x_ ~ ^ \\ done.",
        "entities": ["Procter & Gamble", "Zoë Ünal", "Taliban"],
        "sources": [{"name": "Le Monde", "url": "https://lemonde.fr/a_b?c=1&d=%20"}],
        "story": "",
        "category": "",
        "related": [],
    }
    assert "Zoë & Ünal" in raw.decode("utf-8")  # not \\u escapes
    # an alias becomes the canonical name; the declaration comes along
    cabinet = next(e for e in data["events"] if e["headline"].startswith("Karzai names"))
    assert cabinet["entities"] == ["Hamid Karzai", "Afghanistan"]
    assert data["entities"] == [
        {
            "name": "Hamid Karzai",
            "aliases": ["Karzai"],
            "kind": "person",
            "url": "https://en.wikipedia.org/wiki/Hamid_Karzai",
            "description": "President of Afghanistan.",
            "wikidata": "",
        }
    ]

    day = json.loads((app.outdir / "news/2006/03/21.json").read_bytes())
    check_schema(day)
    assert [e["headline"] for e in day["events"]] == [
        "Karzai names a new cabinet.",
        "Taliban fighters attack a police post in Helmand.",
    ]
    assert [e["name"] for e in day["entities"]] == ["Hamid Karzai"]
    assert not (app.outdir / "news/2006/05.json").exists()  # month pages have none
    page = read(app.outdir / "news/2006/03/21.html")
    assert re.search(
        r'<p class="newsarc-formats">Formats: <strong>HTML</strong> · '
        r'<a class="[^"]*" href="21.json">JSON</a></p>',
        page,
    )
    assert '<link rel="alternate" type="application/json" title="2006-03-21 (JSON)' in page
    front = read(app.outdir / "news/index.html")
    assert 'href="events.json">JSON</a>' in front


@pytest.mark.sphinx(
    "html",
    testroot="archive",
    confoverrides={"newsarc_json": {"events": "data/all.json", "day": ""}},
)
def test_json_paths_are_configurable(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    assert (app.outdir / "data/all.json").exists()
    assert not list((app.outdir / "news").rglob("*.json"))
    assert "newsarc-formats" not in read(app.outdir / "news/2006/03/21.html")


@pytest.mark.sphinx("text", testroot="archive")
def test_no_json_for_other_builders(app: SphinxTestApp) -> None:
    app.build()
    assert not list(Path(app.outdir).rglob("*.json"))
    assert not (app.outdir / "news/2006/03/21.txt").exists()  # browse pages: websites only
    assert "Formats:" not in (app.outdir / "news/index.txt").read_text(encoding="utf-8")


CONF = """\
extensions = ["myst_parser", "sphinx_newsarc"]
project = "Round trip"
exclude_patterns = ["_build"]
"""
INDEX = """\
# Round trip

```{toctree}
events/index
news/index
```
"""


def _build(src: Path, out: Path) -> tuple[bytes, set[tuple[object, ...]], str]:
    app = SphinxTestApp("html", srcdir=src, builddir=out)
    try:
        app.build()
        domain = app.env.get_domain("news")
        assert isinstance(domain, NewsDomain)
        return (
            (Path(app.outdir) / "news/events.json").read_bytes(),
            facts(domain.archive),
            app.warning.getvalue(),
        )
    finally:
        app.cleanup()


def facts(archive: Archive) -> set[tuple[object, ...]]:
    return {
        (
            e.id,
            e.date.iso(),
            e.headline,
            archive.entities_of[e.uid],
            e.sources,
            e.story,
            e.category,
            e.related,
        )
        for e in archive.events.values()
    }


@pytest.mark.parametrize("root", ["archive", "feeds"])
def test_export_then_import_gives_the_same_events(root: str, tmp_path: Path) -> None:
    exported, original, warnings = _build(copy_root(root, tmp_path), tmp_path / "out")
    assert "WARNING" not in warnings
    export_file = tmp_path / "events.json"
    export_file.write_bytes(exported)
    project = tmp_path / "imported"
    project.mkdir()
    (project / "conf.py").write_text(CONF, encoding="utf-8")
    (project / "index.md").write_text(INDEX, encoding="utf-8")
    summary = import_events([export_file], project / "events", format="json")
    assert summary.ok and not summary.problems, summary.report()
    again, imported, warnings = _build(project, tmp_path / "out2")
    assert "WARNING" not in warnings, warnings
    assert imported == original
    assert again == exported  # and exporting again gives the same bytes


def test_exporter_writes_the_bytes_of_dump_export() -> None:
    """Files share each event's encoding; the bytes are those of ``dump(export(...))``."""
    from sphinx_newsarc.core.dates import parse_date
    from sphinx_newsarc.core.model import EntityRecord, EventRecord, Source
    from sphinx_newsarc.export import Exporter, dump, export

    events = [
        EventRecord(
            uid=f"d#{n}",
            id=f"e{n}",
            date=parse_date(f"2010-01-0{1 + n % 3}"),
            headline=f'Quote "{n}" \u00e9 <b>',
            docname="d",
            lineno=n,
            anchor=f"e{n}",
            entities=("A", "B b") if n % 2 else (),
            sources=(Source("AP", "https://x.test/?a=1&b=2"),) if n % 3 else (),
            related=("e1",) if n == 2 else (),
        )
        for n in range(7)
    ]
    archive = Archive(
        events, [EntityRecord("A", "d", 1, "a", aliases=("Ay",), description=("One.", "Two."))]
    )
    exporter = Exporter(archive)
    for chosen in (None, ["d#1", "d#2"], ["d#0"], []):
        assert exporter.dump(chosen) == dump(export(archive, chosen)), chosen


def test_the_schema_s_id_pattern_is_the_event_id_rule() -> None:
    """One rule for event ids: the directive, the importer and the published schema."""
    import json
    from pathlib import Path

    from sphinx_newsarc.core.model import EVENT_ID

    schema = json.loads(
        (Path(__file__).parents[1] / "sphinx_newsarc/schema/events.schema.json").read_text(
            encoding="utf-8"
        )
    )
    patterns = [value["pattern"] for value in _find(schema, "id") if "pattern" in value]
    assert patterns and all(p == EVENT_ID.pattern for p in patterns)


def _find(node: object, key: str) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    if isinstance(node, dict):
        for k, value in node.items():
            if k == key and isinstance(value, dict):
                found.append(value)
            found.extend(_find(value, key))
    elif isinstance(node, list):
        for item in node:
            found.extend(_find(item, key))
    return found
