"""Located warnings with documented ``newsarc.*`` subtypes for ``suppress_warnings``."""

from __future__ import annotations

from enum import Enum
from typing import TypeAlias

from docutils import nodes
from sphinx.util import logging

__all__ = ["SUBTYPES", "NewsarcWarning", "warn"]

logger = logging.getLogger("sphinx_newsarc")


class NewsarcWarning(Enum):
    """Every warning subtype: ``suppress_warnings = ["newsarc.<value>"]`` silences one.

    Each member's value is the subtype; :attr:`description` says when it is reported and
    :attr:`location` where (both Markdown, shown in ``docs/warnings.md``).
    """

    description: str
    location: str

    def __new__(cls, value: str, description: str, location: str) -> NewsarcWarning:
        member = object.__new__(cls)
        member._value_ = value
        member.description = description
        member.location = location
        return member

    date = (
        "date",
        "an event's date is missing, impossible (`2006-02-30`) or not ISO 8601 (the message "
        "says how to write it); also a bad `from`/`to` of an `eventlist`, or a `from` after "
        "its `to`",
        "the directive",
    )
    duplicate_id = (
        "duplicate_id",
        "two events have the same explicit `id`; the message names the place that keeps it",
        "the second event",
    )
    duplicate_entity = (
        "duplicate_entity",
        "two entity declarations claim one name or alias (one whose own name is taken is "
        "ignored whole, its aliases too)",
        "the second declaration",
    )
    headline = (
        "headline",
        "an event has no headline (it is shown, but left out of the archive)",
        "the directive",
    )
    source = (
        "source",
        "a source line is not `Name <URL>`, a bare URL or a name; or an indented line opening "
        "an event's body (after `sources`) reads as a source: it stays in the body",
        "the directive, or the line itself (a source MyST folded into the body, or that body line)",
    )
    control_char = (
        "control_char",
        "a control character (U+0000-U+001F but tab and newline, U+007F-U+009F) in an "
        "event's or entity's headline, name, option or body; it is removed, so no output "
        "(HTML, JSON, ePub, LaTeX) gets it",
        "the body's own line, else the directive",
    )
    related = (
        "related",
        "a `related` id is not the id of any event",
        "the event",
    )
    option = (
        "option",
        "an invalid `id` (a derived one is used) or entity `url`",
        "the directive",
    )
    collision = (
        "collision",
        "an archive page's name is taken by a file sphinx-newsarc did not write, a page "
        "Sphinx writes itself (`genindex`, `search`, ...) or another archive page",
        "the author's file, else the first event the page would show",
    )
    config = (
        "config",
        "a `newsarc_*` setting has an invalid value; the message says what is expected, and "
        "the default is used (for one entry of a dict setting, that entry's default); also "
        '`newsarc_search = "pagefind"` without Pagefind installed (Sphinx\'s search is kept)',
        "the setting's line in `conf.py` (none for a value given with `-D`)",
    )
    pdflatex = (
        "pdflatex",
        'the book is built with `latex_engine = "pdflatex"` (Sphinx\'s default) but has '
        "characters pdflatex cannot typeset (names in Greek, Cyrillic, CJK, ...: the PDF "
        'would stop at the first); set `latex_engine = "xelatex"` or `"lualatex"` '
        "([Choosing the LaTeX engine](archive.md#choosing-the-latex-engine)). Up to 20 "
        "places are named, then a count of the rest",
        "the event (else the text) with the characters",
    )
    feed = (
        "feed",
        "`newsarc_feeds` asks for Atom feeds but `html_baseurl` is not set, so none are "
        "written ([Feeds](feeds.md))",
        "the `newsarc_feeds` line of `conf.py`",
    )


#: Every warning subtype by name, with what it reports (kept while call sites move to
#: :class:`NewsarcWarning`).
SUBTYPES: dict[str, str] = {w.value: w.description for w in NewsarcWarning}

_BY_VALUE: dict[str, NewsarcWarning] = {w.value: w for w in NewsarcWarning}

#: Where a warning points: (docname, line), a node, or ``"path:line"``.
Location: TypeAlias = tuple[str, int] | nodes.Node | str | None


def warn(
    message: str, subtype: NewsarcWarning | str, location: Location = None, *args: object
) -> None:
    """Emit a ``newsarc.<subtype>`` warning at ``location``: (docname, line), a node, or a
    ``"path:line"`` string (where there is no document yet, e.g. ``conf.py``).

    ``subtype`` is a :class:`NewsarcWarning`; its plain value is accepted too.
    """
    kind = subtype if isinstance(subtype, NewsarcWarning) else _BY_VALUE[subtype]
    logger.warning(message, *args, type="newsarc", subtype=kind.value, location=location)
