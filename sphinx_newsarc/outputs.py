"""Feeds and JSON exports of HTML builds: which files, where, and which pages link to them.

Every HTML build (not ePub) regenerates all of them from the domain's archive model at
``build-finished`` and deletes the ones an earlier build wrote that no longer exist, so an
incremental build leaves the same files as a clean one. Pages link to them with
``<link rel="alternate">`` (``html-page-context``) and a visible "Formats" line
(:mod:`.render`). Paths and settings: ``docs/feeds.md``.
"""

from __future__ import annotations

import contextlib
import html
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.util.osutil import relative_uri

from . import __version__
from .builders import is_website
from .calendars import Calendars
from .config import FeedPaths, conf_location, settings
from .core.model import EntityRecord, wikidata_page
from .domain import NewsDomain
from .export import Exporter
from .feeds import FeedLinks, atom_feed
from .jsonld import page_uri
from .locale import _
from .manifest import read_manifest, remove_stale, write_manifest
from .warnings import NewsarcWarning, warn

__all__ = [
    "ATOM_TYPE",
    "ICAL_TYPE",
    "JSON_TYPE",
    "Feed",
    "Outputs",
    "feed_patterns",
    "json_paths",
    "outputs_for",
    "produces_outputs",
    "setup",
]

ATOM_TYPE = "application/atom+xml"
JSON_TYPE = "application/json"
ICAL_TYPE = "text/calendar"
HOMEPAGE = "https://sphinx-newsarc.readthedocs.io"


# -- settings --------------------------------------------------------------------------------


def produces_outputs(builder: Builder) -> bool:
    """Whether ``builder`` gets feeds and JSON files: websites (``html``, ``dirhtml``)."""
    return is_website(builder)


def feed_patterns(config: Config) -> dict[str, str]:
    """The output path pattern of each enabled feed kind (none without ``html_baseurl``)."""
    return (settings(config).feeds or FeedPaths()).enabled() if config.html_baseurl else {}


def json_paths(config: Config) -> dict[str, str]:
    """The output path (pattern) of each enabled JSON export."""
    return settings(config).json.enabled()


# -- what a build writes ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Feed:
    """One Atom feed or iCalendar file: its kind and key, output path, title, page, and
    events."""

    kind: str
    key: str
    path: str
    title: str
    page: str | None
    uids: tuple[str, ...]


def site_links(config: Config) -> list[tuple[str, str, str]]:
    """The links every page carries: the feed of the whole archive, when there is one."""
    patterns = feed_patterns(config)
    if "all" not in patterns:
        return []
    title = settings(config).titles()["archive"]
    if config.project:
        title = f"{title} \N{EM DASH} {config.project}"
    return [(ATOM_TYPE, title, patterns["all"])]


@dataclass(slots=True)
class Outputs:
    """Every feed and JSON file of one build, and the links pages carry to them."""

    builder: Builder
    domain: NewsDomain
    feeds: list[Feed] = field(default_factory=list)
    calendars: list[Feed] = field(default_factory=list)
    json_files: dict[str, tuple[str, ...] | None] = field(default_factory=dict)
    #: docname -> [(MIME type, title, path)] for ``<link rel="alternate">``
    head: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    #: links every page carries
    site: list[tuple[str, str, str]] = field(default_factory=list)
    #: docname -> [(label, path)] for the visible "Formats" line
    formats: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: the category feeds the archive front page lists: [(name, path)]
    category_feeds: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def plan(cls, builder: Builder, domain: NewsDomain) -> Outputs:
        """The outputs of ``builder`` for the domain's current archive."""
        self = cls(builder, domain)
        config = builder.config
        archive = domain.archive
        front = domain.page_for("archive")
        project = config.project

        def titled(name: str) -> str:
            return f"{name} \N{EM DASH} {project}" if project else name

        paths = json_paths(config)
        if "events" in paths:
            self.json_files[paths["events"]] = None
            if front:
                self._head(front, JSON_TYPE, titled(_("All events (JSON)")), paths["events"])
                self.formats.setdefault(front, []).append(("JSON", paths["events"]))
        if "day" in paths:
            for day, uids in archive.by_day.items():
                page = domain.page_for("day", day)
                if page:
                    path = paths["day"].replace("{page}", page)
                    self.json_files[path] = uids
                    self._head(page, JSON_TYPE, titled(day + " (JSON)"), path)
                    self.formats.setdefault(page, []).append(("JSON", path))

        patterns = feed_patterns(config)
        titles = settings(config).titles()
        if "day" in patterns:
            for day, uids in archive.by_day.items():
                page = domain.page_for("day", day)
                if page:
                    path = patterns["day"].replace("{page}", page)
                    self.feeds.append(Feed("day", day, path, titled(day), page, uids))
        if "all" in patterns:
            self.feeds.append(
                Feed("all", "", patterns["all"], titled(titles["archive"]), front, archive.ordered)
            )
        if "entity" in patterns:
            for key, uids in archive.by_entity.items():
                page = domain.page_for("entity", key)
                if page:
                    entity = archive.entity(key)
                    path = patterns["entity"].replace("{slug}", entity.slug)
                    self.feeds.append(Feed("entity", key, path, titled(entity.name), page, uids))
        if "story" in patterns:
            for key, story in archive.stories.items():
                path = patterns["story"].replace("{slug}", story.slug)
                self.feeds.append(
                    Feed(
                        "story",
                        key,
                        path,
                        titled(story.name),
                        domain.page_for("story", key),
                        story.events,
                    )
                )
        if "category" in patterns:
            for key, slug in archive.category_slugs.items():
                name = archive.category_names[key]
                path = patterns["category"].replace("{slug}", slug)
                title = titled(_("Category") + ": " + name)
                self.feeds.append(
                    Feed("category", key, path, title, front, archive.by_category[key])
                )
                self.category_feeds.append((name, path))
                if front:
                    self._head(front, ATOM_TYPE, title, path)
        self._plan_calendars(patterns, titled)
        self.site = site_links(config)
        for feed in self.feeds:
            if feed.kind == "all":
                if front:
                    self.formats.setdefault(front, []).append(("Atom", feed.path))
            elif feed.kind in ("entity", "story", "day") and feed.page:
                self._head(feed.page, ATOM_TYPE, feed.title, feed.path)
                label = "XML" if feed.kind == "day" else "Atom"
                self.formats.setdefault(feed.page, []).append((label, feed.path))
        for cal in self.calendars:
            if cal.page:
                self._head(cal.page, ICAL_TYPE, cal.title + " (iCalendar)", cal.path)
                self.formats.setdefault(cal.page, []).append(("iCalendar", cal.path))
        return self

    def _plan_calendars(self, patterns: dict[str, str], titled: Any) -> None:
        """The iCalendar files: the archive's, and one beside each entity and story page."""
        domain = self.domain
        archive = domain.archive
        if "calendar" in patterns:
            title = settings(self.builder.config).titles()["archive"]
            self.calendars.append(
                Feed(
                    "calendar",
                    "",
                    patterns["calendar"],
                    titled(title),
                    domain.page_for("archive"),
                    archive.ordered,
                )
            )
        if "entity_calendar" in patterns:
            for key, uids in archive.by_entity.items():
                page = domain.page_for("entity", key)
                if page:
                    path = patterns["entity_calendar"].replace("{page}", page)
                    self.calendars.append(
                        Feed("entity", key, path, titled(archive.entity(key).name), page, uids)
                    )
        if "story_calendar" in patterns:
            for key, story in archive.stories.items():
                page = domain.page_for("story", key)
                if page:
                    path = patterns["story_calendar"].replace("{page}", page)
                    self.calendars.append(
                        Feed("story", key, path, titled(story.name), page, story.events)
                    )

    def _head(self, docname: str, mimetype: str, title: str, path: str) -> None:
        self.head.setdefault(docname, []).append((mimetype, title, path))

    # -- URLs ------------------------------------------------------------------------------

    def page_uri(self, docname: str) -> str:
        """The URI of a document's output page, relative to the output directory."""
        return page_uri(self.builder, docname)

    def href(self, docname: str, path: str) -> str:
        """A link from ``docname``'s page to the output file ``path``."""
        return relative_uri(self.page_uri(docname), path)

    def absolute(self, uri: str) -> str:
        """An absolute URL from ``html_baseurl`` for a URI relative to the output directory."""
        return posixpath.join(self.builder.config.html_baseurl, uri)

    # -- contents --------------------------------------------------------------------------

    def files(self) -> dict[str, bytes]:
        """Every file to write: relative POSIX path -> content."""
        archive = self.domain.archive
        files: dict[str, bytes] = {}
        exporter = Exporter(archive)
        for path, uids in sorted(self.json_files.items()):
            files[path] = exporter.dump(uids)
        if not self.feeds and not self.calendars:
            return files
        config = self.builder.config
        domain = self.domain

        def page(docname: str | None) -> str | None:
            return self.absolute(self.page_uri(docname)) if docname else None

        def event(uid: str) -> str:
            record = archive.event(uid)
            return f"{self.absolute(self.page_uri(record.docname))}#{record.anchor}"

        links = FeedLinks(
            event=event,
            entity=lambda key: page(domain.page_for("entity", key)),
            story=lambda key: page(domain.page_for("story", key)),
            entities_scheme=page(domain.page_for("entities")),
            stories_scheme=page(domain.page_for("stories")),
            labels=(_("Entities"), _("Story"), _("Category"), _("Sources")),
        )
        length = settings(config).feed_length
        for feed in sorted(self.feeds, key=lambda f: f.path):
            record = archive.entity(feed.key).record if feed.kind == "entity" else None
            files[feed.path] = atom_feed(
                archive,
                feed.uids,
                url=self.absolute(feed.path),
                title=feed.title,
                author=config.author or config.project,
                links=links,
                alternate=page(feed.page),
                language=config.language or "en",
                length=0 if feed.kind == "day" else length,
                generator=("sphinx-newsarc", __version__, HOMEPAGE),
                related=_identifiers(record) if record else (),
            )
        calendars = Calendars(archive, event, (_("Entities"), _("Story"), _("Sources")))
        for cal in sorted(self.calendars, key=lambda f: f.path):
            files[cal.path] = calendars.calendar(
                cal.uids, cal.title, language=config.language or "en"
            )
        return files


def _identifiers(record: EntityRecord) -> list[tuple[str, str]]:
    """(URL, title) of the pages that identify a declared entity: its link, its Wikidata
    item."""
    found = [(record.url, "")] if record.url else []
    if record.wikidata:
        found.append((wikidata_page(record.wikidata), f"Wikidata {record.wikidata}"))
    return found


def outputs_for(builder: Builder, domain: NewsDomain) -> Outputs | None:
    """The outputs of ``builder``, or ``None`` when it gets none (not HTML, or ePub).

    Planned once per build and archive, on the domain beside the archive model.
    """
    if not produces_outputs(builder):
        return None
    outputs = domain.cache.outputs.get(builder.name)
    if outputs is None:
        outputs = domain.cache.outputs[builder.name] = Outputs.plan(builder, domain)
    return outputs


# -- event handlers --------------------------------------------------------------------------


def check_feed_settings(app: Sphinx) -> None:
    """``builder-inited``: warn when feeds are asked for but cannot have absolute links."""
    config = app.config
    if not produces_outputs(app.builder) or config.html_baseurl:
        return
    feeds = settings(config).feeds
    if feeds is not None and feeds.enabled():
        warn(
            "newsarc_feeds asks for Atom feeds, but html_baseurl is not set: feeds need "
            "absolute links, so none are written (set html_baseurl to the address the site "
            "is published at, or newsarc_feeds = False)",
            NewsarcWarning.feed,
            conf_location(app.confdir, "newsarc_feeds")
            or conf_location(app.confdir, "html_baseurl"),
        )


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: ``<link rel="alternate">`` to the feeds and JSON of a page.

    Only archive pages link feeds and JSON of their own; every other page carries just the
    site's feed, known from the settings, so a rebuild that writes no archive page never
    builds the archive model.
    """
    if not produces_outputs(app.builder):
        return
    domain = NewsDomain.of(app.env)
    if pagename in domain.data["generated"] or pagename in domain.cache.browse_pages:
        outputs = outputs_for(app.builder, domain)
        assert outputs is not None
        links = outputs.site + outputs.head.get(pagename, [])
    else:
        links = site_links(app.config)
    if not links:
        return
    pathto = context["pathto"]
    tags = [
        f'<link rel="alternate" type="{mimetype}" title="{html.escape(title)}" '
        f'href="{html.escape(pathto(path, 1))}" />'
        for mimetype, title, path in links
    ]
    context["metatags"] = context.get("metatags", "") + "\n".join(tags) + "\n"


def _manifest(app: Sphinx) -> Path:
    return Path(app.doctreedir) / f"newsarc-outputs.{app.builder.name}.json"


def write_outputs(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write every feed and JSON file; delete the ones no longer made."""
    if exception is not None or not produces_outputs(app.builder):
        return
    outdir = Path(app.outdir)
    domain = NewsDomain.of(app.env)
    manifest = _manifest(app)
    signature = repr(
        (
            settings(app.config),
            app.config.html_baseurl,
            app.config.project,
            app.config.author,
            app.config.language,
        )
    )
    before = read_manifest(manifest)
    listed = before.get("files")
    previous = [str(rel) for rel in listed] if isinstance(listed, list) else []
    if before.get("outdir") != str(outdir):
        previous = []
    elif (
        before.get("state") == domain.data["state"]
        and before.get("signature") == signature
        and all((outdir / rel).exists() for rel in previous)
    ):
        return  # no document changed since, same settings: the files are current
    outputs = outputs_for(app.builder, domain)
    assert outputs is not None
    files = outputs.files()
    for rel, data in files.items():
        target = outdir / rel
        with contextlib.suppress(OSError):
            if target.read_bytes() == data:
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    remove_stale(outdir, (outdir / rel for rel in sorted(set(previous) - set(files))))
    write_manifest(
        manifest,
        {
            "outdir": str(outdir),
            "files": sorted(files),
            "signature": signature,
            "state": domain.data["state"],
        },
    )


def setup(app: Sphinx) -> None:
    """Connect the handlers (called from the extension's ``setup``)."""
    app.connect("builder-inited", check_feed_settings)
    app.connect("html-page-context", page_context)
    app.connect("build-finished", write_outputs)
