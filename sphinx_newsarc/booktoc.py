"""The book's Chronology in the ePub's navigation: years, months and days nested.

In books the Chronology's years, months and days are real sections, made when the page is
written (:mod:`sphinx_newsarc.resolve`): LaTeX turns them into chapters or sections and PDF
bookmarks by itself, but the ePub's navigation (and any toctree) is built from the tables
of contents Sphinx collects when documents are *read*, when the archive is not yet known.
So once everything is read (``env-updated``), the Chronology's collected table of contents
gets the same nesting for books, and loses it again for websites (their Chronology is an
index of counts with rubrics, not sections).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .anchors import chronology_anchor
from .builders import is_website
from .domain import NewsDomain
from .pages import chronology

__all__ = ["nest_chronology_toc", "setup_booktoc"]

#: The class of the nested list added to the Chronology's table of contents.
TOC_CLASS = "newsarc-chronology-toc"


def _entry(docname: str, anchor: str, title: str) -> nodes.list_item:
    ref = nodes.reference(
        "", "", nodes.Text(title), internal=True, refuri=docname, anchorname="#" + anchor
    )
    return nodes.list_item("", addnodes.compact_paragraph("", "", ref))


def _nested(docname: str, view: chronology.ChronologyView) -> nodes.bullet_list:
    years = nodes.bullet_list(classes=[TOC_CLASS])
    for year in view.years:
        year_item = _entry(docname, chronology_anchor(year.year), year.year)
        months = nodes.bullet_list()
        for month in year.months:
            month_item = _entry(docname, chronology_anchor(month.month), month.title)
            days = nodes.bullet_list()
            for entry in month.day_events:
                days += _entry(docname, chronology_anchor(entry.day), entry.summaries[0].date_text)
            if len(days):
                month_item += days
            months += month_item
        if len(months):
            year_item += months
        years += year_item
    return years


def nest_chronology_toc(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: nest the years, months and days under the Chronology's entry of
    its table of contents for books; remove them for websites."""
    domain = NewsDomain.of(env)
    # the Chronology's stub, found without the archive model (a rebuild with nothing read
    # builds none)
    docname = next(
        (d for d, page in sorted(domain.data["generated"].items()) if page[0] == "chronology"), None
    )
    toc = env.tocs.get(docname) if docname else None
    if docname is None or toc is None:
        return []
    existing = [old for old in toc.findall(nodes.bullet_list) if TOC_CLASS in old["classes"]]
    book = not is_website(app.builder)
    if book and existing and not domain.changed:
        return []  # nothing read: the nested entries of the last book build stand
    for old in existing:
        old.parent.remove(old)
    if not book or not len(toc) or not isinstance(toc[0], nodes.list_item):
        return []
    nested = _nested(docname, chronology.build(domain.views(app.builder), ""))
    if len(nested):
        toc[0].append(nested)
    return []


def setup_booktoc(app: Sphinx) -> None:
    """After the root document's toctree is settled (:mod:`sphinx_newsarc.toctree`)."""
    app.connect("env-updated", nest_chronology_toc, priority=700)
