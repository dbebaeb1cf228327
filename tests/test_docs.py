"""The documentation builds with the extension itself, with ``-W -n``."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from conftest import read
from printcheck import (
    dead_references,
    duplicate_nav_siblings,
    epub_nav,
    overfull_boxes,
    undefined_references,
)
from sphinx.cmd.build import build_main
from test_print_formats import EPUBCHECK_JAR, needs_epubcheck, needs_latexmk

DOCS = Path(__file__).parent.parent / "docs"


def copy_docs(tmp_path: Path) -> Path:
    """The docs and the files they include, without earlier build products."""
    src = tmp_path / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build", "news"))
    shutil.copy(DOCS.parent / "CHANGELOG.md", tmp_path / "CHANGELOG.md")
    (tmp_path / "sphinx_newsarc").mkdir()
    schema = DOCS.parent / "sphinx_newsarc" / "schema"
    shutil.copytree(schema, tmp_path / "sphinx_newsarc" / "schema")
    return src


def test_docs_build_without_warnings(tmp_path: Path) -> None:
    src = copy_docs(tmp_path)
    out = tmp_path / "html"
    code = build_main(
        [
            "-q",
            "-W",
            "--keep-going",
            "-n",
            "-b",
            "html",
            str(src),
            str(out),
            "-D",
            "html_theme=alabaster",
        ]
    )
    assert code == 0
    # every feature page and the demo archive came out
    for page in (
        "authoring",
        "roles",
        "archive",
        "settings",
        "warnings",
        "importing",
        "news/index",
        "news/chronology",
        "news/entities/taliban",
        "news/stories/taliban-insurgency",
        "news/2006/09/03",
    ):
        assert (out / f"{page}.html").exists(), page


@needs_epubcheck
def test_docs_epub_passes_epubcheck(tmp_path: Path) -> None:
    src = copy_docs(tmp_path)
    out = tmp_path / "epub"
    code = build_main(
        ["-q", "-W", "-b", "epub", "-d", str(tmp_path / "doctrees"), str(src), str(out)]
    )
    assert code == 0
    book = next(out.glob("*.epub"))
    result = subprocess.run(
        ["java", "-jar", str(EPUBCHECK_JAR), str(book)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    # no two entries of one navigation list share a title
    assert duplicate_nav_siblings(epub_nav(out)) == []


@needs_latexmk
def test_docs_pdf_builds(tmp_path: Path) -> None:
    src = copy_docs(tmp_path)
    out = tmp_path / "latex"
    assert (
        build_main(
            ["-q", "-W", "-b", "latex", "-d", str(tmp_path / "doctrees"), str(src), str(out)]
        )
        == 0
    )
    result = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "sphinx-newsarc.tex"],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert (out / "sphinx-newsarc.pdf").stat().st_size > 10_000
    assert dead_references(read(out / "sphinx-newsarc.tex")) == []
    log = (out / "sphinx-newsarc.log").read_text(encoding="utf-8", errors="replace")
    assert undefined_references(log) == []
    # typeset as a book: no line runs into the margin (tables, URLs, index lines)
    assert overfull_boxes(log) == []
    tex = read(out / "sphinx-newsarc.tex")
    # the quick start is a chapter of its own, not the one holding every other chapter
    assert r"\chapter{Quick start}" in tex and r"\chapter{Settings}" in tex
    assert r"\chapter{News archive}" in tex
    assert r"\subsection{2006}" in tex  # the Chronology's years, under the archive chapter
    text = subprocess.run(
        ["pdftotext", str(out / "sphinx-newsarc.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert not re.search(r"[.!?]\s*,\s*p\.", text)  # no "soldiers., p. 30"


def test_settings_and_warnings_pages_are_generated_from_the_code(tmp_path: Path) -> None:
    """docs/settings.md and docs/warnings.md list every setting with its help, default and
    what it accepts, and every warning subtype with its description (sphinx_newsarc._docs)."""
    import dataclasses

    from sphinx_newsarc.config import NewsarcConfig
    from sphinx_newsarc.warnings import NewsarcWarning

    src = tmp_path / "src"
    src.mkdir()
    for page in ("settings.md", "warnings.md"):
        shutil.copy(DOCS / page, src / page)
    (src / "index.md").write_text(
        "# Docs\n\n```{toctree}\nsettings\nwarnings\nfeeds\nauthoring\narchive\n```\n"
    )
    (src / "archive.md").write_text(
        "# Archive\n\n(choosing-the-latex-engine)=\n## Choosing the LaTeX engine\n"
    )
    (src / "feeds.md").write_text("# Feeds\n")
    (src / "authoring.md").write_text("# Authoring\n\n(choosing-a-layout)=\n## Choosing a layout\n")
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinx_newsarc._docs']\n"
        "myst_enable_extensions = ['deflist']\n"
    )
    out = tmp_path / "text"
    assert build_main(["-q", "-W", "-b", "text", str(src), str(out)]) == 0
    text = " ".join(read(out / "settings.txt").split())
    for field in dataclasses.fields(NewsarcConfig):
        name = f"newsarc_{field.name}"
        assert name in text, name
        start = text.index(name)
        entry = text[start : text.find("newsarc_", start + len(name))]
        entry = entry.replace("\u2018", "'").replace("\u2019", "'")  # smart quotes
        entry = re.sub(r"(?<=\w)- (?=\w)", "-", entry)  # a line broken after a hyphen
        assert field.metadata["validator"].expects in entry
        assert "Default:" in entry
    assert text.count("Default:") == len(dataclasses.fields(NewsarcConfig))
    text = " ".join(read(out / "warnings.txt").split())
    for warning in NewsarcWarning:
        assert f'"newsarc.{warning.value}"' in text, warning
    assert text.count("Located at") == len(NewsarcWarning)
