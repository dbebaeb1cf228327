"""Listings as one raw HTML node give the markup of the builder's own translator."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_root
from docutils import nodes
from docutils.utils import new_document
from sphinx.builders import Builder
from sphinx.testing.util import SphinxTestApp

from sphinx_newsarc.html_markup import html_writer, list_template
from sphinx_newsarc.inline import Inline, html_escapes

TRICKY = 'AT&T <b> "quoted" @home\ttab'


def fill(inline: Inline) -> None:
    inline.open(["newsarc-entities"])
    inline.text("Entities: ")
    inline.reference(TRICKY, ["newsarc-entity-link"], refuri="a b.html?x=1&y=2#q")
    inline.text(", ")
    inline.reference("Here", [], refid="anchor-1")
    inline.text(", ")
    inline.reference("Empty", ["c1", "c1"], refuri="")
    inline.close()
    inline.text(" \N{MIDDLE DOT} ")
    inline.span(TRICKY, ["newsarc-entity-link"])
    inline.span("bare")
    inline.emphasis("Context: " + TRICKY, ["newsarc-context"])
    inline.emphasis("plain")


def translate(builder: Builder, paragraph: nodes.paragraph) -> str:
    # HTML builders keep their docutils settings as ``docsettings``, the others privately
    settings = getattr(builder, "docsettings", None) or vars(builder)["_settings"]
    document = new_document("<test>", settings)
    item = nodes.list_item("", paragraph)
    document += nodes.bullet_list("", item)
    translator = builder.create_translator(document, builder)
    document.walkabout(translator)
    return "".join(translator.fragment if hasattr(translator, "fragment") else translator.body)


@pytest.mark.parametrize("buildername", ["html", "dirhtml", "singlehtml", "epub"])
def test_raw_html_equals_the_translators_markup(buildername: str, tmp_path: Path) -> None:
    app = SphinxTestApp(
        buildername, srcdir=copy_root("sample", tmp_path), builddir=tmp_path / "_build"
    )
    try:
        app.builder.prepare_writing(set())
        escapes = html_escapes(app.builder)
        assert escapes is not None
        as_nodes, as_html = Inline(None), Inline(escapes)
        fill(as_nodes)
        fill(as_html)
        raw = as_html.result()
        assert len(raw) == 1 and isinstance(raw[0], nodes.raw)
        assert translate(app.builder, nodes.paragraph("", "", *as_nodes.result())) == translate(
            app.builder, nodes.paragraph("", "", *raw)
        )
        assert "AT&amp;T &lt;b&gt; &quot;quoted&quot; &#64;home\ttab" in raw[0].astext()
    finally:
        app.cleanup()


def test_searchable_text_with_escapes_stays_nodes() -> None:
    """Sphinx's search indexes raw HTML without unescaping it ("&amp;" would be a word)."""
    escapes = {ord("&"): "&amp;"}
    plain = Inline(escapes, searchable=True)
    plain.text("Peru and Chile")
    assert isinstance(plain.result()[0], nodes.raw)
    tricky = Inline(escapes, searchable=True)
    tricky.text("AT&T")
    assert tricky.result() == [nodes.Text("AT&T")]
    unsearched = Inline(escapes)
    unsearched.text("AT&T")
    assert unsearched.result()[0].astext() == "AT&amp;T"


def test_no_html_for_other_builders(tmp_path: Path) -> None:
    for buildername in ("latex", "text"):
        app = SphinxTestApp(
            buildername,
            srcdir=copy_root("sample", tmp_path / buildername),
            builddir=tmp_path / buildername / "_build",
        )
        try:
            assert html_escapes(app.builder) is None
        finally:
            app.cleanup()


def _translate_node(builder: Builder, node: nodes.Element) -> str:
    settings = getattr(builder, "docsettings", None) or vars(builder)["_settings"]
    document = new_document("<test>", settings)
    document += node
    translator = builder.create_translator(document, builder)
    document.walkabout(translator)
    return "".join(translator.fragment if hasattr(translator, "fragment") else translator.body)


def _listing() -> nodes.Element:
    return nodes.bullet_list(classes=["newsarc-listing", "no-search"])


def _related() -> nodes.Element:
    return nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")


LISTS: dict[str, Callable[[], nodes.Element]] = {"listing": _listing, "related": _related}


@pytest.mark.parametrize("kind", sorted(LISTS))
@pytest.mark.parametrize("buildername", ["html", "dirhtml", "singlehtml", "epub"])
def test_a_list_as_raw_html_equals_the_translators_markup(
    buildername: str, kind: str, tmp_path: Path
) -> None:
    """Listings and related lists enter HTML documents as one raw node each: the markup
    the translator wrote for a sample list, around the items' own HTML."""
    app = SphinxTestApp(
        buildername, srcdir=copy_root("sample", tmp_path), builddir=tmp_path / "_build"
    )
    try:
        app.builder.prepare_writing(set())
        escapes = html_escapes(app.builder)
        make_list = LISTS[kind]
        template = list_template(html_writer(app.builder), make_list)
        assert template is not None
        as_nodes = make_list()
        htmls = []
        for n in range(3):
            node_form, html_form = Inline(None), Inline(escapes)
            for inline in (node_form, html_form):
                fill(inline)
                inline.text(f" item {n}")
            as_nodes += nodes.list_item("", nodes.paragraph("", "", *node_form.result()))
            html = html_form.html()
            assert html is not None
            htmls.append(html)
        head, between, tail = template
        as_raw = head + between.join(htmls) + tail
        assert _translate_node(app.builder, as_nodes) == as_raw
        assert as_raw.count("<li>") == 3 and "item 2" in as_raw
    finally:
        app.cleanup()
