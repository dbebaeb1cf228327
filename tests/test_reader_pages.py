"""What a reader of the website gets (issue: a news archive readers want to browse):
breadcrumbs and previous/next, dates as <time>, day pages like the portal's, month
calendars, year pages, "on this day", the front page and the Chronology's headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from buildutil import build, mtimes, outputs, touch_later
from conftest import copy_root, read, warnings_of
from sphinx.testing.util import SphinxTestApp


def between(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.sphinx("html", testroot="archive")
def test_way_finding(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    out = Path(app.outdir)
    day = read(out / "news/2006/03/21.html")
    crumbs = between(day, '<nav class="newsarc-breadcrumbs" aria-label="Breadcrumb">', "</nav>")
    assert re.findall(r"<li[^>]*>(.*?)</li>", crumbs) == [
        '<a href="../../index.html">News archive</a>',
        '<a href="../index.html"><time datetime="2006">2006</time></a>',
        '<a href="index.html"><time datetime="2006-03">March 2006</time></a>',
        '<time datetime="2006-03-21">21 March 2006</time>',
    ]
    assert '<li aria-current="page"><time datetime="2006-03-21">' in crumbs
    # the trail comes before the page's title, which is a date too
    assert day.index("newsarc-breadcrumbs") < day.index(
        '<h1><time datetime="2006-03-21">21 March 2006</time></h1>'
    )
    # previous and next, to the nearest page with events, on day, month and year pages
    month = read(out / "news/2006/03/index.html")
    assert re.search(
        r'rel="prev" href="../../2005/09/index.html">← <time datetime="2005-09">'
        r"September 2005</time></a>",
        month,
    )
    assert re.search(
        r'rel="next" href="../05/index.html"><time datetime="2006-05">May 2006'
        r"</time> →</a>",
        month,
    )
    year = read(out / "news/2006/index.html")
    assert 'rel="prev" href="../2005/index.html"' in year
    assert 'rel="next" href="../2007/index.html"' in year
    first = read(out / "news/2005/index.html")
    assert 'rel="prev"' not in first and 'rel="next" href="../2006/index.html"' in first
    # entity and story pages hang below their index; root pages below the front page
    entity = read(out / "news/entities/taliban.html")
    assert re.search(
        r'<ol><li><a href="../index.html">News archive</a></li><li><a '
        r'href="index.html">Entities</a></li><li aria-current="page">Taliban</li>',
        entity,
    )
    chronology = read(out / "news/chronology.html")
    assert '<li aria-current="page">Chronology</li>' in chronology
    assert "newsarc-breadcrumbs" not in read(out / "news/index.html")  # the top has none


@pytest.mark.sphinx("html", testroot="archive")
def test_day_page_like_the_portal_s(app: SphinxTestApp) -> None:
    app.build()
    out = Path(app.outdir)
    day = read(out / "news/2006/03/21.html")
    day = day[day.index('<div class="body"') :]
    item = between(day, "Taliban fighters attack a police post", "</li>")
    # each event with its entities linked and its sources' names
    assert re.search(
        r'Entities: <a class="newsarc-entity-link reference internal" '
        r'href="../../entities/taliban.html">Taliban</a>',
        item,
    )
    assert "Sources: CNN, Reuters" in item
    # and the way to the same calendar day in other years
    assert 'href="../../on-this-day/03-21.html">On this day: 21 March</a>' in day


@pytest.mark.sphinx("html", testroot="archive", srcdir="archive-onthisday")
def test_on_this_day(app: SphinxTestApp) -> None:
    # two years with events on 21 March
    page = Path(app.srcdir) / "2007.md"
    page.write_text(read(page).replace("date: 2007-03-06", "date: 2007-03-21"), encoding="utf-8")
    app.build()
    assert warnings_of(app) == []
    html = read(Path(app.outdir) / "news/on-this-day/03-21.html")
    assert "<h1>On this day: 21 March</h1>" in html
    text = text_of(html)
    # newest year first, each year's date linking its day page
    assert text.index("21 March 2007") < text.index("21 March 2006")
    assert text.index("NATO launches Operation Achilles") < text.index("Karzai names a new")
    assert 'href="../2007/03/21.html"><time datetime="2007-03-21">21 March 2007</time>' in html
    # the front page leads to the newest day's calendar day
    front = read(Path(app.outdir) / "news/index.html")
    assert 'href="on-this-day/02-18.html">On this day: 18 February</a>' in front


@pytest.mark.sphinx("html", testroot="archive")
def test_month_calendar_and_year_months(app: SphinxTestApp) -> None:
    app.build()
    out = Path(app.outdir)
    month = read(out / "news/2006/03/index.html")
    table = between(month, '<table class="newsarc-calendar">', "</table>")
    assert '<caption class="newsarc-visually-hidden">March 2006</caption>' in table
    # weeks start on the locale's first day (Monday in English)
    assert re.findall(r"<th scope=\"col\">([^<]*)</th>", table) == [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
    rows = re.findall(r"<tr>(.*?)</tr>", table)[1:]
    assert len(rows) == 5  # 1 March 2006 was a Wednesday, the 31st a Friday
    assert rows[0].count('<td class="newsarc-calendar-empty"></td>') == 2
    # the day with events links its page, with its count
    assert (
        '<td class="newsarc-calendar-events"><a href="21.html" title="2 events">'
        '<time datetime="2006-03-21">21</time><span class="newsarc-calendar-count">2</span>'
        "</a></td>"
    ) in table
    assert '<td><time datetime="2006-03-20">20</time></td>' in table
    year = read(out / "news/2006/index.html")
    cards = re.findall(r'<div class="newsarc-month-card[^"]*"', year)
    assert len(cards) == 12  # all twelve months
    assert year.count("newsarc-empty-month") == 10
    assert "0 events" not in text_of(year)
    assert re.search(r'href="03/index.html"><time datetime="2006-03">March 2006</time>', year)
    assert re.search(
        r'<span class="newsarc-bar" aria-hidden="true"><span style="width: 100%">', year
    )


@pytest.mark.sphinx(
    "html", testroot="archive", confoverrides={"language": "fr"}, srcdir="archive-fr"
)
def test_dates_follow_the_language(app: SphinxTestApp) -> None:
    app.build()
    out = Path(app.outdir)
    month = read(out / "news/2006/03/index.html")
    assert re.findall(r"<th scope=\"col\">([^<]*)</th>", month)[0] == "lun."
    assert '<time datetime="2006-03-21">21 mars 2006</time>' in month


@pytest.mark.sphinx("html", testroot="archive")
def test_front_page_and_chronology(app: SphinxTestApp) -> None:
    app.build()
    out = Path(app.outdir)
    front = read(out / "news/index.html")
    assert "sd-card-header" not in front  # no empty header boxes
    card = between(front, 'class="newsarc-day-card', "</ul>")
    assert re.search(
        r'<p class="sd-card-title[^"]*"><a class="reference internal" '
        r'href="2008/02/18.html"><time datetime="2008-02-18">18 February 2008',
        card,
    )
    active = text_of(between(front, 'class="newsarc-active', "</div>"))
    assert "Most active in the last 30 days" in active
    assert "Entities: Taliban (2)" in active  # in both events of February 2008
    # the website's Chronology: a jump bar, years and months as real headings
    chronology = read(out / "news/chronology.html")
    assert '<a class="reference internal" href="#chronology-2007">2007</a>' in chronology
    assert re.search(
        r'<section class="newsarc-year" id="chronology-2006">\s*<h2><a class='
        r'"reference internal" href="2006/index.html">2006</a>',
        chronology,
    )
    assert re.search(
        r'<section class="newsarc-month" id="chronology-2006-03">\s*<h3><a class='
        r'"reference internal" href="2006/03/index.html">March 2006</a>',
        chronology,
    )


@pytest.mark.sphinx("html", testroot="archive")
def test_every_date_a_reader_sees_is_a_time_element(app: SphinxTestApp) -> None:
    app.build()
    out = Path(app.outdir)
    long_date = re.compile(
        r"\b\d{1,2} (January|February|March|April|May|June|July|August|"
        r"September|October|November|December) \d{4}\b"
    )
    for page in (
        "news/2006/03/21.html",
        "news/2006/03/index.html",
        "news/index.html",
        "news/entities/taliban.html",
        "news/chronology.html",
        "2005.html",
        "lists.html",
    ):
        html = read(out / page)
        body = html[html.index('<div class="body"') : html.index('<div class="sphinxsidebar"')]
        for match in long_date.finditer(body):
            before = body[: match.start()]
            assert (
                before.rstrip().endswith(">")
                and re.search(r'<time[^>]* datetime="[\d-]+">$', before)
            ) or "title=" in before[-60:], (page, body[max(0, match.start() - 80) : match.end()])


def test_on_this_day_pages_change_only_with_their_calendar_day(tmp_path: Path) -> None:
    """Editing a headline rewrites the on-this-day page of its calendar day (and is then
    equal to a clean build), and no other on-this-day page."""
    src = copy_root("archive", tmp_path)
    out, _ = build(src, tmp_path / "inc")
    before = mtimes(out)
    page = src / "2007.md"
    page.write_text(
        read(page).replace(
            "Karzai meets NATO leaders in Brussels.", "Karzai meets NATO leaders in Brussels again."
        ),
        encoding="utf-8",
    )
    touch_later(page)
    out, warnings = build(src, tmp_path / "inc")
    assert "WARNING" not in warnings
    after = mtimes(out)
    assert "Brussels again" in read(out / "news/on-this-day/06-01.html")
    assert after["news/on-this-day/06-01.html"] != before["news/on-this-day/06-01.html"]
    assert after["news/on-this-day/03-21.html"] == before["news/on-this-day/03-21.html"]
    clean_src = copy_root("archive", tmp_path / "clean-src")
    (clean_src / "2007.md").write_text(read(page), encoding="utf-8")
    clean, _ = build(clean_src, tmp_path / "clean")
    assert outputs(out) == outputs(clean)
