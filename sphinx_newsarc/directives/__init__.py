"""The directives of the ``news`` domain, one module each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils.parsers.rst.states import RSTState
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from ..core.text import control_chars, strip_control_chars
from ..warnings import NewsarcWarning, warn

if TYPE_CHECKING:
    from ..domain import NewsDomain


def news_domain(env: BuildEnvironment) -> NewsDomain:
    """The ``news`` domain of this build, typed."""
    from ..domain import NewsDomain

    domain = env.get_domain("news")
    assert isinstance(domain, NewsDomain)
    return domain


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
        warn("control character%s %s removed from %s", NewsarcWarning.control_char, (docname, line),
             "s" if len(found) > 1 else "", ", ".join(f"U+{ord(c):04X}" for c in found), where)

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
