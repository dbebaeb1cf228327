"""The node types of sphinx-newsarc: a placeholder filled in once the whole project is known,
and a date (``<time>`` in HTML).

Directives leave a :class:`pending_news` where content depends on other documents (an
event's date link and related list, an ``eventlist``, an archive page's listing); the
:mod:`~sphinx_newsarc.resolve` post-transform replaces every one with standard docutils
nodes for the current builder, so every builder (HTML, LaTeX, ePub, text, ...) renders the
result without visitors of its own.
"""

from __future__ import annotations

from docutils import nodes


class pending_news(nodes.General, nodes.Element):
    """Placeholder for content resolved after reading.

    Attributes: ``kind`` (``date``, ``meta``, ``related``, ``eventlist``, ``page``) and what
    that kind needs (``uid``, ``query``, ``page``).
    """


def visit_unresolved(translator: nodes.NodeVisitor, node: pending_news) -> None:
    """Never reached: every placeholder is resolved before writing."""
    raise nodes.SkipNode


class date_text(nodes.inline):
    """A date as readers see it, with its ISO form in ``datetime``: ``<time>`` in HTML,
    plain inline text elsewhere."""


def visit_date_text_html(translator: nodes.NodeVisitor, node: date_text) -> None:
    """``<time datetime="...">``."""
    translator.body.append(translator.starttag(node, "time", "", datetime=node["datetime"]))


def depart_date_text_html(translator: nodes.NodeVisitor, node: date_text) -> None:
    translator.body.append("</time>")


def visit_date_text(translator: nodes.NodeVisitor, node: date_text) -> None:
    """Other formats: as an inline."""
    translator.visit_inline(node)


def depart_date_text(translator: nodes.NodeVisitor, node: date_text) -> None:
    translator.depart_inline(node)
