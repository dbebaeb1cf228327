"""HTML written by the builder's own translator, once per build.

Browse pages are written to HTML from nodes without a document of their own
(:func:`html_writer`: one translator for all of them). Lists of events (listings, related
events) are the largest part of a page's nodes; on HTML builders a whole list can enter
the document as one raw node whose markup the translator wrote for a sample of two items
(:func:`list_template`), so every later transform and the writer visit one node.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from docutils.utils import new_document
from sphinx.builders import Builder

__all__ = ["ListTemplate", "docsettings", "html_writer", "list_template"]

#: ``(head, between, tail)``: a list of items ``a, b, c`` is ``head a between b between c tail``
ListTemplate = tuple[str, str, str]

_MARKS = ("\ue000newsarc-item-1\ue000", "\ue000newsarc-item-2\ue000")  # private use: in no text


def docsettings(builder: Builder) -> Any:
    """The docutils settings of ``builder``'s documents (None: it keeps none)."""
    return getattr(builder, "_settings", None) or getattr(builder, "docsettings", None)


def html_writer(builder: Builder) -> Callable[[nodes.Element], str]:
    """A function writing the HTML of a node by the builder's own translator (the theme's
    HTML), without the docutils transforms ``render_partial`` applies: the renderer's
    nodes need none. One translator writes every node (making one per browse page took a
    twentieth of their time); each node is walked alone, in an empty document, into an
    empty body."""
    settings = docsettings(builder)
    if settings is None:  # pragma: no cover - an HTML builder without its settings
        return lambda node: str(builder.render_partial(node)["fragment"])  # type: ignore[attr-defined]
    document = new_document("<sphinx-newsarc>", settings)
    translator: Any = builder.create_translator(document, builder)

    def to_html(node: nodes.Element) -> str:
        document.append(node)
        translator.body = []
        try:
            node.walkabout(translator)
        finally:
            document.remove(node)
        return "".join(translator.body)

    return to_html


def list_template(
    to_html: Callable[[nodes.Element], str], make_list: Callable[[], nodes.Element]
) -> ListTemplate | None:
    """The markup around and between the items of the list ``make_list()`` makes, each item
    one paragraph of raw HTML, as ``to_html`` writes it; None if it is not of that shape."""
    sample = make_list()
    for mark in _MARKS:
        sample += nodes.list_item("", nodes.paragraph("", "", nodes.raw("", mark, format="html")))
    html = to_html(sample)
    head, found, rest = html.partition(_MARKS[0])
    between, found_second, tail = rest.partition(_MARKS[1])
    if not (found and found_second) or any(m in tail for m in _MARKS):
        return None
    return head, between, tail
