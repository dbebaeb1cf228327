"""Unit tests for ``sphinx_newsarc.core.pdflatex``: which characters pdflatex typesets."""

from __future__ import annotations

from sphinx_newsarc.core.pdflatex import PdflatexCharset, declared_characters, font_encodings


def test_default_book_typesets_latin_and_punctuation_only() -> None:
    charset = PdflatexCharset.of()
    # ASCII, Latin-1, Latin Extended-A, typographic punctuation, the euro: T1, TS1, Sphinx
    assert charset.missing("Zürich, Łódź, Ørsted \N{EN DASH} “quoted” … 5 € → Œuvre ½") == ""
    # Greek, Cyrillic, CJK, Arabic: none of them, each reported once, in order
    assert charset.missing("π and ππ, Медведев, 菅直人, عربي") == "πМедв菅直人عربي"


def test_control_characters_are_not_this_checks_business() -> None:
    assert PdflatexCharset.of().missing("a\tb\nc\x85") == ""


def test_font_encodings_of_the_fontenc_element() -> None:
    assert font_encodings(r"\usepackage[T1]{fontenc}") == {"T1"}
    assert font_encodings(r"\usepackage[LGR, X2,T1]{fontenc}" "\n") == {"LGR", "X2", "T1"}
    assert font_encodings(r"\usepackage{fontspec}") == frozenset()


def test_an_authors_encodings_add_their_scripts() -> None:
    assert PdflatexCharset.of(["T2A"]).missing("Медведев π") == "π"
    assert PdflatexCharset.of(["lgr"]).missing("Медведев πΠ") == "Медв"
    assert PdflatexCharset.of(["T1", "OT2"]).missing("π") == "π"  # unknown: adds nothing


def test_characters_the_preamble_declares() -> None:
    preamble = r"\DeclareUnicodeCharacter{03C0}{\ensuremath{\pi}}\newunicodechar{菅}{Kan}"
    assert declared_characters(preamble) == {0x03C0, ord("菅")}
    assert PdflatexCharset.of(declared=declared_characters(preamble)).missing("π菅直") == "直"
