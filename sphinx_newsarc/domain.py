"""The ``news`` domain: stores events and entities per document, resolves references.

All build state is in ``env.domaindata['news']`` as plain, picklable values, keyed by
docname so that a document's records are purged with it and merged after parallel reads.
The :class:`~sphinx_newsarc.core.archive.Archive` and the page plan are derived from that
data once per build and cached on the domain instance only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.nodes import Element
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode
from sphinx.util.typing import RoleFunction

from . import ENV_VERSION
from .anchors import chronology_anchor, entity_anchor, story_anchor
from .builders import is_website, is_whole_book
from .config import NewsarcConfig, settings
from .core.archive import Archive
from .core.dates import DateError, EventDate, parse_date
from .core.jsonld import LinkedEvent
from .core.model import EntityRecord, EventRecord
from .core.pages import ROOT_KINDS, Limits, PagePlan, plan_pages
from .core.query import EventQuery
from .core.text import name_key
from .digests import ChangeLog
from .formatting import DateTexts
from .locale import _
from .nodes import date_text
from .views import Views

if TYPE_CHECKING:
    from .core.dated import DatedOrder
    from .html_markup import ListTemplate
    from .outputs import Outputs

__all__ = ["BuildCache", "NewsDomain", "NewsXRefRole", "ObjectEntry", "setup_domain"]

#: An inventory entry: name, display name, type, docname, anchor, priority.
ObjectEntry = tuple[str, str, str, str, str, int]

PER_DOC_KEYS = (
    "events",
    "entities",
    "lists",
    "refs",
    "serials",
    "generated",
    "digests",
    "shows",
    "auto_toctree",
)


@dataclass(slots=True)
class BuildCache:
    """What this process derives from the domain data, made once per change of the data
    and never stored: the archive model, the page plan, views, and what derives from
    them for one build."""

    archive: Archive | None = None
    plan: PagePlan | None = None
    views: dict[bool, Views] = field(default_factory=dict)
    date_texts: DateTexts | None = None
    objects: list[ObjectEntry] | None = None
    #: the feeds and JSON files of each HTML builder (by builder name)
    outputs: dict[str, Outputs] = field(default_factory=dict)
    #: the browse pages written in this build (they link their feeds and JSON)
    browse_pages: set[str] = field(default_factory=set)
    #: the archive layout's dated pages in order (by the page that lists them)
    dated_orders: dict[str, DatedOrder] = field(default_factory=dict)
    #: the theme's navigation of pages in no toctree (browse pages, the archive layout's
    #: dated pages), per builder and (folder, arguments)
    navigation: dict[str, dict[tuple[str, str], str]] = field(default_factory=dict)
    #: each builder's URI of each document (None: not written), by builder name
    target_uris: dict[str, dict[str, str | None]] = field(default_factory=dict)
    #: the ``<link>``/``<script>`` tags of assets, per builder and (function, folder, asset)
    asset_tags: dict[str, dict[tuple[str, str, Hashable], str]] = field(default_factory=dict)
    #: each HTML builder's writer of nodes and its markup of lists (html_markup.py)
    html_writers: dict[str, Callable[[nodes.Element], str]] = field(default_factory=dict)
    list_templates: dict[tuple[str, Hashable], ListTemplate | None] = field(default_factory=dict)
    #: events as JSON-LD shows them, by uid (jsonld.py)
    linked: dict[str, LinkedEvent] = field(default_factory=dict)


class NewsXRefRole(XRefRole):
    """A cross-reference role that notes its target, so a changed target refreshes the page."""

    def __init__(self, reftype: str) -> None:
        super().__init__(innernodeclass=nodes.inline)
        self._reftype = reftype

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        # short forms (``{event}``, ``:entity:``) resolve in the news domain too
        self.name = f"news:{self._reftype}"
        return super().run()

    def result_nodes(
        self, document: nodes.document, env: BuildEnvironment, node: Element, is_ref: bool
    ) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        if is_ref:
            NewsDomain.of(env).note_ref(env.docname, self._reftype, node["reftarget"])
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
    # the directives are added in setup() (directives/__init__.py): they use the domain
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
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
    data_version = ENV_VERSION

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self.cache = BuildCache()
        self.changes = ChangeLog()

    @classmethod
    def of(cls, env: BuildEnvironment) -> NewsDomain:
        """The ``news`` domain of ``env``."""
        domain = env.get_domain(cls.name)
        assert isinstance(domain, cls)
        return domain

    @property
    def settings(self) -> NewsarcConfig:
        """The validated ``newsarc_*`` settings."""
        return settings(self.env.config)

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
        self.changes.note_cleared(
            docname, self.data["events"].get(docname, []), self.data["entities"].get(docname, [])
        )
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
        """Forget what derives from the data; it is made again when next needed."""
        self.changes.touched = True
        self.cache = BuildCache()

    @property
    def changed(self) -> bool:
        """Whether any document was read, purged or merged in this build."""
        return self.changes.touched

    # -- derived model ---------------------------------------------------------------------

    @property
    def archive(self) -> Archive:
        """The archive model of every event read, built once per change of the data."""
        if self.cache.archive is None:
            events = [
                e for docname in sorted(self.data["events"]) for e in self.data["events"][docname]
            ]
            entities = [
                e
                for docname in sorted(self.data["entities"])
                for e in self.data["entities"][docname]
            ]
            self.cache.archive = Archive(events, entities, self.settings.related_limit)
        return self.cache.archive

    @property
    def plan(self) -> PagePlan:
        """The generated pages for the current archive."""
        if self.cache.plan is None:
            config = self.settings
            self.cache.plan = plan_pages(
                self.archive,
                config.pages,
                config.titles(),
                self.date_text,
                config.entity_page_threshold,
                self._reserved_names(),
                self.calendar_day_title,
                Limits(config.entities_per_page, config.events_per_page),
            )
        return self.cache.plan

    def _reserved_names(self) -> dict[str, str]:
        """Names a browse page must not take, case-folded: the project's documents and
        the pages Sphinx writes itself (the general index, search, domain indices,
        ``html_additional_pages``); the author's and Sphinx's own pages always win."""
        env = self.env
        sphinx_pages = ["genindex", "search", *getattr(env.config, "html_additional_pages", {})]
        sphinx_pages += [
            f"{domain.name}-{index.name}"
            for domain in env.domains.values()
            for index in domain.indices
        ]
        names = {name.casefold(): f"Sphinx's page {name!r}" for name in sorted(sphinx_pages)}
        for docname in sorted(env.found_docs):
            names.setdefault(docname.casefold(), f"the document {docname!r}")
        return names

    def date_text(self, date: EventDate) -> str:
        """A date as readers see it (``newsarc_*_format``), formatted once per build."""
        return self.date_texts()(date)

    def date_texts(self) -> DateTexts:
        """The date formatter of this build."""
        if self.cache.date_texts is None:
            self.cache.date_texts = DateTexts(self.env.config)
        return self.cache.date_texts

    def calendar_day_title(self, month: int, day: int) -> str:
        """The title of an "on this day" page (*On this day: 10 April*)."""
        return _("On this day: %s") % self.date_texts().calendar_day(month, day)

    def views(self, builder: Builder) -> Views:
        """What each placeholder and page shows for ``builder``, with per-build caches."""
        website = is_website(builder)
        if website not in self.cache.views:
            self.cache.views[website] = Views(self, website)
        return self.cache.views[website]

    def page_for(self, kind: str, key: str = "") -> str | None:
        """The docname of a generated page, if it exists: a root page whose stub was read,
        or a browse page whose name nothing else takes (see :class:`PagePlan`)."""
        docname = self.plan.docname(kind, key)
        if docname is None:
            return None
        if kind in ROOT_KINDS:
            return docname if docname in self.data["generated"] else None
        return docname

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
        index = self.entity_index_page(entity.key, is_website(builder))
        if index and entity.key in self.archive.by_entity:
            return index, entity_anchor(entity.slug)
        return None

    def entity_index_page(self, key: str, website: bool = True) -> str | None:
        """The page of the Entities index that lists the entity ``key``: on websites the
        part of a split index (its letters' page), else the index."""
        index = self.page_for("entities")
        part = self.plan.index_part_of.get(key) if website and index else None
        return self.page_for("entities-letter", part) if part is not None else index

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
                contnode = contnode.__class__(
                    event.headline, event.headline, classes=contnode["classes"]
                )
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
            if not node.get("refexplicit"):  # one text for a date everywhere, a <time>
                text = self.date_text(date)
                contnode = date_text(text, text, classes=contnode["classes"], datetime=date.iso())
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

    def get_objects(self) -> Iterator[ObjectEntry]:
        yield from self.stored_objects()

    def stored_objects(self) -> list[ObjectEntry]:
        """The inventory's entries, kept with the environment: derived once per change of
        the data (the digests, the search index and ``objects.inv`` all ask), so that a
        rebuild with nothing read never builds the archive model for them."""
        if self.changes.touched or "objects" not in self.data:
            if self.cache.objects is None:
                self.cache.objects = list(self._objects())
            self.data["objects"] = self.cache.objects
        objects: list[ObjectEntry] = self.data["objects"]
        return objects

    def _objects(self) -> Iterator[ObjectEntry]:
        """Inventory entries. Events have priority -1: in ``objects.inv``, but not among
        the search's object matches, which would repeat every full-text hit of their
        words (and, in a large archive, swell the search index by every headline).

        Entities are those with a place of their own: a page or a declaration. A name
        with neither (named by fewer events than ``newsarc_entity_page_threshold``) has
        only its line in the Entities index: its ``entity`` role still resolves in this
        project, and its event is found by its text, but it is no inventory object. At
        five years of the Current Events Portal such names were a third of the
        inventory's 49,000 entries, and Sphinx writes every entry again on every build."""
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
        for story in archive.stories.values():
            docname = self.page_for("story", story.key)
            if docname:
                yield story.name, story.name, "story", docname, "", 1
        for day in archive.days:
            docname = self.page_for("day", day)
            if docname:
                yield day, day, "day", docname, "", -1


def setup_domain(app: Sphinx) -> None:
    """The ``news`` domain and the short forms of its roles (``event``, ``entity``,
    ``day``, ``story``)."""
    app.add_domain(NewsDomain)
    for reftype in ("event", "entity", "day", "story"):
        app.add_role(reftype, NewsXRefRole(reftype))
