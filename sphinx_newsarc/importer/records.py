"""Imported records: plain events, entities and sources, and the problems met reading them.

Readers turn each input record into an :class:`ImportedEvent` (plus any
:class:`ImportedEntity` declarations) or report why it was skipped, with its
:class:`Position` in the input. Nothing here knows about files, formats or MyST.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..core.dates import DateError, EventDate, parse_date
from ..core.model import is_event_id, is_wikidata_id
from ..core.sources import encode_url
from ..core.text import control_chars, split_list, strip_control_chars

__all__ = [
    "SKIP_REASONS",
    "WARNING_REASONS",
    "Batch",
    "ImportedEntity",
    "ImportedEvent",
    "ImportedSource",
    "InputError",
    "Position",
    "Problem",
    "Problems",
    "Progress",
    "SkipRecord",
    "check_date",
    "check_id",
    "check_text",
    "clean_line",
    "clean_text",
    "entity_name",
    "entity_url",
    "entity_wikidata",
    "make_source",
    "name_list",
    "parse_source_text",
]

#: Called with the number of records read so far (the command line's progress line).
Progress = Callable[[int], None]

#: Why a record is skipped (the keys of :attr:`Problems.skipped`).
SKIP_REASONS: dict[str, str] = {
    "no date": "a record without a date",
    "bad date": "a date that is not YYYY-MM-DD, YYYY-MM or YYYY, or does not exist",
    "no headline": "a record without a headline",
    "source without URL or name": "a source that has neither a URL nor a name",
    "malformed record": "a record of the wrong shape (not an object, a field of the wrong type)",
    "invalid text": "text that is not valid Unicode (a lone surrogate such as \\ud800 in "
    "JSON), which cannot be written as UTF-8",
}

#: What was repaired or ignored in a record that was imported anyway.
WARNING_REASONS: dict[str, str] = {
    "duplicate id": "an id an earlier record has; the later record gets id-2, id-3, ...",
    "bad id": "an id that is not slug-like; it is replaced by its slug",
    "semicolon in entity name": "';' cannot appear in an entity name; it became ','",
    "bad source URL": "a source URL that is not an absolute http(s)/ftp(s) URL; dropped",
    "bad entity URL": "an entity URL that is not an http(s) URL; dropped",
    "bad Wikidata id": "an entity's wikidata that is not an item id (Q42); dropped",
    "unknown field": "a field or column the format does not define; ignored",
    "entity conflict": "two declarations of one entity disagree; the first one wins",
    "alias conflict": "an alias that another entity already has; dropped",
    "foreign file": "a file at an output path that the importer did not write; kept",
    "control character": "control characters (U+0000-U+001F but tab and line breaks, "
    "U+007F-U+009F) in text; removed",
}

#: Line breaks that Python's ``str.splitlines`` (used by docutils and MyST) also honours.
_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: Text that :func:`check_text` looks at twice: control characters and lone surrogates.
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE = re.compile(r"\s+")
_URL_SCHEMES = ("http", "https", "ftp", "ftps")
_SCHEME_PREFIX = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


class InputError(Exception):
    """An input that cannot be read at all (missing file, invalid JSON, no header)."""


class SkipRecord(Exception):
    """Raised while converting a record: it is skipped for ``reason``."""

    def __init__(self, reason: str, message: str, where: Position) -> None:
        super().__init__(message)
        assert reason in SKIP_REASONS, reason
        self.reason = reason
        self.message = message
        self.where = where


@dataclass(frozen=True, slots=True)
class Position:
    """Where a record (or a field of it) stands in an input.

    JSON inputs give a 1-based ``record`` number and a JSON pointer (``/3/sources/0``);
    JSONL and CSV inputs give the 1-based ``line`` the record starts on, and the field
    (a pointer for JSONL, a column name for CSV).
    """

    file: str
    record: int = 0
    line: int = 0
    pointer: str = ""
    column: str = ""
    csv: bool = False

    def at(self, *parts: str | int) -> Position:
        """This position, one or more steps into the record."""
        if self.csv:
            column = self.column or str(parts[0])
            return Position(self.file, self.record, self.line, self.pointer, column, True)
        extra = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)
        return Position(self.file, self.record, self.line, self.pointer + extra, self.column)

    def __str__(self) -> str:
        text = self.file
        if self.line:
            text += f": line {self.line}"
        elif self.record:
            text += f": record {self.record}"
        if self.column:
            text += f" (column {self.column!r})"
        elif self.pointer:
            text += f" ({self.pointer})"
        return text


@dataclass(frozen=True, slots=True)
class Problem:
    """One reported problem: skipped record (``skipped``) or repaired/ignored (``warning``)."""

    where: Position | str
    reason: str
    message: str
    skipped: bool

    def __str__(self) -> str:
        outcome = "record skipped" if self.skipped else "imported anyway"
        return f"{self.where}: {self.reason}: {self.message} ({outcome})"


@dataclass(slots=True)
class Problems:
    """Every problem met, in the order met, with counts per reason."""

    items: list[Problem] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    listener: Callable[[Problem], None] | None = None

    def skip(self, error: SkipRecord) -> None:
        """Record a skipped record."""
        self._add(Problem(error.where, error.reason, error.message, True))
        self.skipped[error.reason] += 1

    def warn(self, where: Position | str, reason: str, message: str) -> None:
        """Record a repair or an ignored detail of a record that is imported."""
        assert reason in WARNING_REASONS, reason
        self._add(Problem(where, reason, message, False))
        self.warnings[reason] += 1

    def _add(self, problem: Problem) -> None:
        self.items.append(problem)
        if self.listener is not None:
            self.listener(problem)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)


@dataclass(frozen=True, slots=True)
class ImportedSource:
    """A source: outlet name and/or URL (at least one of them)."""

    name: str = ""
    url: str = ""

    def line(self) -> str:
        """The ``sources`` option line: ``Name <URL>``, a bare URL, or a bare name."""
        if self.name and self.url:
            return f"{self.name} <{self.url}>"
        return self.url or self.name


@dataclass(frozen=True, slots=True)
class ImportedEntity:
    """An entity declaration: canonical name, aliases, kind, URL, description, Wikidata id."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    url: str = ""
    description: str = ""
    where: Position | str = ""
    wikidata: str = ""


@dataclass(frozen=True, slots=True)
class ImportedEvent:
    """One event as read from an input, before ids are made unique."""

    date: EventDate
    headline: str
    id: str = ""
    entities: tuple[str, ...] = ()
    sources: tuple[ImportedSource, ...] = ()
    story: str = ""
    category: str = ""
    related: tuple[str, ...] = ()
    body: str = ""
    where: Position | str = ""
    order: int = 0


# -- text cleaning ---------------------------------------------------------------------


def clean_text(value: str) -> str:
    """Multi-line text: unified ``\\n`` line breaks, no control characters, no edge blanks."""
    return strip_control_chars(_BREAKS.sub("\n", value)).strip()


def clean_line(value: str) -> str:
    """One-line text: whitespace runs (line breaks included) become one space."""
    return _SPACE.sub(" ", strip_control_chars(_BREAKS.sub(" ", value))).strip()


def check_text(data: object, where: Position) -> list[tuple[Position, str]]:
    """Check every string of a record (keys too): raise :class:`SkipRecord` (``invalid
    text``) for a lone surrogate, which cannot be written as UTF-8; return where control
    characters are (the cleaning functions remove them), to report once it is imported.

    Walks without recursion, so a deeply nested record cannot exhaust the stack.
    """
    controls: list[tuple[Position, str]] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if not _SUSPECT.search(value):
                continue
            at = where.at(*path) if path else where
            if _SURROGATE.search(value):
                excerpt = value if len(value) <= 60 else value[:57] + "..."
                raise SkipRecord(
                    "invalid text",
                    f"{excerpt!r} holds a lone surrogate, which is not a "
                    "character and cannot be written as UTF-8",
                    at,
                )
            found = control_chars(_BREAKS.sub("\n", value))
            if found:
                codes = ", ".join(f"U+{ord(c):04X}" for c in found)
                controls.append((at, f"control character(s) {codes} removed"))
        elif isinstance(value, dict):
            items = list(value.items())
            for key, _ in items:
                if isinstance(key, str) and _SURROGATE.search(key):
                    raise SkipRecord(
                        "invalid text",
                        f"the field name {key!r} holds a lone surrogate",
                        where.at(*path) if path else where,
                    )
            stack.extend((item, (*path, key)) for key, item in reversed(items))
        elif isinstance(value, list):
            stack.extend((item, (*path, n)) for n, item in reversed(list(enumerate(value))))
    return controls


# -- field checks shared by the readers ----------------------------------------------------


def check_date(value: object, where: Position) -> EventDate:
    """The event date, or :class:`SkipRecord` (``no date`` / ``bad date``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise SkipRecord("no date", "the record has no date", where)
    if not isinstance(value, str):
        raise SkipRecord("bad date", f"the date {value!r} is not a string", where)
    try:
        return parse_date(value)
    except DateError as error:
        raise SkipRecord("bad date", str(error), where) from None


def check_id(value: str, where: Position, problems: Problems) -> str:
    """A slug-like id (letters, digits, ``-``, ``_``, ``.``); others are slugified."""
    text = clean_line(value)
    if not text or is_event_id(text):
        return text
    from ..core.text import slugify

    fixed = slugify(text)
    problems.warn(
        where,
        "bad id",
        f"{text!r} is not a valid id; " + (f"using {fixed!r}" if fixed else "the event gets no id"),
    )
    return fixed


def name_list(value: object, where: Position) -> list[str]:
    """A list of names: a JSON array of strings, or a ``;``/newline-separated string."""
    if value is None:
        return []
    if isinstance(value, str):
        return [clean_line(v) for v in split_list(value) if clean_line(v)]
    if isinstance(value, list):
        names: list[str] = []
        for n, item in enumerate(value):
            if not isinstance(item, str):
                raise SkipRecord(
                    "malformed record",
                    f"expected a string, found {type(item).__name__}",
                    where.at(n),
                )
            if clean_line(item):
                names.append(clean_line(item))
        return names
    raise SkipRecord(
        "malformed record", f"expected a list or a string, found {type(value).__name__}", where
    )


def _valid_url(url: str, schemes: tuple[str, ...]) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in schemes and bool(parts.netloc)


def make_source(name: str, url: str, where: Position, problems: Problems) -> ImportedSource | None:
    """A checked source, ``None`` when only a bad URL was given (reported).

    Raises :class:`SkipRecord` when the source has neither name nor URL.
    """
    name = clean_line(name)
    url = clean_line(url)
    if not name and not url:
        raise SkipRecord("source without URL or name", "the source has neither URL nor name", where)
    if url:
        url = encode_url(url)
        if not _valid_url(url, _URL_SCHEMES):
            problems.warn(
                where,
                "bad source URL",
                f"{url!r} is not an absolute http(s) URL; "
                + ("kept the name only" if name else "source dropped"),
            )
            url = ""
            if not name:
                return None
    elif _SCHEME_PREFIX.match(name):
        # a bare name that reads as a URL is a URL
        fixed = encode_url(name)
        if _valid_url(fixed, _URL_SCHEMES):
            return ImportedSource("", fixed)
        problems.warn(
            where, "bad source URL", f"{name!r} is not an absolute http(s) URL; source dropped"
        )
        return None
    # a bare name cannot hold angle brackets (they would read as a URL)
    if not url:
        name = name.replace("<", "\u2039").replace(">", "\u203a")
    return ImportedSource(name, url)


def parse_source_text(text: str, where: Position, problems: Problems) -> ImportedSource | None:
    """A source written as one string: ``Name <URL>``, a bare URL, or a bare name."""
    line = clean_line(text)
    match = re.match(r"^(?P<name>.*?)\s*<(?P<url>[^<>]*)>$", line)
    if match:
        return make_source(match["name"], match["url"], where, problems)
    if _SCHEME_PREFIX.match(line) and " " not in line:
        return make_source("", line, where, problems)
    return make_source(line, "", where, problems)


def entity_url(url: str, where: Position, problems: Problems) -> str:
    """An entity URL: http(s) only (the ``entity`` directive ignores others)."""
    url = clean_line(url)
    if not url:
        return ""
    fixed = encode_url(url)
    if _valid_url(fixed, ("http", "https")):
        return fixed
    problems.warn(where, "bad entity URL", f"{url!r} is not an http(s) URL; dropped")
    return ""


def entity_wikidata(qid: str, where: Position, problems: Problems) -> str:
    """A Wikidata item id (``Q42``); anything else is dropped (the directive ignores it)."""
    qid = clean_line(qid)
    if not qid or is_wikidata_id(qid):
        return qid
    problems.warn(
        where, "bad Wikidata id", f"{qid!r} is not a Wikidata item id (Q and a number); dropped"
    )
    return ""


@dataclass(slots=True)
class Batch:
    """What one input gave: its events and entity declarations, and how many records."""

    events: list[ImportedEvent] = field(default_factory=list)
    entities: list[ImportedEntity] = field(default_factory=list)
    records: int = 0


def entity_name(name: str, where: Position, problems: Problems) -> str:
    """An entity name fit for an ``entities`` list: one line, ``;`` replaced by ``,``."""
    text = clean_line(name)
    if ";" in text:
        fixed = text.replace(";", ",")
        problems.warn(where, "semicolon in entity name", f"{text!r} is written as {fixed!r}")
        text = fixed
    return text
