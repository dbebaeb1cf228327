"""The generic formats: JSON (an array, or ``{"events": [...], "entities": [...]}``), JSONL, CSV.

Every format carries the same fields (see ``schema/events.schema.json``); CSV cells
hold lists as ``;``-separated names and sources one per line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

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
    clean_text,
    entity_name,
    entity_url,
    entity_wikidata,
    make_source,
    name_list,
    parse_source_text,
)

__all__ = ["EVENT_FIELDS", "read_csv", "read_json", "read_jsonl"]


#: The fields of an event record.
EVENT_FIELDS = (
    "date",
    "headline",
    "id",
    "entities",
    "sources",
    "story",
    "category",
    "related",
    "body",
)
#: The fields of an entity object.
ENTITY_FIELDS = ("name", "aliases", "kind", "url", "description", "wikidata")
#: The fields of a source object.
SOURCE_FIELDS = ("name", "url")


#: Nesting deeper than this is reported where it starts when the JSON reader gives up.
_REPORTED_DEPTH = 500


def _too_deep(text: str) -> tuple[int, int]:
    """The line and column where ``text`` (JSON) first nests deeper than
    :data:`_REPORTED_DEPTH` (``(0, 0)`` if it never does)."""
    depth = 0
    line = 1
    line_start = 0
    in_string = escaped = False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > _REPORTED_DEPTH:
                return line, index - line_start + 1
        elif char in "]}":
            depth -= 1
        elif char == "\n":
            line += 1
            line_start = index + 1
    return 0, 0


def _too_deep_message(text: str, one_line: bool) -> str:
    line, column = _too_deep(text)
    if not line:
        return "arrays and objects nest too deep to be read"
    where = f"column {column}" if one_line else f"line {line} column {column}"
    return f"arrays and objects nest more than {_REPORTED_DEPTH} deep ({where})"


def load_json(text: str, path: Path) -> Any:
    """Parse a whole JSON input; raise :class:`InputError` when it is not JSON, or nests
    deeper than Python's JSON reader can follow."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: invalid JSON: {error}") from None
    except RecursionError:
        raise InputError(f"{path}: invalid JSON: {_too_deep_message(text, False)}") from None


def _read_text(path: Path, encoding: str) -> str:
    try:
        with path.open(encoding=encoding, newline="") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, LookupError) as error:
        raise InputError(f"{path}: cannot be read: {error}") from None
    return text.removeprefix("\ufeff")


class _Reader:
    """Converts generic records (mappings) into events and entities, reporting problems."""

    def __init__(self, problems: Problems, progress: Progress | None) -> None:
        self.problems = problems
        self.progress = progress
        self.batch = Batch()
        self._unknown: set[tuple[str, str]] = set()

    def count(self) -> None:
        self.batch.records += 1
        if self.progress is not None:
            self.progress(1)

    def _check_fields(
        self, data: Mapping[str, Any], known: Iterable[str], where: Position, what: str
    ) -> None:
        allowed = set(known)
        for key in data:
            if key not in allowed and (what, key) not in self._unknown:
                # reported once per input and kind of object, not once per record
                self._unknown.add((what, key))
                self.problems.warn(
                    where.at(key),
                    "unknown field",
                    f"{what} field {key!r} is not part of the format; ignored "
                    "(reported once per input)",
                )

    def _text(self, data: Mapping[str, Any], key: str, where: Position) -> str:
        value = data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise SkipRecord(
                "malformed record",
                f"{key!r} must be a string, found {type(value).__name__}",
                where.at(key),
            )
        return value

    def event(self, data: object, where: Position) -> None:
        """Convert one event record; skip it (reported) when it is bad."""
        self.count()
        try:
            controls = check_text(data, where)
            event, entities = self._event(data, where)
        except SkipRecord as error:
            self.problems.skip(error)
            return
        self._report_controls(controls)
        self.batch.events.append(event)
        self.batch.entities.extend(entities)

    def _report_controls(self, controls: list[tuple[Position, str]]) -> None:
        for at, message in controls:
            self.problems.warn(at, "control character", message)

    def _event(self, data: object, where: Position) -> tuple[ImportedEvent, list[ImportedEntity]]:
        if not isinstance(data, dict):
            raise SkipRecord(
                "malformed record",
                f"an event must be an object, found {type(data).__name__}",
                where,
            )
        headline = clean_line(self._text(data, "headline", where))
        date = check_date(data.get("date"), where.at("date"))
        if not headline:
            raise SkipRecord("no headline", "the record has no headline", where.at("headline"))
        self._check_fields(data, EVENT_FIELDS, where, "event")
        entities, declared = self._entity_refs(data.get("entities"), where.at("entities"))
        sources = self._sources(data.get("sources"), where.at("sources"))
        event_id = check_id(self._text(data, "id", where), where.at("id"), self.problems)
        event = ImportedEvent(
            date=date,
            headline=headline,
            id=event_id,
            entities=tuple(entities),
            sources=tuple(sources),
            story=clean_line(self._text(data, "story", where)),
            category=clean_line(self._text(data, "category", where)),
            related=tuple(name_list(data.get("related"), where.at("related"))),
            body=clean_text(self._text(data, "body", where)),
            where=where,
        )
        return event, declared

    def _entity_refs(
        self, value: object, where: Position
    ) -> tuple[list[str], list[ImportedEntity]]:
        if not isinstance(value, list):
            return [entity_name(n, where, self.problems) for n in name_list(value, where)], []
        names: list[str] = []
        declared: list[ImportedEntity] = []
        for n, item in enumerate(value):
            if isinstance(item, str):
                if clean_line(item):
                    names.append(entity_name(item, where.at(n), self.problems))
                continue
            entity = self._entity(item, where.at(n))
            names.append(entity.name)
            declared.append(entity)
        return names, declared

    def _entity(self, data: object, where: Position) -> ImportedEntity:
        if not isinstance(data, dict):
            raise SkipRecord(
                "malformed record",
                f"an entity must be a string or an object, found {type(data).__name__}",
                where,
            )
        name = entity_name(self._text(data, "name", where), where.at("name"), self.problems)
        if not name:
            raise SkipRecord("malformed record", "the entity has no name", where.at("name"))
        self._check_fields(data, ENTITY_FIELDS, where, "entity")
        aliases = [
            entity_name(a, where.at("aliases"), self.problems)
            for a in name_list(data.get("aliases"), where.at("aliases"))
        ]
        return ImportedEntity(
            name=name,
            aliases=tuple(aliases),
            kind=clean_line(self._text(data, "kind", where)),
            url=entity_url(self._text(data, "url", where), where.at("url"), self.problems),
            description=clean_text(self._text(data, "description", where)),
            where=where,
            wikidata=entity_wikidata(
                self._text(data, "wikidata", where), where.at("wikidata"), self.problems
            ),
        )

    def entity(self, data: object, where: Position) -> None:
        """Convert one top-level entity declaration; skip it (reported) when it is bad."""
        self.count()
        try:
            controls = check_text(data, where)
            entity = self._entity(data, where)
        except SkipRecord as error:
            self.problems.skip(error)
            return
        self._report_controls(controls)
        self.batch.entities.append(entity)

    def _sources(self, value: object, where: Position) -> list[ImportedSource]:
        if value is None:
            return []
        if isinstance(value, str):
            items: list[object] = [line for line in value.splitlines() if line.strip()]
            if not items and value:
                items = [value]
            positions = [where] * len(items)
        elif isinstance(value, list):
            items = list(value)
            positions = [where.at(n) for n in range(len(items))]
        else:
            raise SkipRecord(
                "malformed record",
                f"sources must be a list or a string, found {type(value).__name__}",
                where,
            )
        sources: list[ImportedSource] = []
        for item, at in zip(items, positions, strict=True):
            source: ImportedSource | None
            if isinstance(item, str):
                source = parse_source_text(item, at, self.problems)
            elif isinstance(item, dict):
                self._check_fields(item, SOURCE_FIELDS, at, "source")
                source = make_source(
                    self._text(item, "name", at), self._text(item, "url", at), at, self.problems
                )
            else:
                raise SkipRecord(
                    "malformed record",
                    f"a source must be a string or an object, found {type(item).__name__}",
                    at,
                )
            if source is not None:
                sources.append(source)
        return sources


def read_json(
    path: Path, problems: Problems, *, encoding: str = "utf-8", progress: Progress | None = None
) -> Batch:
    """Read a JSON array of events, or an object with ``events`` and ``entities`` arrays."""
    data = load_json(_read_text(path, encoding), path)
    reader = _Reader(problems, progress)
    name = str(path)
    if isinstance(data, list):
        events: list[object] = data
        prefix = ""
        entities: list[object] = []
    elif isinstance(data, dict) and ("events" in data or "entities" in data):
        events = data.get("events") or []
        entities = data.get("entities") or []
        if not isinstance(events, list) or not isinstance(entities, list):
            raise InputError(f"{path}: 'events' and 'entities' must be arrays")
        reader._check_fields(data, ("events", "entities", "$schema"), Position(name), "top-level")
        prefix = "/events"
    else:
        raise InputError(
            f"{path}: expected an array of events or an object with 'events' and 'entities' arrays"
        )
    for n, record in enumerate(events):
        reader.event(record, Position(name, record=n + 1, pointer=f"{prefix}/{n}"))
    for n, record in enumerate(entities):
        reader.entity(record, Position(name, record=n + 1, pointer=f"/entities/{n}"))
    return reader.batch


def read_jsonl(
    path: Path, problems: Problems, *, encoding: str = "utf-8", progress: Progress | None = None
) -> Batch:
    """Read one JSON object per line: an event, or ``{"entity": {...}}`` for a declaration."""
    text = _read_text(path, encoding)
    reader = _Reader(problems, progress)
    name = str(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = Position(name, line=number)
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            reader.count()
            problems.skip(SkipRecord("malformed record", f"invalid JSON: {error}", where))
            continue
        except RecursionError:
            reader.count()
            problems.skip(
                SkipRecord(
                    "malformed record", f"invalid JSON: {_too_deep_message(line, True)}", where
                )
            )
            continue
        if isinstance(data, dict) and set(data) == {"entity"}:
            reader.entity(data["entity"], where.at("entity"))
        else:
            reader.event(data, where)
    return reader.batch


def read_csv(
    path: Path,
    problems: Problems,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    progress: Progress | None = None,
) -> Batch:
    """Read a CSV file with a header row naming the columns (``date`` and ``headline`` at least)."""
    text = _read_text(path, encoding)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    reader = _Reader(problems, progress)
    name = str(path)
    try:
        header = next(rows)
    except StopIteration:
        raise InputError(f"{path}: the file is empty; a header row is needed") from None
    except csv.Error as error:
        raise InputError(f"{path}: line 1: {error}") from None
    columns = [clean_line(c).lower() for c in header]
    missing = [c for c in ("date", "headline") if c not in columns]
    if missing:
        raise InputError(
            f"{path}: the header row has no {' and no '.join(map(repr, missing))} column"
        )
    start = rows.line_num + 1
    while True:
        where = Position(name, line=start, csv=True)
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as error:
            reader.count()
            problems.skip(SkipRecord("malformed record", f"invalid CSV: {error}", where))
            start = rows.line_num + 1
            continue
        start = rows.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            reader.count()
            problems.skip(
                SkipRecord(
                    "malformed record",
                    f"the row has {len(row)} cells, the header {len(columns)}",
                    where,
                )
            )
            continue
        data: dict[str, str] = {}
        for column, cell in zip(columns, row, strict=False):
            if column in data:
                continue
            data[column] = cell
        reader.event(data, where)
    return reader.batch
