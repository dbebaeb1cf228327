"""Atom feeds: valid, parsed by a real feed reader, hostile text intact, linked from pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from buildutil import build, fresh_copy, touch_later
from conftest import copy_root, read, warnings_of
from sphinx.testing.util import SphinxTestApp

A = "{http://www.w3.org/2005/Atom}"
BASE = "https://example.org/archive/"
HOSTILE = 'AT&T <Labs> buys "Zoë\'s Café" for 5 < 6 & 7 > 3.'
FEEDS = {
    "news/feeds/all.atom.xml",
    "news/feeds/entities/at-t-labs.atom.xml",
    "news/feeds/entities/zoe-unal.atom.xml",
    "news/feeds/stories/tom-jerry-s-saga.atom.xml",
    "news/feeds/categories/business-money.atom.xml",
    "news/feeds/categories/other.atom.xml",
}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def feed_files(outdir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(outdir).as_posix(): p.read_bytes()
        for p in sorted(Path(outdir).rglob("*.atom.xml"))
    }


def check_atom(data: bytes) -> ET.Element:
    """The elements RFC 4287 requires, checked on the raw XML."""
    root = ET.fromstring(data)
    assert root.tag == f"{A}feed"
    for tag in ("id", "title", "updated"):
        assert len(root.findall(f"{A}{tag}")) == 1, tag
    assert RFC3339.match(root.findtext(f"{A}updated") or "")
    assert root.findtext(f"{A}author/{A}name")
    self_links = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("href") == root.findtext(f"{A}id")
    ids = []
    for entry in root.findall(f"{A}entry"):
        for tag in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{tag}")) == 1, tag
        assert RFC3339.match(entry.findtext(f"{A}updated") or "")
        alternate = [link for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]
        assert len(alternate) == 1 and alternate[0].get("href", "").startswith(BASE)
        ids.append(entry.findtext(f"{A}id"))
    assert len(ids) == len(set(ids))
    updated = [e.findtext(f"{A}updated") or "" for e in root.findall(f"{A}entry")]
    assert updated == sorted(updated, reverse=True)  # newest first
    if updated:
        assert root.findtext(f"{A}updated") == updated[0]
    return root


@pytest.mark.sphinx("html", testroot="feeds")
def test_feeds_are_valid_atom_a_feed_reader_reads(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    files = feed_files(app.outdir)
    assert set(files) == FEEDS
    for name, data in files.items():
        check_atom(data)
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.feed.id == BASE + name
        assert parsed.feed.author == 'Zoë <Ünal> & "O\'Brien"'
        assert parsed.feed.title.endswith(' \N{EM DASH} Feeds & <Tests> "Q"')
        for entry in parsed.entries:
            assert entry.id and entry.title and entry.updated_parsed and entry.link

    everything = feedparser.parse(files["news/feeds/all.atom.xml"])
    assert [e.title for e in everything.entries] == [
        "A month-only event about Zoë Ünal.",
        "Zoë Ünal replies: «Non» & 'oui' <maybe>.",
        HOSTILE,
        "An older event without sources.",
    ]
    assert everything.feed.link == BASE + "news/index.html"
    entry = everything.entries[2]
    # the event's place: its document's URL and its anchor; dates from the event, not the clock
    assert entry.link == BASE + "events.html#att-cafe"
    assert entry.id == entry.link
    assert entry.updated == "2006-03-21T00:00:00Z"
    assert everything.entries[0].updated == "2006-04-01T00:00:00Z"  # known to the month
    assert everything.feed.updated == "2006-04-01T00:00:00Z"
    terms = [t.term for t in entry.tags]
    assert terms == ["AT&T <Labs>", "Zoë Ünal", 'Tom & Jerry\'s "<Saga>"', "Business & <Money>"]
    related = [(link.href, link.get("title")) for link in entry.links if link.rel == "related"]
    assert related == [("https://example.com/a?x=1&y=%20", "Le Monde & Co")]
    content = entry.content[0].value
    assert "Plain outlet" in content and "Le Monde &amp; Co" in content
    assert f'href="{BASE}news/entities/zoe-unal.html"' in content

    entity = feedparser.parse(files["news/feeds/entities/zoe-unal.atom.xml"])
    assert [e.id for e in entity.entries] == [
        BASE + "events.html#" + a for a in ("month-only", "reply", "att-cafe")
    ]
    assert entity.feed.title.startswith("Zoë Ünal \N{EM DASH} ")
    assert entity.feed.link == BASE + "news/entities/zoe-unal.html"
    category = feedparser.parse(files["news/feeds/categories/business-money.atom.xml"])
    assert category.feed.title.startswith("Category: Business & <Money> \N{EM DASH} ")
    assert [e.id.rsplit("#")[1] for e in category.entries] == ["reply", "att-cafe"]
    story = feedparser.parse(files["news/feeds/stories/tom-jerry-s-saga.atom.xml"])
    assert story.feed.link == BASE + "news/stories/tom-jerry-s-saga.html"


def alternates(html: str) -> list[tuple[str, str, str]]:
    return re.findall(
        r'<link rel="alternate" type="([^"]+)" title="([^"]*)" href="([^"]+)" />', html
    )


@pytest.mark.sphinx("html", testroot="feeds")
def test_pages_link_their_feeds(app: SphinxTestApp) -> None:
    app.build()
    front = read(app.outdir / "news/index.html")
    hrefs = [href for _type, _title, href in alternates(front)]
    assert hrefs == [
        "feeds/all.atom.xml",
        "events.json",
        "feeds/categories/business-money.atom.xml",
        "feeds/categories/other.atom.xml",
        "calendar.ics",
    ]
    assert 'title="Category: Business &amp; &lt;Money&gt; \N{EM DASH} ' in front
    assert re.search(
        r'<p class="newsarc-category-feeds">.*href="feeds/categories/other.atom.xml"', front
    )
    entity = read(app.outdir / "news/entities/at-t-labs.html")
    assert ("application/atom+xml", "../feeds/entities/at-t-labs.atom.xml") in [
        (t, h) for t, _title, h in alternates(entity)
    ]
    assert re.search(
        r'class="newsarc-formats">Formats: <strong>HTML</strong> · <a [^>]*'
        r'href="../feeds/entities/at-t-labs.atom.xml">Atom</a>',
        entity,
    )
    story = read(app.outdir / "news/stories/tom-jerry-s-saga.html")
    assert "../feeds/stories/tom-jerry-s-saga.atom.xml" in [h for *_x, h in alternates(story)]
    # the whole archive's feed from every page, relative to it
    events = read(app.outdir / "events.html")
    title = "News archive \N{EM DASH} Feeds &amp; &lt;Tests&gt; &quot;Q&quot;"
    assert alternates(events) == [("application/atom+xml", title, "news/feeds/all.atom.xml")]
    pages = {
        "news/index.html": front,
        "news/entities/at-t-labs.html": entity,
        "news/stories/tom-jerry-s-saga.html": story,
        "events.html": events,
    }
    for page, html in pages.items():
        for _type, _title, href in alternates(html):
            assert ((app.outdir / page).parent / href).resolve().is_file(), (page, href)


@pytest.mark.sphinx(
    "html",
    testroot="feeds",
    confoverrides={"newsarc_feed_length": 2, "html_baseurl": "https://x.test/a"},
)
def test_feed_length_and_base_without_slash(app: SphinxTestApp) -> None:
    app.build()
    everything = feedparser.parse((app.outdir / "news/feeds/all.atom.xml").read_bytes())
    assert [e.link.rsplit("#")[1] for e in everything.entries] == ["month-only", "reply"]
    assert everything.feed.id == "https://x.test/a/news/feeds/all.atom.xml"


@pytest.mark.sphinx(
    "html",
    testroot="feeds",
    confoverrides={"newsarc_feeds": {"entity": "", "all": "feed.xml", "category": None}},
)
def test_feed_paths_are_configurable(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    assert set(feed_files(app.outdir)) == {"news/feeds/stories/tom-jerry-s-saga.atom.xml"}
    assert (app.outdir / "feed.xml").exists()
    assert 'href="../feed.xml"' in read(app.outdir / "news/index.html")
    assert "newsarc-category-feeds" not in read(app.outdir / "news/index.html")


@pytest.mark.sphinx("html", testroot="archive")
def test_no_feeds_and_no_warning_without_baseurl_by_default(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    assert not (app.outdir / "news/feeds").exists()
    assert "application/atom+xml" not in read(app.outdir / "news/index.html")
    assert (app.outdir / "news/events.json").exists()  # JSON needs no base URL


@pytest.mark.sphinx(
    "html", testroot="feeds", confoverrides={"html_baseurl": "", "newsarc_feeds": True}
)
def test_feeds_asked_for_without_baseurl_warn_at_conf_py(app: SphinxTestApp) -> None:
    app.build()
    warnings = warnings_of(app)
    assert len(warnings) == 1, warnings
    assert re.match(
        r"^.*conf\.py:7: WARNING: newsarc_feeds asks for Atom feeds, but "
        r"html_baseurl is not set.*\[newsarc\.feed\]$",
        warnings[0],
    )
    assert not (app.outdir / "news/feeds").exists()


@pytest.mark.sphinx(
    "html",
    testroot="feeds",
    confoverrides={"newsarc_feeds": {"entity": "feeds/no-slug.xml"}, "newsarc_json": "yes"},
)
def test_invalid_output_settings(app: SphinxTestApp) -> None:
    app.build()
    warnings = [w for w in warnings_of(app) if w.endswith("[newsarc.config]")]
    assert len(warnings) == 2
    assert (app.outdir / "news/feeds/entities/zoe-unal.atom.xml").exists()  # the defaults
    assert (app.outdir / "news/events.json").exists()


@pytest.mark.sphinx("dirhtml", testroot="feeds")
def test_dirhtml(app: SphinxTestApp) -> None:
    app.build()
    everything = feedparser.parse((app.outdir / "news/feeds/all.atom.xml").read_bytes())
    assert everything.entries[2].link == BASE + "events/#att-cafe"
    assert everything.feed.link == BASE + "news/"
    day = read(app.outdir / "news/2006/03/21/index.html")
    assert 'href="../21.json"' in day and (app.outdir / "news/2006/03/21.json").exists()
    assert 'href="../../../feeds/all.atom.xml"' in day


@pytest.mark.sphinx("epub", testroot="feeds")
def test_no_feeds_or_json_in_epub(app: SphinxTestApp) -> None:
    app.build()
    assert not list(Path(app.outdir).rglob("*.atom.xml"))
    assert not list(Path(app.outdir).rglob("*.json"))
    assert "newsarc-formats" not in "".join(
        p.read_text(encoding="utf-8") for p in Path(app.outdir).rglob("*.xhtml")
    )


def test_feeds_are_deterministic_and_incremental_equals_clean(tmp_path: Path) -> None:
    project = copy_root("feeds", tmp_path / "inc")
    out, warnings = build(project, tmp_path / "inc-out")
    first = feed_files(out)
    assert set(first) == FEEDS
    out_again, _ = build(fresh_copy(project, tmp_path / "again"), tmp_path / "again-out")
    assert feed_files(out_again) == first  # same sources, same bytes
    # rename the category of an event the front page does not show (it lists days, and
    # the feeds of all categories)
    events = project / "events.md"
    text = events.read_text(encoding="utf-8")
    text = text.replace("category: Other", "category: Misc")
    events.write_text(text, encoding="utf-8")
    touch_later(events)
    out, warnings = build(project, tmp_path / "inc-out")
    assert "WARNING" not in warnings
    clean, _ = build(fresh_copy(project, tmp_path / "clean"), tmp_path / "clean-out")
    incremental = feed_files(out)
    assert incremental == feed_files(clean)
    assert "news/feeds/categories/other.atom.xml" not in incremental  # stale feed deleted
    assert "news/feeds/categories/misc.atom.xml" in incremental
    assert {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*.json")
        if ".doctrees" not in p.parts
    } == {
        p.relative_to(clean).as_posix(): p.read_bytes()
        for p in clean.rglob("*.json")
        if ".doctrees" not in p.parts
    }
    assert (out / "news/index.html").read_bytes() == (clean / "news/index.html").read_bytes()
    assert b"categories/other.atom.xml" not in (out / "news/index.html").read_bytes()
