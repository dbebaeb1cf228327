"""The Entities index. On websites an A-Z list of names, each linking to its page (or
declaration) with its number of events, a name without a page listing the days of its
events; in books every entity with its kind, aliases and events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..anchors import entity_anchor, letter_anchor
from ..core.text import index_letter
from ..locale import _
from ..render import count_text
from ..views import EntityRef
from .base import PageKind
from .entity import EntityEntry, entity_entry

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = [
    "KIND",
    "EntitiesView",
    "EntityCount",
    "LetterBar",
    "entity_counts",
    "letter_bar",
    "render_bar",
    "render_counts",
]


@dataclass(frozen=True, slots=True)
class LetterLink:
    """A part of a split Entities or Stories index as the A-Z bar shows it: its letters, text and
    page."""

    letters: str
    label: str
    page: str | None


@dataclass(frozen=True, slots=True)
class LetterBar:
    """The A-Z bar of a split Entities index: each letter (leading to its first part);
    on a part of a letter split by two letters, that letter's parts; the current part."""

    letters: tuple[LetterLink, ...]
    parts: tuple[LetterLink, ...] = ()
    current: str = ""


def letter_bar(views: Views, current: str = "", kind: str = "entities-letter") -> LetterBar:
    """The A-Z bar of the split Entities (or, ``kind`` ``"stories-letter"``, Stories)
    index, on the part ``current`` ("" the index)."""
    plan = views.domain.plan
    firsts: dict[str, LetterLink] = {}
    parts: list[LetterLink] = []
    for letters in plan.index_parts if kind == "entities-letter" else plan.story_index_parts:
        link = LetterLink(letters, letters[0] + letters[1:].lower(), views.page_for(kind, letters))
        firsts.setdefault(letters[0], LetterLink(letters[0], letters[0], link.page))
        if current and len(letters) > 1 and letters[0] == current[0]:
            parts.append(link)
    return LetterBar(tuple(firsts.values()), tuple(parts), current)


def render_bar(r: Renderer, bar: LetterBar) -> list[nodes.Node]:
    """The A-Z bar (and the current letter's parts), the current one not a link."""
    out: list[nodes.Node] = []
    for links, current in ((bar.letters, bar.current[:1]), (bar.parts, bar.current)):
        if not links:
            continue
        jump = nodes.paragraph(classes=["newsarc-letters", "newsarc-jump"])
        for n, link in enumerate(links):
            if n:
                jump += nodes.Text(" ")
            if link.letters == current:
                jump += nodes.strong(link.label, link.label)
            else:
                jump += r.link(link.page, "", link.label)
        out.append(jump)
    return out


@dataclass(frozen=True, slots=True)
class EntityCount:
    """An entity as the website's index shows it: its links, kind, number of events and
    (with no page of its own) the days of its events as (ISO date, date text, page)."""

    ref: EntityRef
    kind: str
    count: int
    days: tuple[tuple[str, str, str | None], ...]


@dataclass(frozen=True, slots=True)
class EntitiesView:
    """Every entity with events or a declaration, by name: with counts on websites, with
    facts and events in books."""

    counts: tuple[EntityCount, ...] = ()
    entries: tuple[EntityEntry, ...] = ()
    bar: LetterBar | None = None


def _entity_count(views: Views, key: str) -> EntityCount:
    archive = views.archive
    ref = views.entity_ref(key)
    record = archive.entity(key).record
    uids = archive.by_entity.get(key, ())
    days: tuple[tuple[str, str, str | None], ...] = ()
    if ref.page is None:
        days = tuple(
            dict.fromkeys((s.iso, s.date_text, s.date_page) for s in views.summaries(uids))
        )
    return EntityCount(ref, record.kind if record else "", len(uids), days)


def entity_counts(views: Views, keys: list[str] | tuple[str, ...]) -> tuple[EntityCount, ...]:
    """The index entries of the entities ``keys``, by name."""
    return tuple(
        sorted(
            (_entity_count(views, k) for k in keys),
            key=lambda e: (e.ref.name.casefold(), e.ref.key),
        )
    )


def build(views: Views, key: str) -> EntitiesView:
    archive = views.archive
    if views.website and views.domain.plan.index_parts:  # split: the bar leads to the parts
        return EntitiesView(bar=letter_bar(views))
    keys = [
        entity.key
        for entity in archive.entities
        if entity.key in archive.by_entity or entity.record is not None
    ]
    if views.website:
        return EntitiesView(counts=entity_counts(views, keys))
    entries = sorted(
        (entity_entry(views, k) for k in keys), key=lambda e: (e.ref.name.casefold(), e.ref.key)
    )
    return EntitiesView(entries=tuple(entries))


def _render_book(r: Renderer, entries: tuple[EntityEntry, ...]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for entry in entries:
        title = nodes.rubric(classes=["newsarc-group", "newsarc-entity-title"])
        title["ids"].append(entity_anchor(entry.ref.slug))
        title += r.link(None, "", entry.ref.name)
        if entry.facts.kind:
            title += nodes.Text(f" ({entry.facts.kind})")
        out.append(title)
        if entry.facts.aliases:
            text = _("Also known as") + ": " + ", ".join(entry.facts.aliases)
            out.append(nodes.paragraph(text, text, classes=["newsarc-aliases"]))
        out.extend(r.listing(entry.summaries))
    return out


def render_counts(r: Renderer, entries: tuple[EntityCount, ...]) -> list[nodes.Node]:
    """The website's index entries, by letter (with a bar of the letters when more than
    one)."""
    by_letter: dict[str, list[EntityCount]] = {}
    for entry in entries:
        by_letter.setdefault(index_letter(entry.ref.name), []).append(entry)
    groups = {
        letter: by_letter[letter] for letter in sorted(by_letter, key=lambda k: (k != "#", k))
    }
    out: list[nodes.Node] = []
    if len(groups) > 1:
        jump = nodes.paragraph(classes=["newsarc-letters"])
        for n, letter in enumerate(groups):
            if n:
                jump += nodes.Text(" ")
            jump += r.link(r.docname, letter_anchor(letter), letter)
        out.append(jump)
    for letter, group in groups.items():
        if len(groups) > 1:
            title = nodes.rubric(letter, letter, classes=["newsarc-group", "newsarc-letter"])
            title["ids"].append(letter_anchor(letter))
            out.append(title)
        items = nodes.bullet_list(classes=["newsarc-entity-index", "no-search"])
        for entry in group:
            ref = entry.ref
            inline = r.inline()
            if ref.page is None and ref.declared_at:
                r.add_link(
                    inline,
                    ref.declared_at[0],
                    ref.declared_at[1],
                    ref.name,
                    ["newsarc-entity-link"],
                )
            else:
                r.add_link(inline, ref.page, "", ref.name, ["newsarc-entity-link"])
            if entry.kind:
                inline.text(f" ({entry.kind})")
            inline.text(" \N{EM DASH} ")
            if entry.days:
                for n, (iso, date_text, page) in enumerate(entry.days):
                    if n:
                        inline.text(", ")
                    r.add_link(inline, page, "", date_text, ["newsarc-date-text"], iso)
            else:
                inline.text(count_text(entry.count))
            items += nodes.list_item("", r.paragraph(inline, ids=[entity_anchor(ref.slug)]))
        out.append(items)
    return out


def render(r: Renderer, view: EntitiesView) -> list[nodes.Node]:
    if r.website:
        return render_bar(r, view.bar) if view.bar else render_counts(r, view.counts)
    return r.as_index(_render_book(r, view.entries))


KIND = PageKind("entities", build, render)
