"""The browse pages of a website: a page per day, month, year, entity and story.

They are HTML pages collected by the HTML builder (``html-collect-pages``), not documents:
thousands of them cost no reading, pickling or search indexing, and do not swell every
page's navigation. Printed and e-book formats have the Chronology and Entities indices
instead. Each page is rendered from the same views and renderer as everything else, and
written only when what it shows changed: a digest per page, kept beside the doctrees, is
compared with the previous build's, so an incremental build writes exactly the pages whose
events changed, and deletes those that no longer exist.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.utils import new_document
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.config import Config

from .builders import is_website
from .config import settings
from .core.archive import Archive
from .core.jsonld import LinkedEntity, collection_page, graph
from .core.pages import BROWSE_KINDS, Page
from .domain import NewsDomain
from .html_markup import docsettings
from .jsonld import CONTEXT_KEY, linked_event, linker, page_uri
from .manifest import read_manifest, remove_stale, write_manifest
from .pages import build_page, page_kind
from .pages.entity import LATEST_EVENTS
from .pages.frame import render_frame
from .render import Renderer
from .warnings import NewsarcWarning, warn

__all__ = ["collect_pages", "folder_navigation", "setup_browse"]

TEMPLATE = "page.html"


def _manifest_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / f"newsarc-pages.{app.builder.name}.json"


def _site_signature(app: Sphinx) -> str:
    """What every page's frame shows besides its body: the navigation (toctrees and
    titles) and the build settings; when it changes, every browse page is rewritten."""
    env = app.env
    builder = app.builder
    info = getattr(builder, "build_info", None)
    frame = (
        sorted((k, tuple(v)) for k, v in env.toctree_includes.items()),
        sorted((d, t.astext()) for d, t in env.titles.items()),
        (getattr(info, "config_hash", ""), getattr(info, "tags_hash", "")),
        repr(settings(app.config)),
        app.config.language,
        str(builder.outdir),
    )
    return hashlib.blake2b(repr(frame).encode(), digest_size=16).hexdigest()


def _read_manifest(path: Path) -> tuple[str, str, dict[str, str]]:
    """The previous build's site signature, environment state and page digests."""
    data = read_manifest(path)
    pages = data.get("pages")
    pages = {str(k): str(v) for k, v in pages.items()} if isinstance(pages, dict) else {}
    return str(data.get("signature", "")), str(data.get("state", "")), pages


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: the browse pages whose content changed (all on a clean build)."""
    builder = app.builder
    if not is_website(builder) or not isinstance(builder, StandaloneHTMLBuilder):
        return
    domain = NewsDomain.of(app.env)
    manifest_path = _manifest_path(app)
    signature = _site_signature(app)
    old_signature, old_state, before = _read_manifest(manifest_path)
    state = domain.data["state"]
    unchanged_frame = old_signature == signature
    written = _output_exists(builder)
    if unchanged_frame and old_state == state and all(map(written, before)):
        return  # no document changed since, same frame: every page is as this builder wrote it
    # after the one change this process made since this builder's last build, only the
    # pages listing its events (any other history: every page)
    touched = domain.changes.touched_pages
    if not (unchanged_frame and old_state and old_state == domain.data["previous_state"]):
        touched = None
    views = domain.views(builder)
    outdir = Path(builder.outdir)
    pages: dict[str, str] = {}
    navigation = domain.cache.navigation.setdefault(builder.name, {})
    if domain.plan.collisions:  # located at the author's document, else at the events
        documents = {docname.casefold(): docname for docname in app.env.found_docs}
    for page, holder in domain.plan.collisions:
        document = documents.get(page.docname.casefold())
        location = (
            (document, 1) if document else page_origin(domain.archive, page) or (page.docname, 1)
        )
        warn(
            "the %s page %r of the news archive (%s) would take the name of %s; the page "
            "is left out (change newsarc_pages[%r])",
            NewsarcWarning.collision,
            location,
            page.kind,
            page.docname,
            page.title,
            holder,
            page.kind,
        )
    for docname, page in sorted(domain.plan.pages.items()):
        if page.kind not in BROWSE_KINDS:
            continue
        if (
            touched is not None
            and (page.kind, page.key) not in touched
            and docname in before
            and written(docname)
        ):
            pages[docname] = before[docname]
            continue
        view = build_page(views, page.kind, page.key)
        linked = _linked_data(app, domain, page)
        description = _description(domain, page)
        digest = hashlib.blake2b(
            repr((page, view, linked, description)).encode(), digest_size=16
        ).hexdigest()
        pages[docname] = digest
        if unchanged_frame and before.get(docname) == digest and written(docname):
            continue
        renderer = Renderer(domain, views, builder, docname, searched=False)
        frame = nodes.container(classes=["newsarc-frame"])
        frame.extend(render_frame(renderer, view.frame))
        body = nodes.container(classes=[f"newsarc-{page.kind}-page"])
        body.extend(page_kind(page.kind).render(renderer, view.body))
        fragment = renderer.to_html(body)
        title = _escape(page.title)
        if page.kind in ("year", "month", "day"):
            title = f'<time datetime="{_escape(page.key)}">{title}</time>'
        heading = f"{renderer.to_html(frame) if len(frame) else ''}<h1>{title}</h1>\n"
        parents = [
            {"link": renderer.target(crumb.page, "")[0], "title": _escape(crumb.title)}
            for crumb in view.frame.trail[:-1]
            if crumb.page
        ]
        context = {
            "title": _escape(page.title),
            "body": f'<section id="{_escape(page.kind)}">\n{heading}{fragment}</section>\n',
            "display_toc": False,
            "toc": "",
            "parents": parents,
            "rellinks": [],
            "sourcename": "",
            "page_source_suffix": "",
            "meta": {},
            "metatags": "",
            "toctree": folder_navigation(builder, navigation, docname),
        }
        if linked is not None:
            context[CONTEXT_KEY] = linked
        if description:
            context[DESCRIPTION_KEY] = description
        domain.cache.browse_pages.add(docname)  # for the page's feed and JSON links
        yield docname, context, TEMPLATE
    # pages gone (never an author's document that took a page's name: it was just written)
    gone = sorted(set(before) - set(pages) - set(app.env.found_docs))
    remove_stale(outdir, (Path(builder.get_outfilename(name)) for name in gone))
    write_manifest(manifest_path, {"signature": signature, "state": state, "pages": pages})


def _linked_data(app: Sphinx, domain: NewsDomain, page: Page) -> dict[str, object] | None:
    """The JSON-LD of a day's, an entity's or a story's page: the events it lists (a
    split page's latest); None for other pages. The parts of a split page have none:
    their events are described on their day pages, and a part of a large month would
    otherwise carry half its weight in JSON-LD."""
    archive = domain.archive
    builder = app.builder
    about = None
    date = ""
    kind, key = page.kind, page.key
    if kind == "day":
        uids = archive.by_day.get(key, ())
        date = key
    elif kind == "entity":
        uids = archive.by_entity.get(key, ())
        ref = domain.views(builder).entity_ref(key)
        about = LinkedEntity(ref.name, ref.kind, page_uri(builder, page.docname), ref.same_as)
    elif kind == "story":
        story = archive.stories.get(key)
        uids = story.events if story else ()
    else:
        return None
    if (kind, key) in domain.plan.periods:
        uids = tuple(reversed(uids[-min(LATEST_EVENTS, domain.settings.events_per_page) :]))
    events = [linked_event(domain, builder, uid) for uid in uids]
    link = linker(builder, page.docname)
    return graph(
        [collection_page(page_uri(builder, page.docname), page.title, events, link, about, date)]
    )


#: The key of a browse page's context that holds its description (for sphinxext-opengraph).
DESCRIPTION_KEY = "newsarc_description"


def _description(domain: NewsDomain, page: Page) -> str:
    """A short description of a day's, entity's or story's page: the entity's description,
    else the first headlines it lists."""
    archive = domain.archive
    if page.kind not in ("entity", "story", "day"):
        return ""
    if page.kind == "entity":
        record = archive.entity(page.key).record
        if record is not None and record.description:
            return record.description[0]
    uids = archive.page_events(page.kind, page.key)
    return " ".join(archive.event(uid).headline for uid in uids[:3])


def opengraph(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: sphinxext-opengraph's tags for browse pages, which have no
    doctree of their own (it describes only pages with one): the page's description as a
    small document, the title from the context, the rest from its settings."""
    description = context.get(DESCRIPTION_KEY)
    if doctree is not None or not description or "sphinxext.opengraph" not in app.extensions:
        return
    try:
        from sphinxext.opengraph import get_tags
    except ImportError:  # pragma: no cover - a version without it
        return
    document = new_document("<sphinx-newsarc>", docsettings(app.builder))
    document += nodes.paragraph(description, description)
    context["metatags"] = context.get("metatags", "") + get_tags(
        context,
        document,
        srcdir=app.srcdir,
        outdir=app.outdir,
        config=app.config,
        builder=app.builder,
        env=app.env,
    )


def page_origin(archive: Archive, page: Page) -> tuple[str, int] | None:
    """Where what a browse page shows is written: an entity's declaration, else the first
    event the page lists."""
    kind, key = page.kind, page.key
    if kind in ("entity-year", "story-year"):  # a part: where its whole page's is written
        kind, key = kind.removesuffix("-year"), key.partition(":")[2]
    if kind == "entity":
        entity = archive.entities.get(key)
        if entity.record is not None:
            return entity.record.docname, entity.record.lineno
    uids = archive.page_events(kind, key)
    if not uids:
        return None
    event = archive.event(uids[0])
    return event.docname, event.lineno


def _output_exists(builder: StandaloneHTMLBuilder) -> Callable[[str], bool]:
    """Whether a page's output file exists: by string paths for the ``html`` builder's
    layout (a no-change rebuild checks every browse page), else by the builder."""
    layout = ("get_outfilename", "get_output_path")  # the html builder's own (Sphinx 8, 9)
    if all(
        getattr(type(builder), name, None) is getattr(StandaloneHTMLBuilder, name, None)
        for name in layout
    ):
        outdir, suffix = str(builder.outdir), builder.out_suffix
        # string paths: a fifth of the time of Path objects, for thousands of pages
        return lambda name: os.path.exists(os.path.join(outdir, name + suffix))  # noqa: PTH110, PTH118
    return lambda name: Path(builder.get_outfilename(name)).exists()


def folder_navigation(
    builder: Builder, cache: dict[tuple[str, str], str], pagename: str, name: str = ""
) -> Callable[..., str]:
    """The theme's navigation (``toctree()`` in templates) of ``pagename``, a page in no
    toctree: the same for every such page of one output folder (its links are relative),
    so computed once per folder and arguments into ``cache``; Sphinx would compute it
    again for each page. ``name`` is the page it is computed for (default ``pagename``):
    one in no toctree, in the same folder."""
    folder = posixpath.dirname(builder.get_target_uri(pagename))
    local_toctree = getattr(builder, "_get_local_toctree", None)

    def toctree(**kwargs: Any) -> str:
        key = (folder, repr(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = local_toctree(name or pagename, **kwargs) if local_toctree else ""
        return cache[key]

    return toctree


def _escape(text: str) -> str:
    from html import escape

    return escape(text, quote=True)


def _add_static_path(app: Sphinx, config: Config) -> None:
    """Ship ``newsarc.css``: added when the configuration is read, so the stored
    configuration of the last build has it too (no "configuration changed" rebuilds)."""
    static = str(Path(__file__).parent / "static")
    if static not in config.html_static_path:
        config.html_static_path.append(static)


def setup_browse(app: Sphinx) -> None:
    """The browse pages and the stylesheet of archive pages."""
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", opengraph)
    app.connect("config-inited", _add_static_path)
    app.add_css_file("newsarc.css")
