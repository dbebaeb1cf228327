"""Escaping for MyST: text that must print verbatim, directive arguments, YAML option values.

* :func:`escape_text` turns plain text into MyST that renders as exactly that text:
  every ASCII punctuation character CommonMark or a MyST extension could read as markup
  is backslash-escaped, and line starts that open blocks are neutralised.
* :func:`fence` picks a code fence that a directive's headline and body cannot close.
* :func:`yaml_value` writes an option value that both PyYAML and MyST's restricted
  option parser read back unchanged.
"""

from __future__ import annotations

import re

__all__ = ["escape_line", "escape_text", "fence", "yaml_value"]

#: Escaped wherever they stand: CommonMark inline markup, HTML, entities, math,
#: roles and substitutions, tables, strikethrough, footnotes, attributes.
_SPECIAL = frozenset("\\`*_{}[]<>#!|~$&^@=+%")
_ESCAPE = re.compile("[" + re.escape("".join(sorted(_SPECIAL))) + "]")
#: Escaped only at the start of a line (after indentation is removed): list items, block
#: quotes, thematic breaks, setext underlines, MyST targets ``(name)=``, field lists,
#: definition lists, colon fences, comments ``%``, block breaks ``+++``.
_LINE_START = frozenset("-+=:(%>.")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def escape_line(line: str) -> str:
    """One line of plain text as MyST inline text that renders verbatim."""
    text = line.strip()
    escaped = _ESCAPE.sub(lambda m: "\\" + m.group(0), text)
    if text[:1] in _LINE_START and not escaped.startswith("\\"):
        escaped = "\\" + escaped
    match = _ORDERED.match(escaped)
    if match:  # "2006. A year" would start an ordered list
        escaped = f"{match[1]}\\{match[2]}{escaped[match.end() :]}"
    return escaped


def escape_text(text: str) -> list[str]:
    """Plain text (paragraphs separated by blank lines) as MyST lines that render verbatim.

    Line breaks inside a paragraph are kept as hard line breaks (a trailing backslash);
    blank-line runs become one blank line; indentation is dropped (it would make code).
    """
    lines: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            if lines:
                lines.append("")
            lines.extend(part + "\\" for part in paragraph[:-1])
            lines.append(paragraph[-1])
            paragraph.clear()

    for raw in text.split("\n"):
        if raw.strip():
            paragraph.append(escape_line(raw))
        else:
            flush()
    flush()
    return lines


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(re.escape(char) + "+", text)
    return max((len(r) for r in runs), default=0)


def fence(headline: str, body: str) -> str:
    """The opening/closing fence for a directive with this headline and (escaped) body.

    A backtick fence cannot carry a backtick in its info string (the headline), so such
    headlines get a tilde fence; either way the fence is longer than any run of its
    character in the body.
    """
    char = "~" if "`" in headline else "`"
    return char * max(3, _longest_run(body, char) + 1)


_PLAIN = re.compile(r"^[^\W\d_][\w .,;()/&'+-]*$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"\\]+$")
_RESERVED = frozenset(
    ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "none", "nan", "inf"]
)


def yaml_value(value: str) -> str:
    """A one-line YAML scalar for ``value``: plain when unambiguous, else single-quoted.

    Single quotes need no escapes but doubling ``'``, so every one-line string survives,
    whether PyYAML or MyST's restricted option parser reads it.
    """
    if "\n" in value:
        raise ValueError("yaml_value takes one line; use a literal block for more")
    if (
        _DATE.match(value)
        or _URL.match(value)
        or (
            _PLAIN.match(value)
            and value == value.strip()
            and value.lower() not in _RESERVED
            and " -" not in value  # keep plain scalars boring
        )
    ):
        return value
    return "'" + value.replace("'", "''") + "'"
