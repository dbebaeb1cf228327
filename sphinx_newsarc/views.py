"""What each placeholder and archive page shows, as plain data.

The renderer turns a view into nodes for the current builder; the digest of a document is
the hash of its views. Both start here, so a page is rewritten exactly when what it shows
from other documents changed.
"""

from __future__ import annotations

import hashlib
from typing import Any, NamedTuple

from .config import settings
from .core.archive import Archive
from .core.dates import EventDate
from .core.query import EventQuery, run_query
from .core.text import name_key

__all__ = ["Summary", "Views"]


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
    """An entity as a link: its name and where its page, declaration or index entry is."""

    key: str
    name: str
    slug: str
    page: str | None
    declared_at: tuple[str, str] | None


class Views:
    """View builders over one archive and its page plan (from the ``news`` domain).

    ``website`` views are for HTML sites (``html``, ``dirhtml``), where the day, entity and
    story pages list the events: there the indices (Chronology, Entities, Stories) hold
    names, dates and counts only, so editing a headline rewrites no index. Books and
    e-books have no browse pages, so their indices list every event.
    """

    def __init__(self, domain: Any, website: bool = True) -> None:
        self.domain = domain
        self.website = website
        self.archive: Archive = domain.archive
        self.config = domain.env.config
        self._summaries: dict[str, Summary] = {}
        self._events: dict[str, tuple[Any, ...]] = {}

    # -- pieces ----------------------------------------------------------------------------

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
        )

    def month_title(self, month: str) -> str:
        """The formatted title of a month (``YYYY-MM``)."""
        return self.domain.date_text(EventDate(int(month[:4]), int(month[5:7])))

    # -- placeholders ----------------------------------------------------------------------

    def event(self, uid: str) -> tuple[Any, ...]:
        """An event's date link, entities, story, and related events with their context
        (computed once per build: its three placeholders and its digest share it)."""
        cached = self._events.get(uid)
        if cached is None:
            cached = self._events[uid] = self._event(uid)
        return cached

    def _event(self, uid: str) -> tuple[Any, ...]:
        archive = self.archive
        event = archive.event(uid)
        related = tuple(
            (self.summary(other), tuple(archive.entity(k).name for k in sorted(
                shared, key=lambda k: archive.entity(k).name.casefold())))
            for other, shared in archive.related(uid)
        )
        story_key = name_key(event.story) if event.story else None
        story = (
            (event.story, self.domain.page_for("story", story_key)) if story_key else None
        )
        return (
            self.summary(uid),
            tuple(self.entity_ref(k) for k in archive.entities_of.get(uid, ())),
            story,
            event.category,
            related,
            tuple(archive.unknown_related(uid)),
        )

    def eventlist(self, query: EventQuery) -> tuple[Summary, ...]:
        """The events an ``eventlist`` shows."""
        return tuple(self.summary(uid) for uid in run_query(self.archive, query))

    def ref(self, reftype: str, target: str) -> tuple[Any, ...]:
        """What a cross-reference resolves to."""
        archive = self.archive
        if reftype == "event":
            owner = archive.owner(target)
            return (owner.docname, owner.anchor, owner.headline) if owner else ()
        if reftype == "entity":
            entity = archive.entities.resolve(target)
            return tuple(self.entity_ref(entity.key)) if entity else ()
        if reftype == "day":
            return (self.domain.page_for("day", target), target in archive.by_day)
        if reftype == "story":
            story = archive.stories.get(name_key(target))
            return (story.slug, self.domain.page_for("story", story.key)) if story else ()
        return ()

    # -- pages -----------------------------------------------------------------------------

    def page(self, kind: str, key: str) -> tuple[Any, ...]:
        """What a generated page lists."""
        method = getattr(self, f"_page_{kind}")
        return method(key)

    def _summaries_of(self, uids: Any) -> tuple[Summary, ...]:
        return tuple(self.summary(uid) for uid in uids)

    def _day_entry(self, day: str) -> tuple[Any, ...]:
        """A day as listings of days show it: its date, page and events."""
        return (day, self.domain.page_for("day", day), self._summaries_of(self.archive.by_day[day]))

    def _page_day(self, day: str) -> tuple[Any, ...]:
        archive = self.archive
        previous, following = archive.neighbours(day)
        groups: dict[str, list[str]] = {}
        for uid in archive.by_day.get(day, ()):
            groups.setdefault(archive.event(uid).story, []).append(uid)
        stories = []
        for story in sorted(groups, key=lambda s: (s != "", s.casefold())):
            page = self.domain.page_for("story", name_key(story)) if story else None
            stories.append((story, page, self._summaries_of(groups[story])))
        nav = tuple(
            (d, self.domain.date_text(archive.event(archive.by_day[d][0]).date),
             self.domain.page_for("day", d)) if d else None
            for d in (previous, following)
        )
        return (nav, tuple(stories))

    def _page_month(self, month: str) -> tuple[Any, ...]:
        archive = self.archive
        days = tuple(
            self._day_entry(d)
            for d in archive.days_of(month)
        )
        loose = self._summaries_of(
            u for u in archive.by_month.get(month, ()) if archive.date_of(u).precision == "month"
        )
        return (days, loose)

    def _page_year(self, year: str) -> tuple[Any, ...]:
        archive = self.archive
        months = tuple(
            (m, self.month_title(m),
             self.domain.page_for("month", m), len(archive.by_month[m]),
             len(archive.days_of(m)))
            for m in archive.months_of(year)
        )
        loose = self._summaries_of(
            u for u in archive.by_year.get(year, ()) if archive.date_of(u).precision == "year"
        )
        return (months, loose)

    def _page_archive(self, key: str) -> tuple[Any, ...]:
        archive = self.archive
        limit = settings(self.config).front_days
        days = list(reversed(archive.days))[:limit] if limit else list(reversed(archive.days))
        years = tuple(
            (year, self.domain.page_for("year", year), len(uids))
            for year, uids in reversed(archive.by_year.items())
        )
        recent = tuple(
            self._day_entry(d)
            for d in days
        )
        # the front page links a feed per category: their names are part of what it shows
        categories = tuple(archive.category_names.items())
        return (years, recent, categories)

    def _day_count(self, day: str) -> tuple[Any, ...]:
        """A day as the website's Chronology shows it: its date, page and event count."""
        uids = self.archive.by_day[day]
        return (day, self.domain.page_for("day", day), self.summary(uids[0]).date_text,
                len(uids))

    def _page_chronology(self, key: str) -> tuple[Any, ...]:
        archive = self.archive
        day_entry = self._day_count if self.website else self._day_entry
        years = []
        for year, year_uids in archive.by_year.items():
            months = []
            for month in archive.months_of(year):
                days = tuple(day_entry(d) for d in archive.days_of(month))
                loose = self._summaries_of(
                    u for u in archive.by_month[month]
                    if archive.date_of(u).precision == "month"
                )
                months.append((month, self.domain.page_for("month", month), days, loose))
            loose = self._summaries_of(
                u for u in year_uids if archive.date_of(u).precision == "year"
            )
            years.append((year, self.domain.page_for("year", year), tuple(months), loose))
        return tuple(years)

    def _entity_entry(self, key: str) -> tuple[Any, ...]:
        entity = self.archive.entity(key)
        record = entity.record
        facts = (
            (record.kind, record.aliases, record.url, record.description) if record else
            ("", (), "", ())
        )
        return (self.entity_ref(key), facts,
                self._summaries_of(self.archive.by_entity.get(key, ())))

    def _entity_count(self, key: str) -> tuple[Any, ...]:
        """An entity as the website's Entities index shows it: its name and links, its
        kind, how many events name it, and (with no page of its own) their days."""
        archive = self.archive
        ref = self.entity_ref(key)
        record = archive.entity(key).record
        uids = archive.by_entity.get(key, ())
        days: tuple[tuple[str, str | None], ...] = ()
        if ref.page is None:
            summaries = self._summaries_of(uids)
            days = tuple(dict.fromkeys((s.date_text, s.date_page) for s in summaries))
        return (ref, record.kind if record else "", len(uids), days)

    def _page_entities(self, key: str) -> tuple[Any, ...]:
        archive = self.archive
        entry = self._entity_count if self.website else self._entity_entry
        entries = [
            entry(entity.key)
            for entity in archive.entities
            if entity.key in archive.by_entity or entity.record is not None
        ]
        entries.sort(key=lambda entry: (entry[0].name.casefold(), entry[0].key))
        return tuple(entries)

    def _page_entity(self, key: str) -> tuple[Any, ...]:
        return self._entity_entry(key)

    def _page_stories(self, key: str) -> tuple[Any, ...]:
        stories = sorted(self.archive.stories.values(), key=lambda s: s.name.casefold())
        if self.website:  # the story pages list the events
            return tuple(
                (story.name, self.domain.page_for("story", story.key), len(story.events),
                 self.summary(story.events[0]).date_text,
                 self.summary(story.events[-1]).date_text, story.slug)
                for story in stories
            )
        return tuple(
            (story.name, self.domain.page_for("story", story.key),
             self._summaries_of(story.events), story.slug)
            for story in stories
        )

    def _page_story(self, key: str) -> tuple[Any, ...]:
        story = self.archive.stories[key]
        return (story.name, self._summaries_of(story.events))

    # -- digests ---------------------------------------------------------------------------

    def document(self, docname: str) -> tuple[Any, ...]:
        """Everything ``docname`` shows that depends on other documents."""
        data = self.domain.data
        parts: list[Any] = []
        for record in data["events"].get(docname, ()):
            parts.append(self.event(record.uid))
        for query in data["lists"].get(docname, ()):
            parts.append(self.eventlist(query))
        for reftype, target in data["refs"].get(docname, ()):
            parts.append(self.ref(reftype, target))
        page = data["generated"].get(docname)
        if page is not None:
            parts.append(self.page(*page))
        return tuple(parts)

    def digest(self, docname: str) -> str:
        """A short hash of :meth:`document`."""
        shown = (self.website, self.document(docname))
        return hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()

    def shown_events(self, docname: str) -> tuple[str, ...]:
        """The events that the related lists of ``docname`` show (sorted): a change to how
        one of them reads (its headline, say) changes this document."""
        shown = {other.uid for record in self.domain.data["events"].get(docname, ())
                 for other, _shared in self.event(record.uid)[4]}
        return tuple(sorted(shown))
