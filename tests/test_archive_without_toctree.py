"""The archive reaches HTML, PDF and ePub whether or not the author's toctree lists it,
and events in documents a book leaves out (orphans) are in its indices as plain text."""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from buildutil import build, outputs
from conftest import ROOTS, copy_root, read, warnings_of
from printcheck import compile_pdf, dead_references, needs_latexmk, undefined_references
from sphinx.testing.util import SphinxTestApp
from test_print_formats import EPUBCHECK_JAR, needs_epubcheck


@pytest.mark.sphinx("html", testroot="notoc")
def test_html_without_toctree_entry(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    out = Path(app.outdir)
    index = read(out / "index.html")
    # the root page ends with one link to the archive; the sidebar has it too
    assert index.count('href="news/index.html"') >= 1
    assert (out / "news/chronology.html").exists()
    assert 'href="../index.html"' in read(out / "news/index.html")  # a way up


@pytest.mark.sphinx("latex", testroot="notoc")
def test_latex_without_toctree_entry(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    tex = read(next(Path(app.outdir).glob("*.tex")))
    assert r"\chapter{News archive}" in tex
    assert r"\section{Chronology}" in tex and r"\section{Entities}" in tex
    assert dead_references(tex) == []
    # an event in the root document is linked by its own label, not the Chronology's
    assert r"\hyperref[\detokenize{index:root-ev}]" in tex
    assert r"\label{\detokenize{index:root-ev}}" in tex
    # an entity without a page and a story lead to their index entries
    assert r"\hyperref[\detokenize{news/entities/index:entity-index-beta}]" in tex
    assert r"\hyperref[\detokenize{news/stories/index:story-index-big-story}]" in tex
    # the orphan's event is in the Chronology, unlinked and without a page number
    chronology = tex[tex.index(r"\section{Chronology}") : tex.index(r"\section{Entities}")]
    assert "Orphan event about Alpha." in chronology
    assert "orphan:" not in tex


@needs_latexmk
@pytest.mark.latex
@pytest.mark.sphinx("latex", testroot="notoc", srcdir="notoc-pdf")
def test_pdf_without_toctree_entry(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    log = compile_pdf(Path(app.outdir))
    assert undefined_references(log) == []


@pytest.mark.sphinx("epub", testroot="notoc")
def test_epub_navigation_without_toctree_entry(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    book = next(Path(app.outdir).glob("*.epub"))
    with zipfile.ZipFile(book) as zf:
        nav = zf.read("nav.xhtml").decode()
    for href, title in [
        ("news/index.xhtml", "News archive"),
        ("news/chronology.xhtml", "Chronology"),
        ("news/entities/index.xhtml", "Entities"),
        ("news/stories/index.xhtml", "Stories"),
    ]:
        assert nav.count(f'<a href="{href}">{title}</a>') == 1, title


@needs_epubcheck
@pytest.mark.epubcheck
@pytest.mark.sphinx("epub", testroot="notoc", srcdir="notoc-epubcheck")
def test_epubcheck_without_toctree_entry(app: SphinxTestApp) -> None:
    app.build()
    book = next(Path(app.outdir).glob("*.epub"))
    result = subprocess.run(
        ["java", "-jar", str(EPUBCHECK_JAR), str(book)], capture_output=True, text=True, timeout=300
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report[-4000:]


def _list_archive_in_chapter(src: Path, listed: bool) -> None:
    """Put ``news/index`` into (or out of) the toctree of the chapter ``events``."""
    page = src / "events.md"
    text = page.read_text(encoding="utf-8")
    block = "\n```{toctree}\nnews/index\n```\n"
    text = text.replace(block, "")
    page.write_text(text + (block if listed else ""), encoding="utf-8")
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_the_author_s_place_wins(tmp_path: Path) -> None:
    """Listed in a chapter, the archive is there and nowhere else."""
    src = copy_root("notoc", tmp_path)
    _list_archive_in_chapter(src, listed=True)
    out, warnings = build(src, tmp_path / "build", "epub")
    assert "WARNING" not in warnings
    with zipfile.ZipFile(next(out.glob("*.epub"))) as zf:
        nav = zf.read("nav.xhtml").decode()
    assert nav.count(">News archive</a>") == 1
    # nested under the chapter that lists it
    assert re.search(r"Events</a>\s*<ol>\s*<li>\s*<a href=\"news/index.xhtml\"", nav)
    out, warnings = build(src, tmp_path / "build", "html")
    body = read(out / "index.html").split('class="body"')[1].split('class="sphinxsidebar"')[0]
    assert 'class="toctree-l1"><a class="reference internal" href="news/index.html"' not in body
    assert 'class="toctree-l2"><a class="reference internal" href="news/index.html"' in body


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_listing_it_later_equals_a_clean_build(tmp_path: Path, builder: str) -> None:
    """Adding and removing the archive from a chapter's toctree: incremental == clean."""
    src = copy_root("notoc", tmp_path)
    build(src, tmp_path / "inc", builder)
    for listed in (True, False):
        _list_archive_in_chapter(src, listed)
        inc, warnings = build(src, tmp_path / "inc", builder)
        assert "WARNING" not in warnings
        clean, _ = build(src, tmp_path / f"clean-{listed}", builder, freshenv=True)
        assert outputs(inc) == outputs(clean), listed


def test_event_outside_every_toctree(tmp_path: Path) -> None:
    """A document outside every toctree: Sphinx's own warning only; no crash in LaTeX or
    Texinfo; its event is in the indices as plain text."""
    src = copy_root("notoc", tmp_path)
    (src / "outside.md").write_text(
        "# Outside\n\n```{event} Outside event about Alpha.\n---\nid: ev-4\n"
        "date: 2006-05-12\nentities: Alpha\n---\n```\n",
        encoding="utf-8",
    )
    for builder in ("latex", "texinfo"):
        _out, warnings = build(src, tmp_path / builder, builder)
        lines = [w for w in warnings.splitlines() if "WARNING" in w]
        assert len(lines) == 1 and "toc.not_included" in lines[0], warnings
    tex = read(next((tmp_path / "latex/latex").glob("*.tex")))
    assert "Outside event about Alpha." in tex
    assert dead_references(tex) == []


ROOT_NAMES = sorted(p.name.removeprefix("test-") for p in ROOTS.glob("test-*"))


@pytest.mark.parametrize("root", ROOT_NAMES)
def test_no_dead_links_in_any_root_s_latex(tmp_path: Path, root: str) -> None:
    src = copy_root(root, tmp_path)
    out, _warnings = build(src, tmp_path / "build", "latex")
    tex = read(next(out.glob("*.tex")))
    assert dead_references(tex) == []


@needs_latexmk
@pytest.mark.latex
@pytest.mark.parametrize("root", ROOT_NAMES)
def test_no_undefined_reference_in_any_root_s_pdf(tmp_path: Path, root: str) -> None:
    src = copy_root(root, tmp_path)
    out, _warnings = build(src, tmp_path / "build", "latex")
    assert undefined_references(compile_pdf(out)) == []
