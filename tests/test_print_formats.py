"""The archive in LaTeX/PDF and ePub: indices in the TOC, bookmarks and navigation."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import read, warnings_of
from sphinx.testing.util import SphinxTestApp

EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
needs_latexmk = pytest.mark.skipif(
    shutil.which("latexmk") is None, reason="latexmk (TeX Live) is not installed"
)
needs_epubcheck = pytest.mark.skipif(
    not EPUBCHECK_JAR.exists() or shutil.which("java") is None,
    reason="epubcheck (Debian package epubcheck) is not installed",
)


def tex_of(app: SphinxTestApp) -> str:
    return read(next(Path(app.outdir).glob("*.tex")))


@pytest.mark.sphinx("latex", testroot="archive")
def test_latex_structure(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    tex = tex_of(app)
    # both indices are sections, so they are in the TOC and the PDF bookmarks
    assert re.search(r"\\section\{Chronology\}", tex)
    assert re.search(r"\\section\{Entities\}", tex)
    # an event's date leads to its place in the Chronology, which has a label there
    assert r"\hyperref[\detokenize{news/chronology:chronology-2006-03-21}]" in tex
    assert r"\label{\detokenize{news/chronology:chronology-2006-03-21}}" in tex
    # the Entities index keeps its structure and gives a page number per event
    entities = tex[tex.index(r"\section{Entities}") : tex.index(r"\section{Stories}")]
    assert "Hamid Karzai" in entities
    # under Afghanistan and under Hamid Karzai
    assert entities.count(r"\newsarcpageref{\detokenize{2005:afghan-election-2005}}") == 2
    # browse pages (days, months, entity pages) are for websites, not for the book
    assert r"\label{\detokenize{news/2006/03/21::doc}}" not in tex
    # eventlists are filled in for LaTeX too, with page numbers
    lists = tex[tex.index(r"\chapter{Lists}") : tex.index(r"\chapter{News archive}")]
    assert r"An attack in Kandahar kills 80 people." in lists
    assert r"\newsarcpageref{\detokenize{2007:event-2008-02-17-an-attack-in-kandahar" in lists
    # LaTeX specials and accents in headlines and names come through escaped
    assert (
        r"Zoë \& Ünal\textquotesingle{}s 100\% \{fund\} costs \$5 \#1 \_x\_ "
        r"\textasciitilde{} \textasciicircum{} \textbackslash{} done." in tex
    )
    assert r"Procter \& Gamble" in tex


@needs_latexmk
@pytest.mark.latex
@pytest.mark.sphinx("latex", testroot="archive", srcdir="archive-pdf")
def test_pdf(app: SphinxTestApp) -> None:
    pypdf = pytest.importorskip("pypdf")
    app.build()
    tex = next(Path(app.outdir).glob("*.tex"))
    result = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=app.outdir,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    pdf = tex.with_suffix(".pdf")
    reader = pypdf.PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())

    def titles(outline: list[Any]) -> list[str]:
        out: list[str] = []
        for item in outline:
            out.extend(titles(item) if isinstance(item, list) else [item.title])
        return out

    bookmarks = titles(reader.outline)
    assert "Chronology" in bookmarks and "Entities" in bookmarks
    # the table of contents lists both
    toc = flat[: flat.index("Chronology", flat.index("CONTENTS")) + 200]
    assert "Entities" in toc
    # page numbers in the Entities index resolved (no "??")
    assert "p. ??" not in flat
    # an index line: the headline, a dotted leader, the page number
    assert re.search(r"Elections are held for the Afghan parliament\.[\s.]*\d+", flat)
    # specials and accents survive into the PDF text
    plain = flat.replace("\N{RIGHT SINGLE QUOTATION MARK}", "'")
    assert "Zoë & Ünal's 100% {fund} costs $5 #1 _x_" in plain
    assert "Procter & Gamble" in flat


@pytest.mark.sphinx("epub", testroot="archive")
def test_epub_navigation(app: SphinxTestApp) -> None:
    app.build()
    book = next(Path(app.outdir).glob("*.epub"))
    with zipfile.ZipFile(book) as zf:
        nav = zf.read("nav.xhtml").decode()
        names = zf.namelist()
    assert re.search(r'<a href="news/chronology.xhtml">Chronology</a>', nav)
    assert re.search(r'<a href="news/entities/index.xhtml">Entities</a>', nav)
    # day, entity and story pages are for websites; the book has the indices
    assert "news/2006/03/21.xhtml" not in names
    with zipfile.ZipFile(book) as zf:
        page = zf.read("2005.xhtml").decode()
    # an event's date leads to its place in the Chronology
    assert 'href="news/chronology.xhtml#chronology-2006-03-21"' in page


@needs_epubcheck
@pytest.mark.epubcheck
@pytest.mark.sphinx("epub", testroot="archive", srcdir="archive-epubcheck")
def test_epubcheck(app: SphinxTestApp) -> None:
    app.build()
    book = next(Path(app.outdir).glob("*.epub"))
    result = subprocess.run(
        ["java", "-jar", str(EPUBCHECK_JAR), str(book)], capture_output=True, text=True, timeout=300
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report[-4000:]
    assert "No errors or warnings detected" in report or re.search(r"\b0 fatals / 0 errors", report)


def _sources_of(app: SphinxTestApp, page: str) -> list[str]:
    """The ePub's source list items of ``page``, as XHTML."""
    book = next(Path(app.outdir).glob("*.epub"))
    with zipfile.ZipFile(book) as zf:
        xhtml = zf.read(page).decode()
    box = xhtml[xhtml.index('class="newsarc-sources') :]
    return re.findall(r"<li>(.*?)</li>", box[: box.index("</ol>")], re.S)


BBC = "http://news.bbc.co.uk/2/hi/americas/4897186.stm"


@pytest.mark.sphinx("epub", testroot="sample", srcdir="sample-epub-urls-inline")
def test_epub_sources_show_urls_inline_once(app: SphinxTestApp) -> None:
    app.build()  # Sphinx's default, epub_show_urls = "inline"
    first = _sources_of(app, "peru.xhtml")[0]
    assert f'href="{BBC}">BBC</a>' in first
    assert first.count(BBC) == 2  # the link and the one URL a reader sees, "[http://...]"
    assert f'<span class="link-target"> [{BBC}]</span>' in first


@pytest.mark.sphinx(
    "epub",
    testroot="sample",
    srcdir="sample-epub-urls-footnote",
    confoverrides={"epub_show_urls": "footnote"},
)
def test_epub_sources_show_urls_as_footnotes(app: SphinxTestApp) -> None:
    app.build()
    first = _sources_of(app, "peru.xhtml")[0]
    assert f'href="{BBC}">BBC</a>' in first and first.count(BBC) == 1
    assert 'class="footnote-reference' in first
    book = next(Path(app.outdir).glob("*.epub"))
    with zipfile.ZipFile(book) as zf:
        assert zf.read("peru.xhtml").decode().count(BBC) == 2  # the link and its footnote


@pytest.mark.sphinx(
    "epub", testroot="sample", srcdir="sample-epub-urls-no", confoverrides={"epub_show_urls": "no"}
)
def test_epub_sources_show_no_urls(app: SphinxTestApp) -> None:
    app.build()
    first = _sources_of(app, "peru.xhtml")[0]
    assert first.count(BBC) == 1 and f'href="{BBC}">BBC</a>' in first
