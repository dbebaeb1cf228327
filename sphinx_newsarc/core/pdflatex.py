"""Which characters of a text pdflatex cannot typeset in a Sphinx book.

pdflatex knows a character above ASCII only through a ``\\DeclareUnicodeCharacter`` of a
loaded font encoding (the generated tables of :mod:`.texchars`) or of the author's
preamble; any other stops the PDF with "Unicode character ... not set up for use with
LaTeX". The check is conservative: a character it passes is typeset; one it reports may,
rarely, have been declared in a way it does not read (then ``suppress_warnings`` it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .texchars import BY_ENCODING, PDFLATEX, Ranges

__all__ = ["PdflatexCharset", "declared_characters", "font_encodings"]

_FONTENC = re.compile(r"\\usepackage\s*\[([^\]]*)\]\s*\{fontenc\}")
_DECLARED = re.compile(r"\\DeclareUnicodeCharacter\s*\{([0-9A-Fa-f]{1,6})\}")
_NEWUNICODECHAR = re.compile(r"\\newunicodechar\s*\{(.)\}")


def font_encodings(fontenc: str) -> frozenset[str]:
    """The encodings ``\\usepackage[LGR,T1]{fontenc}`` lines of ``fontenc`` load."""
    return frozenset(
        option.strip().upper()
        for options in _FONTENC.findall(fontenc)
        for option in options.split(",")
        if option.strip()
    )


def declared_characters(preamble: str) -> frozenset[int]:
    """The code points ``preamble`` declares with ``\\DeclareUnicodeCharacter{03C0}`` or
    ``\\newunicodechar{π}``."""
    codes = {int(code, 16) for code in _DECLARED.findall(preamble)}
    codes.update(ord(char) for char in _NEWUNICODECHAR.findall(preamble))
    return frozenset(codes)


def _expand(ranges: Ranges) -> set[int]:
    return {code for start, end in ranges for code in range(start, end + 1)}


@dataclass(frozen=True, slots=True)
class PdflatexCharset:
    """The code points above ASCII a book typesets under pdflatex."""

    codes: frozenset[int]

    @classmethod
    def of(cls, encodings: Iterable[str] = (), declared: Iterable[int] = ()) -> PdflatexCharset:
        """Sphinx's default book, plus the font ``encodings`` the author loads (``T2A``,
        ``X2``, ``LGR``; others add nothing) and the ``declared`` code points."""
        codes = _expand(PDFLATEX)
        for encoding in encodings:
            codes |= _expand(BY_ENCODING.get(encoding.upper(), ()))
        codes.update(declared)
        return cls(frozenset(codes))

    def missing(self, text: str) -> str:
        """The characters of ``text`` pdflatex cannot typeset, each once, in order.

        Control characters are left to their own check (the writer drops or escapes them).
        """
        if text.isascii():
            return ""
        seen: dict[str, None] = {}
        for char in text:
            code = ord(char)
            if code > 0x9F and code not in self.codes:
                seen[char] = None
        return "".join(seen)
