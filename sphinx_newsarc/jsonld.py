"""schema.org JSON-LD in the pages of websites (``html``, ``dirhtml``).

Every author document with events carries one ``NewsArticle`` per event; the day, entity
and story pages a ``CollectionPage`` of their events (:mod:`.core.jsonld` builds the
dicts). The script goes into the page's ``<head>`` (``metatags``) at
``html-page-context``. URLs are absolute from ``html_baseurl``, else relative to the page.
What the data shows from other documents (entities' pages, kinds and links, stories'
pages) is part of the views the digests hash, so incremental builds stay exact.
"""

from __future__ import annotations

import posixpath
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.osutil import relative_uri

from .builders import is_website
from .core.jsonld import LinkedEntity, LinkedEvent, event_node, graph, script
from .core.text import name_key
from .domain import NewsDomain

__all__ = ["CONTEXT_KEY", "linked_event", "linker", "page_uri", "setup_jsonld"]

#: The key of a page's context that holds its JSON-LD (browse pages put it there).
CONTEXT_KEY = "newsarc_jsonld"


def page_uri(builder: Builder, docname: str) -> str:
    """The URI of a document's output page, relative to the output directory."""
    uri = builder.get_target_uri(docname)
    if uri.startswith("#"):  # singlehtml: every document is in the root document's page
        return builder.config.root_doc + getattr(builder, "out_suffix", ".html")
    return uri.split("#", 1)[0]


def linker(builder: Builder, docname: str) -> Any:
    """URI in the output -> URL in ``docname``'s JSON-LD: absolute from ``html_baseurl``,
    else relative to the page."""
    base = builder.config.html_baseurl
    if base:
        return lambda uri: posixpath.join(base, uri)
    here = page_uri(builder, docname)
    paths: dict[str, str] = {}  # a page's events link few pages, many times each

    def relative(uri: str) -> str:
        path, hash_, fragment = uri.partition("#")
        found = paths.get(path)
        if found is None:
            # Sphinx's relative_uri drops fragments, and gives "" for the page itself
            found = paths[path] = relative_uri(here, path) or posixpath.basename(path)
        return found + hash_ + fragment

    return relative


def linked_event(domain: NewsDomain, builder: Builder, uid: str) -> LinkedEvent:
    """An event as JSON-LD shows it, with URIs in the output (made once per build)."""
    cache = domain.cache.linked
    found = cache.get(uid)
    if found is not None:
        return found
    views = domain.views(builder)
    archive = domain.archive
    event = archive.event(uid)
    entities = []
    for key in archive.entities_of.get(uid, ()):
        ref = views.entity_ref(key)
        entities.append(
            LinkedEntity(
                ref.name, ref.kind, page_uri(builder, ref.page) if ref.page else "", ref.same_as
            )
        )
    story = None
    if event.story:
        page = domain.page_for("story", name_key(event.story))
        story = (event.story, page_uri(builder, page) if page else "")
    found = cache[uid] = LinkedEvent(
        f"{page_uri(builder, event.docname)}#{event.anchor}",
        event.date.iso(),
        event.headline,
        tuple((s.name, s.url) for s in event.sources),
        tuple(entities),
        story,
        event.category,
    )
    return found


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: the page's JSON-LD into its ``<head>``."""
    if not is_website(app.builder):
        return
    data = context.get(CONTEXT_KEY)
    if data is None:
        domain = NewsDomain.of(app.env)
        records = domain.data["events"].get(pagename)
        if not records:
            return
        link = linker(app.builder, pagename)
        data = graph([event_node(linked_event(domain, app.builder, r.uid), link) for r in records])
    context["metatags"] = context.get("metatags", "") + script(data) + "\n"


def setup_jsonld(app: Sphinx) -> None:
    """Connect the handler (called from the extension's ``setup``)."""
    app.connect("html-page-context", page_context)
