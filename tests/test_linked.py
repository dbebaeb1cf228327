"""The archive for machines: schema.org JSON-LD (expanded by PyLD), Wikidata ids, iCalendar
files (icalendar round trip), per-day Atom XML (feedparser), sitemap and Open Graph."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import pytest
from buildutil import build, fresh_copy, touch_later
from conftest import copy_root, read
from pyld import jsonld
from sphinx.testing.util import SphinxTestApp

from sphinx_newsarc.calendars import date_span
from sphinx_newsarc.core.dates import EventDate
from sphinx_newsarc.core.jsonld import LinkedEvent, event_node, script
from sphinx_newsarc.core.model import WIKIDATA_ID

BASE = "https://example.org/archive/"
SCHEMA = "https://schema.org/"
DATA = Path(__file__).parent / "data" / "linked"
CONTEXT = json.loads((DATA / "schemaorg-context.jsonld").read_text(encoding="utf-8"))
VOCABULARY = json.loads((DATA / "schemaorg-vocabulary.json").read_text(encoding="utf-8"))
HOSTILE = 'AT&T <Labs> buys "Zoë\'s Café" for 5 < 6 & 7 > 3.'
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
TYPE = "@type"


def _loader(url: str, options: object = None) -> dict[str, Any]:
    """schema.org's context, served from a local copy (the tests have no network)."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise jsonld.JsonLdError(f"no network in tests: {url}", "loading document failed")


def scripts(html: str) -> list[dict[str, Any]]:
    return [json.loads(text) for text in SCRIPT.findall(html)]


def expand(data: dict[str, Any], base: str) -> list[dict[str, Any]]:
    return jsonld.expand(data, {"documentLoader": _loader, "base": base})


def _ancestors(cls: str) -> set[str]:
    found = set()
    while cls:
        found.add(cls)
        cls = VOCABULARY["classes"][cls]
    return found


def check_vocabulary(nodes: list[dict[str, Any]]) -> None:
    """Every type and property is schema.org's, and every property is used on a type
    of its domain."""
    for node in nodes:
        types = node.get(TYPE, [])
        classes: set[str] = set()
        for iri in types:
            assert iri.startswith(SCHEMA), iri
            classes |= _ancestors(iri.removeprefix(SCHEMA))
        for key, values in node.items():
            if key.startswith("@"):
                continue
            assert key.startswith(SCHEMA), key
            domain = VOCABULARY["properties"][key.removeprefix(SCHEMA)]
            assert classes & set(domain), (key, types)
            for value in values:
                if isinstance(value, dict) and "@value" not in value and set(value) != {"@id"}:
                    check_vocabulary([value])


def events_by_id(nodes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every NewsArticle node, at any depth, by @id."""
    found: dict[str, dict[str, Any]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if f"{SCHEMA}NewsArticle" in node.get(TYPE, []):
                found[node["@id"]] = node
            for value in node.values():
                walk(value)

    walk(nodes)
    return found


def values(node: dict[str, Any], prop: str) -> list[Any]:
    return [
        v.get("@value", v.get("@id", v)) if isinstance(v, dict) else v
        for v in node.get(SCHEMA + prop, [])
    ]


# -- JSON-LD ---------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="feeds")
def test_json_ld_is_schema_org_with_absolute_urls(app: SphinxTestApp) -> None:
    app.build()
    pages = {
        "events.html": None,
        "news/2006/03/21.html": "CollectionPage",
        "news/entities/at-t-labs.html": "CollectionPage",
        "news/stories/tom-jerry-s-saga.html": "CollectionPage",
    }
    found: dict[str, dict[str, Any]] = {}
    for page, page_type in pages.items():
        html = read(app.outdir / page)
        [data] = scripts(html)
        expanded = expand(data, BASE + page)
        check_vocabulary(expanded)
        if page_type:
            [top] = expanded
            assert top[TYPE] == [SCHEMA + page_type]
            assert top["@id"] == BASE + page
        found.update(events_by_id(expanded))
    cafe = found[BASE + "events.html#att-cafe"]
    assert values(cafe, "headline") == [HOSTILE]
    assert values(cafe, "temporalCoverage") == ["2006-03-21"]
    assert values(cafe, "url") == [BASE + "events.html#att-cafe"]
    assert values(cafe, "articleSection") == ["Business & <Money>"]
    [att, zoe] = cafe[SCHEMA + "about"]
    assert att[TYPE] == [SCHEMA + "Organization"]
    assert values(att, "name") == ["AT&T <Labs>"]
    assert values(att, "sameAs") == [
        "https://example.com/att?a=1&b=2",
        "http://www.wikidata.org/entity/Q42",
    ]
    assert values(att, "url") == [BASE + "news/entities/at-t-labs.html"]
    assert zoe[TYPE] == [SCHEMA + "Thing"] and SCHEMA + "sameAs" not in zoe
    cited, plain = cafe[SCHEMA + "citation"]
    assert values(cited, "url") == ["https://example.com/a?x=1&y=%20"]
    assert values(cited, "name") == ["Le Monde & Co"]
    assert plain == {"@value": "Plain outlet"}
    [story] = cafe[SCHEMA + "isPartOf"]
    assert values(story, "url") == [BASE + "news/stories/tom-jerry-s-saga.html"]
    month = found[BASE + "events.html#month-only"]
    assert values(month, "temporalCoverage") == ["2006-04"]
    # the entity's page is about the entity
    [entity_page] = expand(scripts(read(app.outdir / "news/entities/at-t-labs.html"))[0], BASE)
    assert values(entity_page[SCHEMA + "about"][0], "name") == ["AT&T <Labs>"]
    assert len(entity_page[SCHEMA + "hasPart"]) == 3
    # no text ends the script early: every <, >, & is a \u escape
    raw = SCRIPT.findall(read(app.outdir / "events.html"))[0]
    assert not set("<>&") & set(raw)
    # pages without events carry none
    assert scripts(read(app.outdir / "index.html")) == []


@pytest.mark.sphinx("html", testroot="feeds", confoverrides={"html_baseurl": ""})
def test_json_ld_urls_are_relative_without_baseurl(app: SphinxTestApp) -> None:
    app.build()
    [data] = scripts(read(app.outdir / "news/entities/at-t-labs.html"))
    assert data["@id"] == "at-t-labs.html"
    assert {part["@id"] for part in data["hasPart"]} == {
        "../../events.html#att-cafe",
        "../../events.html#reply",
        "../../events.html#older",
    }
    # resolved against the page's address they are the event's place
    page = "https://elsewhere.test/site/news/entities/at-t-labs.html"
    found = events_by_id(expand(data, page))
    assert "https://elsewhere.test/site/events.html#older" in found


@pytest.mark.sphinx("epub", testroot="feeds")
def test_no_json_ld_in_epub(app: SphinxTestApp) -> None:
    app.build()
    assert "application/ld+json" not in read(app.outdir / "events.xhtml")


def test_script_escapes_markup() -> None:
    event = LinkedEvent("a.html#x", "2006", "</script><b>&amp;")
    text = script({"@context": "https://schema.org", **event_node(event, str)})
    assert text.count("</script>") == 1 and text.endswith("</script>")
    body = text.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body)["headline"] == "</script><b>&amp;"


# -- Wikidata --------------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="feeds")
def test_wikidata_is_linked_and_exported(app: SphinxTestApp) -> None:
    app.build()
    link = '<a class="newsarc-wikidata reference external" href="https://www.wikidata.org/wiki/Q42">Q42</a>'
    assert link in read(app.outdir / "events.html")  # the declaration
    assert link in read(app.outdir / "news/entities/at-t-labs.html")  # the entity's page
    data = json.loads(read(app.outdir / "news/events.json"))
    assert [e["wikidata"] for e in data["entities"]] == ["Q42"]
    feed = feedparser.parse((app.outdir / "news/feeds/entities/at-t-labs.atom.xml").read_bytes())
    related = [(link.href, link.get("title")) for link in feed.feed.links if link.rel == "related"]
    assert related == [
        ("https://example.com/att?a=1&b=2", None),
        ("https://www.wikidata.org/wiki/Q42", "Wikidata Q42"),
    ]


def test_bad_wikidata_ids_warn_at_their_line(tmp_path: Path) -> None:
    project = copy_root("feeds", tmp_path)
    people = (
        "# People\n\n"
        "```{entity} Good\n:wikidata: Q1\n```\n\n"  # line 3
        "```{entity} Lower\n:wikidata: q42\n```\n\n"  # line 7
        "```{entity} Zero\n:wikidata: Q042\n```\n\n"  # line 11
        "```{entity} Link\n:wikidata: https://www.wikidata.org/wiki/Q42\n```\n"  # line 15
    )
    (project / "people.md").write_text(people, encoding="utf-8")
    index = project / "index.md"
    index.write_text(read(index).replace("events\n", "events\npeople\n"), encoding="utf-8")
    out, warnings = build(project, tmp_path / "out")
    bad = [line for line in warnings.splitlines() if "wikidata" in line]
    assert [m[1] for line in bad if (m := re.search(r"people\.md:(\d+)", line))] == [
        "7",
        "11",
        "15",
    ]
    assert all("[newsarc.option]" in line for line in bad)
    exported = {
        e["name"]: e["wikidata"] for e in json.loads(read(out / "news/events.json"))["entities"]
    }
    assert exported["Good"] == "Q1" and exported["Lower"] == ""


def test_import_keeps_wikidata_and_drops_bad_ids(tmp_path: Path) -> None:
    from sphinx_newsarc.importer import Problems, read_inputs
    from sphinx_newsarc.importer.pages import render_entity

    source = tmp_path / "in.json"
    source.write_text(
        json.dumps(
            {
                "events": [],
                "entities": [
                    {"name": "Douglas Adams", "wikidata": "Q42"},
                    {"name": "Nobody", "wikidata": "42"},
                ],
            }
        ),
        encoding="utf-8",
    )
    problems = Problems()
    collection, errors = read_inputs([source], "json", problems)
    assert errors == []
    by_name = {e.name: e for e in collection.entities}
    assert by_name["Douglas Adams"].wikidata == "Q42"
    assert by_name["Nobody"].wikidata == ""
    assert problems.warnings == {"bad Wikidata id": 1}
    assert "wikidata: Q42" in render_entity(by_name["Douglas Adams"])


def test_the_schema_s_wikidata_pattern_is_the_directive_s_rule() -> None:
    schema = json.loads(
        (Path(__file__).parents[1] / "sphinx_newsarc/schema/events.schema.json").read_text(
            encoding="utf-8"
        )
    )
    pattern = schema["$defs"]["entity"]["properties"]["wikidata"]["pattern"]
    assert pattern == f"^({WIKIDATA_ID.pattern[1:-1]})?$"


# -- iCalendar and per-day XML ---------------------------------------------------------------


def ics_files(outdir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(outdir).as_posix(): p.read_bytes()
        for p in sorted(Path(outdir).rglob("*.ics"))
    }


@pytest.mark.sphinx("html", testroot="feeds")
def test_icalendar_files_round_trip(app: SphinxTestApp) -> None:
    app.build()
    files = ics_files(app.outdir)
    assert set(files) == {
        "news/calendar.ics",
        "news/entities/at-t-labs.ics",
        "news/entities/zoe-unal.ics",
        "news/stories/tom-jerry-s-saga.ics",
    }
    for data in files.values():
        calendar = icalendar.Calendar.from_ical(data)
        assert calendar.to_ical() == data  # a round trip gives the same bytes
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    whole = icalendar.Calendar.from_ical(files["news/calendar.ics"])
    events = {str(e["UID"]): e for e in whole.walk("VEVENT")}
    assert len(events) == 4
    cafe = events[BASE + "events.html#att-cafe"]
    assert str(cafe["SUMMARY"]) == HOSTILE
    assert str(cafe["URL"]) == BASE + "events.html#att-cafe"
    assert cafe.decoded("DTSTART") == dt.date(2006, 3, 21)
    assert cafe.decoded("DTEND") == dt.date(2006, 3, 22)
    assert cafe.decoded("DTSTAMP") == dt.datetime(2006, 3, 21, tzinfo=dt.UTC)
    description = str(cafe["DESCRIPTION"])
    assert "- Le Monde & Co <https://example.com/a?x=1&y=%20>" in description
    assert "- Plain outlet" in description
    month = events[BASE + "events.html#month-only"]
    assert (month.decoded("DTSTART"), month.decoded("DTEND")) == (
        dt.date(2006, 4, 1),
        dt.date(2006, 5, 1),
    )
    story = icalendar.Calendar.from_ical(files["news/stories/tom-jerry-s-saga.ics"])
    assert [str(e["UID"]) for e in story.walk("VEVENT")] == [
        BASE + "events.html#att-cafe",
        BASE + "events.html#reply",
    ]
    entity = read(app.outdir / "news/entities/at-t-labs.html")
    assert 'href="at-t-labs.ics">iCalendar</a>' in entity
    assert '<link rel="alternate" type="text/calendar"' in entity


def test_date_span() -> None:
    assert date_span(EventDate(2006, 12)) == (dt.date(2006, 12, 1), dt.date(2007, 1, 1))
    assert date_span(EventDate(2006)) == (dt.date(2006, 1, 1), dt.date(2007, 1, 1))
    assert date_span(EventDate(2006, 2, 28)) == (dt.date(2006, 2, 28), dt.date(2006, 3, 1))


@pytest.mark.sphinx("html", testroot="feeds")
def test_each_day_as_atom_xml(app: SphinxTestApp) -> None:
    app.build()
    day = read(app.outdir / "news/2006/03/21.html")
    assert re.search(
        r'Formats: <strong>HTML</strong> · <a [^>]*href="21.json">JSON</a> · '
        r'<a [^>]*href="21.xml">XML</a>',
        day,
    )
    feed = feedparser.parse((app.outdir / "news/2006/03/21.xml").read_bytes())
    assert not feed.bozo
    assert [e.title for e in feed.entries] == [HOSTILE]
    assert feed.entries[0].link == BASE + "events.html#att-cafe"
    assert feed.feed.link == BASE + "news/2006/03/21.html"
    assert sorted(p.name for p in (app.outdir / "news/2006/03").glob("*.xml")) == [
        "21.xml",
        "22.xml",
    ]


def test_linked_outputs_incremental_equals_clean(tmp_path: Path) -> None:
    """An entity declared in another document: changing its Wikidata id changes the
    JSON-LD of the pages that name it (author documents and browse pages)."""
    project = copy_root("feeds", tmp_path / "inc")
    events = project / "events.md"
    text = read(events)
    start = text.index("```{entity}")
    end = text.index("```\n", start) + 4
    (project / "people.md").write_text("# People\n\n" + text[start:end], encoding="utf-8")
    events.write_text(text[:start] + text[end:], encoding="utf-8")
    index = project / "index.md"
    index.write_text(read(index).replace("events\n", "events\npeople\n"), encoding="utf-8")
    out, _ = build(project, tmp_path / "inc-out")
    assert "entity/Q42" in read(out / "events.html")
    people = project / "people.md"

    def linked(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for pattern in ("*.ics", "*.xml", "*.json", "*.html")
            for p in root.rglob(pattern)
            if ".doctrees" not in p.parts
        }

    edits = [(people, "Q42", "Q43"), (events, "Plain outlet", "Other outlet")]
    for step, (path, old, new) in enumerate(edits):
        path.write_text(read(path).replace(old, new), encoding="utf-8")
        touch_later(path)
        out, warnings = build(project, tmp_path / "inc-out")
        assert "WARNING" not in warnings
        clean, _ = build(
            fresh_copy(project, tmp_path / f"clean{step}"), tmp_path / f"clean{step}-out"
        )
        incremental, fresh = linked(out), linked(clean)
        assert incremental.keys() == fresh.keys()
        assert [k for k in incremental if incremental[k] != fresh[k]] == []
        if step == 0:  # events.html was not read again, but shows the entity's new id
            assert b"entity/Q43" in incremental["events.html"]
            assert b"entity/Q43" in incremental["news/2006/03/22.html"]
    calendar = icalendar.Calendar.from_ical(incremental["news/calendar.ics"])
    assert any("Other outlet" in str(e.get("DESCRIPTION", "")) for e in calendar.walk("VEVENT"))


# -- the ecosystem's extensions --------------------------------------------------------------


def test_sitemap_lists_every_archive_page(tmp_path: Path) -> None:
    pytest.importorskip("sphinx_sitemap")
    project = copy_root("feeds", tmp_path)
    out, warnings = build(
        project,
        tmp_path / "out",
        extensions=["myst_parser", "sphinx_newsarc", "sphinx_sitemap"],
        sitemap_url_scheme="{link}",
    )
    assert "WARNING" not in warnings
    listed = set(re.findall(r"<loc>([^<]*)</loc>", read(out / "sitemap.xml")))
    pages = {BASE + p.relative_to(out).as_posix() for p in (out / "news").rglob("*.html")}
    assert len(pages) > 10 and pages <= listed


def test_opengraph_describes_archive_pages(tmp_path: Path) -> None:
    pytest.importorskip("sphinxext.opengraph")
    project = copy_root("feeds", tmp_path)
    out, warnings = build(
        project,
        tmp_path / "out",
        extensions=["myst_parser", "sphinx_newsarc", "sphinxext.opengraph"],
        ogp_site_url=BASE,
        ogp_social_cards={"enable": False},
    )
    assert "WARNING" not in warnings
    entity = read(out / "news/entities/at-t-labs.html")
    title = re.search(r'<meta property="og:title" content="([^"]*)"', entity)
    assert title and html.unescape(title[1]) == "AT&T <Labs>"
    assert (
        '<meta property="og:description" content="A &quot;quoted&quot; &lt;description&gt; '
        '&amp; more." />'
    ) in entity
    assert f'<meta property="og:url" content="{BASE}news/entities/at-t-labs.html" />' in entity
    day = read(out / "news/2006/03/21.html")
    assert '<meta property="og:description" content="AT&amp;T &lt;Labs&gt; buys' in day
