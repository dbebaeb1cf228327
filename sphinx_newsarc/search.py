"""Search with Pagefind (``newsarc_search = "pagefind"``, extra ``sphinx-newsarc[search]``).

Each event is one Pagefind record added through Pagefind's Python API: its URL is the event's
place (``page.html#id``), its meta the headline (``title``) and the date, its filters
``entity``, ``story``, ``category`` and ``year``, its sort key ``date`` (ISO 8601). Every
other document of the project is a record of its own text (events left out: they are
results of their own). Records, not Pagefind's ``data-pagefind-*`` attributes on the HTML:
Pagefind's unit of a result and of a filter is a page, so a day page with events about
several entities would match an entity filter as a whole; records also read the same
whatever the theme's markup, and skip parsing the HTML of every page.

The bundle is written at ``pagefind/`` in the output root at ``build-finished`` of
``html``/``dirhtml`` builds, whole or not at all, and only when a document was read again
since it was written (or the settings changed). Sphinx's own index (``searchindex.js``) is
not built then, and ``search.html`` is a page of Pagefind's UI that the themes' search
boxes (a form with ``q``) lead to. See ``docs/search.md``.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import importlib.util
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from .builders import is_website
from .config import conf_location, settings
from .domain import NewsDomain
from .jsonld import page_uri
from .locale import _
from .manifest import read_manifest, write_manifest
from .warnings import NewsarcWarning, warn

__all__ = ["BUNDLE", "Record", "pagefind_installed", "records", "setup_search"]

#: The bundle's folder in the output root.
BUNDLE = "pagefind"


@dataclass(frozen=True, slots=True)
class Record:
    """One Pagefind result: a URL relative to the output root, its text, meta, filters
    and sort keys."""

    url: str
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)


def pagefind_installed() -> bool:
    """Whether Pagefind's Python API and its binary are importable."""
    return all(importlib.util.find_spec(name) is not None for name in ("pagefind", "pagefind_bin"))


def _uses_pagefind(app: Sphinx) -> bool:
    return (
        settings(app.config).search == "pagefind"
        and is_website(app.builder)
        and app.builder.name in ("html", "dirhtml")
    )


# -- records -----------------------------------------------------------------------------------


def _event_nodes(doctree: nodes.Node) -> Iterator[nodes.container]:
    for node in doctree.findall(nodes.container):
        if "newsarc-event" in node["classes"] and node["ids"]:
            yield node


def records(builder: Builder, domain: NewsDomain) -> list[Record]:
    """Every record of the bundle: one per event, one per other document with text of its
    own (in document order, so the same project gives the same records)."""
    env = builder.env
    archive = domain.archive
    by_anchor = {(e.docname, e.anchor): e.uid for e in archive.events.values()}
    generated = domain.data["generated"]
    result: list[Record] = []
    for docname in sorted(env.found_docs):
        if docname in generated:
            continue  # archive pages list events that are results of their own
        doctree = env.get_doctree(docname).deepcopy()
        uri = page_uri(builder, docname)
        bodies: dict[str, str] = {}
        for node in list(_event_nodes(doctree)):
            bodies[node["ids"][0]] = "\n".join(
                n.astext() for n in node.findall(nodes.container) if "newsarc-body" in n["classes"]
            )
            node.parent.remove(node)
        for anchor, body in bodies.items():
            uid = by_anchor.get((docname, anchor))
            if uid is not None:
                result.append(_event_record(domain, uid, uri, body))
        title = env.titles[docname].astext() if docname in env.titles else ""
        text = doctree.astext().strip()
        if text and text != title:
            result.append(Record(uri, text, {"title": title}))
    return result


def _event_record(domain: NewsDomain, uid: str, uri: str, body: str) -> Record:
    archive = domain.archive
    event = archive.event(uid)
    entities = [archive.entity(key).name for key in archive.entities_of.get(uid, ())]
    filters = {"entity": entities, "year": [event.date.year_key()]}
    if event.story:
        filters["story"] = [event.story]
    if event.category:
        filters["category"] = [event.category]
    words = [event.headline, body, *entities, event.story, event.category]
    return Record(
        f"{uri}#{event.anchor}",
        "\n".join(w for w in words if w),
        {
            "title": event.headline,
            "date": domain.date_text(event.date),
            "datetime": event.date.iso(),
        },
        filters,
        {"date": event.date.iso()},
    )


def _language(language: str | None) -> str:
    """The ISO 639-1 code Pagefind wants (``pt_BR`` -> ``pt``)."""
    return (language or "en").replace("-", "_").split("_")[0].lower() or "en"


async def _write_bundle(target: Path, language: str, items: list[Record]) -> None:
    from pagefind.index import PagefindIndex

    async with PagefindIndex(config={"output_path": str(target)}) as index:
        for record in items:
            await index.add_custom_record(
                url=record.url,
                content=record.content,
                language=language,
                meta=record.meta,
                filters=record.filters,
                sort=record.sort,
            )


# -- event handlers ----------------------------------------------------------------------------


def check_search(app: Sphinx) -> None:
    """``builder-inited``: with Pagefind, no Sphinx index; without it installed, a warning."""
    if not _uses_pagefind(app):
        return
    if not pagefind_installed():
        warn(
            "newsarc_search = 'pagefind' needs Pagefind, which is not installed "
            '(pip install "sphinx-newsarc[search]"); Sphinx\'s own search is used',
            NewsarcWarning.config,
            conf_location(app.confdir, "newsarc_search"),
        )
        return
    app.builder.search = False  # type: ignore[attr-defined]  # no searchindex.js


def _active(app: Sphinx) -> bool:
    return _uses_pagefind(app) and not getattr(app.builder, "search", True)


def search_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: ``search.html`` as a page of Pagefind's UI."""
    if not _active(app):
        return
    body = (
        f'<section id="search">\n<h1>{html.escape(_("Search"))}</h1>\n'
        "<noscript><p>"
        + html.escape(_("Please activate JavaScript to search."))
        + "</p></noscript>\n"
        '<div id="newsarc-search" class="newsarc-search"></div>\n</section>\n'
    )
    context = {
        "title": _("Search"),
        "body": body,
        "display_toc": False,
        "toc": "",
        "sourcename": "",
        "page_source_suffix": "",
        "meta": {},
        "metatags": '<meta name="robots" content="noindex" />\n',
        "newsarc_pagefind": True,
    }
    yield "search", context, "page.html"


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: the search page loads Pagefind's UI from the bundle; every
    page has ``hasdoc('search')`` true, so the themes show their search box."""
    if not _active(app):
        return
    hasdoc = context.get("hasdoc")
    if hasdoc is not None:
        context["hasdoc"] = lambda name: name == "search" or hasdoc(name)
    if not context.get("newsarc_pagefind"):
        return
    pathto = context["pathto"]
    context["metatags"] = context.get("metatags", "") + (
        f'<link rel="stylesheet" href="{html.escape(pathto(BUNDLE + "/pagefind-ui.css", 1))}" />\n'
        f'<script src="{html.escape(pathto(BUNDLE + "/pagefind-ui.js", 1))}"></script>\n'
        f'<script src="{html.escape(pathto("_static/newsarc-search.js", 1))}" defer></script>\n'
    )


def write_bundle(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write the Pagefind bundle when a document changed since the last."""
    if exception is not None or not _active(app):
        return
    outdir = Path(app.outdir)
    env = app.env
    token = hashlib.blake2b(
        repr(
            (
                sorted(env.all_docs.items()),
                NewsDomain.of(env).data["state"],
                settings(app.config),
                app.config.language,
                app.builder.name,
                str(outdir),
                app.config.html_file_suffix,
                app.config.html_link_suffix,
            )
        ).encode(),
        digest_size=16,
    ).hexdigest()
    manifest = Path(app.doctreedir) / f"newsarc-search.{app.builder.name}.json"
    bundle = outdir / BUNDLE
    if read_manifest(manifest).get("token") == token and (bundle / "pagefind.js").exists():
        return  # no document read again since: the bundle is current
    items = records(app.builder, NewsDomain.of(env))
    fresh = outdir / (BUNDLE + ".tmp")
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        asyncio.run(_write_bundle(fresh, _language(app.config.language), items))
    except Exception as error:  # the binary failed: no bundle rather than half of one
        shutil.rmtree(fresh, ignore_errors=True)
        warn(
            "Pagefind could not write the search bundle: %s",
            NewsarcWarning.config,
            conf_location(app.confdir, "newsarc_search"),
            error,
        )
        return
    shutil.rmtree(bundle, ignore_errors=True)
    fresh.replace(bundle)
    write_manifest(manifest, {"token": token, "records": len(items)})


def setup_search(app: Sphinx) -> None:
    """Connect the handlers (called from the extension's ``setup``)."""
    app.connect("builder-inited", check_search)
    app.connect("html-collect-pages", search_page)
    app.connect("html-page-context", page_context)
    app.connect("build-finished", write_bundle)
