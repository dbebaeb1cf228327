"""The ``news`` domain: stores events and entities per document, resolves references.

All build state is in ``env.domaindata['news']`` as plain, picklable values, keyed by
docname so that a document's records are purged with it and merged after parallel reads.
The :class:`~sphinx_newsarc.core.archive.Archive` and the page plan are derived from that
data once per build and cached on the domain instance only.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from .config import settings
from .core.archive import Archive
from .core.changes import retold_events
from .core.dates import DateError, EventDate, parse_date
from .core.model import EntityRecord, EventRecord
from .core.pages import ROOT_KINDS, PagePlan, plan_pages
from .core.query import EventQuery
from .core.text import name_key
from .directives.entity import EntityDirective
from .directives.event import EventDirective
from .directives.eventlist import EventListDirective
from .directives.page import ArchivePageDirective
from .formatting import DateTexts
from .views import Views

__all__ = ["NewsDomain", "NewsXRefRole"]

PER_DOC_KEYS = (
    "events", "entities", "lists", "refs", "serials", "generated", "digests", "shows",
    "auto_toctree",
)


class NewsXRefRole(XRefRole):
    """A cross-reference role that notes its target, so a changed target refreshes the page."""

    def __init__(self, reftype: str, **kwargs: Any) -> None:
        kwargs.setdefault("innernodeclass", nodes.inline)
        super().__init__(**kwargs)
        self._reftype = reftype

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        # short forms (``{event}``, ``:entity:``) resolve in the news domain too
        self.name = f"news:{self._reftype}"
        return super().run()

    def result_nodes(
        self, document: nodes.document, env: BuildEnvironment, node: Element, is_ref: bool
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if is_ref:
            domain = env.get_domain("news")
            assert isinstance(domain, NewsDomain)
            domain.note_ref(env.docname, self._reftype, node["reftarget"])
        return [node], []


class NewsDomain(Domain):
    """Events, entities and days as cross-referenceable objects."""

    name = "news"
    label = "News"
    object_types: ClassVar[dict[str, ObjType]] = {
        "event": ObjType("event", "event"),
        "entity": ObjType("entity", "entity"),
        "day": ObjType("day", "day"),
        "story": ObjType("story", "story"),
    }
    directives: ClassVar[dict[str, Any]] = {
        "event": EventDirective,
        "entity": EntityDirective,
        "eventlist": EventListDirective,
        "archive-page": ArchivePageDirective,
    }
    roles: ClassVar[dict[str, Any]] = {
        "event": NewsXRefRole("event"),
        "entity": NewsXRefRole("entity"),
        "day": NewsXRefRole("day"),
        "story": NewsXRefRole("story"),
    }
    initial_data: ClassVar[dict[str, Any]] = {
        "events": {},  # docname -> [EventRecord]
        "entities": {},  # docname -> [EntityRecord]
        "lists": {},  # docname -> [EventQuery] of its eventlists
        "refs": {},  # docname -> [(reftype, target)]
        "serials": {},  # docname -> number of event directives read
        "generated": {},  # docname -> (kind, key) of an archive page sphinx-newsarc wrote
        "digests": {},  # docname -> (digest of what it shows from others, of its neighbours)
        "shows": {},  # docname -> uids of other documents' events its related lists show
        "auto_toctree": {},  # root docname -> the archive front page its added toctree lists
        "flavour": "",  # "website" or "book": the kind of builder the digests were made for
        # a fresh random token for each build that read, changed or removed documents, and
        # the one before it: manifests of generated files name the state they were made from
        "state": "",
        "previous_state": "",
        # (token, docnames): the documents the last refresh of the digests sent to be
        # written; they count as written once a build finishes with that token (see
        # :meth:`NewsDomain.confirm_written`), else the next build writes them again
        "unwritten": ("", ()),
        "objects": [],  # the inventory's entries, derived when the data last changed
        "slugs": {},  # kind -> {key: slug} of the last build, to see URLs that moved
    }
    data_version = 8

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._archive: Archive | None = None
        self._plan: PagePlan | None = None
        self._views: dict[bool, Views] = {}
        self._derived: dict[Any, Any] = {}
        # whether any document was read, purged or merged in this process: if none was,
        # what pages show cannot have changed and the digests need no recomputing
        self._touched = False
        self._before_events: list[EventRecord] = []
        self._before_entities: list[EntityRecord] = []
        self._reread: set[str] = set()
        # the browse pages (kind, key) the last change can alter; None: any of them
        self.touched_pages: set[tuple[str, str]] | None = None

    # -- storage ---------------------------------------------------------------------------

    def next_serial(self, docname: str) -> int:
        """A number for the next event directive in ``docname``, unique in that document."""
        serial: int = self.data["serials"].get(docname, 0) + 1
        self.data["serials"][docname] = serial
        return serial

    def add_event(self, record: EventRecord) -> None:
        """Store an event read from ``record.docname``."""
        self.data["events"].setdefault(record.docname, []).append(record)
        self.invalidate()

    def add_entity(self, record: EntityRecord) -> None:
        """Store an entity declaration read from ``record.docname``."""
        self.data["entities"].setdefault(record.docname, []).append(record)
        self.invalidate()

    def add_list(self, docname: str, query: EventQuery) -> None:
        """Remember an ``eventlist`` of ``docname``."""
        self.data["lists"].setdefault(docname, []).append(query)

    def note_ref(self, docname: str, reftype: str, target: str) -> None:
        """Remember that ``docname`` refers to ``target``."""
        refs = self.data["refs"].setdefault(docname, [])
        if (reftype, target) not in refs:
            refs.append((reftype, target))

    def clear_doc(self, docname: str) -> None:
        # what the document held, to tell after reading which events really changed
        self._before_events.extend(self.data["events"].get(docname, ()))
        self._before_entities.extend(self.data["entities"].get(docname, ()))
        self._reread.add(docname)
        for key in PER_DOC_KEYS:
            self.data[key].pop(docname, None)
        self.invalidate()

    def merge_domaindata(self, docnames: Iterable[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in PER_DOC_KEYS:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]
        self.invalidate()

    def invalidate(self) -> None:
        """Forget the derived archive; it is rebuilt from the data when next needed."""
        self._touched = True
        self._archive = None
        self._plan = None
        self.forget_views()

    @property
    def changed(self) -> bool:
        """Whether any document was read, purged or merged in this build."""
        return self._touched

    def forget_views(self) -> None:
        """Forget cached views and what else derives from the pages (they name pages),
        keeping the archive model."""
        self._views = {}
        self._derived = {}

    def derived(self, key: Any, factory: Callable[[], Any]) -> Any:
        """A value derived from this build's archive and pages, made once by ``factory``."""
        if key not in self._derived:
            self._derived[key] = factory()
        return self._derived[key]

    # -- derived model ---------------------------------------------------------------------

    @property
    def archive(self) -> Archive:
        """The archive model of every event read, built once per change of the data."""
        if self._archive is None:
            events = [e for docname in sorted(self.data["events"]) for e in
                      self.data["events"][docname]]
            entities = [e for docname in sorted(self.data["entities"]) for e in
                        self.data["entities"][docname]]
            self._archive = Archive(events, entities, settings(self.env.config).related_limit)
        return self._archive

    @property
    def plan(self) -> PagePlan:
        """The generated pages for the current archive."""
        if self._plan is None:
            config = settings(self.env.config)
            self._plan = plan_pages(
                self.archive,
                config.pages,
                config.titles(),
                self.date_text,
                config.entity_page_threshold,
                self._reserved_names(),
            )
        return self._plan

    def _reserved_names(self) -> dict[str, str]:
        """Names a browse page must not take, case-folded: the project's documents and
        the pages Sphinx writes itself (the general index, search, domain indices,
        ``html_additional_pages``); the author's and Sphinx's own pages always win."""
        env = self.env
        sphinx_pages = ["genindex", "search", *getattr(env.config, "html_additional_pages", {})]
        sphinx_pages += [f"{domain.name}-{index.name}"
                         for domain in env.domains.values() for index in domain.indices]
        names = {name.casefold(): f"Sphinx's page {name!r}" for name in sorted(sphinx_pages)}
        for docname in sorted(env.found_docs):
            names.setdefault(docname.casefold(), f"the document {docname!r}")
        return names

    def date_text(self, date: EventDate) -> str:
        """A date as readers see it (``newsarc_*_format``), formatted once per build."""
        texts: DateTexts = self.derived("date-texts", lambda: DateTexts(self.env.config))
        return texts(date)

    def views(self, builder: Builder) -> Views:
        """What each placeholder and page shows for ``builder``, with per-build caches."""
        website = is_website(builder)
        if website not in self._views:
            self._views[website] = Views(self, website)
        return self._views[website]

    def page_for(self, kind: str, key: str = "") -> str | None:
        """The docname of a generated page, if it exists: a root page whose stub was read,
        or a browse page whose name nothing else takes (see :class:`PagePlan`)."""
        docname = self.plan.docname(kind, key)
        if docname is None:
            return None
        if kind in ROOT_KINDS:
            return docname if docname in self.data["generated"] else None
        return docname

    def refresh_digests(self, builder: Builder) -> list[str]:
        """Hash what each document shows from others; return those whose hash changed.

        Only documents that can show a changed event are hashed again (see
        :meth:`_affected_documents`); every document's neighbours (prev/next follow the
        toctree) are compared each time. A different kind of builder (a website after a
        book) hashes every document again. Documents an earlier build was to write but may
        not have (it did not finish) are returned again, whatever their hash.
        """
        data = self.data
        flavour = "website" if is_website(builder) else "book"
        unwritten = self._unwritten()
        if not self._touched and data["flavour"] == flavour and not unwritten:
            return []
        views = self.views(builder)
        docnames = set(data["events"]) | set(data["lists"]) | set(data["refs"])
        docnames |= set(data["generated"])
        affected = self._affected_documents() if self._touched else set()
        if self._touched:
            data["previous_state"], data["state"] = data["state"], uuid.uuid4().hex
        if data["flavour"] != flavour:
            affected = docnames
        data["flavour"] = flavour
        relations = self.env.collect_relations()
        titles = self.env.titles
        changed = []
        for docname in sorted(docnames):
            neighbours = repr(tuple(
                (other, titles[other].astext() if other in titles else "")
                for other in relations.get(docname, ()) if other
            ))
            old = data["digests"].get(docname)
            if old is not None and docname not in affected:
                content = old[0]
            else:
                content = views.digest(docname)
                shows = views.shown_events(docname)
                if shows:
                    data["shows"][docname] = shows
                else:
                    data["shows"].pop(docname, None)
            digest = (content, neighbours)
            if old != digest:
                data["digests"][docname] = digest
                changed.append(docname)
        for key in ("digests", "shows"):
            for docname in set(data[key]) - docnames:
                del data[key][docname]
        # a build stopped before it finished writing left these unwritten
        changed = sorted(set(changed) | (unwritten & docnames))
        # a fresh token for what this build is to write: stored with the environment,
        # which Sphinx saves before writing; confirmed only when the build finishes
        data["unwritten"] = (uuid.uuid4().hex, tuple(changed)) if changed else ("", ())
        self._before_events, self._before_entities, self._reread = [], [], set()
        self._stored_objects()  # the inventory, stored with the environment
        return changed

    def _receipt(self) -> Path:
        """The file that confirms the last finished build (beside the environment)."""
        return Path(self.env.doctreedir) / "newsarc-written.txt"

    def _unwritten(self) -> set[str]:
        """The documents an earlier build was to write again but may not have: the
        environment is saved before writing, so a build killed while writing leaves
        digests of pages it never wrote."""
        token, docnames = self.data["unwritten"]
        if not docnames:
            return set()
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if self._receipt().read_text(encoding="utf-8") == token:
                return set()
        return set(docnames)

    def confirm_written(self) -> None:
        """``build-finished`` without an exception: every document the digests sent to be
        written was written, with the browse pages, feeds and JSON files."""
        token, docnames = self.data["unwritten"]
        if not docnames:
            return
        receipt = self._receipt()
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if receipt.read_text(encoding="utf-8") == token:
                return
        receipt.parent.mkdir(parents=True, exist_ok=True)
        receipt.write_text(token, encoding="utf-8")

    def _affected_documents(self) -> set[str]:
        """Documents whose listings may show an event or entity that changed.

        An event that only reads differently (headline, sources, id) but has the same
        date, entities, story, category and related ids, in a document whose events
        stand in the same order, ranks the same everywhere: it changes only the
        documents whose related lists show it. Any other change of an event affects
        every document with an event sharing one of its entities or its story.
        """
        data = self.data
        archive = self.archive
        now_events = [e for d in self._reread for e in data["events"].get(d, ())]
        now_entities = [e for d in self._reread for e in data["entities"].get(d, ())]
        before_events = set(self._before_events)
        changed_events = before_events ^ set(now_events)
        retold = retold_events(self._before_events, now_events)
        ranked = {e for e in changed_events if e.uid not in retold}
        changed_entities = set(self._before_entities) ^ set(now_entities)
        names = {n for e in ranked for n in e.entities}
        names |= {n for e in changed_entities for n in (e.name, *e.aliases)}
        keys = {name_key(n) for n in names}
        keys |= {entity.key for n in names if (entity := archive.entities.resolve(n))}
        stories = {name_key(e.story) for e in ranked if e.story}
        ids = {e.id for e in changed_events}
        # a new name can shift the slug (page URL) of another entity or story
        slugs = {"entity": {e.key: e.slug for e in archive.entities},
                 "story": {k: story.slug for k, story in archive.stories.items()}}
        before = data["slugs"]
        keys |= {k for k, slug in slugs["entity"].items()
                 if before.get("entity", {}).get(k, slug) != slug}
        stories |= {k for k, slug in slugs["story"].items()
                    if before.get("story", {}).get(k, slug) != slug}
        data["slugs"] = slugs
        uids: set[str] = set()
        for key in keys:
            uids.update(archive.by_entity.get(key, ()))
        for key in stories:
            if key in archive.stories:
                uids.update(archive.stories[key].events)
        if ids:
            uids.update(e.uid for e in archive.events.values() if ids.intersection(e.related))
        affected = {archive.event(uid).docname for uid in uids}
        self.touched_pages = None
        if not (ranked or changed_entities or keys or stories):
            self.touched_pages = self._pages_showing(retold)
        if retold:
            affected |= {docname for docname, shows in data["shows"].items()
                         if retold.intersection(shows)}
        affected |= self._reread | set(data["lists"]) | set(data["refs"]) | set(data["generated"])
        return affected

    def _pages_showing(self, uids: set[str]) -> set[tuple[str, str]]:
        """The browse pages (kind, key) that list any of ``uids``: their day, month and
        year, their entities and their story."""
        archive = self.archive
        pages: set[tuple[str, str]] = set()
        for uid in uids:
            event = archive.event(uid)
            date = event.date
            pages.add(("year", date.year_key()))
            if date.month:
                pages.add(("month", date.month_key() or ""))
            if date.day:
                pages.add(("day", date.iso()))
            pages.update(("entity", key) for key in archive.entities_of.get(uid, ()))
            if event.story:
                pages.add(("story", name_key(event.story)))
        return pages

    # -- targets ---------------------------------------------------------------------------

    def date_target(self, date: EventDate, builder: Builder) -> tuple[str, str] | None:
        """Where a date leads: its day (month, year) page on websites, else the Chronology."""
        kind, key = {
            "day": ("day", date.iso()),
            "month": ("month", date.month_key() or ""),
            "year": ("year", date.year_key()),
        }[date.precision]
        if is_website(builder):
            docname = self.page_for(kind, key)
            if docname:
                return docname, ""
        chronology = self.page_for("chronology")
        if chronology and key in self._chronology_keys():
            return chronology, chronology_anchor(key)
        return None

    def _chronology_keys(self) -> set[str]:
        archive = self.archive
        return {*archive.by_day, *archive.by_month, *archive.by_year}

    def entity_target(self, name: str, builder: Builder) -> tuple[str, str] | None:
        """Where an entity's name leads: its page, its declaration, or its index entry."""
        entity = self.archive.entities.resolve(name)
        if entity is None:
            return None
        if is_website(builder):
            docname = self.page_for("entity", entity.key)
            if docname:
                return docname, ""
        if entity.record is not None:
            return entity.record.docname, entity.record.anchor
        index = self.page_for("entities")
        if index and entity.key in self.archive.by_entity:
            return index, entity_anchor(entity.slug)
        return None

    def story_target(self, name: str, builder: Builder) -> tuple[str, str] | None:
        """Where a story's name leads: its timeline page (websites) or its index entry."""
        story = self.archive.stories.get(name_key(name))
        if story is None:
            return None
        if is_website(builder):
            docname = self.page_for("story", story.key)
            if docname:
                return docname, ""
        index = self.page_for("stories")
        return (index, story_anchor(story.slug)) if index else None

    # -- cross-references ------------------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> Element | None:
        title = None
        if typ == "event":
            event = self.archive.owner(target)
            if event is None:
                return None
            where: tuple[str, str] | None = (event.docname, event.anchor)
            title = event.headline
            if not node.get("refexplicit"):
                contnode = contnode.__class__(event.headline, event.headline,
                                              classes=contnode["classes"])
        elif typ == "entity":
            where = self.entity_target(target, builder)
            entity = self.archive.entities.resolve(target)
            title = entity.name if entity else None
        elif typ == "story":
            where = self.story_target(target, builder)
        elif typ == "day":
            try:
                date = parse_date(target)
            except DateError:
                return None
            where = self.date_target(date, builder)
        else:
            return None
        if where is None:
            return None
        # books resolve every page's references from their root document: a link within
        # "the same document" must still name its file (LaTeX labels ids by file)
        if is_whole_book(builder):
            fromdocname = ""
        return make_refnode(builder, fromdocname, where[0], where[1] or None, contnode, title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, Element]]:
        results = []
        for typ in ("event", "entity", "day", "story"):
            found = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if found is not None:
                results.append((f"news:{typ}", found))
        return results

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        yield from self._stored_objects()

    def _stored_objects(self) -> list[tuple[str, str, str, str, str, int]]:
        """The inventory's entries, kept with the environment: derived once per change of
        the data (the digests, the search index and ``objects.inv`` all ask), so that a
        rebuild with nothing read never builds the archive model for them."""
        if self._touched or "objects" not in self.data:
            self.data["objects"] = self.derived("objects", lambda: list(self._objects()))
        objects: list[tuple[str, str, str, str, str, int]] = self.data["objects"]
        return objects

    def _objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Inventory entries. Events have priority -1: in ``objects.inv``, but not among
        the search's object matches, which would repeat every full-text hit of their
        words (and, in a large archive, swell the search index by every headline)."""
        archive = self.archive
        for event_id in sorted(archive.by_id):
            event = archive.event(archive.by_id[event_id])
            yield event_id, event.headline, "event", event.docname, event.anchor, -1
        for entity in archive.entities:
            if entity.key not in archive.by_entity and entity.record is None:
                continue
            docname = self.page_for("entity", entity.key)
            if docname:
                yield entity.name, entity.name, "entity", docname, "", 1
            elif entity.record is not None:
                record = entity.record
                yield entity.name, entity.name, "entity", record.docname, record.anchor, 1
            elif (index := self.page_for("entities")) is not None:
                yield entity.name, entity.name, "entity", index, entity_anchor(entity.slug), 1
        for story in archive.stories.values():
            docname = self.page_for("story", story.key)
            if docname:
                yield story.name, story.name, "story", docname, "", 1
        for day in archive.days:
            docname = self.page_for("day", day)
            if docname:
                yield day, day, "day", docname, "", -1


def is_website(builder: Builder) -> bool:
    """Whether this builder makes a browsable site with day, entity and story pages:
    ``html`` and ``dirhtml``, not the ePub or ``singlehtml`` (they get the indices only)."""
    if builder.format != "html" or builder.name.startswith("epub"):
        return False
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    try:
        from sphinx.builders._epub_base import EpubBuilder
    except ImportError:  # pragma: no cover - private module moved
        return not isinstance(builder, SingleFileHTMLBuilder)
    return not isinstance(builder, (EpubBuilder, SingleFileHTMLBuilder))


def is_whole_book(builder: Builder) -> bool:
    """Whether ``builder`` writes many documents into one file whose labels name the
    document each came from (LaTeX, Texinfo)."""
    return builder.format in ("latex", "texinfo")


def chronology_anchor(key: str) -> str:
    """The anchor of a day, month or year in the Chronology."""
    return f"chronology-{key}"


def story_anchor(slug: str) -> str:
    """The anchor of a story in the Stories index (not ``index-...``: LaTeX drops those)."""
    return f"story-index-{slug}"


def entity_anchor(slug: str) -> str:
    """The anchor of an entity in the Entities index (not ``index-...``: LaTeX drops those)."""
    return f"entity-index-{slug}"


__all__ += ["chronology_anchor", "entity_anchor", "is_website", "is_whole_book", "story_anchor"]
