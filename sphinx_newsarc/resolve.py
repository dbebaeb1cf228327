"""The post-transform that fills every placeholder once the whole project is known."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import latex
from .builders import is_epub
from .domain import NewsDomain
from .nodes import (
    date_text,
    depart_date_text,
    depart_date_text_html,
    pending_news,
    visit_date_text,
    visit_date_text_html,
    visit_unresolved,
)
from .pages import build_page, render_page
from .render import Renderer
from .warnings import NewsarcWarning, warn

__all__ = ["ResolveNews", "setup_resolve"]


class ResolveNews(SphinxPostTransform):
    """Replace each :class:`~sphinx_newsarc.nodes.pending_news` by standard nodes."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = NewsDomain.of(self.env)
        app = getattr(self.env, "_app", None) or self.app  # Sphinx 9 deprecates .app
        views = domain.views(app.builder)
        metadata = self.env.metadata.get(self.env.docname, {})
        searched = "nosearch" not in metadata and "no-search" not in metadata  # as Sphinx's
        renderer = Renderer(domain, views, app.builder, self.env.docname, searched)
        archive = domain.archive
        for node in list(self.document.findall(pending_news)):
            kind = node["kind"]
            new: list[nodes.Node]
            if kind in ("date", "meta", "related"):
                uid = node["uid"]
                if uid not in archive.events:  # pragma: no cover - stale doctree
                    node.parent.remove(node)
                    continue
                view = views.event(uid)
                if kind == "date":
                    new = renderer.event_date(view)
                elif kind == "meta":
                    new = renderer.event_meta(view)
                else:
                    event = archive.event(uid)
                    for unknown in view.unknown_related:
                        warn(
                            "event %r: related id %r is not the id of any event",
                            NewsarcWarning.related,
                            (event.docname, event.lineno),
                            event.id,
                            unknown,
                        )
                    new = renderer.event_related(view)
            elif kind == "eventlist":
                summaries = views.eventlist(node["query"])
                new = renderer.listing(summaries, classes=node["classes"])
            elif kind == "page":
                kind_name, key = node["page"]
                plan_doc = domain.plan.docname(kind_name, key)
                if plan_doc is None:
                    new = []
                else:
                    new = page_body(
                        node["classes"], render_page(renderer, build_page(views, kind_name, key))
                    )
            else:  # pragma: no cover - every kind is handled above
                new = []
            if new:
                node.replace_self(new)
            else:
                node.parent.remove(node)
        if not renderer.website and not is_epub(app.builder):
            print_source_urls(self.document)
        if renderer.latex:
            labels_for_latex(self.document)


def page_body(classes: list[str], rendered: list[nodes.Node]) -> list[nodes.Node]:
    """A root page's body: its content in one container with the page's classes, then its
    sections (the book's Chronology) after it, as the page section's subsections."""
    first = next(
        (n for n, node in enumerate(rendered) if isinstance(node, nodes.section)), len(rendered)
    )
    box = nodes.container(classes=classes)
    box.extend(rendered[:first])
    return [box, *rendered[first:]]


def _is_newsarc(node: nodes.Node) -> bool:
    return (
        not isinstance(node, nodes.section)
        and isinstance(node, nodes.Element)
        and any(c.startswith("newsarc-") for c in node["classes"])
    )


def labels_for_latex(document: nodes.document) -> None:
    """LaTeX labels only targets, not containers or rubrics: give each id a target. An
    event starts on a page with room for its date, headline and first lines (before its
    label, so its page number is the page it starts on)."""
    for node in list(document.findall(_is_newsarc)):
        assert isinstance(node, nodes.Element)
        if node["ids"]:
            node.insert(0, nodes.target("", "", ids=list(node["ids"])))
            node["ids"] = []
        if "newsarc-event" in node["classes"]:
            node.insert(0, latex.needspace())


def print_source_urls(document: nodes.document) -> None:
    """Paper has no links: print each source's URL after its name (not in an ePub, whose
    builder shows URLs as ``epub_show_urls`` says)."""
    for box in document.findall(nodes.container):
        if "newsarc-sources" not in box["classes"]:
            continue
        for ref in list(box.findall(nodes.reference)):
            url = ref.get("refuri", "")
            if url and ref.astext() != url:
                para = ref.parent
                index = para.index(ref)
                para.insert(index + 1, nodes.Text(" "))
                para.insert(
                    index + 2, nodes.reference(url, url, refuri=url, classes=["newsarc-source-url"])
                )


def setup_resolve(app: Sphinx) -> None:
    """The placeholder node (never written: resolved first) and the post-transform."""
    unresolved = (visit_unresolved, None)
    app.add_node(
        pending_news,
        html=unresolved,
        latex=unresolved,
        text=unresolved,
        man=unresolved,
        texinfo=unresolved,
    )
    html = (visit_date_text_html, depart_date_text_html)
    inline = (visit_date_text, depart_date_text)
    app.add_node(date_text, html=html, latex=inline, text=inline, man=inline, texinfo=inline)
    app.add_post_transform(ResolveNews)
