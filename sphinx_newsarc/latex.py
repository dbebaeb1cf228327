"""The archive in print: the LaTeX package sphinx-newsarc adds to the book (index lines
with dotted leaders to their page numbers, events kept with their headlines, breakable
URLs, two-column indices), and the raw LaTeX pieces that use it."""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

__all__ = ["PACKAGE", "index_begin", "index_end", "needspace", "pageref", "setup_latex"]

#: The package's name (``texinputs/sphinxnewsarc.sty``).
PACKAGE = "sphinxnewsarc"


def pageref(label: str) -> nodes.raw:
    """The page number of an index line: a dotted leader, then the number; ends the line."""
    return nodes.raw("", rf"\newsarcpageref{{{label}}}", format="latex")


def needspace() -> nodes.raw:
    """Room for an event's date, headline and first lines, or a new page."""
    return nodes.raw("", r"\newsarcneedspace", format="latex")


def index_begin() -> nodes.raw:
    """The start of an index set in two columns."""
    return nodes.raw("", r"\begin{newsarcindex}", format="latex")


def index_end() -> nodes.raw:
    """The end of an index set in two columns."""
    return nodes.raw("", r"\end{newsarcindex}", format="latex")


def _copy_package(app: Sphinx, exception: BaseException | None) -> None:
    if exception is None and app.builder.format == "latex":
        source = Path(__file__).parent / "texinputs" / f"{PACKAGE}.sty"
        shutil.copyfile(source, Path(app.outdir) / f"{PACKAGE}.sty")


def setup_latex(app: Sphinx) -> None:
    """``\\usepackage{sphinxnewsarc}`` in every LaTeX book, and the file beside it."""
    app.add_latex_package(PACKAGE)
    app.connect("build-finished", _copy_package)
