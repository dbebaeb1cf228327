"""Unit tests for ``sphinx_newsarc.core.sources``: parsing of source lines."""

from __future__ import annotations

import pytest

from sphinx_newsarc.core.model import Source
from sphinx_newsarc.core.sources import SourceError, encode_url, parse_source

# -- well-formed lines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "El Comercio <https://elcomercio.pe/politica/2006/04/10>",
            Source("El Comercio", "https://elcomercio.pe/politica/2006/04/10"),
        ),
        (
            "  BBC News   <http://news.bbc.co.uk/2/hi/americas/4896010.stm>  ",
            Source("BBC News", "http://news.bbc.co.uk/2/hi/americas/4896010.stm"),
        ),
        (
            "La República<https://larepublica.pe/>",
            Source("La República", "https://larepublica.pe/"),
        ),
        ("Archive < https://example.org/x >", Source("Archive", "https://example.org/x")),
        (
            "Mirror <ftp://ftp.example.org/pub/a.txt>",
            Source("Mirror", "ftp://ftp.example.org/pub/a.txt"),
        ),
        (
            "Reuters <https://www.reuters.com/a?b=c&d=e#f>",
            Source("Reuters", "https://www.reuters.com/a?b=c&d=e#f"),
        ),
    ],
)
def test_named_url(line: str, expected: Source) -> None:
    assert parse_source(line) == expected


def test_angle_brackets_without_name_take_the_host() -> None:
    assert parse_source("<https://elcomercio.pe/x>") == Source(
        "elcomercio.pe", "https://elcomercio.pe/x"
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "https://elcomercio.pe/politica/x",
            Source("elcomercio.pe", "https://elcomercio.pe/politica/x"),
        ),
        ("http://news.bbc.co.uk/", Source("news.bbc.co.uk", "http://news.bbc.co.uk/")),
        ("HTTPS://WWW.Example.ORG/Path", Source("www.example.org", "HTTPS://WWW.Example.ORG/Path")),
        (
            "https://user@example.org:8080/a",
            Source("example.org", "https://user@example.org:8080/a"),
        ),
        ("  https://example.org  ", Source("example.org", "https://example.org")),
    ],
)
def test_bare_url_is_named_by_its_host(line: str, expected: Source) -> None:
    assert parse_source(line) == expected


@pytest.mark.parametrize(
    "line",
    ["Reuters", "El Comercio (print edition, p. 4)", "Agencia Andina, 10 April 2006", "mailto:x"],
)
def test_bare_name(line: str) -> None:
    source = parse_source(line)
    assert source == Source(line)
    assert source.url == ""


def test_bare_name_is_stripped() -> None:
    assert parse_source("   Reuters  ") == Source("Reuters", "")


# -- malformed lines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "url"),
    [
        ("X <not a url>", "not a url"),
        ("<>", ""),
        ("X <ftp://>", "ftp://"),
        ("X <https://>", "https://"),
        ("X <www.example.org>", "www.example.org"),
        ("X <mailto:someone@example.org>", "mailto:someone@example.org"),
        ("X <javascript:alert(1)>", "javascript:alert(1)"),
        ("X <https://exa mple.org/>", "https://exa mple.org/"),
        ("X </relative/path>", "/relative/path"),
    ],
)
def test_bad_url_in_brackets(line: str, url: str) -> None:
    with pytest.raises(SourceError) as info:
        parse_source(line)
    message = str(info.value)
    assert message == (
        f"source {line!r}: {url!r} is not an absolute http(s) URL; "
        "write 'Name <https://...>', a bare URL, or a bare name"
    )


@pytest.mark.parametrize(
    "line",
    [
        "X <https://a",
        "X https://a>",
        "X <https://a.example/> trailing words",
        "<<https://a.example/>>",
        "a < b",
    ],
)
def test_unbalanced_brackets(line: str) -> None:
    with pytest.raises(SourceError) as info:
        parse_source(line)
    assert str(info.value) == (
        f"source {line!r} is malformed; write 'Name <https://...>', a bare URL, or a name"
    )


@pytest.mark.parametrize(
    "line",
    ["ftp://", "https://", "gopher://example.org/", "javascript://x", "https://exa mple.org"],
)
def test_bad_bare_url(line: str) -> None:
    with pytest.raises(SourceError, match="is not an absolute http\\(s\\) URL"):
        parse_source(line)


def test_source_error_is_a_value_error() -> None:
    assert issubclass(SourceError, ValueError)


@pytest.mark.parametrize("line", ["X <https://[oops>", "https://[oops"])
def test_invalid_ipv6_url_raises_source_error(line: str) -> None:
    with pytest.raises(SourceError):
        parse_source(line)


# -- encode_url: the one percent-encoding rule -------------------------------------------------


@pytest.mark.parametrize(
    ("url", "encoded"),
    [
        ("https://example.org/a?b=1&c=d#e", "https://example.org/a?b=1&c=d#e"),
        ("http://[::1]:8080/x;y=z", "http://[::1]:8080/x;y=z"),
        ('https://example.org/a "b" <c>', "https://example.org/a%20%22b%22%20%3Cc%3E"),
        ("https://example.org/`{|}^\\", "https://example.org/%60%7B%7C%7D%5E%5C"),
        (
            "https://es.wikipedia.org/wiki/Alan_García",
            "https://es.wikipedia.org/wiki/Alan_Garc%C3%ADa",
        ),
        ("https://example.org/100%25/50%/x%zz", "https://example.org/100%25/50%25/x%25zz"),
        ("https://example.org/\x00\x7f", "https://example.org/%00%7F"),
    ],
)
def test_encode_url(url: str, encoded: str) -> None:
    assert encode_url(url) == encoded
    assert encode_url(encoded) == encoded  # idempotent: escapes already there stay
    assert parse_source(encoded).url == encoded


# -- percent-encoding (one rule with the importer) ------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('Q <https://example.org/a"b>', Source("Q", "https://example.org/a%22b")),
        ('https://example.org/a"b`c', Source("example.org", "https://example.org/a%22b%60c")),
        ("Café <https://example.org/café>", Source("Café", "https://example.org/caf%C3%A9")),
        ("B <https://example.org/a\x07b>", Source("B", "https://example.org/a%07b")),
        # existing escapes stay as they are
        ("E <https://example.org/a%20b?q=%22>", Source("E", "https://example.org/a%20b?q=%22")),
    ],
)
def test_url_is_percent_encoded(line: str, expected: Source) -> None:
    assert parse_source(line) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a<b>c", "https://example.org/a%3Cb%3Ec"),
        ('https://example.org/"x"', "https://example.org/%22x%22"),
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("https://example.org/ü", "https://example.org/%C3%BC"),
        ("https://example.org/a?b=c&d=e#f", "https://example.org/a?b=c&d=e#f"),
    ],
)
def test_directive_urls_are_encoded_by_the_same_rule(url: str, expected: str) -> None:
    assert encode_url(url) == expected
    assert encode_url(expected) == expected  # encoding twice changes nothing
