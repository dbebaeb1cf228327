"""The seed's event page, from MyST and from rST: date link, headline, sources, related."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import read, warnings_of
from sphinx.testing.util import SphinxTestApp

SEED_RELATED = [
    (
        "Alan Garca of the APRA is re-elected President of Peru",
        "Context: Alan García, Ollanta Humala",
    ),
    ("A court of Lima orders 18 months of pre-trial imprisonment", "Context: Ollanta Humala"),
    ("The President of Peru Ollanta Humala recalls the ambassador", "Context: Ollanta Humala"),
    (
        "The President of Peru Ollanta Humala declares a state of emergency",
        "Context: Ollanta Humala",
    ),
    ("Ollanta Humala is elected President of Peru", "Context: Ollanta Humala"),
]


class EventParser(HTMLParser):
    """Collects, for the element with a given id, text by newsarc class and links."""

    def __init__(self, anchor: str) -> None:
        super().__init__()
        self.anchor = anchor
        self.depth = 0
        self.stack: list[list[str]] = []
        self.texts: dict[str, list[str]] = {}
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._link_text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self.depth == 0 and attributes.get("id") == self.anchor:
            self.depth = 1
            self.stack = [(attributes.get("class") or "").split()]
            return
        if self.depth:
            if tag not in ("br", "img", "meta", "link"):
                self.depth += 1
                self.stack.append((attributes.get("class") or "").split())
            self.tags.append(tag)
            if tag == "a":
                self._href = attributes.get("href")
                self._link_text = []

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            if tag == "a" and self._href is not None:
                self.links.append(("".join(self._link_text), self._href))
                self._href = None
            self.depth -= 1
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.depth:
            return
        if self._href is not None:
            self._link_text.append(data)
        for classes in self.stack:
            for cls in classes:
                if cls.startswith("newsarc-"):
                    self.texts.setdefault(cls, []).append(data)


def event_html(html: str, anchor: str) -> str:
    """The HTML of the event element with this id."""
    start = html.index(f'id="{anchor}"')
    start = html.rindex("<div", 0, start)
    depth, pos = 0, start
    for match in re.finditer(r"<(/?)div\b", html[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            pos = start + match.end()
            break
    return html[start : html.index(">", pos) + 1]


def related_items(fragment: str) -> list[tuple[str, str]]:
    """(headline, context) of each related event; each starts with its date, a <time>."""
    box = fragment[fragment.index('class="newsarc-related') :]
    items = re.findall(r"<li>(.*?)</li>", box, re.S)
    out = []
    for item in items:
        assert re.match(
            r'<p><a class="newsarc-date-text[^>]*><time datetime="\d{4}(-\d\d){0,2}">', item
        ), item
        item = item.split(" \N{EM DASH} ", 1)[1]
        headline = re.sub(r"<[^>]+>", "", item.split("newsarc-context")[0].rsplit("<em", 1)[0])
        context = re.search(r'newsarc-context">([^<]*)<', item)
        out.append((headline.strip(), context.group(1) if context else ""))
    return out


@pytest.mark.sphinx("html", testroot="sample")
def test_seed_event_page(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    html = read(app.outdir / "peru.html")
    fragment = event_html(html, "peru-2006-first-round")
    assert 'class="newsarc-event' in fragment

    # the date first, linking to its day page
    date = re.search(r'<p class="newsarc-date"><a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', fragment)
    assert date is not None
    assert date.group(1) == "news/2006/04/10.html"
    # one text for a date everywhere (a long date by default), as a machine-readable <time>
    assert date.group(2) == '<time datetime="2006-04-10">10 April 2006</time>'

    assert fragment.index("newsarc-date") < fragment.index("newsarc-headline")

    # the headline, verbatim
    assert "Preliminary results from the general election in Peru shows Ollanta Humala" in fragment

    # numbered sources, names linking to URLs
    sources = fragment[fragment.index('class="newsarc-sources') :]
    sources = sources[: sources.index("</ol>")]
    assert "<ol" in sources
    links = re.findall(r'<li><p><a class="reference external" href="([^"]+)">([^<]+)</a>', sources)
    assert links == [
        ("http://news.bbc.co.uk/2/hi/americas/4897186.stm", "BBC"),
        (
            "http://www.bloomberg.com/apps/news?pid=10000086&amp;sid=aJQ2YVcz681I&amp;"
            "refer=latin_america",
            "Bloomberg",
        ),
    ]

    # related: the seed's five, in its order, each naming only the shared entities
    items = related_items(fragment)
    assert len(items) == 5
    for (headline, context), (want_headline, want_context) in zip(items, SEED_RELATED, strict=True):
        assert headline.startswith(want_headline), (headline, want_headline)
        assert context == want_context
    # each related item links to its event
    assert 'href="#peru-2006-runoff"' in fragment
    assert "later.html#event-2017-07-14-a-court-of-lima" in fragment

    # the day page exists and lists the event
    day = read(app.outdir / "news/2006/04/10.html")
    assert "../../../peru.html#peru-2006-first-round" in day
    # the stylesheet ships with the build
    assert (app.outdir / "_static/newsarc.css").exists()
    assert "newsarc.css" in html


@pytest.mark.sphinx("html", testroot="rst")
def test_rst_authoring(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    html = read(app.outdir / "peru.html")
    first = event_html(html, "peru-2006-first-round")
    assert 'href="news/2006/04/10.html"' in first
    assert "<em>body</em>" in first
    assert first.count('<li><p><a class="reference external"') == 2
    items = related_items(first)
    # the explicit related event comes first even though it shares no entity
    assert items[0][0] == "Ollanta Humala is elected President of Peru."
    assert items[0][1] == ""
    assert items[1] == (
        "Alan García is re-elected President of Peru.",
        "Context: Alan García, Ollanta Humala",
    )
    # spellings that differ in case and accents, and the alias, are one entity
    runoff = event_html(html, "peru-2006-runoff")
    assert ">Alan García<" in runoff and ">Ollanta Humala<" in runoff
    # a source without URL prints as a name
    assert "El Comercio" in event_html(html, "peru-2011-election")
    # a month-precision date leads to its month page
    assert 'href="news/2011/06/index.html"' in event_html(html, "peru-2011-election")
    # roles: event by id shows its headline; entity by other spelling; day
    assert re.search(r'href="#peru-2006-runoff"[^>]*><span[^>]*>Alan García is re-elected', html)
    assert re.search(r'href="news/entities/alan-garcia.html"[^>]*><span[^>]*>Alan Garcia<', html)
    assert re.search(r'href="news/2006/04/10.html"[^>]*><time[^>]*>10 April 2006<', html)


@pytest.mark.sphinx("text", testroot="sample")
def test_text_builder(app: SphinxTestApp) -> None:
    app.build()
    text = read(app.outdir / "peru.txt")
    assert "10 April 2006" in text
    assert "1. BBC http://news.bbc.co.uk/2/hi/americas/4897186.stm" in text
    assert "Context: Alan García, Ollanta Humala" in text


@pytest.mark.sphinx(
    "html",
    testroot="sample",
    srcdir="sample-fr",
    confoverrides={"language": "fr", "newsarc_date_format": "%d %B %Y"},
)
def test_localised_dates(app: SphinxTestApp) -> None:
    app.build()
    fragment = event_html(read(app.outdir / "peru.html"), "peru-2006-first-round")
    assert ">10 avril 2006<" in fragment
    # page titles of generated pages follow the same formats
    assert "<title>10 avril 2006" in read(app.outdir / "news/2006/04/10.html")
    assert "avril 2006" in read(app.outdir / "news/2006/04/index.html")


@pytest.mark.sphinx(
    "html",
    testroot="sample",
    srcdir="sample-urls",
    confoverrides={
        "newsarc_pages": {
            "entity": "people/{slug}",
            "entities": "people/index",
            "day": "days/{year}-{month}-{day}",
        }
    },
)
def test_configurable_urls(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    html = read(app.outdir / "peru.html")
    assert 'href="days/2006-04-10.html"' in html
    assert 'href="people/ollanta-humala.html"' in html
    assert (app.outdir / "people/index.html").exists()
    assert not (app.outdir / "news/entities").exists()
