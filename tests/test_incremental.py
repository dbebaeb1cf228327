"""Incremental builds equal clean builds, and refresh exactly the pages that changed."""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any

import pytest
from buildutil import build, fresh_copy, killed_build, mtimes, outputs, touch_later
from conftest import copy_root


def assert_same(left: dict[str, bytes], right: dict[str, bytes]) -> None:
    assert sorted(left) == sorted(right)
    for name in left:
        if left[name] != right[name]:
            diff = "\n".join(
                difflib.unified_diff(
                    left[name].decode(errors="replace").splitlines(),
                    right[name].decode(errors="replace").splitlines(),
                    lineterm="",
                    n=1,
                )
            )
            pytest.fail(f"{name} differs between incremental and clean builds:\n{diff[:3000]}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    touch_later(path)


#: pages Sphinx writes on every build, whatever changed
ALWAYS_WRITTEN = {"genindex.html", "search.html", "genindex/index.html", "search/index.html"}


def written(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name, mtime in after.items() if before.get(name) != mtime} - ALWAYS_WRITTEN


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_root("sample", tmp_path / "inc")


def test_edit_refreshes_exactly_the_pages_that_show_the_event(
    project: Path, tmp_path: Path
) -> None:
    out, _ = build(project, tmp_path / "out")
    before = mtimes(out)
    edit(project / "later.md", "recalls the ambassador to Chile", "recalls its envoy to Chile")
    _, warnings = build(project, tmp_path / "out")
    assert "WARNING" not in warnings
    changed = written(before, mtimes(out))
    # the page holding it, pages listing it, pages whose related lists show it
    for page in (
        "later.html",
        "peru.html",
        "news/2015/02/21.html",
        "news/2015/02/index.html",
        "news/entities/ollanta-humala.html",
        "news/entities/chile.html",
        "news/index.html",
    ):
        assert page in changed, page
    # and nothing that does not show it (Sphinx itself also rewrites the toctree parents
    # of rewritten pages, such as index.html and news/2015/index.html, for their sidebars);
    # the indices of a website show dates, names and counts, not headlines
    for page in (
        "news/2006/06/05.html",
        "news/2010/02/27.html",
        "news/chronology.html",
        "news/entities/index.html",
        "news/2006/index.html",
        "news/stories/index.html",
        "news/stories/peruvian-general-election-2006.html",
        "news/entities/alan-garcia.html",
    ):
        assert page not in changed, (page, " ".join(sorted(changed)))
    assert "recalls its envoy to Chile" in (out / "peru.html").read_text()
    assert "recalls its envoy to Chile" in (out / "news/entities/chile.html").read_text()
    clean, _ = build(fresh_copy(project, tmp_path / "clean-src"), tmp_path / "clean")
    assert_same(outputs(out), outputs(clean))


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_nothing_changed_writes_nothing(project: Path, tmp_path: Path, builder: str) -> None:
    out, _ = build(project, tmp_path / "out", builder)
    before = mtimes(out)
    build(project, tmp_path / "out", builder)
    assert written(before, mtimes(out)) == set()


def test_add_delete_move_events(project: Path, tmp_path: Path) -> None:
    out, _ = build(project, tmp_path / "out")
    # add: a new document with an event on a new day, sharing an entity
    (project / "added.md").write_text(
        "# Added\n\n```{event} Keiko Fujimori announces a new party.\n---\n"
        "date: 2012-01-15\nentities: Keiko Fujimori; Ollanta Humala\n---\n```\n",
        encoding="utf-8",
    )
    edit(project / "index.md", "later\n", "later\nadded\n")
    # delete: the 2015 event; move: the 2011-12-04 event from later.md to peru.md
    later = (project / "later.md").read_text(encoding="utf-8")
    blocks = later.split("```{event}")
    moved = next(b for b in blocks if "Cajamarca" in b)
    deleted = next(b for b in blocks if "recalls the ambassador" in b)
    later = later.replace("```{event}" + moved, "").replace("```{event}" + deleted, "")
    (project / "later.md").write_text(later, encoding="utf-8")
    touch_later(project / "later.md")
    edit(project / "peru.md", "# Peru, 2006\n", "# Peru, 2006\n\n```{event}" + moved)
    _, warnings = build(project, tmp_path / "out")
    assert "WARNING" not in warnings

    # the deleted event's day is gone everywhere, with its page
    assert not (out / "news/2015/02/21.html").exists()
    assert not (project / "news/2015").exists()
    for page in out.rglob("*.html"):
        assert "recalls the ambassador" not in page.read_text(encoding="utf-8"), page
    # the moved event links to its new place
    assert "peru.html#event-2011-12-04" in (out / "news/2011/12/04.html").read_text()
    # the added event is on its day and in related lists
    assert "announces a new party" in (out / "news/2012/01/15.html").read_text()
    assert "announces a new party" in (out / "later.html").read_text()

    clean, _ = build(fresh_copy(project, tmp_path / "clean-src"), tmp_path / "clean")
    assert_same(outputs(out), outputs(clean))


def test_delete_document(project: Path, tmp_path: Path) -> None:
    out, _ = build(project, tmp_path / "out")
    (project / "later.md").unlink()
    edit(project / "index.md", "later\n", "")
    build(project, tmp_path / "out")
    for name in ("news/2011/06/06.html", "news/2017/07/14.html", "news/entities/chile.html"):
        assert not (out / name).exists(), name
    peru = (out / "peru.html").read_text()
    assert "A court of Lima" not in peru
    clean, _ = build(fresh_copy(project, tmp_path / "clean-src"), tmp_path / "clean")
    produced = outputs(out)
    # Sphinx leaves the deleted author page's own output behind; that is not ours to remove
    produced.pop("later.html", None)
    assert_same(produced, outputs(clean))


def _event(headline: str, date: str, entities: str, story: str = "") -> str:
    extra = f"story: {story}\n" if story else ""
    return f"```{{event}} {headline}\n---\ndate: {date}\nentities: {entities}\n{extra}---\n```\n\n"


def test_unrelated_documents_are_not_rewritten(tmp_path: Path) -> None:
    """Only documents whose events share an entity or story with a changed event are
    hashed and written again; the output still equals a clean build's, also when a new
    entity shifts another entity's page URL (slug)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_newsarc"]\nnewsarc_entity_page_threshold = 1\n'
    )
    (src / "index.md").write_text("# I\n\n```{toctree}\na\nb\nnews/index\n```\n")
    (src / "a.md").write_text(
        "# A\n\n"
        + _event("Alpha one.", "2001-01-01", "Alpha")
        + _event("Alpha two.", "2001-01-02", "Alpha; Foo Bar")
    )
    (src / "b.md").write_text(
        "# B\n\n"
        + _event("Beta one.", "2002-02-01", "Beta", "Saga")
        + _event("Beta two.", "2002-02-02", "Beta; Foo-Bar", "Saga")
    )
    out, warnings = build(src, tmp_path / "out")
    assert "WARNING" not in warnings
    before = mtimes(out)
    # an edit in a.md that touches nothing b.md shows
    edit(src / "a.md", "Alpha one.", "Alpha one, edited.")
    build(src, tmp_path / "out")
    changed = written(before, mtimes(out))
    assert "a.html" in changed and "b.html" not in changed
    clean, _ = build(fresh_copy(src, tmp_path / "clean-src"), tmp_path / "clean")
    assert_same(outputs(out), outputs(clean))
    # "Foo Bar" and "Foo-Bar" are two entities with one slug base: which one is
    # "foo-bar" depends on their keys, and removing one moves the other's page
    edit(src / "a.md", "Alpha; Foo Bar", "Alpha")
    build(src, tmp_path / "out")
    clean2, _ = build(fresh_copy(src, tmp_path / "clean-src2"), tmp_path / "clean2")
    assert_same(outputs(out), outputs(clean2))
    assert 'href="news/entities/foo-bar.html"' in (out / "b.html").read_text()


def test_website_and_book_sharing_one_environment(project: Path, tmp_path: Path) -> None:
    """``make html`` and ``make epub`` share ``_build/doctrees``: a website's indices show
    less than a book's, so switching builders and editing a headline in between still
    gives each output what a clean build gives."""
    build(project, tmp_path / "out")
    build(project, tmp_path / "out", "epub")
    edit(project / "later.md", "recalls the ambassador to Chile", "recalls its envoy to Chile")
    epub, _ = build(project, tmp_path / "out", "epub")
    html, _ = build(project, tmp_path / "out")
    clean_src = fresh_copy(project, tmp_path / "clean-src")
    clean_epub, _ = build(clean_src, tmp_path / "clean", "epub")
    clean_html, _ = build(clean_src, tmp_path / "clean")

    def pages(out: Path) -> dict[str, bytes]:
        return {k: v for k, v in outputs(out).items() if k.endswith((".html", ".xhtml"))}

    assert "recalls its envoy to Chile" in (epub / "news/entities/index.xhtml").read_text()
    assert_same(pages(epub), pages(clean_epub))
    assert_same(pages(html), pages(clean_html))


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_deleted_browse_page_is_written_again(
    project: Path, tmp_path: Path, builder: str
) -> None:
    """A rebuild with nothing changed still restores a browse page removed from the output."""
    out, _ = build(project, tmp_path / "out", builder)
    page = out / ("news/2015/02/21.html" if builder == "html" else "news/2015/02/21/index.html")
    expected = page.read_bytes()
    page.unlink()
    build(project, tmp_path / "out", builder)
    assert page.read_bytes() == expected


def test_edit_then_fresh_environment(project: Path, tmp_path: Path) -> None:
    """``-E`` after an edit starts a new environment: the browse pages, feeds and JSON
    of the old output are rebuilt, not taken as current."""
    build(project, tmp_path / "out")
    edit(project / "later.md", "recalls the ambassador to Chile", "recalls its envoy to Chile")
    out, _ = build(project, tmp_path / "out", freshenv=True)
    clean, _ = build(fresh_copy(project, tmp_path / "clean-src"), tmp_path / "clean")
    assert_same(outputs(out), outputs(clean))


def test_included_events_keep_their_line_order(tmp_path: Path) -> None:
    """An included file's events count lines from its own start: lines added there can
    reorder a document's events without changing how they read, and related lists
    elsewhere must follow."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_newsarc"]\n'
        'exclude_patterns = ["_build", "part.md"]\n'
        "newsarc_related_limit = 1\n"
    )
    (src / "index.md").write_text(
        "# I\n\n```{toctree}\nother\nnews/index\n```\n\n"
        "```{include} part.md\n```\n\n" + _event("M happens.", "2010-01-01", "E")
    )
    (src / "part.md").write_text(_event("X happens.", "2010-01-01", "E"))
    (src / "other.md").write_text("# O\n\n" + _event("Z happens.", "2011-01-01", "E"))
    out, _ = build(src, tmp_path / "out")
    edit(src / "part.md", "```{event} X", "A paragraph.\n\n" * 12 + "```{event} X")
    build(src, tmp_path / "out")
    clean, _ = build(fresh_copy(src, tmp_path / "clean-src"), tmp_path / "clean")
    assert_same(outputs(out), outputs(clean))


def test_a_document_taking_a_browse_page_name_is_kept(project: Path, tmp_path: Path) -> None:
    """A browse page whose name an author's new document takes is left out (with a
    warning); the author's page, written in the same build, is not deleted as stale."""
    out, _ = build(project, tmp_path / "out")
    (project / "news" / "2015" / "02").mkdir(parents=True, exist_ok=True)
    (project / "news/2015/02/21.md").write_text("# My own page\n\nText.\n", encoding="utf-8")
    edit(project / "index.md", "later\n", "later\nnews/2015/02/21\n")
    _, warnings = build(project, tmp_path / "out")
    assert "newsarc.collision" in warnings
    assert "My own page" in (out / "news/2015/02/21.html").read_text(encoding="utf-8")


#: feeds too: they list headlines
FEEDS: dict[str, Any] = {"html_baseurl": "https://news.example.org/"}


@pytest.mark.parametrize("at", ["document", "browse", "outputs"])
def test_a_build_killed_while_writing_is_finished_by_the_next(
    project: Path, tmp_path: Path, at: str
) -> None:
    """Sphinx saves the environment before writing: a build killed while writing (no
    clean-up) must leave the next build to write what it did not, documents (related
    lists, the front page), browse pages, feeds and JSON alike."""
    build(project, tmp_path / "b", **FEEDS)
    first = (project / "later.md").stat().st_mtime_ns
    edit(project / "later.md", "recalls the ambassador to Chile", "recalls its envoy to Chile")
    killed_build(project, tmp_path / "b", at, **FEEDS)
    out, warnings = build(project, tmp_path / "b", **FEEDS)
    assert "WARNING" not in warnings
    clean, _ = build(fresh_copy(project, tmp_path / "clean-src"), tmp_path / "clean", **FEEDS)
    assert_same(outputs(out), outputs(clean))
    # then it is done: the next build writes nothing (the edit's mtime, ahead of the
    # clock by touch_later, is set back so that Sphinx sees its page as current)
    os.utime(project / "later.md", ns=(first, first))
    before = mtimes(out)
    build(project, tmp_path / "b", **FEEDS)
    assert written(before, mtimes(out)) == set()


def test_builds_interrupted_in_a_row_then_an_edit(project: Path, tmp_path: Path) -> None:
    """What two interrupted builds (SIGINT, default action) left unwritten is written by
    the next build, together with what its own edit changes."""
    build(project, tmp_path / "b", **FEEDS)
    edit(project / "later.md", "recalls the ambassador to Chile", "recalls its envoy to Chile")
    killed_build(project, tmp_path / "b", "document", "SIGINT", **FEEDS)
    edit(project / "peru.md", "is re-elected President of Peru", "wins the presidency of Peru")
    killed_build(project, tmp_path / "b", "document", "SIGINT", **FEEDS)
    edit(project / "index.md", "# Peru\n", "# Peru\n\nNews of Peru.\n")  # no event changes
    out, warnings = build(project, tmp_path / "b", **FEEDS)
    assert "WARNING" not in warnings
    clean, _ = build(fresh_copy(project, tmp_path / "clean-src"), tmp_path / "clean", **FEEDS)
    assert_same(outputs(out), outputs(clean))


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_rebuild_with_nothing_read_builds_no_archive_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builder: str
) -> None:
    """The archive model is what a website's rebuild pays for: none when no document was
    read (every env-updated handler and page decision works from the stored data). (The
    ePub writes every document on every build, so it needs the model.)"""
    from sphinx_newsarc.core import archive

    src = copy_root("sample", tmp_path)
    build(src, tmp_path / "out", builder)
    made: list[int] = []
    real = archive.Archive.__init__

    def counting(self: archive.Archive, *args: Any, **kwargs: Any) -> None:
        made.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(archive.Archive, "__init__", counting)
    _out, warnings = build(src, tmp_path / "out", builder)
    assert "WARNING" not in warnings
    assert made == []
