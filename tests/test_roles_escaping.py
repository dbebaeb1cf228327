"""Roles, aliases, and escaping of headlines, entity names and URLs in every output."""

from __future__ import annotations

import re
import zipfile

import pytest
from conftest import read, warnings_of
from sphinx.testing.util import SphinxTestApp

HOSTILE_HEADLINE = (
    'Procter & Gamble buys <b>Gillette</b> for $57 billion & more: 100% {done} ~ ^ # _ \\ "quoted"'
)


@pytest.mark.sphinx("html", testroot="roles")
def test_roles_and_aliases_html(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    index = read(app.outdir / "index.html")
    # event by id: the headline is the link text, escaped
    assert re.search(
        r'href="events.html#pg-deal"[^>]*><span[^>]*>Procter &amp; Gamble buys '
        r"&lt;b&gt;Gillette&lt;/b&gt;",
        index,
    )
    # explicit title
    assert re.search(r'href="events.html#pg-deal"[^>]*><span[^>]*>the deal</span>', index)
    # entity by alias and by another spelling, both to the entity's page
    assert index.count('href="news/entities/procter-and-gamble.html"') == 2
    # the day role shows the date's one text
    assert re.search(
        r'href="news/2006/04/10.html"[^>]*><time class="xref news news-day" '
        r'datetime="2006-04-10">10 April 2006<',
        index,
    )


@pytest.mark.sphinx("html", testroot="roles")
def test_hostile_text_is_escaped_in_html(app: SphinxTestApp) -> None:
    app.build()
    events = read(app.outdir / "events.html")
    assert "<script>alert(1)</script>" not in events
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in events
    assert "<b>Gillette</b>" not in events
    assert "Procter &amp; Gamble buys &lt;b&gt;Gillette&lt;/b&gt; for $57 billion" in events
    # the URL's ampersands and quotes are escaped in the attribute
    assert 'href="https://example.org/a?x=1&amp;y=2"' in events
    assert (
        'href="https://example.org/c?q=&quot;x&quot;"' in events
        or 'href="https://example.org/c?q=%22x%22"' in events
    )
    # generated pages escape too
    entity_page = read(app.outdir / "news/entities/script-alert-1-script.html")
    assert "<script>alert(1)</script>" not in entity_page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in entity_page
    for page in (app.outdir / "news").rglob("*.html"):
        assert "<script>alert(1)</script>" not in read(page), page


@pytest.mark.sphinx("latex", testroot="roles")
def test_hostile_text_is_escaped_in_latex(app: SphinxTestApp) -> None:
    app.build()
    tex = read(next(app.outdir.glob("*.tex")))
    assert (
        r"Procter \& Gamble buys \textless{}b\textgreater{}Gillette\textless{}/b\textgreater{} "
        r"for \$57 billion \& more: 100\% \{done\} \textasciitilde{} \textasciicircum{} "
        r"\# \_ \textbackslash{}" in tex
    )
    assert r"\textless{}script\textgreater{}alert(1)" in tex
    assert "Zoë Ünicode" in tex


@pytest.mark.sphinx("epub", testroot="roles")
def test_hostile_text_is_escaped_in_epub(app: SphinxTestApp) -> None:
    app.build()
    book = next(app.outdir.glob("*.epub"))
    with zipfile.ZipFile(book) as zf:
        events = zf.read("events.xhtml").decode()
    assert "<script>alert(1)</script>" not in events
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in events
