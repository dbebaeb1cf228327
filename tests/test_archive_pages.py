"""The archive a reader browses: day, month, year, entity and story pages, indices, lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from buildutil import build
from conftest import read, warnings_of
from sphinx.testing.util import SphinxTestApp


def text_of(html: str) -> str:
    """The visible text of a page body, whitespace folded."""
    body = html[html.index('<div class="body"') : html.index('<div class="sphinxsidebar"')]
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


def headlines_in_order(html: str, headlines: list[str]) -> list[int]:
    return [html.index(h) for h in headlines]


@pytest.mark.sphinx("html", testroot="archive")
def test_day_month_year_pages(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    day = read(app.outdir / "news/2006/03/21.html")
    text = text_of(day)
    # both events of the day, grouped by story, each linking to its event
    assert "Karzai names a new cabinet." in text
    assert "Taliban fighters attack a police post in Helmand." in text
    assert text.index("Afghan elections") < text.index("Karzai names")
    assert text.index("Taliban insurgency") < text.index("Taliban fighters")
    assert 'href="../../stories/afghan-elections.html"' in day
    assert re.search(r'href="../../../2005.html#event-2006-03-21-karzai-names-a-new-cabinet"', day)
    # previous and next days with events
    assert re.search(r'<a class="newsarc-previous" rel="prev" href="../../2005/09/18.html">', day)
    assert re.search(r'<a class="newsarc-next" rel="next" href="../../2007/03/06.html">', day)

    month = text_of(read(app.outdir / "news/2006/03/index.html"))
    assert "21 March 2006" in month and "Karzai names a new cabinet." in month
    year = read(app.outdir / "news/2006/index.html")
    assert 'href="03/index.html"' in year and 'href="05/index.html"' in year
    assert "sd-card" in year  # the grid of months is a sphinx-design card grid
    year_text = text_of(year)
    assert "2 events on 1 day" in year_text and "1 event" in year_text
    # an event known only to its year is listed on the year page
    assert "A yearly review known only to its year." in year_text
    # an event known only to its month is on its month page
    assert "A report known only to its month." in text_of(
        read(app.outdir / "news/2006/05/index.html")
    )


@pytest.mark.sphinx("html", testroot="archive")
def test_front_page_newest_days_first(app: SphinxTestApp) -> None:
    app.build()
    front = read(app.outdir / "news/index.html")
    # newsarc_front_days = 3: the three newest days, newest first
    order = headlines_in_order(
        front,
        [
            "Zoë &amp; Ünal",
            "An attack in Kandahar kills 80 people.",
            "Karzai meets NATO leaders in Brussels.",
        ],
    )
    assert order == sorted(order)
    assert "Mullah Dadullah" not in front
    assert front.count("newsarc-day-card") == 3
    # the indices are reachable from the navigation
    assert 'href="chronology.html"' in front and 'href="entities/index.html"' in front


@pytest.mark.sphinx("html", testroot="archive")
def test_entity_and_story_pages(app: SphinxTestApp) -> None:
    app.build()
    karzai = read(app.outdir / "news/entities/hamid-karzai.html")
    text = text_of(karzai)
    assert "person" in text and "Karzai" in text and "President of Afghanistan." in text
    assert 'href="https://en.wikipedia.org/wiki/Hamid_Karzai"' in karzai
    assert "newsarc-entity-card" in karzai and "sd-card" in karzai
    order = headlines_in_order(
        text,
        [
            "Elections are held for the Afghan parliament.",
            "Karzai names a new cabinet.",
            "Karzai meets NATO leaders in Brussels.",
        ],
    )
    assert order == sorted(order)  # date order
    # the entity named once has no page, but is in the Entities index with its day; on a
    # website the index holds names, days and counts only (the pages list the events)
    assert not (app.outdir / "news/entities/kandahar.html").exists()
    index = read(app.outdir / "news/entities/index.html")
    assert 'id="entity-index-kandahar"' in index
    kandahar = index[index.index('id="entity-index-kandahar"') :]
    kandahar = kandahar[: kandahar.index("</li>")]
    assert 'href="../2008/02/17.html"' in kandahar and ">17 February 2008</time><" in kandahar
    assert "An attack in Kandahar" not in text_of(index)
    assert 'href="taliban.html"' in index
    taliban = index[index.index('id="entity-index-taliban"') :]
    assert re.match(
        r'[^<]*<a [^>]*href="taliban.html"[^>]*>Taliban</a> \N{EM DASH} \d+ events',
        taliban[taliban.index(">") + 1 :],
    )
    # an A-Z index: letters lead to their groups
    assert 'href="#letter-k"' in index and 'id="letter-k"' in index
    story = text_of(read(app.outdir / "news/stories/taliban-insurgency.html"))
    timeline = [
        "Taliban fighters attack a police post in Helmand.",
        "A report known only to its month.",
        "NATO launches Operation Achilles in Helmand.",
        "Taliban commander Mullah Dadullah is killed.",
        "An attack in Kandahar kills 80",
    ]
    assert headlines_in_order(story, timeline) == sorted(headlines_in_order(story, timeline))
    stories = text_of(read(app.outdir / "news/stories/index.html"))
    assert "Afghan elections" in stories and "5 events" in stories


@pytest.mark.sphinx("html", testroot="archive")
def test_chronology_index(app: SphinxTestApp) -> None:
    app.build()
    chronology = read(app.outdir / "news/chronology.html")
    text = text_of(chronology)
    assert text.index("2005") < text.index("September 2005") < text.index("March 2006")
    assert 'href="2006/03/21.html"' in chronology
    assert 'id="chronology-2006-03-21"' in chronology


@pytest.mark.sphinx("html", testroot="archive")
def test_eventlist(app: SphinxTestApp) -> None:
    app.build()
    lists = read(app.outdir / "lists.html")
    sections = re.split(r"<h2>", lists)[1:]
    found = {
        re.sub(r"<[^>]+>", "", s.split("</h2>")[0]).strip("¶ "): text_of_section(s)
        for s in sections
    }
    latest = found["Latest three"]
    expected = ["Zoë &amp; Ünal", "An attack in Kandahar", "Karzai meets NATO"]
    assert [latest.index(h) for h in expected] == sorted(latest.index(h) for h in expected)
    assert "Mullah Dadullah" not in latest
    taliban = found["Taliban, oldest first, in 2006 and 2007"]
    expected = [
        "Taliban fighters attack",
        "A report known only to its month",
        "Operation Achilles",
        "Mullah Dadullah",
    ]
    assert [taliban.index(h) for h in expected] == sorted(taliban.index(h) for h in expected)
    assert "Kandahar" not in taliban  # 2008 is outside the range
    assert found["Story Afghan elections"].index("Karzai names") < found[
        "Story Afghan elections"
    ].index("Elections are held")
    assert "Elections are held" in found["Category politics"]
    assert "Taliban" not in found["Category politics"]
    assert "newsarc-listing" not in found["Nothing matches"]


def text_of_section(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.sphinx("html", testroot="archive", srcdir="archive-collision")
def test_collision_with_an_authors_page(app: SphinxTestApp) -> None:
    (app.srcdir / "news/entities").mkdir(parents=True, exist_ok=True)
    (app.srcdir / "news/entities/taliban.md").write_text(
        "# My own Taliban page\n", encoding="utf-8"
    )
    app.build()
    warnings = warnings_of(app)
    collisions = [w for w in warnings if w.endswith("[newsarc.collision]")]
    assert len(collisions) == 1
    assert re.match(r"^.*news/entities/taliban(\.md)?:1: WARNING: ", collisions[0])
    # the author's page is kept as written
    page = read(app.srcdir / "news/entities/taliban.md")
    assert page == "# My own Taliban page\n"
    assert "My own Taliban page" in read(app.outdir / "news/entities/taliban.html")


@pytest.mark.sphinx("html", testroot="archive")
def test_story_role(app: SphinxTestApp) -> None:
    app.build()
    lists = read(app.outdir / "lists.html")
    assert re.search(
        r'href="news/stories/taliban-insurgency.html"[^>]*>(<span[^>]*>)?Taliban '
        r"insurgency<",
        lists,
    )
    assert 'href="news/2006/03/21.html"' in lists
    assert 'href="news/entities/hamid-karzai.html"' in lists


@pytest.mark.sphinx("dirhtml", testroot="archive", srcdir="archive-dirhtml")
def test_dirhtml_browse_pages(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    day = read(app.outdir / "news/2006/03/21/index.html")
    assert "Karzai names a new cabinet." in day
    event_page = read(app.outdir / "2005/index.html")
    assert 'href="../news/2006/03/21/"' in event_page


@pytest.mark.sphinx("singlehtml", testroot="archive", srcdir="archive-single")
def test_singlehtml_uses_the_indices(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    page = read(app.outdir / "index.html")
    # no browse pages in a single page: dates lead to the Chronology in it
    assert not (app.outdir / "news/2006/03/21.html").exists()
    assert 'href="#chronology-2006-03-21"' in page


def test_patterns_never_take_sphinx_s_pages_or_each_other_s(tmp_path: Path) -> None:
    """An entity named "Genindex" or "Search" with ``{"entity": "{slug}"}`` does not
    overwrite Sphinx's pages; identical entity and story patterns keep one page and warn
    for the other; links lead to what exists."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_newsarc"]\n'
        'newsarc_pages = {"entity": "{slug}", "story": "{slug}"}\n',
        encoding="utf-8",
    )
    event = (
        "```{{event}} {headline}\n---\ndate: 2006-04-1{day}\n"
        "entities: Genindex; SEARCH; Shared\nstory: Shared\n---\n```\n\n"
    )
    (src / "index.md").write_text(
        "# Home\n\n```{toctree}\nnews/index\n```\n\n"
        + event.format(headline="One.", day=0)
        + event.format(headline="Two.", day=1)
        + "See {entity}`Genindex`.\n",
        encoding="utf-8",
    )
    out, warnings = build(src, tmp_path / "build")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", warnings)
    collisions = [w for w in plain.splitlines() if w.endswith("[newsarc.collision]")]
    assert len(collisions) == 3, warnings
    assert all(re.match(r"^.*index\.md:7: WARNING: ", w) for w in collisions), collisions
    assert any("Sphinx's page 'genindex'" in w for w in collisions)
    assert any("Sphinx's page 'search'" in w for w in collisions)
    assert any(
        "the story page 'shared'" in w and "entity page of 'Shared'" in w for w in collisions
    )
    assert "<title>Index" in read(out / "genindex.html")
    assert "<title>Search" in read(out / "search.html")
    assert "Two." in read(out / "shared.html")
    # the entity without a page of its own leads to its Entities index entry
    index = read(out / "index.html")
    assert 'href="genindex.html"' not in index.split('class="body"')[1].split("sphinxsidebar")[0]
