"""The archive as JSON, in the schema ``sphinx-newsarc import --format json`` reads.

Pure functions of the archive model: the same archive gives the same bytes (sorted keys,
two-space indent, UTF-8 without escapes, a newline at the end). See
``schema/events.schema.json`` and ``docs/feeds.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from .core.archive import Archive

__all__ = ["SCHEMA_ID", "Exporter", "dump", "entity_object", "event_object", "export"]


def _schema_id() -> str:
    schema = Path(__file__).parent / "schema" / "events.schema.json"
    return str(json.loads(schema.read_text(encoding="utf-8"))["$id"])


#: A JSON object of an export: strings, lists and objects.
JSONObject = dict[str, object]

#: The ``$id`` of the schema, written as ``$schema`` at the top of every export.
SCHEMA_ID = _schema_id()


def event_object(archive: Archive, uid: str) -> JSONObject:
    """One event as the schema's event object.

    Entities are given by their canonical names (an alias an author wrote resolves to the
    same entity when imported again); every field is present, empty when unset.
    """
    event = archive.event(uid)
    return {
        "id": event.id,
        "date": event.date.iso(),
        "headline": event.headline,
        "entities": [archive.entity(key).name for key in archive.entities_of.get(uid, ())],
        "sources": [
            {k: v for k, v in (("name", s.name), ("url", s.url)) if v} for s in event.sources
        ],
        "story": event.story,
        "category": event.category,
        "related": list(event.related),
    }


def entity_object(archive: Archive, key: str) -> JSONObject:
    """A declared entity as the schema's entity object."""
    entity = archive.entity(key)
    record = entity.record
    assert record is not None, key
    return {
        "name": entity.name,
        "aliases": list(record.aliases),
        "kind": record.kind,
        "url": record.url,
        "description": "\n\n".join(record.description),
        "wikidata": record.wikidata,
    }


def export(archive: Archive, uids: Iterable[str] | None = None) -> JSONObject:
    """``{"$schema", "events", "entities"}`` for ``uids`` (default: every event).

    With every event, ``entities`` holds every declared entity; otherwise the declared
    entities those events name.
    """
    chosen, keys = _selection(archive, uids)
    return {
        "$schema": SCHEMA_ID,
        "events": [event_object(archive, uid) for uid in chosen],
        "entities": [entity_object(archive, key) for key in sorted(keys)],
    }


def _selection(archive: Archive, uids: Iterable[str] | None) -> tuple[list[str], list[str]]:
    """The events of an export in archive order, and the declared entities they name."""
    if uids is None:
        chosen = list(archive.ordered)
        keys = [e.key for e in archive.entities if e.record is not None]
    else:
        chosen = sorted(uids, key=archive.position)
        named = {key for uid in chosen for key in archive.entities_of.get(uid, ())}
        keys = [key for key in named if archive.entity(key).record is not None]
    return chosen, keys


def dump(data: JSONObject) -> bytes:
    """Deterministic JSON text: sorted keys, indent 2, UTF-8, newline at the end."""
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


class Exporter:
    """:func:`dump` of :func:`export` for many selections of one archive, each event and
    entity encoded once however many files hold it (the archive's file and its day's)."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self._events: dict[str, str] = {}
        self._entities: dict[str, str] = {}

    def dump(self, uids: Iterable[str] | None = None) -> bytes:
        """The same bytes as ``dump(export(archive, uids))``."""
        chosen, keys = _selection(self.archive, uids)
        cached = self._events
        events = [cached.get(uid) or self._event(uid) for uid in chosen]
        entities = [self._encoded(self._entities, key, entity_object) for key in sorted(keys)]
        text = (
            "{\n"
            f'  "$schema": {json.dumps(SCHEMA_ID, ensure_ascii=False)},\n'
            f'  "entities": {_array(entities)},\n'
            f'  "events": {_array(events)}\n'
            "}\n"
        )
        return text.encode("utf-8")

    def _event(self, uid: str) -> str:
        """``_indented(event_object(archive, uid), "    ")``, written out field by field (an
        archive's file holds every event: this is most of an HTML rebuild's JSON time)."""
        archive = self.archive
        event = archive.event(uid)
        string = _string
        names = [string(archive.entity(key).name) for key in archive.entities_of.get(uid, ())]
        sources = [
            "{\n          "
            + ",\n          ".join(
                f'"{key}": {string(value)}'
                for key, value in (("name", s.name), ("url", s.url))
                if value
            )
            + "\n        }"
            if s.name or s.url
            else "{}"
            for s in event.sources
        ]
        text = self._events[uid] = (
            "{\n"
            f'      "category": {string(event.category)},\n'
            f'      "date": {string(event.date.iso())},\n'
            f'      "entities": {_array(names, "      ")},\n'
            f'      "headline": {string(event.headline)},\n'
            f'      "id": {string(event.id)},\n'
            f'      "related": {_array([string(r) for r in event.related], "      ")},\n'
            f'      "sources": {_array(sources, "      ")},\n'
            f'      "story": {string(event.story)}\n'
            "    }"
        )
        return text

    def _encoded(
        self, cache: dict[str, str], key: str, make: Callable[[Archive, str], JSONObject]
    ) -> str:
        text = cache.get(key)
        if text is None:
            text = cache[key] = _indented(make(self.archive, key), "    ")
        return text


def _indented(value: object, indent: str) -> str:
    """``json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False)`` for the strings,
    lists and dicts of an export, nested at ``indent``: the same text, several times faster
    (``json`` encodes indented output in pure Python)."""
    if isinstance(value, str):
        return _string(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{_string(k)}: {_indented(value[k], inner)}" for k in sorted(value)]
        return "{\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [_indented(item, inner) for item in value]
        return "[\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "]"
    return json.dumps(value)


#: ``json``'s own string encoder for ``ensure_ascii=False`` (in C where available)
_string = json.encoder.encode_basestring


def _array(items: list[str], indent: str = "  ") -> str:
    """A JSON array of encoded items, its brackets at ``indent`` in :func:`dump`'s layout
    (the top level's arrays; an event's, at ``"      "``)."""
    if not items:
        return "[]"
    inner = ",\n" + indent + "  "
    return "[" + inner[1:] + inner.join(items) + "\n" + indent + "]"
