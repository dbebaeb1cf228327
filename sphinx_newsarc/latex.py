"""The archive in print: the LaTeX package sphinx-newsarc adds to the book (index lines
with dotted leaders to their page numbers, events kept with their headlines, breakable
URLs, two-column indices), the raw LaTeX pieces that use it, and the check that the
book's characters can be typeset by pdflatex."""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.application import Sphinx

from .core.pdflatex import PdflatexCharset, declared_characters, font_encodings
from .warnings import NewsarcWarning, warn

__all__ = [
    "MAX_PDFLATEX_WARNINGS",
    "PACKAGE",
    "check_pdflatex_characters",
    "index_begin",
    "index_end",
    "needspace",
    "pageref",
    "setup_latex",
]

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


#: Located warnings of characters pdflatex cannot typeset, per book; one more counts the rest.
MAX_PDFLATEX_WARNINGS = 20

#: Text that never reaches the LaTeX file.
_UNWRITTEN = (nodes.raw, nodes.comment, nodes.substitution_definition, nodes.meta)


def _untypesettable(tree: nodes.Node, charset: PdflatexCharset) -> list[tuple[nodes.Node, str]]:
    """The places of ``tree`` with characters ``charset`` lacks, in document order: each
    event (its container) once with all its characters, then other text with characters
    no event has (an index line repeating an event's headline is not reported again)."""
    events: dict[object, tuple[nodes.Node, dict[str, None]]] = {}
    others: dict[object, tuple[nodes.Node, dict[str, None]]] = {}
    stack: list[tuple[nodes.Node, nodes.Node | None]] = [(tree, None)]
    while stack:
        node, event = stack.pop()
        if isinstance(node, nodes.Text):
            text = str(node)
        elif isinstance(node, _UNWRITTEN):
            continue
        else:
            assert isinstance(node, nodes.Element)
            if isinstance(node, nodes.container) and "newsarc-event" in node["classes"]:
                event = node
            text = node.get("refuri", "") if isinstance(node, nodes.reference) else ""
            stack.extend((child, event) for child in reversed(node.children))
        missing = charset.missing(text)
        if missing:
            if event is not None:
                events.setdefault(id(event), (event, {}))[1].update(dict.fromkeys(missing))
            else:  # one place per source line
                place = node.parent or node
                key = get_source_line(place)
                others.setdefault(key, (place, {}))[1].update(dict.fromkeys(missing))
    reported = {char for _place, chars in events.values() for char in chars}
    places = [(place, "".join(chars)) for place, chars in events.values()]
    for place, chars in others.values():
        new = "".join(char for char in chars if char not in reported)
        if new:
            places.append((place, new))
            reported.update(new)
    return places


def _describe(chars: str, most: int = 5) -> str:
    """``'π' (U+03C0), ...``: the first ``most`` characters, then how many more."""
    named = ", ".join(f"{char!r} (U+{ord(char):04X})" for char in chars[:most])
    return named + (f" and {len(chars) - most} more" if len(chars) > most else "")


def check_pdflatex_characters(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` of a book under ``latex_engine = "pdflatex"``: warn where its
    text has characters pdflatex cannot typeset (names in Greek, Cyrillic, CJK, ...), which
    would stop the PDF; at most :data:`MAX_PDFLATEX_WARNINGS` places, then a count."""
    if app.builder.format != "latex" or app.config.latex_engine != "pdflatex":
        return
    context = getattr(app.builder, "context", {})
    preamble = "\n".join(value for value in context.values() if isinstance(value, str))
    charset = PdflatexCharset.of(
        font_encodings(str(context.get("fontenc", ""))), declared_characters(preamble)
    )
    places = _untypesettable(doctree, charset)
    advice = 'set latex_engine = "xelatex" (or "lualatex") in conf.py'
    for place, chars in places[:MAX_PDFLATEX_WARNINGS]:
        is_event = "newsarc-event" in place.get("classes", ())
        warn(
            "pdflatex cannot typeset %s of this %s, so the PDF would stop; %s",
            NewsarcWarning.pdflatex,
            place,
            _describe(chars),
            "event" if is_event else "text",
            advice,
        )
    rest = places[MAX_PDFLATEX_WARNINGS:]
    if rest:
        chars = "".join(dict.fromkeys(char for _place, more in rest for char in more))
        warn(
            "%d more places in the book %r have characters pdflatex cannot typeset (%s); %s",
            NewsarcWarning.pdflatex,
            None,
            len(rest),
            docname,
            _describe(chars),
            advice,
        )


def setup_latex(app: Sphinx) -> None:
    """``\\usepackage{sphinxnewsarc}`` in every LaTeX book, the file beside it, and the
    check of the book's characters under pdflatex."""
    app.add_latex_package(PACKAGE)
    app.connect("build-finished", _copy_package)
    app.connect("doctree-resolved", check_pdflatex_characters)
