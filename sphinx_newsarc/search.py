"""Search with Pagefind (``newsarc_search = "pagefind"``, extra ``sphinx-newsarc[search]``).

Each event is one Pagefind record (a custom record of Pagefind's service): its URL is the event's
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

import base64
import contextlib
import gzip
import hashlib
import html
import importlib.util
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

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
    """An event's result. Its ``entity`` and ``story`` filters are given only while the
    Entities (Stories) index fits one page (``newsarc_entities_per_page``): Pagefind's
    search page loads every filter's values and shows each as a checkbox, and an archive
    of 94,707 names (24 years) made that panel 2.8 MB and hung the browser. A larger
    archive leads to an entity's events through its index and pages; its names are still
    words of the result's text."""
    archive = domain.archive
    plan = domain.plan
    event = archive.event(uid)
    entities = [archive.entity(key).name for key in archive.entities_of.get(uid, ())]
    filters = {"year": [event.date.year_key()]}
    if entities and not plan.index_parts:
        filters["entity"] = entities
    if event.story and not plan.story_index_parts:
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


class _Service:
    """Pagefind's binary in its service mode (``--service``), the protocol its Python and
    Node wrappers speak: a request is base64 of JSON ending in a comma, and so is each
    answer, which names its request's ``message_id``. The binary handles requests one at a
    time in the order sent, so records can go in bulk and the bundle is the same as when
    sent one by one. (The Python wrapper reads one answer per 0.1 s: hours for 160,000
    events.)"""

    def __init__(self, binary: Path, log: IO[bytes]) -> None:
        self._log = log  # the binary's stderr, for the message when it stops
        self._proc = subprocess.Popen(
            [str(binary), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
        )
        self._answers: queue.SimpleQueue[dict[str, Any] | None] = queue.SimpleQueue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._sent = 0

    def _read(self) -> None:
        """Put each answer in the queue (``None`` at the end of the binary's output)."""
        assert self._proc.stdout is not None
        rest = b""
        try:
            while chunk := os.read(self._proc.stdout.fileno(), 1 << 16):
                *messages, rest = (rest + chunk).split(b",")
                for message in messages:
                    self._answers.put(json.loads(base64.b64decode(message)))
        except ValueError as error:  # not base64 of JSON: report it as an answer
            self._answers.put({"payload": {"type": "Error", "message": str(error)}})
        self._answers.put(None)

    def send(self, payloads: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """Send the requests and return their answers, in order; an error answer, or the
        binary's end, raises :class:`RuntimeError`."""
        first = self._sent + 1
        try:
            self._write(payloads)
        except OSError:  # it stopped reading: it failed
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(timeout=10)
            raise self._stopped() from None
        answers: dict[int, dict[str, Any]] = {}
        while len(answers) < self._sent - first + 1:
            answer = self._answers.get()
            if answer is None:
                raise self._stopped()
            payload = answer.get("payload") or {}
            if payload.get("type") == "Error" or answer.get("message_id") is None:
                raise RuntimeError(str(payload.get("message", answer)))
            answers[int(answer["message_id"])] = payload
        return [answers[n] for n in range(first, self._sent + 1)]

    def _write(self, payloads: Iterable[dict[str, Any]]) -> None:
        assert self._proc.stdin is not None
        batch: list[bytes] = []
        for payload in payloads:
            self._sent += 1
            message = {"message_id": self._sent, "payload": payload}
            batch.append(base64.b64encode(json.dumps(message).encode()) + b",")
            if len(batch) == 512:
                self._proc.stdin.write(b"".join(batch))
                batch.clear()
        self._proc.stdin.write(b"".join(batch))
        self._proc.stdin.flush()

    def _stopped(self) -> RuntimeError:
        """The error of a binary that stopped, with what it wrote to stderr."""
        self._log.seek(0)
        message = self._log.read().decode("utf-8", "replace").strip()
        return RuntimeError(" ".join(("Pagefind stopped.", message)).strip())

    def close(self) -> None:
        """End the binary (it stops at the end of its input)."""
        if self._proc.stdin is not None:
            with contextlib.suppress(OSError):
                self._proc.stdin.close()
        try:
            self._proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._reader.join(timeout=10)


#: the bundle's files Pagefind writes per index (gzip), and its entry; every other file is
#: the same for every bundle of one Pagefind version and language
_DATA = ("fragment/", "index/", "filter/")


def _write_bundle(target: Path, language: str, items: list[Record]) -> None:
    """Write the bundle of ``items`` at ``target`` with Pagefind's binary: a new index, all
    records at once, then the files, which are checked (see :func:`_check_bundle`)."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise RuntimeError("Pagefind's binary was not found")
    with tempfile.TemporaryFile() as log:
        service = _Service(binary, log)
        try:
            common = _send_records(service, target, language, items)
        finally:
            service.close()
    _check_bundle(target, common)


def _send_records(
    service: _Service, target: Path, language: str, items: list[Record]
) -> dict[str, bytes]:
    """Index ``items`` and write their bundle at ``target``; return the files common to
    every bundle (from a second, one-record index, in memory)."""
    (created,) = service.send([{"type": "NewIndex", "config": {}}])
    index_id = created["index_id"]
    service.send(
        {
            "type": "AddRecord",
            "index_id": index_id,
            "url": record.url,
            "content": record.content,
            "language": language,
            "meta": record.meta,
            "filters": record.filters,
            "sort": record.sort,
        }
        for record in items
    )
    service.send([{"type": "WriteFiles", "index_id": index_id, "output_path": str(target)}])
    (created,) = service.send([{"type": "NewIndex", "config": {}}])
    one = created["index_id"]
    record = {"url": "x", "content": "x", "language": language}
    *_, files = service.send(
        [{"type": "AddRecord", "index_id": one, **record}, {"type": "GetFiles", "index_id": one}]
    )
    return {
        f["path"]: base64.b64decode(f["content"])
        for f in files["files"]
        if not f["path"].startswith(_DATA) and not f["path"].endswith((".pf_meta", "-entry.json"))
    }


def _check_bundle(target: Path, common: dict[str, bytes]) -> None:
    """Make sure no file of the bundle is cut short. Pagefind 1.5.2's service answers
    ``WriteFiles`` before its last writes reach the disk, and stops at the end of its input
    without finishing them (Pagefind issue 1271): the common files are written again from
    memory, and every index file must be whole gzip and the entry whole JSON, else
    :class:`RuntimeError`."""
    for name, content in sorted(common.items()):
        (target / name).write_bytes(content)
    for path in sorted(target.rglob("*.pf_*")):
        try:
            whole = path.stat().st_size > 0 and gzip.decompress(path.read_bytes()) is not None
        except (OSError, EOFError, zlib.error):
            whole = False
        if not whole:
            raise RuntimeError(f"Pagefind wrote {path.relative_to(target)} cut short")
    try:
        json.loads((target / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    except (OSError, ValueError, KeyError) as error:
        raise RuntimeError(f"Pagefind wrote no whole pagefind-entry.json: {error}") from None


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
    for attempt in (1, 2):  # a second time if Pagefind cut a file short
        shutil.rmtree(fresh, ignore_errors=True)
        try:
            _write_bundle(fresh, _language(app.config.language), items)
            break
        except Exception as error:  # the binary failed: no bundle rather than half of one
            shutil.rmtree(fresh, ignore_errors=True)
            if attempt == 2:
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
