"""Escaping for MyST: plain text renders verbatim, fences cannot be closed, YAML round-trips."""

from __future__ import annotations

import html

import pytest
import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from myst_parser.parsers.options import options_to_items

from sphinx_newsarc.importer.escape import escape_line, escape_text, fence, yaml_value

HOSTILE = [
    "$765 million",
    "<script>alert(1)</script>",
    "Procter & Gamble",
    "*stars*",
    "_under_",
    "`tick` and ```three```",
    "# not a heading",
    "% not a comment",
    "1. not a list",
    "2006) not a list",
    "- not a list",
    "+ not a list",
    "> not a quote",
    "+++",
    "---",
    "===",
    ":::{note}",
    "(target)=",
    "{role}`x` {{ sub }}",
    "[link](http://x) ![img](x.png) [^1]",
    "~~strike~~ ~~~",
    "&amp; &copy; &#65;",
    "a | b | c",
    "$$x^2$$ and $y$",
    "Zürich \u2013 naïve café 東京",
    "\\backslash\\ at both ends\\",
    "<!-- comment -->",
    "http://example.com/a_b_c",
    "    four spaces of indentation",
]


def _render(markdown: str) -> str:
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    md.use(dollarmath_plugin)
    return md.render(markdown)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_line_renders_verbatim(text: str) -> None:
    rendered = _render(escape_line(text))
    assert rendered == f"<p>{html.escape(text.strip(), quote=False)}</p>\n"


def test_paragraphs_and_line_breaks_are_kept() -> None:
    lines = escape_text("# one\n% two\n\n\n  - three")
    assert lines == ["\\# one\\", "\\% two", "", "\\- three"]
    assert _render("\n".join(lines)) == "<p># one<br />\n% two</p>\n<p>- three</p>\n"


def test_trailing_backslash_before_a_hard_break() -> None:
    assert _render("\n".join(escape_text("ends with \\\nnext"))) == (
        "<p>ends with \\<br />\nnext</p>\n"
    )


def test_fence_is_tilde_for_backtick_headlines_and_longer_than_any_run() -> None:
    assert fence("plain", "") == "```"
    assert fence("with `tick`", "") == "~~~"
    assert fence("plain", "````") == "`````"
    assert fence("with `tick`", "~~~~~~") == "~~~~~~~"


@pytest.mark.parametrize(
    "value",
    [
        "2006-04-10",
        "2006",
        "Peru",
        "yes",
        "No",
        "null",
        "Peruvian general election, 2006",
        "Politics: elections #2",
        "#hash",
        "-dash",
        "'quoted'",
        '"double"',
        "it's",
        "a: b",
        "http://example.com/x?a=1&b=2#frag",
        "Alan García; Ollanta Humala",
        "[list]",
        "{map}",
        "| pipe",
        "> fold",
        "@at",
        "!tag",
        "*alias",
        "&anchor",
        "% pct",
        "1.5",
        "0x10",
        "~",
        "trailing space ",
        " leading",
        "tab\there",
        "back\\slash",
    ],
)
def test_yaml_value_round_trips(value: str) -> None:
    line = f"key: {yaml_value(value)}"
    assert str(yaml.safe_load(line)["key"]) == value
    items = dict(options_to_items(line)[0])
    assert items["key"] == value


def test_dates_and_urls_stay_plain() -> None:
    assert yaml_value("2006-04-10") == "2006-04-10"
    assert yaml_value("http://en.wikipedia.org/wiki/Kandahar") == (
        "http://en.wikipedia.org/wiki/Kandahar"
    )
    assert yaml_value("yes") == "'yes'"
    assert yaml_value("it's: x") == "'it''s: x'"


def test_yaml_value_refuses_line_breaks() -> None:
    with pytest.raises(ValueError, match="one line"):
        yaml_value("a\nb")
