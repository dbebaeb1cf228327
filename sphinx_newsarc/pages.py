"""Archive pages as real documents: stub sources written into the project, read like any other.

A stub holds only the page's title, an ``archive-page`` directive (filled in at write time
from the domain data) and the toctree of its sub-pages, so it is tiny and changes only when
the set of pages changes. Stubs are written after reading, when the whole project is known,
and the new or changed ones are read in the same build; stubs of pages that no longer
exist are deleted with their output. A file at a stub's path that sphinx-newsarc did not
write is never overwritten: that page is skipped with a ``newsarc.collision`` warning.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

from docutils.utils import column_width
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .config import settings
from .core.pages import BROWSE_KINDS, ROOT_KINDS, Page, PagePlan
from .domain import NewsDomain
from .warnings import warn

__all__ = ["MARKER", "prune_empty", "sync_pages", "write_root_pages"]

MARKER = "sphinx-newsarc:generated"


def _suffix(app: Sphinx) -> str:
    suffixes = app.config.source_suffix
    if ".rst" in suffixes:
        return ".rst"
    for suffix, filetype in suffixes.items():
        if filetype == "markdown":
            return suffix
    return next(iter(suffixes))


def _rst_escape(text: str) -> str:
    return "".join("\\" + ch if not ch.isalnum() and ch.isascii() and ch not in " " else ch
                   for ch in text)


def _md_escape(text: str) -> str:
    return "".join("\\" + ch if ch.isascii() and not ch.isalnum() and ch != " " else ch
                   for ch in text)


def stub_source(page: Page, suffix: str) -> str:
    """The source text of a page's stub, in reStructuredText or MyST.

    Browse pages (day, month, year, entity, story) are orphans: they are reached through
    the listings, not the toctree, so a large archive does not swell every page's
    navigation, and printed formats leave them out. The root pages form a toctree.
    """
    children = list(page.children)
    orphan = page.kind in BROWSE_KINDS
    arg = f"{page.kind} {page.key}".rstrip()
    if suffix == ".rst":
        title = _rst_escape(page.title) or "\\ "
        rule = "=" * max(column_width(title), 4)
        lines = [f".. {MARKER}: written by sphinx-newsarc on every build; do not edit.", ""]
        if orphan:
            lines += [":orphan:", ""]
        lines += [rule, title, rule, "", f".. news:archive-page:: {arg}", ""]
        if children:
            lines += [".. toctree::", "   :maxdepth: 1", ""]
            lines += [f"   /{c}" for c in children] + [""]
        return "\n".join(lines)
    lines = ["---", "orphan: true", "---"] if orphan else []
    lines += [f"% {MARKER}: written by sphinx-newsarc on every build; do not edit.", "",
              f"# {_md_escape(page.title)}", "", f"```{{news:archive-page}} {arg}", "```", ""]
    if children:
        lines += ["```{toctree}", ":maxdepth: 1", ""] + [f"/{c}" for c in children]
        lines += ["```", ""]
    return "\n".join(lines)


def _is_ours(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as f:
            return any(MARKER in f.readline() for _ in range(4))
    except (OSError, UnicodeDecodeError):
        return False


def _existing(srcdir: Path, docname: str, suffixes: list[str]) -> list[Path]:
    return [srcdir / (docname + s) for s in suffixes if (srcdir / (docname + s)).exists()]


def _write_if_changed(path: Path, text: str) -> bool:
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if path.read_text(encoding="utf-8") == text:
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def _place(app: Sphinx, plan: PagePlan, only: tuple[str, ...] | None = None
           ) -> tuple[dict[str, Page], list[str]]:
    """Write the stubs of ``plan``; return the pages placed and the docnames rewritten."""
    srcdir = Path(app.srcdir)
    suffix = _suffix(app)
    suffixes = list(app.config.source_suffix)
    placed: dict[str, Page] = {}
    rewritten: list[str] = []
    for docname in sorted(plan.pages):
        page = plan.pages[docname]
        existing = _existing(srcdir, docname, suffixes)
        if only is not None and (page.kind not in only or existing):
            continue
        foreign = [p for p in existing if not _is_ours(p)]
        if foreign:
            warn("the %s page %r of the news archive would overwrite %s, which sphinx-newsarc "
                 "did not write; the page is left out (change newsarc_pages[%r] or move the "
                 "file)", "collision", (docname, 1), page.kind, docname,
                 foreign[0].relative_to(srcdir).as_posix(), page.kind)
            continue
        for stale in existing:
            if stale.suffix != suffix:
                stale.unlink()
        placed[docname] = page
    for docname, page in placed.items():
        page = replace(
            page, children=tuple(c for c in page.children if c in placed or c not in plan.pages)
        )
        if _write_if_changed(srcdir / (docname + suffix), stub_source(page, suffix)):
            rewritten.append(docname)
    return placed, rewritten


def write_root_pages(app: Sphinx) -> None:
    """``builder-inited``: the root pages exist before reading, so toctrees may name them.

    Only missing roots are written here; :func:`sync_pages` completes them after reading.
    """
    if not settings(app.config).generate_pages:
        return
    domain = app.env.get_domain("news")
    assert isinstance(domain, NewsDomain)
    _place(app, domain.plan, ROOT_KINDS)


def _forget(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """Remove a stub that no longer has a page: its source, doctree, output and env entry."""
    app.events.emit("env-purge-doc", env, docname)
    env.clear_doc(docname)
    env.all_docs.pop(docname, None)
    project = env.project
    project.docnames.discard(docname)
    path = getattr(project, "_docname_to_path", {}).pop(docname, None)
    if path is not None:
        getattr(project, "_path_to_docname", {}).pop(path, None)
    srcdir = Path(app.srcdir)
    for suffix in app.config.source_suffix:
        candidate = srcdir / (docname + suffix)
        if candidate.exists() and _is_ours(candidate):
            candidate.unlink()
            prune_empty(candidate.parent, srcdir)
    with contextlib.suppress(OSError):
        (Path(app.doctreedir) / f"{docname}.doctree").unlink()
    get_outfilename = getattr(app.builder, "get_outfilename", None)
    if get_outfilename is not None:
        output = Path(get_outfilename(docname))
        with contextlib.suppress(OSError):
            output.unlink()
            prune_empty(output.parent, Path(app.outdir))


def prune_empty(folder: Path, top: Path) -> None:
    """Remove ``folder`` and its parents below ``top`` while they are empty."""
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _adopt(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Make stubs written after discovery documents of this build, then read them.

    All are registered before any is read, so toctrees between them resolve.
    """
    suffix = _suffix(app)
    project = env.project
    for docname in docnames:
        if docname not in project.docnames:
            project.docnames.add(docname)
            path = Path(docname + suffix)
            if hasattr(project, "_docname_to_path"):
                project._docname_to_path[docname] = path
                project._path_to_docname[path] = docname
    for docname in docnames:
        app.events.emit("env-purge-doc", env, docname)
        env.clear_doc(docname)
        app.builder.read_doc(docname)


def sync_pages(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: bring the stubs in line with the archive; return the docs re-read."""
    domain = env.get_domain("news")
    assert isinstance(domain, NewsDomain)
    if not settings(app.config).generate_pages:
        placed: dict[str, Page] = {}
        rewritten: list[str] = []
    else:
        placed, rewritten = _place(app, domain.plan)
    for docname in sorted(set(domain.data["generated"]) - set(placed)):
        _forget(app, env, docname)
    to_read = sorted(
        d for d in placed
        if d in rewritten or d not in domain.data["generated"] or d not in env.all_docs
    )
    _adopt(app, env, to_read)
    domain.forget_views()  # which pages exist may have changed; the archive has not
    return to_read
