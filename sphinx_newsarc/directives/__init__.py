"""The directives of the ``news`` domain, one module each."""

from __future__ import annotations

from docutils.parsers.rst.states import RSTState
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..core.text import control_chars, strip_control_chars
from ..warnings import NewsarcWarning, warn


def content_line(directive: SphinxDirective, index: int) -> int:
    """The line (1-based) of the directive's content line ``index``: docutils gives an
    absolute offset, MyST one counted from the directive's opening line."""
    line = directive.content_offset + index + 1
    if not isinstance(directive.state, RSTState):  # MyST's mock state
        line += directive.lineno
    return line


def remove_control_chars(directive: SphinxDirective, argument: str) -> None:
    """Take control characters out of a directive's argument, options and content before
    anything reads them, so no output (HTML, JSON, ePub, LaTeX) gets one; each removal is a
    ``newsarc.control_char`` warning at the directive's line (options, argument) or the
    body's own line."""
    docname, lineno = directive.env.docname, directive.lineno

    def report(found: list[str], where: str, line: int) -> None:
        warn(
            "control character%s %s removed from %s",
            NewsarcWarning.control_char,
            (docname, line),
            "s" if len(found) > 1 else "",
            ", ".join(f"U+{ord(c):04X}" for c in found),
            where,
        )

    for i, value in enumerate(directive.arguments):
        if found := control_chars(value):
            report(found, argument, lineno)
            directive.arguments[i] = strip_control_chars(value)
    for key, value in directive.options.items():
        if isinstance(value, str) and (found := control_chars(value)):
            report(found, f"the option {key!r}", lineno)
            directive.options[key] = strip_control_chars(value)
    content = directive.content
    for i, line in enumerate(content):
        if found := control_chars(line):
            report(found, "the body", content_line(directive, i))
            content[i] = strip_control_chars(line)


def setup_directives(app: Sphinx) -> None:
    """The ``news`` domain's directives, and the short forms ``event``, ``entity`` and
    ``eventlist``."""
    from .entity import EntityDirective
    from .event import EventDirective
    from .eventlist import EventListDirective
    from .page import ArchivePageDirective

    directives: dict[str, type[SphinxDirective]] = {
        "event": EventDirective,
        "entity": EntityDirective,
        "eventlist": EventListDirective,
    }
    for name, directive in directives.items():
        app.add_directive_to_domain("news", name, directive)
        app.add_directive(name, directive)
    app.add_directive_to_domain("news", "archive-page", ArchivePageDirective)
