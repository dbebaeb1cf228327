"""schema.org JSON-LD of archive events: plain dicts from plain values, and the
``<script>`` element that carries them in a page.

An event is a ``NewsArticle``: the archive's entry is a dated report of what happened
(a headline and the sources it cites), not the happening itself. Its date is the
``temporalCoverage`` (the time the report is about: ``2006-04-10``, ``2006-04`` or
``2006``, whatever the event's precision); its entities are what it is ``about``, each a
``Person``, ``Organization``, ``Place`` (by the declared kind) or ``Thing`` with
``sameAs`` its link and Wikidata item; its sources are its ``citation``; its story the
``CreativeWorkSeries`` it is ``isPartOf``; its category the ``articleSection``. A page
listing events is a ``CollectionPage`` whose ``hasPart`` are the events (``about`` the
entity on an entity's page). Why not ``Event``: see ``docs/feeds.md``.

URLs are given as the caller's ``link`` makes them (absolute from ``html_baseurl``, else
relative to the page, which JSON-LD resolves against the page's address).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = [
    "CONTEXT",
    "LinkedEntity",
    "LinkedEvent",
    "collection_page",
    "entity_node",
    "event_node",
    "graph",
    "script",
]

#: The ``@context`` of every document (schema.org's own context document).
CONTEXT = "https://schema.org"

#: The schema.org type of an entity by its declared kind (case-folded); others: Thing.
ENTITY_TYPES = {
    "person": "Person",
    "people": "Person",
    "organisation": "Organization",
    "organization": "Organization",
    "company": "Organization",
    "party": "Organization",
    "place": "Place",
    "country": "Country",
    "city": "City",
}

#: JSON-LD node: a dict of strings, lists and dicts.
Node = dict[str, object]
#: A URI relative to the output directory -> the URL to publish.
Link = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class LinkedEntity:
    """An entity: its name, declared kind, page (a URI in the output, or ``""``) and the
    external pages that identify it."""

    name: str
    kind: str = ""
    page: str = ""
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LinkedEvent:
    """An event: where it stands (URI in the output, with its anchor), its ISO date,
    headline, sources (name, URL), entities, story (name, page URI) and category."""

    uri: str
    date: str
    headline: str
    sources: tuple[tuple[str, str], ...] = ()
    entities: tuple[LinkedEntity, ...] = ()
    story: tuple[str, str] | None = None
    category: str = ""


def entity_node(entity: LinkedEntity, link: Link) -> Node:
    """A ``Thing`` (or a more specific type, by kind) with its page and ``sameAs``."""
    node: Node = {"@type": ENTITY_TYPES.get(entity.kind.casefold(), "Thing"), "name": entity.name}
    if entity.page:
        node["url"] = link(entity.page)
    if entity.same_as:
        node["sameAs"] = list(entity.same_as)
    return node


def event_node(event: LinkedEvent, link: Link) -> Node:
    """The ``NewsArticle`` of one event; its ``@id`` is its URL (as in the Atom feeds)."""
    url = link(event.uri)
    node: Node = {
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "headline": event.headline,
        "temporalCoverage": event.date,
    }
    if event.entities:
        node["about"] = [entity_node(e, link) for e in event.entities]
    citations: list[object] = []
    for name, source_url in event.sources:
        if source_url:
            cited: Node = {"@type": "CreativeWork", "url": source_url}
            if name:
                cited["name"] = name
            citations.append(cited)
        elif name:
            citations.append(name)
    if citations:
        node["citation"] = citations
    if event.story:
        name, page = event.story
        series: Node = {"@type": "CreativeWorkSeries", "name": name}
        if page:
            series["url"] = link(page)
        node["isPartOf"] = series
    if event.category:
        node["articleSection"] = event.category
    return node


def collection_page(
    uri: str,
    name: str,
    events: Sequence[LinkedEvent],
    link: Link,
    about: LinkedEntity | None = None,
    date: str = "",
) -> Node:
    """A ``CollectionPage`` (a day's, an entity's, a story's page) of ``events``."""
    url = link(uri)
    node: Node = {"@type": "CollectionPage", "@id": url, "url": url, "name": name}
    if about is not None:
        node["about"] = entity_node(about, link)
    if date:
        node["temporalCoverage"] = date
    node["hasPart"] = [event_node(e, link) for e in events]
    return node


def graph(nodes: Sequence[Node]) -> Node:
    """A JSON-LD document of ``nodes`` in schema.org's context."""
    if len(nodes) == 1:
        return {"@context": CONTEXT, **nodes[0]}
    return {"@context": CONTEXT, "@graph": list(nodes)}


def script(data: Node) -> str:
    """``<script type="application/ld+json">`` with ``data``: sorted keys, no spaces, and
    ``<``, ``>``, ``&`` as ``\\u`` escapes so no text can end the element early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
