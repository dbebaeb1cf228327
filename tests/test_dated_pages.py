"""The archive layout (``newsarc_dated_pages = "archive"``): documents that hold events
are reached through the archive; websites keep a small navigation and give each such page
breadcrumbs and previous/next links; books and ePubs hold them in date order."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from buildutil import build, fresh_copy, mtimes, outputs, touch_later
from conftest import copy_root, read, warnings_of
from printcheck import compile_pdf, dead_references, needs_latexmk, undefined_references
from sphinx.testing.util import SphinxTestApp
from test_incremental import ALWAYS_WRITTEN, assert_same
from test_print_formats import EPUBCHECK_JAR, needs_epubcheck

from sphinx_newsarc.core.dated import DatedOrder, dated_order, page_date, trail
from sphinx_newsarc.core.dates import EventDate

#: The dated pages of tests/roots/test-dated in date order (about.md is the author's
#: chapter, notes.md the author's orphan: neither is dated).
ORDER = [
    "days/2009/2009-12-30",
    "days/2009/2009-12-31",
    "days/2010/2010-01-02",
    "days/2010/2010-01-05",
    "days/2010/2010-02",
    "days/2010/2010-03-01",
    "days/2010/2010-03-02",
    "days/2010/week-10",
]
TITLES = {
    "days/2009/2009-12-30": "December 30, 2009",
    "days/2009/2009-12-31": "December 31, 2009",
    "days/2010/2010-01-02": "January 2, 2010",
    "days/2010/2010-01-05": "January 5, 2010",
    "days/2010/2010-02": "February 2010",
    "days/2010/2010-03-01": "March 1, 2010",
    "days/2010/2010-03-02": "March 2, 2010",
    "days/2010/week-10": "Week 10 of 2010",
}


# -- core ------------------------------------------------------------------------------------


def test_order_is_by_earliest_event_then_name() -> None:
    dates = {
        "b": [EventDate(2010, 3, 9), EventDate(2010, 3, 8)],
        "a": [EventDate(2010, 3, 8)],
        "month": [EventDate(2010, 3)],
        "empty": [],
        "year": [EventDate(2009)],
    }
    assert dated_order(dates) == ["year", "month", "a", "b"]
    assert page_date(dates["b"]) == EventDate(2010, 3, 8)
    assert page_date([]) is None


def test_neighbours_and_trail() -> None:
    order = DatedOrder(["x", "y", "z"])
    assert order.neighbours("x") == (None, "y")
    assert order.neighbours("y") == ("x", "z")
    assert order.neighbours("z") == ("y", None)
    assert order.neighbours("other") == (None, None)
    assert "y" in order and "other" not in order
    assert trail(EventDate(2010, 3, 8)) == [
        ("year", "2010"),
        ("month", "2010-03"),
        ("day", "2010-03-08"),
    ]
    assert trail(EventDate(2010, 2)) == [("year", "2010"), ("month", "2010-02")]
    assert trail(EventDate(2010)) == [("year", "2010")]


# -- HTML ------------------------------------------------------------------------------------


def _breadcrumbs(page: str) -> list[tuple[str, str]]:
    nav = re.search(
        r'<nav class="newsarc-breadcrumbs" aria-label="Breadcrumb"><ol>(.*?)'
        r"</ol></nav>",
        page,
    )
    assert nav, "no breadcrumbs"
    return re.findall(r'<li(?: aria-current="page")?>(?:<a href="([^"]*)">)?([^<]*)', nav[1])


def _prev_next(page: str) -> dict[str, tuple[str, str]]:
    nav = re.search(r'<nav class="newsarc-dated-nav"[^>]*>(.*?)</nav>', page)
    assert nav, "no previous/next"
    return {
        rel: (href, title)
        for rel, href, title in re.findall(
            r'rel="(prev|next)" href="([^"]*)"><span[^>]*>[^<]*</span> ([^<]*)</a>', nav[1]
        )
    }


def _sidebar_links(page: str) -> list[str]:
    return re.findall(
        r'<li class="toctree-l1[^"]*"><a class="reference internal" '
        r'href="([^"]*)"',
        page,
    )


@pytest.mark.sphinx("html", testroot="dated", confoverrides={"html_theme": "alabaster"})
def test_html_dated_pages_have_breadcrumbs_and_prev_next(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    out = Path(app.outdir)
    week = read(out / "days/2010/week-10.html")
    # the navigation holds the author's chapter and the archive, no dated page
    assert _sidebar_links(week) == ["../../about.html", "../../news/index.html"]
    # up: the archive, the year, month and day of its earliest event (2010-03-08)
    assert _breadcrumbs(week) == [
        ("../../news/index.html", "News archive"),
        ("../../news/2010/index.html", "2010"),
        ("../../news/2010/03/index.html", "March 2010"),
        ("../../news/2010/03/08.html", "8 March 2010"),
        ("", "Week 10 of 2010"),
    ]
    assert '<li aria-current="page">Week 10 of 2010</li>' in week
    # the theme's own trail (alabaster's "Related Topics") is the same
    assert '<li><a href="../../news/2010/03/08.html">8 March 2010</a><ul>' in week
    # across: previous and next in date order, none after the last
    assert _prev_next(week) == {"prev": ("2010-03-02.html", "March 2, 2010")}
    for i, docname in enumerate(ORDER):
        page = read(out / f"{docname}.html")
        links = _prev_next(page)
        expected = {}
        if i:
            expected["prev"] = TITLES[ORDER[i - 1]]
        if i + 1 < len(ORDER):
            expected["next"] = TITLES[ORDER[i + 1]]
        assert {rel: title for rel, (_, title) in links.items()} == expected, docname
        assert _sidebar_links(page) == ["../../about.html", "../../news/index.html"]
    # a page known only to the month leads up to its month; a title is escaped
    assert _breadcrumbs(read(out / "days/2010/2010-02.html"))[-2:] == [
        ("../../news/2010/02/index.html", "February 2010"),
        ("", "February 2010"),
    ]
    assert _prev_next(read(out / "days/2009/2009-12-31.html"))["next"] == (
        "../2010/2010-01-02.html",
        "January 2, 2010",
    )
    # the author's chapter and orphan are not dated pages
    for page in ("about.html", "notes.html", "index.html", "news/index.html"):
        assert "newsarc-breadcrumbs" not in read(out / page), page
    # the front page lists no dated page on the website (its "next" is the first one)
    front = read(out / "news/index.html")
    assert not re.search(r'toctree-l\d[^>]*><a[^>]*href="\.\./days/', front)
    assert 'href="chronology.html">Chronology</a></li>' in front  # the indices' toctree
    assert '<link rel="next" title="December 30, 2009" href="../days/2009/2009-12-30.html"' in front


@pytest.mark.sphinx(
    "html",
    testroot="dated",
    srcdir="dated-toctree",
    confoverrides={"newsarc_dated_pages": "toctree"},
)
def test_default_layout_leaves_the_days_to_the_author(app: SphinxTestApp) -> None:
    """Without the setting, documents no toctree lists are Sphinx's orphans, as before."""
    app.build()
    not_included = [w for w in warnings_of(app) if "toc.not_included" in w]
    assert len(not_included) == len(ORDER)
    assert "newsarc-breadcrumbs" not in read(Path(app.outdir) / "days/2010/week-10.html")


@pytest.mark.sphinx(
    "html", testroot="dated", srcdir="dated-bad", confoverrides={"newsarc_dated_pages": "pages"}
)
def test_bad_layout_value_warns(app: SphinxTestApp) -> None:
    app.build()
    assert any(
        "newsarc_dated_pages = 'pages' is not valid (expected 'toctree' or 'archive')" in w
        and "newsarc.config" in w
        for w in warnings_of(app)
    )


# -- books -----------------------------------------------------------------------------------


@pytest.mark.sphinx("latex", testroot="dated")
def test_latex_holds_every_dated_page_in_date_order(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    tex = read(next(Path(app.outdir).glob("*.tex")))
    headings = re.findall(r"\\(chapter|section)\{([^}]*)\}", tex)
    assert headings == [
        ("chapter", "About this archive"),
        ("chapter", "News archive"),
        *[("section", TITLES[d]) for d in ORDER],
        ("section", "Chronology"),
        ("section", "Entities"),
        ("section", "Stories"),
    ]
    assert dead_references(tex) == []


@needs_latexmk
@pytest.mark.latex
@pytest.mark.sphinx("latex", testroot="dated", srcdir="dated-pdf")
def test_pdf_of_dated_pages(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    assert undefined_references(compile_pdf(Path(app.outdir))) == []


@pytest.mark.sphinx("epub", testroot="dated")
def test_epub_holds_every_dated_page_in_date_order(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    nav = read(Path(app.outdir) / "nav.xhtml")
    titles = re.findall(r'<a href="[^"]*">([^<]*)', nav)
    # the Chronology's years nest below it (the book's sections)
    assert titles == [
        "Dated",
        "About this archive",
        "News archive",
        *[TITLES[d] for d in ORDER],
        "Chronology",
        "2009",
        "2010",
        "Entities",
        "Stories",
    ]
    assert "newsarc-breadcrumbs" not in read(Path(app.outdir) / "days/2010/week-10.xhtml")


@needs_epubcheck
@pytest.mark.epubcheck
@pytest.mark.sphinx("epub", testroot="dated", srcdir="dated-epubcheck")
def test_epubcheck_dated_pages(app: SphinxTestApp) -> None:
    app.build()
    book = next(Path(app.outdir).glob("*.epub"))
    result = subprocess.run(
        ["java", "-jar", str(EPUBCHECK_JAR), str(book)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]


# -- incremental and parallel builds ---------------------------------------------------------

DAY = """# {title}

```{{event}} {headline}
---
date: {date}
entities: Alpha
---
```
"""


def test_incremental_equals_clean(tmp_path: Path) -> None:
    src = copy_root("dated", tmp_path / "inc")
    out, warnings = build(src, tmp_path / "out", html_theme="alabaster")
    assert "WARNING" not in warnings
    before = mtimes(out)
    assert build(src, tmp_path / "out", html_theme="alabaster")[1].count("WARNING") == 0
    assert {n for n, t in mtimes(out).items() if before[n] != t} - ALWAYS_WRITTEN == set()
    # a new day between two others, a day moved to the end, a day removed
    (src / "days/2010/2010-01-03.md").write_text(
        DAY.format(title="January 3, 2010", headline="Alpha wakes.", date="2010-01-03"),
        encoding="utf-8",
    )
    day = src / "days/2009/2009-12-30.md"
    day.write_text(
        day.read_text(encoding="utf-8").replace("2009-12-30", "2010-04-01"), encoding="utf-8"
    )
    touch_later(day)
    (src / "days/2010/2010-03-01.md").unlink()
    out, warnings = build(src, tmp_path / "out", html_theme="alabaster")
    assert "WARNING" not in warnings
    new = read(out / "days/2010/2010-01-03.html")
    assert _prev_next(new) == {
        "prev": ("2010-01-02.html", "January 2, 2010"),
        "next": ("2010-01-05.html", "January 5, 2010"),
    }
    assert _prev_next(read(out / "days/2010/2010-01-02.html"))["next"][1] == "January 3, 2010"
    assert _prev_next(read(out / "days/2010/week-10.html"))["next"] == (
        "../2009/2009-12-30.html",
        "December 30, 2009",
    )
    clean, warnings = build(
        fresh_copy(src, tmp_path / "clean-src"), tmp_path / "clean", html_theme="alabaster"
    )
    assert "WARNING" not in warnings
    incremental = outputs(out)
    del incremental["days/2010/2010-03-01.html"]  # Sphinx never deletes an output file
    assert_same(incremental, outputs(clean))
    # the book follows: the moved day is last
    latex, warnings = build(src, tmp_path / "out", "latex")
    assert "WARNING" not in warnings
    tex = read(next(latex.glob("*.tex")))
    assert tex.index(r"\section{December 30, 2009}") > tex.index(r"\section{Week 10 of 2010}")
    assert r"\section{March 1, 2010}" not in tex


def test_listing_a_dated_page_makes_it_a_chapter(tmp_path: Path) -> None:
    """A page the author's toctree lists leaves the archive's list; one they drop joins it."""
    src = copy_root("dated", tmp_path / "inc")
    build(src, tmp_path / "out")
    index = src / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("about\n", "about\ndays/2010/2010-01-05\n"),
        encoding="utf-8",
    )
    touch_later(index)
    out, warnings = build(src, tmp_path / "out")
    assert "WARNING" not in warnings
    assert "newsarc-breadcrumbs" not in read(out / "days/2010/2010-01-05.html")
    assert _prev_next(read(out / "days/2010/2010-01-02.html"))["next"][1] == "February 2010"
    clean, _ = build(fresh_copy(src, tmp_path / "clean-src"), tmp_path / "clean")
    assert_same(outputs(out), outputs(clean))


def test_parallel_equals_serial(tmp_path: Path) -> None:
    src = copy_root("dated", tmp_path / "a")
    serial, warnings = build(src, tmp_path / "serial", html_theme="alabaster")
    assert "WARNING" not in warnings
    parallel, warnings = build(
        fresh_copy(src, tmp_path / "b"), tmp_path / "parallel", parallel=2, html_theme="alabaster"
    )
    assert "WARNING" not in warnings
    assert_same(outputs(serial), outputs(parallel))
    for builder in ("latex", "epub"):
        one, _ = build(
            fresh_copy(src, tmp_path / f"{builder}-1"), tmp_path / f"{builder}-1", builder
        )
        two, warnings = build(
            fresh_copy(src, tmp_path / f"{builder}-2"),
            tmp_path / f"{builder}-2",
            builder,
            parallel=2,
        )
        assert "WARNING" not in warnings
        name = "dated.tex" if builder == "latex" else "nav.xhtml"
        assert read(one / name) == read(two / name)
        assert "Week 10 of 2010" in read(two / name)


# -- the importer ----------------------------------------------------------------------------

IMPORT_DATA = Path(__file__).parent / "data" / "import" / "events.json"


def test_importer_writes_the_archive_layout(tmp_path: Path) -> None:
    """``sphinx-newsarc import --layout archive``: index.md lists the entities only, and
    the project builds without warnings with ``newsarc_dated_pages = "archive"``."""
    from sphinx.cmd.build import build_main

    from sphinx_newsarc.cli import main

    src = tmp_path / "src"
    src.mkdir()
    assert (
        main(
            [
                "import",
                "-q",
                "--format",
                "json",
                "--layout",
                "archive",
                "--out",
                str(src / "events"),
                str(IMPORT_DATA),
            ]
        )
        == 0
    )
    index = read(src / "events/index.md")
    assert "entities" in index
    pages = sorted(
        p.relative_to(src).with_suffix("").as_posix() for p in (src / "events").glob("*/*.md")
    )
    assert pages and not any(page.removeprefix("events/") in index for page in pages)
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_newsarc"]\nproject = "Imported"\n'
        'newsarc_dated_pages = "archive"\nhtml_theme = "alabaster"\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text(
        "# Imported\n\n```{toctree}\nevents/index\n```\n", encoding="utf-8"
    )
    out = tmp_path / "html"
    assert build_main(["-b", "html", "-W", "-n", "-q", str(src), str(out)]) == 0
    for page in pages:
        html = read(out / f"{page}.html")
        assert 'class="newsarc-breadcrumbs"' in html, page
        assert (
            "toctree-l1" in html
            and f'href="{Path(page).name}.html"' not in html.split('class="sphinxsidebar"')[-1]
        ), page
    # the default layout still lists every page
    assert (
        main(
            ["import", "-q", "--format", "json", "--out", str(tmp_path / "plain"), str(IMPORT_DATA)]
        )
        == 0
    )
    plain_index = read(tmp_path / "plain/index.md")
    assert all(page.removeprefix("events/") in plain_index for page in pages)
