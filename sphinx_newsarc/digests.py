"""Which documents must be written again: digests of what each document shows from
other documents, the narrow set of documents an edit can affect, and receipts that a
build finished writing.

A document's digest is the hash of its views (:class:`~sphinx_newsarc.views.DocumentView`)
and of its neighbours' titles; ``env-get-updated`` returns the documents whose digest
changed. The environment is saved before writing, so the documents a build is to write
are confirmed by a receipt only when it finishes (a killed build leaves the next one to
write them).
"""

from __future__ import annotations

import contextlib
import hashlib
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

from .builders import is_website
from .core.changes import retold_events
from .core.model import EntityRecord, EventRecord
from .core.pages import PART_KINDS, part_key
from .core.text import name_key
from .views import DocumentView

if TYPE_CHECKING:
    from .domain import NewsDomain

__all__ = ["ChangeLog", "confirm_written", "digest", "refresh_digests", "setup_digests"]


@dataclass(slots=True)
class ChangeLog:
    """What this process read, purged or merged since the digests were last refreshed
    (in memory only: the stored digests are the lasting record)."""

    #: whether any document was read, purged or merged: if none was, what pages show
    #: cannot have changed and the digests need no recomputing
    touched: bool = False
    before_events: list[EventRecord] = field(default_factory=list)
    before_entities: list[EntityRecord] = field(default_factory=list)
    reread: set[str] = field(default_factory=set)
    #: the browse pages (kind, key) the last change can alter; None: any of them
    touched_pages: set[tuple[str, str]] | None = None

    def note_cleared(
        self, docname: str, events: list[EventRecord], entities: list[EntityRecord]
    ) -> None:
        """``docname`` is read again: remember what it held."""
        self.before_events.extend(events)
        self.before_entities.extend(entities)
        self.reread.add(docname)

    def reset(self) -> None:
        """The digests were refreshed: start a new record."""
        self.before_events, self.before_entities, self.reread = [], [], set()


def digest(view: DocumentView) -> str:
    """A short hash of what a document shows."""
    return hashlib.blake2b(repr(view).encode(), digest_size=16).hexdigest()


def refresh_digests(domain: NewsDomain, builder: Builder) -> list[str]:
    """Hash what each document shows from others; return those whose hash changed.

    Only documents that can show a changed event are hashed again (see
    :func:`_affected_documents`); every document's neighbours (prev/next follow the
    toctree) are compared each time. A different kind of builder (a website after a
    book) hashes every document again. Documents an earlier build was to write but may
    not have (it did not finish) are returned again, whatever their hash.
    """
    data = domain.data
    changes = domain.changes
    flavour = "website" if is_website(builder) else "book"
    unwritten = _unwritten(domain)
    if not changes.touched and data["flavour"] == flavour and not unwritten:
        return []
    views = domain.views(builder)
    docnames = set(data["events"]) | set(data["lists"]) | set(data["refs"])
    docnames |= set(data["generated"])
    affected = _affected_documents(domain) if changes.touched else set()
    if changes.touched:
        data["previous_state"], data["state"] = data["state"], uuid.uuid4().hex
    if data["flavour"] != flavour:
        affected = docnames
    data["flavour"] = flavour
    relations = domain.env.collect_relations()
    titles = domain.env.titles
    changed = []
    for docname in sorted(docnames):
        neighbours = repr(
            tuple(
                (other, titles[other].astext() if other in titles else "")
                for other in relations.get(docname, ())
                if other
            )
        )
        old = data["digests"].get(docname)
        if old is not None and docname not in affected:
            content = old[0]
        else:
            content = digest(views.document(docname))
            shows = views.shown_events(docname)
            if shows:
                data["shows"][docname] = shows
            else:
                data["shows"].pop(docname, None)
        entry = (content, neighbours)
        if old != entry:
            data["digests"][docname] = entry
            changed.append(docname)
    for key in ("digests", "shows"):
        for docname in set(data[key]) - docnames:
            del data[key][docname]
    # a build stopped before it finished writing left these unwritten
    changed = sorted(set(changed) | (unwritten & docnames))
    # a fresh token for what this build is to write: stored with the environment,
    # which Sphinx saves before writing; confirmed only when the build finishes
    data["unwritten"] = (uuid.uuid4().hex, tuple(changed)) if changed else ("", ())
    changes.reset()
    domain.stored_objects()  # the inventory, stored with the environment
    return changed


def _receipt(domain: NewsDomain) -> Path:
    """The file that confirms the last finished build (beside the environment)."""
    return Path(domain.env.doctreedir) / "newsarc-written.txt"


def _unwritten(domain: NewsDomain) -> set[str]:
    """The documents an earlier build was to write again but may not have: the
    environment is saved before writing, so a build killed while writing leaves
    digests of pages it never wrote."""
    token, docnames = domain.data["unwritten"]
    if not docnames:
        return set()
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if _receipt(domain).read_text(encoding="utf-8") == token:
            return set()
    return set(docnames)


def confirm_written(domain: NewsDomain) -> None:
    """``build-finished`` without an exception: every document the digests sent to be
    written was written, with the browse pages, feeds and JSON files."""
    token, docnames = domain.data["unwritten"]
    if not docnames:
        return
    receipt = _receipt(domain)
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if receipt.read_text(encoding="utf-8") == token:
            return
    receipt.parent.mkdir(parents=True, exist_ok=True)
    receipt.write_text(token, encoding="utf-8")


def _affected_documents(domain: NewsDomain) -> set[str]:
    """Documents whose listings may show an event or entity that changed.

    An event that only reads differently (headline, sources, id) but has the same
    date, entities, story, category and related ids, in a document whose events
    stand in the same order, ranks the same everywhere: it changes only the
    documents whose related lists show it. Any other change of an event affects
    every document with an event sharing one of its entities or its story.
    """
    data = domain.data
    changes = domain.changes
    archive = domain.archive
    now_events = [e for d in changes.reread for e in data["events"].get(d, ())]
    now_entities = [e for d in changes.reread for e in data["entities"].get(d, ())]
    before_events = set(changes.before_events)
    changed_events = before_events ^ set(now_events)
    retold = retold_events(changes.before_events, now_events)
    ranked = {e for e in changed_events if e.uid not in retold}
    changed_entities = set(changes.before_entities) ^ set(now_entities)
    names = {n for e in ranked for n in e.entities}
    names |= {n for e in changed_entities for n in (e.name, *e.aliases)}
    keys = {name_key(n) for n in names}
    keys |= {entity.key for n in names if (entity := archive.entities.resolve(n))}
    stories = {name_key(e.story) for e in ranked if e.story}
    ids = {e.id for e in changed_events}
    # a new name can shift the slug (page URL) of another entity or story
    slugs = {
        "entity": {e.key: e.slug for e in archive.entities},
        "story": {k: story.slug for k, story in archive.stories.items()},
    }
    before = data["slugs"]
    keys |= {
        k for k, slug in slugs["entity"].items() if before.get("entity", {}).get(k, slug) != slug
    }
    stories |= {
        k for k, slug in slugs["story"].items() if before.get("story", {}).get(k, slug) != slug
    }
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
    changes.touched_pages = None
    if not (ranked or changed_entities or keys or stories):
        changes.touched_pages = _pages_showing(domain, retold)
    if retold:
        affected |= {
            docname for docname, shows in data["shows"].items() if retold.intersection(shows)
        }
    affected |= changes.reread | set(data["lists"]) | set(data["refs"]) | set(data["generated"])
    return affected


def _pages_showing(domain: NewsDomain, uids: set[str]) -> set[tuple[str, str]]:
    """The browse pages (kind, key) that list any of ``uids``: their day, month and
    year, their calendar day's "on this day" page, their entities and their story (and
    the part of a split entity's or story's page that lists them)."""
    archive = domain.archive
    plan = domain.plan
    pages: set[tuple[str, str]] = set()
    for uid in uids:
        event = archive.event(uid)
        date = event.date
        pages.add(("year", date.year_key()))
        if date.month:
            pages.add(("month", date.month_key() or ""))
        if date.day:
            pages.add(("day", date.iso()))
            pages.add(("onthisday", date.iso()[5:]))
        whole = [("entity", key) for key in archive.entities_of.get(uid, ())]
        if event.story:
            whole.append(("story", name_key(event.story)))
        for kind, key in whole:
            pages.add((kind, key))
            period = plan.period_of(kind, key, uid)
            if period is not None:
                pages.add((PART_KINDS[kind], part_key(period, key)))
    return pages


def _env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    from .domain import NewsDomain

    return refresh_digests(NewsDomain.of(env), app.builder)


def _build_finished(app: Sphinx, exception: BaseException | None) -> None:
    from .domain import NewsDomain

    if exception is None:
        confirm_written(NewsDomain.of(app.env))


def setup_digests(app: Sphinx) -> None:
    """Return the documents to write again after reading; confirm them after every other
    ``build-finished`` handler (the feeds and JSON files included): the build is complete."""
    app.connect("env-get-updated", _env_get_updated)
    app.connect("build-finished", _build_finished, priority=900)
