"""What events show wherever they appear, as plain typed data.

The pieces every page kind shares (an event's summary, an entity as a link, an event's
date, entities and related events) are built here, once per build; each page kind builds
its own view from them (:mod:`sphinx_newsarc.pages`). The renderer turns views into nodes
for the current builder; the digest of a document is the hash of the views it shows, so
a page is rewritten exactly when what it shows from other documents changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .core.archive import Archive
from .core.dates import EventDate
from .core.model import EntityRecord, wikidata_entity
from .core.query import EventQuery, run_query
from .core.text import name_key

if TYPE_CHECKING:
    from .domain import NewsDomain

__all__ = [
    "DayEvents",
    "DocumentView",
    "EntityRef",
    "EventView",
    "Related",
    "StoryLink",
    "Summary",
    "Views",
]


class Summary(NamedTuple):
    """An event as listings show it."""

    uid: str
    iso: str
    date_text: str
    headline: str
    docname: str
    anchor: str
    date_page: str | None


class EntityRef(NamedTuple):
    """An entity as a link: its name and where its page, declaration or index entry is;
    its kind and the external pages that identify it (its link, its Wikidata item) for
    linked data."""

    key: str
    name: str
    slug: str
    page: str | None
    declared_at: tuple[str, str] | None
    kind: str = ""
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryLink:
    """A story's name and its page (websites)."""

    name: str
    page: str | None


@dataclass(frozen=True, slots=True)
class Related:
    """A related event and the names of the entities it shares (its context)."""

    summary: Summary
    shared: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventView:
    """What an event shows from the whole archive: its date link, entities, story,
    category, related events, and the related ids no event has."""

    summary: Summary
    entities: tuple[EntityRef, ...]
    story: StoryLink | None
    category: str
    related: tuple[Related, ...]
    unknown_related: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DayEvents:
    """A day as listings of days show it: its date, page and events."""

    day: str
    page: str | None
    summaries: tuple[Summary, ...]


@dataclass(frozen=True, slots=True)
class RefView:
    """What a cross-reference resolves to (for digests only)."""

    reftype: str
    found: tuple[object, ...]


@dataclass(frozen=True, slots=True)
class DocumentView:
    """Everything a document shows that depends on other documents."""

    website: bool
    parts: tuple[object, ...]


def same_as(record: EntityRecord) -> tuple[str, ...]:
    """The external identifiers of a declared entity: its link and its Wikidata item."""
    ids = [record.url] if record.url else []
    if record.wikidata:
        ids.append(wikidata_entity(record.wikidata))
    return tuple(ids)


class Views:
    """View builders over one archive and its page plan (from the ``news`` domain).

    ``website`` views are for HTML sites (``html``, ``dirhtml``), where the day, entity and
    story pages list the events: there the indices (Chronology, Entities, Stories) hold
    names, dates and counts only, so editing a headline rewrites no index. Books and
    e-books have no browse pages, so their indices list every event.
    """

    def __init__(self, domain: NewsDomain, website: bool = True) -> None:
        self.domain = domain
        self.website = website
        self.archive: Archive = domain.archive
        self.settings = domain.settings
        self._summaries: dict[str, Summary] = {}
        self._events: dict[str, EventView] = {}

    # -- pieces ----------------------------------------------------------------------------

    def page_for(self, kind: str, key: str = "") -> str | None:
        """The docname of a generated page, if it exists."""
        return self.domain.page_for(kind, key)

    def date_text(self, date: EventDate) -> str:
        """A date as readers see it."""
        return self.domain.date_text(date)

    def summary(self, uid: str) -> Summary:
        """The listing form of an event, computed once per build."""
        cached = self._summaries.get(uid)
        if cached is None:
            event = self.archive.event(uid)
            cached = Summary(
                uid,
                event.date.iso(),
                self.domain.date_text(event.date),
                event.headline,
                event.docname,
                event.anchor,
                self.date_page(event.date.iso(), event.date.precision),
            )
            self._summaries[uid] = cached
        return cached

    def summaries(self, uids: Iterable[str]) -> tuple[Summary, ...]:
        """The summaries of ``uids``, in their order."""
        return tuple(self.summary(uid) for uid in uids)

    def date_page(self, iso: str, precision: str = "day") -> str | None:
        """The generated page of a day, month or year."""
        key = {"day": iso, "month": iso[:7], "year": iso[:4]}[precision]
        return self.domain.page_for(precision, key)

    def entity_ref(self, key: str) -> EntityRef:
        """An entity with the places it can link to."""
        entity = self.archive.entity(key)
        record = entity.record
        return EntityRef(
            key,
            entity.name,
            entity.slug,
            self.domain.page_for("entity", key),
            (record.docname, record.anchor) if record else None,
            entity.kind,
            same_as(record) if record else (),
        )

    def day_events(self, day: str) -> DayEvents:
        """A day with its page and events (the front page, month pages, the book's
        Chronology)."""
        return DayEvents(
            day, self.domain.page_for("day", day), self.summaries(self.archive.by_day[day])
        )

    def month_title(self, month: str) -> str:
        """The formatted title of a month (``YYYY-MM``)."""
        return self.domain.date_text(EventDate(int(month[:4]), int(month[5:7])))

    # -- placeholders ----------------------------------------------------------------------

    def event(self, uid: str) -> EventView:
        """An event's view (computed once per build: its three placeholders and its digest
        share it)."""
        cached = self._events.get(uid)
        if cached is None:
            cached = self._events[uid] = self._event(uid)
        return cached

    def _event(self, uid: str) -> EventView:
        archive = self.archive
        event = archive.event(uid)
        related = tuple(
            Related(
                self.summary(other),
                tuple(
                    archive.entity(k).name
                    for k in sorted(shared, key=lambda k: archive.entity(k).name.casefold())
                ),
            )
            for other, shared in archive.related(uid)
        )
        story_key = name_key(event.story) if event.story else None
        story = (
            StoryLink(event.story, self.domain.page_for("story", story_key)) if story_key else None
        )
        return EventView(
            self.summary(uid),
            tuple(self.entity_ref(k) for k in archive.entities_of.get(uid, ())),
            story,
            event.category,
            related,
            tuple(archive.unknown_related(uid)),
        )

    def eventlist(self, query: EventQuery) -> tuple[Summary, ...]:
        """The events an ``eventlist`` shows."""
        return self.summaries(run_query(self.archive, query))

    def ref(self, reftype: str, target: str) -> RefView:
        """What a cross-reference resolves to."""
        archive = self.archive
        found: tuple[object, ...] = ()
        if reftype == "event":
            owner = archive.owner(target)
            found = (owner.docname, owner.anchor, owner.headline) if owner else ()
        elif reftype == "entity":
            entity = archive.entities.resolve(target)
            found = tuple(self.entity_ref(entity.key)) if entity else ()
        elif reftype == "day":
            found = (self.domain.page_for("day", target), target in archive.by_day)
        elif reftype == "story":
            story = archive.stories.get(name_key(target))
            found = (story.slug, self.domain.page_for("story", story.key)) if story else ()
        return RefView(reftype, found)

    # -- pages -----------------------------------------------------------------------------

    def page(self, kind: str, key: str) -> object:
        """What a generated page shows (:class:`~sphinx_newsarc.pages.PageView`)."""
        from .pages import build_page

        return build_page(self, kind, key)

    # -- documents -------------------------------------------------------------------------

    def document(self, docname: str) -> DocumentView:
        """Everything ``docname`` shows that depends on other documents."""
        data = self.domain.data
        parts: list[object] = []
        for record in data["events"].get(docname, ()):
            parts.append(self.event(record.uid))
        for query in data["lists"].get(docname, ()):
            parts.append(self.eventlist(query))
        for reftype, target in data["refs"].get(docname, ()):
            parts.append(self.ref(reftype, target))
        page = data["generated"].get(docname)
        if page is not None:
            parts.append(self.page(*page))
        return DocumentView(self.website, tuple(parts))

    def shown_events(self, docname: str) -> tuple[str, ...]:
        """The events that the related lists of ``docname`` show (sorted): a change to how
        one of them reads (its headline, say) changes this document."""
        shown = {
            related.summary.uid
            for record in self.domain.data["events"].get(docname, ())
            for related in self.event(record.uid).related
        }
        return tuple(sorted(shown))
