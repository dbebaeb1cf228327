"""Entity and story pages: facts, counts, first and last dates, the chart over time with its
text equivalent, the entities named together, stories, events by year and month."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from buildutil import build, fresh_copy, outputs
from conftest import copy_root, read, warnings_of
from sphinx.testing.util import SphinxTestApp
from test_incremental import assert_same, edit

from sphinx_newsarc.core.archive import Archive
from sphinx_newsarc.core.dates import EventDate
from sphinx_newsarc.core.model import EventRecord
from sphinx_newsarc.core.timeline import MONTHLY_SPAN, chart_svg, timeline

SVG = "{http://www.w3.org/2000/svg}"


def body_of(html: str) -> str:
    return html[html.index('<section id="') : html.index("</section>")]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", body_of(html)).split())


def svg_of(html: str) -> ET.Element:
    """The page's chart, parsed as XML (fails if it is not well-formed)."""
    found = re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)
    assert len(found) == 1, found
    return ET.fromstring(found[0])


def hidden_counts(html: str) -> list[str]:
    """The chart's text equivalent: the visually hidden list of counts."""
    match = re.search(
        r'<ul class="[^"]*newsarc-chart-counts[^"]*newsarc-visually-hidden[^"]*">'
        r"(.*?)</ul>",
        html,
        re.DOTALL,
    )
    assert match, "no visually hidden list of counts"
    return [
        " ".join(re.sub(r"<[^>]+>", " ", item).split())
        for item in re.findall(r"<li>(.*?)</li>", match.group(1), re.DOTALL)
    ]


# -- the pure core ---------------------------------------------------------------------------


def test_timeline_per_month_for_short_spans_with_empty_months() -> None:
    counted = timeline([EventDate(2006, 3, 21), EventDate(2006, 5), EventDate(2006, 3, 1)])
    assert counted.unit == "month"
    assert counted.bins == (("2006-03", 2), ("2006-04", 0), ("2006-05", 1))
    assert counted.total == 3
    # across a new year
    assert timeline([EventDate(2006, 12, 1), EventDate(2007, 1, 2)]).bins == (
        ("2006-12", 1),
        ("2007-01", 1),
    )


def test_timeline_per_year_for_long_spans_or_unknown_months() -> None:
    # MONTHLY_SPAN months inclusive are still per month, one more is per year
    last = EventDate(2001 + (MONTHLY_SPAN - 1) // 12, (MONTHLY_SPAN - 1) % 12 + 1)
    assert timeline([EventDate(2001, 1), last]).unit == "month"
    later = EventDate(2001 + MONTHLY_SPAN // 12, MONTHLY_SPAN % 12 + 1)
    assert timeline([EventDate(2001, 1), later]).unit == "year"
    # an event known only to its year cannot be drawn in a month
    counted = timeline([EventDate(2006), EventDate(2006, 3, 1), EventDate(2008, 1, 1)])
    assert counted.unit == "year"
    assert counted.bins == (("2006", 2), ("2007", 0), ("2008", 1))
    assert timeline([]).bins == ()


def test_chart_svg_is_escaped_deterministic_xml() -> None:
    counts = [("2005", 1), ("2006", 0), ("2007", 3)]
    svg = chart_svg(counts, 'P&G <"co">: per year', ["2005: 1 event", "", "2007: <3>"])
    assert svg == chart_svg(counts, 'P&G <"co">: per year', ["2005: 1 event", "", "2007: <3>"])
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == 'P&G <"co">: per year'
    assert root.findtext(f"{SVG}title") == 'P&G <"co">: per year'
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 2  # no bar for an empty year
    assert [bar.findtext(f"{SVG}title") for bar in bars] == ["2005: 1 event", "2007: <3>"]
    heights = [float(bar.get("height", "")) for bar in bars]
    assert heights[1] == pytest.approx(3 * heights[0], abs=0.03)
    labels = [t.text or "" for t in root.findall(f"{SVG}text")]
    assert labels[0] == "3" and "2005" in labels[1] and "2007" in labels[-1]
    # coordinates have at most two decimals
    assert not re.search(r'="-?\d+\.\d{3,}"', svg)
    assert chart_svg([], "nothing") == ""


def _event(uid: str, date: EventDate, entities: tuple[str, ...], story: str = "") -> EventRecord:
    return EventRecord(
        uid=uid,
        id=uid,
        docname="doc",
        lineno=1,
        anchor=uid,
        date=date,
        headline=uid,
        entities=entities,
        story=story,
    )


def test_archive_counts_entities_named_together_and_stories() -> None:
    archive = Archive(
        [
            _event("a", EventDate(2006, 1, 1), ("X", "Y", "Z"), "S"),
            _event("b", EventDate(2006, 1, 2), ("X", "Z"), "S"),
            _event("c", EventDate(2006, 1, 3), ("X", "B"), "R"),
            _event("d", EventDate(2006, 1, 4), ("Y",)),
        ]
    )
    uids = archive.by_entity["x"]
    assert archive.co_occurring(uids, "x") == [("z", 2), ("b", 1), ("y", 1)]
    assert archive.co_occurring(uids, "x", limit=1) == [("z", 2)]
    assert archive.stories_of(uids) == [("s", 2), ("r", 1)]


# -- built pages -----------------------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="archive")
def test_entity_page(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    html = read(app.outdir / "news/entities/hamid-karzai.html")
    body = body_of(html)
    text = text_of(html)
    # facts first: kind, aliases, link, description; then count, first and last date
    assert (
        text.index("Kind: person")
        < text.index("Also known as: Karzai")
        < text.index("President of Afghanistan.")
        < text.index("3 events")
        < text.index("Most often with")
    )
    assert 'href="https://en.wikipedia.org/wiki/Hamid_Karzai"' in body
    assert re.search(
        r'First: <a class="[^"]*newsarc-date-text[^"]*" href="../2005/09/18.html">'
        r'<time datetime="2005-09-18">18 September 2005</time></a>',
        body,
    )
    assert re.search(
        r'Last: <a class="[^"]*newsarc-date-text[^"]*" href="../2007/06/01.html">'
        r'<time datetime="2007-06-01">1 June 2007</time></a>',
        body,
    )
    # the chart: per month (22 months), one bar per month with events, its text equivalent
    svg = svg_of(body)
    title = "Hamid Karzai: events per month, September 2005 \N{EN DASH} June 2007"
    assert svg.get("aria-label") == title and svg.findtext(f"{SVG}title") == title
    assert [bar.findtext(f"{SVG}title") for bar in svg.findall(f"{SVG}rect")] == [
        "September 2005: 1 event",
        "March 2006: 1 event",
        "June 2007: 1 event",
    ]
    assert hidden_counts(body) == [
        "September 2005: 1 event",
        "March 2006: 1 event",
        "June 2007: 1 event",
    ]
    assert "<script" not in body
    # named together with, linked, with counts, most first
    together = body[body.index("Most often with") :]
    together = together[: together.index("</p>")]
    assert re.search(
        r'href="afghanistan.html">Afghanistan</a> \(2\), '
        r'<a [^>]*href="nato.html">NATO</a> \(1\)',
        together,
    )
    assert "Hamid Karzai" not in together
    # its stories, linked, with the number of its events in each
    assert re.search(
        r'Stories: <a [^>]*href="../stories/afghan-elections.html">'
        r"Afghan elections</a> \(2\)",
        body,
    )
    # events by year, then month: group titles linking to their pages
    groups = re.findall(
        r'<p class="newsarc-group (newsarc-year|newsarc-month) rubric">'
        r'<a [^>]*href="([^"]+)">([^<]+)</a>',
        body,
    )
    assert groups == [
        ("newsarc-year", "../2005/index.html", "2005"),
        ("newsarc-month", "../2005/09/index.html", "September 2005"),
        ("newsarc-year", "../2006/index.html", "2006"),
        ("newsarc-month", "../2006/03/index.html", "March 2006"),
        ("newsarc-year", "../2007/index.html", "2007"),
        ("newsarc-month", "../2007/06/index.html", "June 2007"),
    ]
    assert body.index("June 2007</a>", body.index("newsarc-group newsarc-year")) < body.index(
        "Karzai meets NATO leaders in Brussels."
    )


@pytest.mark.sphinx("html", testroot="archive")
def test_entity_page_per_year_with_events_known_to_the_year(app: SphinxTestApp) -> None:
    app.build()
    body = body_of(read(app.outdir / "news/entities/afghanistan.html"))
    assert "newsarc-chart-year" in body
    svg = svg_of(body)
    assert svg.get("aria-label") == "Afghanistan: events per year, 2005 \N{EN DASH} 2006"
    assert hidden_counts(body) == ["2005: 1 event", "2006: 3 events"]
    # the event known only to 2006 is under the year, before its months
    year = body.index('href="../2006/index.html">2006</a>')
    assert (
        year
        < body.index("A yearly review known only to its year.")
        < body.index('href="../2006/03/index.html">March 2006</a>')
    )


@pytest.mark.sphinx("html", testroot="archive")
def test_story_page(app: SphinxTestApp) -> None:
    app.build()
    body = body_of(read(app.outdir / "news/stories/taliban-insurgency.html"))
    text = " ".join(re.sub(r"<[^>]+>", " ", body).split())
    assert "5 events" in text and "First: 21 March 2006" in text
    assert "Last: 17 February 2008" in text
    assert re.search(
        r'Main entities: <a [^>]*href="../entities/taliban.html">Taliban</a> \(5\), '
        r'<a [^>]*href="../entities/helmand.html">Helmand</a> \(3\), ',
        body,
    )
    # Kandahar has no page of its own: its entry in the Entities index
    assert re.search(
        r'href="../entities/index.html#entity-index-kandahar">Kandahar</a> \(1\)', body
    )
    svg = svg_of(body)
    assert svg.get("aria-label", "").startswith("Taliban insurgency: events per month, ")
    assert hidden_counts(body) == [
        "March 2006: 1 event",
        "May 2006: 1 event",
        "March 2007: 1 event",
        "May 2007: 1 event",
        "February 2008: 1 event",
    ]
    assert len(svg.findall(f"{SVG}rect")) == 5


def test_incremental_equals_clean_when_named_together_changes(tmp_path: Path) -> None:
    project = copy_root("archive", tmp_path / "inc")
    out, _ = build(project, tmp_path / "out")
    karzai = out / "news/entities/hamid-karzai.html"
    assert "Kandahar" not in read(karzai)
    assert not (out / "news/entities/kandahar.html").exists()
    edit(
        project / "2007.md",
        "entities: Hamid Karzai; NATO\n",
        "entities: Hamid Karzai; NATO; Kandahar\n",
    )
    _, warnings = build(project, tmp_path / "out")
    assert "WARNING" not in warnings
    # Kandahar is now named with Karzai, and by two events: it has a page to link to
    assert re.search(r'href="kandahar.html">Kandahar</a> \(1\)', read(karzai))
    assert re.search(
        r'href="hamid-karzai.html">Hamid Karzai</a> \(1\)',
        read(out / "news/entities/kandahar.html"),
    )
    clean, _ = build(fresh_copy(project, tmp_path / "clean-src"), tmp_path / "clean")
    assert_same(outputs(out), outputs(clean))
