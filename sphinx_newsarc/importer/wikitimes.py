"""The WikiTimes JSON export of Wikipedia's Current Events Portal.

Two forms are read: an array of events (``events-2001-01.json``) and a story object
``{"id", "name", "wikipediaUrl", "startDate", "endDate", "event": [...]}``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..core.text import name_key
from .generic import _read_text, load_json
from .records import (
    Batch,
    ImportedEntity,
    ImportedEvent,
    ImportedSource,
    InputError,
    Position,
    Problems,
    Progress,
    SkipRecord,
    check_date,
    check_id,
    check_text,
    clean_line,
    entity_name,
    entity_url,
    make_source,
)

__all__ = [
    "category_name",
    "entity_from_wikitimes",
    "read_wikitimes",
    "spelling_in_text",
    "title_from_url",
]


_NOT_KEPT = re.compile(r"[^A-Za-z0-9 ]")
_SPACE = re.compile(r"\s+")
#: commas the export leaves at the end of a description where it removed links (", , ")
_TRAILING_COMMAS = re.compile(r"(?:\s*,)+\s*$")


def title_from_url(url: str) -> str:
    """The article title of a Wikipedia URL: percent-decoded, ``_`` as spaces, no fragment."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if "/wiki/" not in parts.path:
        return ""
    title = unquote(parts.path.split("/wiki/", 1)[1]).replace("_", " ")
    return clean_line(title)


def _export_form(title: str) -> str:
    """What the WikiTimes export makes of a title: only ASCII letters, digits and spaces."""
    return _SPACE.sub(" ", _NOT_KEPT.sub("", title)).strip()


def entity_from_wikitimes(name: str, url: str) -> tuple[str, tuple[str, ...]]:
    """The canonical name and aliases of a WikiTimes entity.

    The export drops every character but ASCII letters, digits and spaces ("Ciudad Bolvar"
    for ``Ciudad_Bol%C3%ADvar``, "George W Bush" for ``George_W._Bush``); where the export
    name is exactly what that makes of the URL's title, the title is the name and the
    export name an alias. Otherwise the export name stays.
    """
    name = clean_line(name)
    title = title_from_url(url)
    if title and title != name and _export_form(title) == name:
        return title, (name,)
    return name or title, ()


def spelling_in_text(name: str, text: str) -> str:
    """``name`` as ``text`` writes it, where MediaWiki's capital first letter hid that.

    MediaWiki capitalises the first letter of every title, so the export names the article
    on iTunes "ITunes". Where the name's first word has a capital after its first letter
    and ``text`` writes the name with a small first letter ("iTunes", "eBay"), that is the
    name. Otherwise ``name`` stays ("Car bomb" is not respelled after "a car bomb").
    """
    first = name.split(" ", 1)[0]
    if not first[:1].isupper() or not any(c.isupper() for c in first[1:]):
        return name
    written = name[0].lower() + name[1:]
    if re.search(rf"(?<!\w){re.escape(written)}(?!\w)", text):
        return written
    return name


def category_name(raw: str) -> str:
    """A readable category: ``War_Conflict`` becomes "War and conflict", ``Sport`` stays.

    Two ``_``-joined words name a pair ("A and b"); other underscores become spaces.
    Words after the first are lower-cased unless written in capitals (acronyms).
    """
    words = [w for w in clean_line(raw).replace("_", " ").split(" ") if w]
    if not words:
        return ""
    words = [words[0]] + [w if w.isupper() and len(w) > 1 else w.lower() for w in words[1:]]
    if len(words) == 2 and "_" in raw:
        return f"{words[0]} and {words[1]}"
    return " ".join(words)


class _WikiTimesReader:
    def __init__(self, problems: Problems, progress: Progress | None, story: str) -> None:
        self.problems = problems
        self.progress = progress
        self.story = story
        self.batch = Batch()
        self.spellings: dict[str, str] = {}  # name key -> the spelling a headline showed

    def respell(self) -> None:
        """Give every mention and declaration of a name one spelling: the one a headline
        showed (:func:`spelling_in_text`), in all events of the input."""
        if not self.spellings:
            return

        def fix(name: str) -> str:
            return self.spellings.get(name_key(name), name)

        self.batch.events = [
            replace(e, entities=tuple(fix(n) for n in e.entities)) for e in self.batch.events
        ]
        self.batch.entities = [replace(e, name=fix(e.name)) for e in self.batch.entities]

    def event(self, data: object, where: Position) -> None:
        self.batch.records += 1
        if self.progress is not None:
            self.progress(1)
        try:
            controls = check_text(data, where)
            event, entities = self._event(data, where)
        except SkipRecord as error:
            self.problems.skip(error)
            return
        for at, message in controls:
            self.problems.warn(at, "control character", message)
        self.batch.events.append(event)
        self.batch.entities.extend(entities)

    @staticmethod
    def _object(data: Any, key: str, where: Position) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise SkipRecord("malformed record", f"{key!r} must be an object", where.at(key))
        return value

    @staticmethod
    def _list(data: Any, key: str, where: Position) -> list[Any]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise SkipRecord("malformed record", f"{key!r} must be an array", where.at(key))
        return value

    @staticmethod
    def _str(data: Any, key: str, where: Position) -> str:
        value = data.get(key)
        if value is None:
            return ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            raise SkipRecord("malformed record", f"{key!r} must be a string", where.at(key))
        return value

    def _event(self, data: object, where: Position) -> tuple[ImportedEvent, list[ImportedEntity]]:
        if not isinstance(data, dict):
            raise SkipRecord(
                "malformed record",
                f"an event must be an object, found {type(data).__name__}",
                where,
            )
        headline = clean_line(_TRAILING_COMMAS.sub("", self._str(data, "description", where)))
        date = check_date(data.get("date"), where.at("date"))
        if not headline:
            raise SkipRecord("no headline", "the event has no description", where.at("description"))
        names: list[str] = []
        keys: set[str] = set()
        declared: list[ImportedEntity] = []
        for n, item in enumerate(self._list(data, "entity", where)):
            at = where.at("entity", n)
            if not isinstance(item, dict):
                raise SkipRecord("malformed record", "an entity must be an object", at)
            url = self._str(item, "wikiURL", at)
            name, aliases = entity_from_wikitimes(self._str(item, "name", at), url)
            written = spelling_in_text(name, headline)
            if written != name:
                self.spellings[name_key(name)] = name = written
            name = entity_name(name, at.at("name"), self.problems)
            if not name:
                raise SkipRecord("malformed record", "the entity has neither name nor wikiURL", at)
            aliases = tuple(entity_name(a, at.at("name"), self.problems) for a in aliases)
            if name_key(name) not in keys:
                names.append(name)
            keys.update(name_key(n) for n in (name, *aliases))
            declared.append(
                ImportedEntity(
                    name=name,
                    aliases=aliases,
                    url=entity_url(url, at.at("wikiURL"), self.problems),
                    where=at,
                )
            )
        location = self._object(data, "location", where)
        if location:
            at = where.at("location")
            raw = self._str(location, "name", at) or self._str(location, "id", at)
            place = entity_name(raw.replace("_", " "), at, self.problems)
            if place:
                if name_key(place) not in keys:
                    names.append(place)
                    keys.add(name_key(place))
                declared.append(ImportedEntity(name=place, kind="place", where=at))
        sources: list[ImportedSource] = []
        for n, item in enumerate(self._list(data, "source", where)):
            at = where.at("source", n)
            if not isinstance(item, dict):
                raise SkipRecord("malformed record", "a source must be an object", at)
            source = make_source(
                self._str(item, "sourceName", at), self._str(item, "url", at), at, self.problems
            )
            if source is not None:
                sources.append(source)
        story = self._object(data, "belongsToStory", where)
        category = self._object(data, "category", where)
        raw_id = self._str(data, "id", where)
        event = ImportedEvent(
            date=date,
            headline=headline,
            id=check_id(f"wikitimes-{raw_id}", where.at("id"), self.problems)
            if raw_id.strip()
            else "",
            entities=tuple(names),
            sources=tuple(sources),
            story=clean_line(self._str(story, "name", where.at("belongsToStory"))) or self.story,
            category=category_name(self._str(category, "name", where.at("category"))),
            where=where,
        )
        return event, declared


def read_wikitimes(
    path: Path, problems: Problems, *, encoding: str = "utf-8", progress: Progress | None = None
) -> Batch:
    """Read a WikiTimes export: an array of events, or a story object with ``event``."""
    data = load_json(_read_text(path, encoding), path)
    name = str(path)
    if isinstance(data, list):
        events: list[Any] = data
        prefix = ""
        story = ""
    elif isinstance(data, dict) and isinstance(data.get("event"), list):
        events = data["event"]
        prefix = "/event"
        story = clean_line(data["name"]) if isinstance(data.get("name"), str) else ""
    else:
        raise InputError(
            f"{path}: not a WikiTimes export (expected an array of events or a "
            "story object with an 'event' array)"
        )
    reader = _WikiTimesReader(problems, progress, story)
    for n, record in enumerate(events):
        reader.event(record, Position(name, record=n + 1, pointer=f"{prefix}/{n}"))
    reader.respell()
    return reader.batch
