"""An entity's page (websites): its facts (kind, aliases, link, description), how many
events name it, where it is declared, and its events in date order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from .. import design
from ..directives.entity import wikidata_link
from ..locale import _
from ..render import count_text
from ..views import EntityRef, Summary
from .base import PageKind

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "EntityEntry", "EntityFacts", "entity_entry", "render_facts"]


@dataclass(frozen=True, slots=True)
class EntityFacts:
    """What a declaration says of an entity (empty for an entity only named by events)."""

    kind: str = ""
    aliases: tuple[str, ...] = ()
    url: str = ""
    description: tuple[str, ...] = ()
    wikidata: str = ""


@dataclass(frozen=True, slots=True)
class EntityEntry:
    """An entity with its facts and events (its page; the book's Entities index)."""

    ref: EntityRef
    facts: EntityFacts
    summaries: tuple[Summary, ...]


def entity_entry(views: Views, key: str) -> EntityEntry:
    """The entity ``key`` with its facts and events."""
    record = views.archive.entity(key).record
    facts = (EntityFacts(record.kind, record.aliases, record.url, record.description,
                         record.wikidata)
             if record else EntityFacts())
    return EntityEntry(views.entity_ref(key), facts,
                       views.summaries(views.archive.by_entity.get(key, ())))


def render_facts(facts: EntityFacts) -> list[nodes.Node]:
    """``Kind: ... · Also known as: ... · Link: ... · Wikidata: Q…`` and the description."""
    out: list[nodes.Node] = []
    para = nodes.paragraph(classes=["newsarc-entity-facts"])
    parts: list[list[nodes.Node]] = []
    if facts.kind:
        parts.append([nodes.Text(_("Kind") + ": " + facts.kind)])
    if facts.aliases:
        parts.append([nodes.Text(_("Also known as") + ": " + ", ".join(facts.aliases))])
    if facts.url:
        parts.append([nodes.Text(_("Link") + ": "),
                      nodes.reference(facts.url, facts.url, refuri=facts.url)])
    if facts.wikidata:
        parts.append([nodes.Text("Wikidata: "), wikidata_link(facts.wikidata)])
    for n, part in enumerate(parts):
        if n:
            para += nodes.Text(" \N{MIDDLE DOT} ")
        para.extend(part)
    if parts:
        out.append(para)
    for text in facts.description:
        out.append(nodes.paragraph(text, text, classes=["newsarc-description"]))
    return out


def render(r: Renderer, view: EntityEntry) -> list[nodes.Node]:
    body = render_facts(view.facts)
    body.append(design.card_text(count_text(len(view.summaries)), ["newsarc-count"]))
    if view.ref.declared_at:
        para = design.card_text()
        para += r.link(view.ref.declared_at[0], view.ref.declared_at[1], _("Declaration"))
        body.append(para)
    card = design.card(["newsarc-entity-card"], body)
    return [card, *r.listing(view.summaries), *r.formats()]


KIND = PageKind("entity", entity_entry, render)
