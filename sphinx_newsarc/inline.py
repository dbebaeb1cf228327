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

__all__ = ["Inline", "TagCache", "html_escapes"]

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

#: Opening tags without their ``>`` (an ``href`` may follow), by tag and classes.
TagCache = dict[tuple[str, tuple[str, ...]], str]


def _time(
    text: str, datetime: str | None, escapes: Mapping[int, str], attribute: Mapping[int, str]
) -> str:
    """``text``, escaped; a ``<time>`` element when it is the date ``datetime``."""
    if datetime is None:
        return text.translate(escapes)
    return f'<time datetime="{datetime.translate(attribute)}">{text.translate(escapes)}</time>'


class Inline:
    """Collects the inline content of one paragraph; :meth:`result` gives it as one raw
    HTML node (HTML builders) or as nodes.

    A ``searchable`` paragraph whose text has characters HTML escapes (``&``, ``<``, ...)
    stays nodes: Sphinx's search indexes raw HTML without unescaping it.
    """

    def __init__(
        self,
        escapes: Mapping[int, str] | None,
        searchable: bool = False,
        tags: TagCache | None = None,
    ) -> None:
        self.escapes = escapes
        self.searchable = searchable
        self._tags: TagCache = {} if tags is None else tags  # shared by a page's paragraphs
        self._parts: list[_Part] = []
        self._escaped_text = False

    def _note(self, text: str) -> None:
        if self.searchable and self.escapes is not None and not self._escaped_text:
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
        html = self.html()
        return self._nodes() if html is None else [nodes.raw("", html, format="html")]

    def html(self) -> str | None:
        """The content as HTML; None where it is nodes (see :meth:`result`)."""
        if self.escapes is None or (self.searchable and self._escaped_text):
            return None
        return self._html(self.escapes)

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
        tags = self._tags

        def start(tag: str, classes: tuple[str, ...]) -> str:
            found = tags.get((tag, classes))
            if found is None:
                shown = (*classes, "reference", "internal") if tag == "a" else classes
                names = [c for c in dict.fromkeys(shown) if c.strip()]
                joined = " ".join(names).translate(attribute)
                found = tags[(tag, classes)] = f'<{tag} class="{joined}"' if names else f"<{tag}"
            return found

        out: list[str] = []
        add = out.append
        for part in self._parts:
            if isinstance(part, _Text):
                add(part.text.translate(escapes))
            elif isinstance(part, _Reference):
                refuri, refid = part.refuri, part.refid
                href = (refuri or "#") if refuri is not None else "#" + (refid or "")
                add(f'{start("a", part.classes)} href="{href.translate(attribute)}">')
                add(_time(part.text, part.datetime, escapes, attribute))
                add("</a>")
            elif isinstance(part, _Span):
                tag = "em" if part.emphasis else "span"
                add(start(tag, part.classes) + ">")
                add(_time(part.text, part.datetime, escapes, attribute))
                add(f"</{tag}>")
            elif isinstance(part, _Open):
                add(start("span", part.classes) + ">")
            elif isinstance(part, _Close):
                add("</span>")
            else:  # pragma: no cover - node() is for builders without HTML
                raise AssertionError(part)
        return "".join(out)
