"""The archive's root pages as real documents: stub sources written into the project.

The front page and the Chronology, Entities and Stories indices must reach every builder
(the PDF's table of contents, the ePub's navigation), so they are documents. Their set is
fixed by the settings, not by the events, so their stubs are written before reading
(``builder-inited``). A stub holds only the title, an ``archive-page`` directive (filled in
at write time from the domain data) and, for the front page, a toctree of the indices; it
changes only when the settings do. A file at a stub's path that sphinx-newsarc did not
write is never overwritten: that page is left out with a ``newsarc.collision`` warning.
The browse pages (days, months, years, entities, stories) are not documents: see
:mod:`sphinx_newsarc.browse`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from docutils.utils import column_width
from sphinx.application import Sphinx

from .config import settings
from .core.pages import Page, plan_roots
from .domain import NewsDomain
from .manifest import prune_empty
from .warnings import NewsarcWarning, warn

__all__ = [
    "MARKER",
    "is_generated_stub",
    "setup_stubs",
    "stub_source",
    "write_root_pages",
]

MARKER = "sphinx-newsarc:generated"


def _suffix(app: Sphinx) -> str:
    suffixes = app.config.source_suffix
    if ".rst" in suffixes:
        return ".rst"
    for suffix, filetype in suffixes.items():
        if filetype == "markdown":
            return suffix
    return next(iter(suffixes))


def _escape_title(text: str) -> str:
    """A title as literal text in reStructuredText and MyST alike: every ASCII
    punctuation character backslash-escaped."""
    return "".join(
        "\\" + ch if ch.isascii() and not ch.isalnum() and ch != " " else ch for ch in text
    )


def stub_source(page: Page, suffix: str) -> str:
    """The source text of a root page's stub, in reStructuredText or MyST.

    Stubs are left out of the search index (``nosearch``): every headline they list is
    found on the page where its event is written.
    """
    children = list(page.children)
    arg = f"{page.kind} {page.key}".rstrip()
    if suffix == ".rst":
        title = _escape_title(page.title) or "\\ "
        rule = "=" * max(column_width(title), 4)
        lines = [
            f".. {MARKER}: written by sphinx-newsarc on every build; do not edit.",
            "",
            ":nosearch:",
            "",
            rule,
            title,
            rule,
            "",
            f".. news:archive-page:: {arg}",
            "",
        ]
        if children:
            lines += [".. toctree::", "   :maxdepth: 1", ""]
            lines += [f"   /{c}" for c in children] + [""]
        return "\n".join(lines)
    lines = [
        "---",
        "nosearch: true",
        "---",
        f"% {MARKER}: written by sphinx-newsarc on every build; do not edit.",
        "",
        f"# {_escape_title(page.title)}",
        "",
        f"```{{news:archive-page}} {arg}",
        "```",
        "",
    ]
    if children:
        lines += ["```{toctree}", ":maxdepth: 1", ""] + [f"/{c}" for c in children]
        lines += ["```", ""]
    return "\n".join(lines)


def is_generated_stub(path: Path | str) -> bool:
    """Whether the file at ``path`` is a stub sphinx-newsarc wrote."""
    try:
        with Path(path).open(encoding="utf-8") as f:
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


def write_root_pages(app: Sphinx) -> None:
    """``builder-inited``: write the root pages' stubs (when changed), and delete stubs of
    roots the settings no longer have, before Sphinx looks for documents."""
    config = settings(app.config)
    srcdir = Path(app.srcdir)
    suffixes = list(app.config.source_suffix)
    roots = plan_roots(config.pages, config.titles()) if config.generate_pages else []
    wanted = {page.docname for page in roots}
    previous = NewsDomain.of(app.env).data["generated"]
    for docname in sorted(set(previous) - wanted):
        for stale in _existing(srcdir, docname, suffixes):
            if is_generated_stub(stale):
                stale.unlink()
                prune_empty(stale.parent, srcdir)
    suffix = _suffix(app)
    for page in roots:
        existing = _existing(srcdir, page.docname, suffixes)
        foreign = [p for p in existing if not is_generated_stub(p)]
        if foreign:
            warn(
                "the %s page %r of the news archive would overwrite %s, which sphinx-newsarc "
                "did not write; the page is left out (change newsarc_pages[%r] or move the "
                "file)",
                NewsarcWarning.collision,
                (page.docname, 1),
                page.kind,
                page.docname,
                foreign[0].relative_to(srcdir).as_posix(),
                page.kind,
            )
            continue
        for stale in existing:
            if stale.suffix != suffix:
                stale.unlink()
        _write_if_changed(srcdir / (page.docname + suffix), stub_source(page, suffix))


def setup_stubs(app: Sphinx) -> None:
    """Write the root pages' stubs before Sphinx looks for documents."""
    app.connect("builder-inited", write_root_pages)
