"""The archive as a part of the book: the Chronology's years, months and days are the
book's sections (LaTeX sectioning, PDF bookmarks, ePub navigation); websites keep their
light Chronology."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from buildutil import build
from conftest import copy_root, read, warnings_of
from printcheck import (
    compile_pdf,
    duplicate_nav_siblings,
    epub_nav,
    needs_latexmk,
    overfull_boxes,
    undefined_references,
)
from sphinx.testing.util import SphinxTestApp


def _tex(app: SphinxTestApp) -> str:
    return read(next(Path(app.outdir).glob("*.tex")))


def _outline(outline, depth: int = 0) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    """The PDF's bookmarks as (depth, title), in order."""
    out: list[tuple[int, str]] = []
    for item in outline:
        if isinstance(item, list):
            out.extend(_outline(item, depth + 1))
        else:
            out.append((depth, item.title))
    return out


@pytest.mark.sphinx("latex", testroot="sample")
def test_chronology_sections_in_latex(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    tex = _tex(app)
    chronology = tex[tex.index(r"\section{Chronology}") : tex.index(r"\section{Entities}")]
    # the archive is a chapter, the Chronology a section: years, months and days below it
    assert re.findall(r"\\(subsection|subsubsection|paragraph)\{([^}]*)\}", chronology)[:5] == [
        ("subsection", "2006"),
        ("subsubsection", "April 2006"),
        ("paragraph", "10 April 2006"),
        ("subsubsection", "June 2006"),
        ("paragraph", "5 June 2006"),
    ]
    # each with the label dates link to
    assert re.search(
        r"\\subsection\{2006\}\s*\\label\{\\detokenize\{news/chronology:"
        r"chronology-2006\}\}",
        chronology,
    )
    assert r"\label{\detokenize{news/chronology:chronology-2006-04-10}}" in chronology
    assert "rubric" not in chronology and r"\subsubsection*" not in chronology


@needs_latexmk
@pytest.mark.latex
@pytest.mark.sphinx("latex", testroot="sample", srcdir="sample-book-pdf")
def test_pdf_bookmarks_nest(app: SphinxTestApp) -> None:
    pypdf = pytest.importorskip("pypdf")
    app.build()
    log = compile_pdf(Path(app.outdir))
    assert undefined_references(log) == []
    pdf = next(Path(app.outdir).glob("*.pdf"))
    outline = _outline(pypdf.PdfReader(pdf).outline)
    start = outline.index((1, "Chronology"))
    assert outline[start : start + 5] == [
        (1, "Chronology"),
        (2, "2006"),
        (3, "April 2006"),
        (4, "10 April 2006"),
        (3, "June 2006"),
    ]


@pytest.mark.sphinx("epub", testroot="sample", confoverrides={"epub_tocdepth": 5})
def test_epub_navigation_nests(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    book = next(Path(app.outdir).glob("*.epub"))
    with zipfile.ZipFile(book) as zf:
        nav = zf.read("nav.xhtml").decode()
        page = zf.read("news/chronology.xhtml").decode()
    flat = re.sub(r"\s+", "", nav)
    assert (
        '<ahref="news/chronology.xhtml">Chronology</a><ol><li>'
        '<ahref="news/chronology.xhtml#chronology-2006">2006</a><ol><li>'
        '<ahref="news/chronology.xhtml#chronology-2006-04">April2006</a><ol><li>'
        '<ahref="news/chronology.xhtml#chronology-2006-04-10">10April2006</a>'
    ) in flat
    # the navigation's targets are the sections of the page
    for anchor in ("chronology-2006", "chronology-2006-04", "chronology-2006-04-10"):
        assert re.search(f'<section class="[^"]*" id="{anchor}">', page)
    # siblings of the navigation have unique titles
    assert duplicate_nav_siblings(nav) == []


@pytest.mark.parametrize("root", ["archive", "dated", "notoc", "feeds", "roles", "rst", "scripts"])
def test_epub_navigation_siblings_are_unique(
    root: str, make_app: Any, rootdir: Path, tmp_path: Path
) -> None:
    """Every root with an archive: no two entries of one navigation list share a title."""
    src = copy_root(root, tmp_path)
    app = make_app("epub", srcdir=src, confoverrides={"epub_tocdepth": 5})
    app.build()
    assert duplicate_nav_siblings(epub_nav(Path(app.outdir))) == []


def test_websites_keep_their_chronology(tmp_path: Path) -> None:
    """After an ePub build with the same doctrees, the website's table of contents is as
    light as ever: the Chronology's years and months are headings on its page (with a
    jump bar), not entries of the sidebar's or the root page's table of contents."""
    src = copy_root("sample", tmp_path)
    build(src, tmp_path / "build", "epub")
    out, warnings = build(src, tmp_path / "build", "html")
    assert "WARNING" not in warnings
    page = read(out / "news/chronology.html")
    assert 'id="chronology-2006"' in page  # the heading's anchor
    sidebar = page[page.index('<div class="sphinxsidebar"') :]
    assert 'href="#chronology-2006"' not in sidebar  # no local table of contents of years
    root = read(out / "index.html")
    assert "chronology.html#chronology-2006" not in root


@pytest.mark.sphinx("latex", testroot="sample")
def test_index_lines_and_events_in_latex(app: SphinxTestApp) -> None:
    app.build()
    tex = _tex(app)
    out = Path(app.outdir)
    assert (out / "sphinxnewsarc.sty").is_file()
    assert r"\usepackage{sphinxnewsarc}" in tex
    # page numbers come after a dotted leader, never glued to the headline's full stop
    assert ", \\sphinxstyleemphasis{p." not in tex
    assert tex.count(r"\newsarcpageref{\detokenize{peru:peru-2006-runoff}}") >= 4
    # every event starts with room for its headline, before its label (its page number)
    events = tex.count(r"\begin{sphinxuseclass}{newsarc-event}")
    assert events == 7
    assert (
        len(
            re.findall(
                r"\\begin\{sphinxuseclass\}\{newsarc-event\}\s*\\newsarcneedspace\s*"
                r"\\phantomsection\\label",
                tex,
            )
        )
        == events
    )
    # the Entities and Stories indices are set in two columns
    entities = tex[tex.index(r"\section{Entities}") :]
    assert entities.count(r"\begin{newsarcindex}") == 2
    assert entities.count(r"\end{newsarcindex}") == 2
    # related events in print carry their dates
    assert re.search(
        r"\\sphinxcrossref\{5 June 2006\}\}\}"
        r" — \{\\hyperref\[\\detokenize\{peru:peru-2006-runoff\}\]",
        tex,
    )


@needs_latexmk
@pytest.mark.latex
@pytest.mark.sphinx("latex", testroot="sample", srcdir="sample-book-typeset")
def test_pdf_reads_like_a_book(app: SphinxTestApp) -> None:
    app.build()
    log = compile_pdf(Path(app.outdir))
    assert undefined_references(log) == []
    assert overfull_boxes(log) == []
    pdf = next(Path(app.outdir).glob("*.pdf"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # no doubled punctuation after a headline
    assert not re.search(r"[.!?]\s*,\s*p\.", text)
    assert not re.search(r"\.\s*[,;]\s", text)
    # index lines: headline, dotted leader, page number
    assert re.search(r"on Sunday\.(?: ?\.){3,} ?\d+\s*$", text, re.MULTILINE)
    # the printed source address, broken at the margin if need be, is all there
    assert "sid=aJQ2YVcz681I" in text.replace("\n", "")


@pytest.mark.sphinx("epub", testroot="sample", srcdir="sample-epub-story")
def test_story_names_link_the_stories_index_in_books(app: SphinxTestApp) -> None:
    app.build()
    page = read(Path(app.outdir) / "peru.xhtml")
    assert re.search(
        r'<a class="newsarc-story-link reference internal" '
        r'href="news/stories/index.xhtml#story-index-[a-z0-9-]+">',
        page,
    )


def test_duplicate_nav_siblings_sees_every_level() -> None:
    """The check finds repeats among entries that have children too (a regex over the
    innermost lists did not)."""
    nav = (
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><nav><ol>'
        '<li><a href="a.xhtml">Entities</a><ol><li><a href="a.xhtml#x">X</a></li></ol></li>'
        '<li><a href="b.xhtml">Entities</a></li>'
        '<li><a href="c.xhtml">Other</a><ol><li><a href="c.xhtml#x">X</a></li></ol></li>'
        "</ol></nav></body></html>"
    )
    assert duplicate_nav_siblings(nav) == [["Entities", "Entities", "Other"]]
