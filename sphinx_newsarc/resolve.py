"""The post-transform that fills every placeholder once the whole project is known."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .domain import NewsDomain
from .nodes import pending_news
from .render import Renderer
from .warnings import warn

__all__ = ["ResolveNews"]


class ResolveNews(SphinxPostTransform):
    """Replace each :class:`~sphinx_newsarc.nodes.pending_news` by standard nodes."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = self.env.get_domain("news")
        assert isinstance(domain, NewsDomain)
        views = domain.views
        renderer = Renderer(domain, views, self.app.builder, self.env.docname)
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
                    for unknown in view[5]:
                        warn("event %r: related id %r is not the id of any event",
                             "related", (event.docname, event.lineno), event.id, unknown)
                    new = renderer.event_related(view)
            elif kind == "eventlist":
                summaries = views.eventlist(node["query"])
                if summaries:
                    new = [renderer.listing(summaries, classes=node["classes"])]
                else:
                    new = []
            elif kind == "page":
                page_kind, key = node["page"]
                plan_doc = domain.plan.docname(page_kind, key)
                if plan_doc is None:
                    new = []
                else:
                    box = nodes.container(classes=node["classes"])
                    box.extend(renderer.page(page_kind, views.page(page_kind, key)))
                    new = [box]
            else:  # pragma: no cover - every kind is handled above
                new = []
            if new:
                node.replace_self(new)
            else:
                node.parent.remove(node)
