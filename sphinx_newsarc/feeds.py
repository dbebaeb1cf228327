"""Atom feeds (RFC 4287) of archive events, written with :mod:`xml.etree.ElementTree`.

Pure functions of the archive model and a few URLs: the same input gives the same bytes.
Times come from event dates (midnight UTC of the first day a date covers), never from
the clock, so feeds do not change between builds of the same sources.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .core.archive import Archive
from .core.dates import EventDate
from .core.text import name_key

__all__ = ["ATOM_NS", "EMPTY_UPDATED", "FeedLinks", "atom_feed", "atom_time"]

ATOM_NS = "http://www.w3.org/2005/Atom"
#: The ``updated`` time of a feed without entries (a fixed time, not the build time).
EMPTY_UPDATED = "1970-01-01T00:00:00Z"

# characters XML 1.0 does not allow, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def atom_time(date: EventDate) -> str:
    """An RFC 3339 time for an event date: midnight UTC of the first day it covers."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


@dataclass(frozen=True, slots=True)
class FeedLinks:
    """Absolute URLs of the places entries link to, and the labels of entry content."""

    event: Callable[[str], str]
    """An event's place (page URL ``#`` anchor), by uid."""
    entity: Callable[[str], str | None]
    """An entity's page, by key, if it has one."""
    story: Callable[[str], str | None]
    """A story's page, by key, if it has one."""
    entities_scheme: str | None = None
    """The ``scheme`` of entity categories (the Entities index), if any."""
    stories_scheme: str | None = None
    """The ``scheme`` of story categories (the Stories index), if any."""
    labels: tuple[str, str, str, str] = ("Entities", "Story", "Category", "Sources")
    """Translated labels of the entry content: entities, story, category, sources."""


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _a(url: str | None, text: str) -> str:
    if not url:
        return html.escape(text, quote=False)
    return f'<a href="{html.escape(url)}">{html.escape(text, quote=False)}</a>'


def _content(archive: Archive, uid: str, links: FeedLinks) -> str:
    """The entry's content as HTML: entities, story, category and sources."""
    event = archive.event(uid)
    entities_label, story_label, category_label, sources_label = links.labels
    parts: list[str] = []
    keys = archive.entities_of.get(uid, ())
    if keys:
        names = ", ".join(_a(links.entity(k), archive.entity(k).name) for k in keys)
        parts.append(f"<p>{html.escape(entities_label)}: {names}</p>")
    meta = []
    if event.story:
        meta.append(
            f"{html.escape(story_label)}: {_a(links.story(name_key(event.story)), event.story)}"
        )
    if event.category:
        meta.append(f"{html.escape(category_label)}: {html.escape(event.category)}")
    if meta:
        parts.append(f"<p>{' &#183; '.join(meta)}</p>")
    if event.sources:
        items = "".join(f"<li>{_a(s.url, s.name or s.url)}</li>" for s in event.sources)
        parts.append(f"<p>{html.escape(sources_label)}:</p><ul>{items}</ul>")
    return "".join(parts)


def _entry(feed: ET.Element, archive: Archive, uid: str, links: FeedLinks) -> None:
    event = archive.event(uid)
    url = links.event(uid)
    entry = _sub(feed, "entry")
    _sub(entry, "id", url)
    _sub(entry, "title", event.headline, type="text")
    when = atom_time(event.date)
    _sub(entry, "published", when)
    _sub(entry, "updated", when)
    _sub(entry, "link", rel="alternate", type="text/html", href=url)
    for source in event.sources:
        if source.url:
            attrs = {"title": source.name} if source.name else {}
            _sub(entry, "link", rel="related", href=source.url, **attrs)
    for key in archive.entities_of.get(uid, ()):
        attrs = {"scheme": links.entities_scheme} if links.entities_scheme else {}
        _sub(entry, "category", term=archive.entity(key).name, **attrs)
    if event.story:
        attrs = {"scheme": links.stories_scheme} if links.stories_scheme else {}
        _sub(entry, "category", term=event.story, **attrs)
    if event.category:
        _sub(entry, "category", term=event.category)
    content = _content(archive, uid, links)
    if content:
        _sub(entry, "content", content, type="html")


def atom_feed(
    archive: Archive,
    uids: Iterable[str],
    *,
    url: str,
    title: str,
    author: str,
    links: FeedLinks,
    alternate: str | None = None,
    language: str = "",
    length: int = 0,
    generator: Sequence[str] = ("sphinx-newsarc", "", ""),
    related: Sequence[tuple[str, str]] = (),
) -> bytes:
    """An Atom feed of the newest ``length`` (0: all) of ``uids``, newest first.

    ``url`` is the feed's own absolute URL (also its id); ``alternate`` the page it is
    the feed of; ``generator`` is (name, version, URI); ``related`` (URL, title) pages of
    what the feed is about (an entity's link and Wikidata item), as ``rel="related"`` links.
    """
    entries = archive.newest_first(uids)
    if length:
        entries = entries[:length]
    attrs = {"xmlns": ATOM_NS}
    if language:
        attrs["xml:lang"] = language
    feed = ET.Element("feed", attrs)
    _sub(feed, "id", url)
    _sub(feed, "title", title, type="text")
    updated = max((atom_time(archive.event(uid).date) for uid in entries), default=EMPTY_UPDATED)
    _sub(feed, "updated", updated)
    _sub(_sub(feed, "author"), "name", author)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=url)
    if alternate:
        _sub(feed, "link", rel="alternate", type="text/html", href=alternate)
    for href, link_title in related:
        _sub(
            feed, "link", rel="related", href=href, **({"title": link_title} if link_title else {})
        )
    name, version, uri = generator
    generator_attrs = {k: v for k, v in (("uri", uri), ("version", version)) if v}
    _sub(feed, "generator", name, **generator_attrs)
    for uid in entries:
        _entry(feed, archive, uid, links)
    ET.indent(feed, space="  ")
    text = ET.tostring(feed, encoding="unicode", xml_declaration=False)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n").encode("utf-8")
