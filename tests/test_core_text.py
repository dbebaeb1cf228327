"""Unit tests for ``sphinx_newsarc.core.text``: name keys, slugs, list splitting."""

from __future__ import annotations

import pytest

from sphinx_newsarc.core.text import (
    control_chars,
    name_key,
    slugify,
    split_list,
    strip_control_chars,
)

# -- name_key ------------------------------------------------------------------------------


def test_name_key_ignores_case_accents_and_spacing() -> None:
    keys = {name_key("Alan García"), name_key("alan garcia"), name_key("ALAN  GARCÍA")}
    assert keys == {"alan garcia"}


def test_name_key_keeps_letters_that_differ() -> None:
    assert name_key("Alan Garca") == "alan garca"
    assert name_key("Alan Garca") != name_key("Alan García")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("  Lourdes   Flores\t", "lourdes flores"),
        ("Perú", "peru"),
        ("PERU", "peru"),
        ("São Paulo", "sao paulo"),
        ("Ñuñoa", "nunoa"),
        ("Straße", "strasse"),
        ("Ollanta\nHumala", "ollanta humala"),
        ("Ollanta\u00a0Humala", "ollanta humala"),
        ("e\u0301", "e"),  # already decomposed accent
        ("", ""),
        ("   ", ""),
    ],
)
def test_name_key_values(name: str, key: str) -> None:
    assert name_key(name) == key


def test_name_key_keeps_punctuation() -> None:
    assert name_key("AT&T") == "at&t"
    assert name_key("AT&T") != name_key("AT T")


# -- slugify --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Alan García", "alan-garcia"),
        ("ALAN  GARCÍA", "alan-garcia"),
        ("¡Hola, Perú!", "hola-peru"),
        ("Peru's 2006 election: round two", "peru-s-2006-election-round-two"),
        ("--already-a-slug--", "already-a-slug"),
        ("C++", "c"),
        ("Straße", "strasse"),
        ("", ""),
        ("!!!", ""),
        ("Владимир Путин", ""),  # nothing ASCII remains
    ],
)
def test_slugify_values(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_default_max_length_is_80() -> None:
    text = " ".join(["word"] * 30)  # "word-word-..." is 149 characters
    slug = slugify(text)
    assert len(slug) <= 80
    assert slug == "-".join(["word"] * 16)  # 16 * 5 - 1 = 79
    assert not slug.endswith("-")


def test_slugify_cuts_at_a_hyphen() -> None:
    assert slugify("alpha beta gamma", max_length=12) == "alpha-beta"
    assert slugify("alpha beta gamma", max_length=11) == "alpha-beta"
    assert slugify("alpha beta gamma", max_length=100) == "alpha-beta-gamma"
    assert slugify("alpha beta gamma", max_length=16) == "alpha-beta-gamma"


def test_slugify_cuts_a_single_long_word_hard() -> None:
    assert slugify("a" * 100) == "a" * 80
    assert slugify("abcdefghij", max_length=4) == "abcd"


def test_slugify_keeps_a_word_that_ends_exactly_at_the_limit() -> None:
    assert slugify("alpha beta gamma", max_length=10) == "alpha-beta"


def test_slugify_is_ascii_lowercase_digits_and_hyphens() -> None:
    slug = slugify("Élections générales du Pérou — 2ᵉ tour (4 juin 2006)")
    assert slug == "elections-generales-du-perou-2e-tour-4-juin-2006"
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")


# -- split_list -----------------------------------------------------------------------------


def test_split_list_semicolons() -> None:
    assert split_list("Ollanta Humala; Alan García;Lourdes Flores") == [
        "Ollanta Humala",
        "Alan García",
        "Lourdes Flores",
    ]


def test_split_list_newlines_and_mixed() -> None:
    assert split_list("Ollanta Humala\nAlan García; Lourdes Flores\r\nKeiko Fujimori") == [
        "Ollanta Humala",
        "Alan García",
        "Lourdes Flores",
        "Keiko Fujimori",
    ]


def test_split_list_drops_blanks() -> None:
    assert split_list(";; a ;\n\n  \n; b;  ;\n") == ["a", "b"]
    assert split_list("") == []
    assert split_list("  ;\n ; ") == []


def test_split_list_keeps_commas_and_order() -> None:
    assert split_list("Lima, Peru; Chile; Lima, Peru") == ["Lima, Peru", "Chile", "Lima, Peru"]


def test_index_letter() -> None:
    from sphinx_newsarc.core.text import index_letter

    assert index_letter("Ollanta Humala") == "O"
    assert index_letter("élysée Palace") == "E"  # accents dropped, upper case
    assert index_letter("Ωmega") == "Ω"
    assert index_letter("2010 FIFA World Cup") == "#"
    assert index_letter('"Weird Al"') == "#"
    assert index_letter("") == "#"


# -- control characters --------------------------------------------------------------------


def test_strip_control_chars_keeps_tab_and_line_breaks_only() -> None:
    text = "a\x00b\x07c\td\ne\r\nf\x0bg\x1bh\x7fi\x85j\x9fk\u00a0l\u2028m"
    assert strip_control_chars(text) == "abc\td\ne\nfghij" + "k\u00a0l\u2028m"
    assert control_chars(text) == ["\x00", "\x07", "\r", "\x0b", "\x1b", "\x7f", "\x85", "\x9f"]
    assert control_chars("plain text, tab\tand\nlines") == []


@pytest.mark.parametrize(
    ("text", "clean", "found"),
    [
        ("Bell\x07 rings", "Bell rings", ["U+0007"]),
        ("\x00a\x1fb\x7fc\x07\x07", "abc", ["U+0000", "U+001F", "U+007F", "U+0007"]),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay", []),
        ("carriage\rreturn", "carriagereturn", ["U+000D"]),
        ("C1\x80 and\x9f NEL\x85", "C1 and NEL", ["U+0080", "U+009F", "U+0085"]),
        ("Zoë \u00a0 \u00a9 \u2028 kept", "Zoë \u00a0 \u00a9 \u2028 kept", []),
        ("", "", []),
    ],
)
def test_control_characters(text: str, clean: str, found: list[str]) -> None:
    assert strip_control_chars(text) == clean
    assert [f"U+{ord(c):04X}" for c in control_chars(text)] == found
    assert control_chars(clean) == []
