"""Inline content of listings: docutils nodes, or one raw HTML node for HTML builders.

Listings and related lists are most of what sphinx-newsarc adds to a page: a link, a date
and a few words per event, thousands per page in a large archive. As nodes, every piece is
visited by each later transform and by the writer. For HTML builders the same content is
written here, once, with the markup and escaping of the builder's own translator (a test
compares both), and enters the document as a single ``raw`` node; other builders (LaTeX,
text, man, ...) get the nodes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from docutils import nodes
from sphinx.builders import Builder

__all__ = ["Inline", "html_escapes"]

#: what ``attval`` makes spaces in attribute values
_SPACES = {ord(c): " " for c in "\n\r\t\v\f"}


def html_escapes(builder: Builder) -> Mapping[int, str] | None:
    """The character escapes of ``builder``'s HTML translator, or ``None`` when the builder
    writes no HTML (then listings are nodes)."""
    if builder.format != "html":
        return None
    try:
        translator = builder.get_translator_class()
    except Exception:  # pragma: no cover - a builder without a translator class
        return None
    table = getattr(translator, "special_characters", None)
    return table if isinstance(table, Mapping) else None


@dataclass(frozen=True, slots=True)
class _Text:
    text: str


@dataclass(frozen=True, slots=True)
class _Reference:
    text: str
    classes: tuple[str, ...]
    refuri: str | None
    refid: str | None
    datetime: str | None = None


@dataclass(frozen=True, slots=True)
class _Span:
    """A ``span`` (``inline`` node) or ``em`` (``emphasis`` node) of text."""

    emphasis: bool
    text: str
    classes: tuple[str, ...]
    datetime: str | None = None


@dataclass(frozen=True, slots=True)
class _Open:
    classes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Close:
    pass


@dataclass(frozen=True, slots=True)
class _Node:
    node: nodes.Node


_Part = _Text | _Reference | _Span | _Open | _Close | _Node


class Inline:
    """Collects the inline content of one paragraph; :meth:`result` gives it as one raw
    HTML node (HTML builders) or as nodes.

    A ``searchable`` paragraph whose text has characters HTML escapes (``&``, ``<``, ...)
    stays nodes: Sphinx's search indexes raw HTML without unescaping it.
    """

    def __init__(self, escapes: Mapping[int, str] | None, searchable: bool = False) -> None:
        self.escapes = escapes
        self.searchable = searchable
        self._parts: list[_Part] = []
        self._escaped_text = False

    def _note(self, text: str) -> None:
        if self.escapes is not None and not self._escaped_text:
            self._escaped_text = text != text.translate(self.escapes)

    def text(self, text: str) -> None:
        """Plain text."""
        self._note(text)
        self._parts.append(_Text(text))

    def reference(
        self,
        text: str,
        classes: Sequence[str],
        refuri: str | None = None,
        refid: str | None = None,
        datetime: str | None = None,
    ) -> None:
        """An internal link: to ``refuri``, or to ``#refid`` on this page; with
        ``datetime`` (ISO), its text is a date (``<time>`` in HTML)."""
        self._note(text)
        self._parts.append(_Reference(text, tuple(classes), refuri, refid, datetime))

    def span(self, text: str, classes: Sequence[str] = (), datetime: str | None = None) -> None:
        """Text in a ``span`` (an ``inline`` node) with ``classes``; with ``datetime``
        (ISO), the text is a date (``<time>`` in HTML)."""
        self._note(text)
        self._parts.append(_Span(False, text, tuple(classes), datetime))

    def emphasis(self, text: str, classes: Sequence[str] = ()) -> None:
        """Emphasised text."""
        self._note(text)
        self._parts.append(_Span(True, text, tuple(classes)))

    def open(self, classes: Sequence[str]) -> None:
        """Start a ``span`` (``inline`` node) holding what follows until :meth:`close`."""
        self._parts.append(_Open(tuple(classes)))

    def close(self) -> None:
        """End the innermost :meth:`open`."""
        self._parts.append(_Close())

    def node(self, node: nodes.Node) -> None:
        """A node of the node form only (LaTeX page numbers): HTML builders never ask."""
        assert self.escapes is None
        self._parts.append(_Node(node))

    def result(self) -> list[nodes.Node]:
        """The content: one raw HTML node, or the nodes."""
        if self.escapes is None or (self.searchable and self._escaped_text):
            return self._nodes()
        return [nodes.raw("", self._html(self.escapes), format="html")]

    def _nodes(self) -> list[nodes.Node]:
        stack: list[nodes.Element] = [nodes.inline()]
        for part in self._parts:
            match part:
                case _Text(text):
                    stack[-1] += nodes.Text(text)
                case _Reference(text, classes, refuri, refid, _datetime):
                    ref = nodes.reference(text, text, internal=True, classes=list(classes))
                    if refuri is not None:
                        ref["refuri"] = refuri
                    else:
                        ref["refid"] = refid
                    stack[-1] += ref
                case _Span(emphasis, text, classes, _datetime):
                    make = nodes.emphasis if emphasis else nodes.inline
                    stack[-1] += make(text, text, classes=list(classes))
                case _Open(classes):
                    stack.append(nodes.inline(classes=list(classes)))
                case _Close():
                    node = stack.pop()
                    stack[-1] += node
                case _Node(node):
                    stack[-1] += node
        assert len(stack) == 1, "an open() without close()"
        children = list(stack[0].children)
        stack[0].children = []
        for child in children:
            child.parent = None
        return children

    def _html(self, escapes: Mapping[int, str]) -> str:
        """The markup the HTML translators of docutils and Sphinx write for the nodes
        (``starttag``: classes de-duplicated, attributes sorted, values escaped with
        whitespace made spaces)."""
        attribute = {**escapes, **_SPACES}

        def start(tag: str, classes: Sequence[str], href: str | None = None) -> str:
            names = [c for c in dict.fromkeys(classes) if c.strip()]
            out = f'<{tag} class="{" ".join(names).translate(attribute)}"' if names else f"<{tag}"
            return out + (f' href="{href.translate(attribute)}">' if href is not None else ">")

        def time(text: str, datetime: str | None) -> str:
            escaped = text.translate(escapes)
            if datetime is None:
                return escaped
            return f'<time datetime="{datetime.translate(attribute)}">{escaped}</time>'

        out: list[str] = []
        for part in self._parts:
            match part:
                case _Text(text):
                    out.append(text.translate(escapes))
                case _Reference(text, classes, refuri, refid, datetime):
                    href = (refuri or "#") if refuri is not None else "#" + (refid or "")
                    out.append(
                        start("a", (*classes, "reference", "internal"), href)
                        + time(text, datetime)
                        + "</a>"
                    )
                case _Span(emphasis, text, classes, datetime):
                    tag = "em" if emphasis else "span"
                    out.append(start(tag, classes) + time(text, datetime) + f"</{tag}>")
                case _Open(classes):
                    out.append(start("span", classes))
                case _Close():
                    out.append("</span>")
                case _Node():  # pragma: no cover - node() is for builders without HTML
                    raise AssertionError(part)
        return "".join(out)
