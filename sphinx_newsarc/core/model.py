"""The event and entity records stored in the build environment (plain, picklable values)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import EventDate
from .stored import stored

__all__ = [
    "EVENT_ID",
    "WIKIDATA_ID",
    "EntityRecord",
    "EventRecord",
    "Source",
    "is_event_id",
    "is_wikidata_id",
    "wikidata_entity",
    "wikidata_page",
]

#: The one rule for an event id an author or a data file gives: letters, digits, ``-``,
#: ``_``, ``.``, starting with a letter or digit (the JSON schema's ``id`` pattern; a
#: test checks they agree).
EVENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def is_event_id(text: str) -> bool:
    """Whether ``text`` is a valid event id."""
    return EVENT_ID.match(text) is not None


#: A Wikidata item id: ``Q`` and a number without leading zeros (the JSON schema's
#: ``wikidata`` pattern; a test checks they agree).
WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")


def is_wikidata_id(text: str) -> bool:
    """Whether ``text`` is a Wikidata item id (``Q42``)."""
    return WIKIDATA_ID.match(text) is not None


def wikidata_page(qid: str) -> str:
    """The Wikidata page of an item, for readers."""
    return f"https://www.wikidata.org/wiki/{qid}"


def wikidata_entity(qid: str) -> str:
    """The item's concept URI, as Wikidata gives it for linked data (``sameAs``)."""
    return f"http://www.wikidata.org/entity/{qid}"


@stored
@dataclass(frozen=True, slots=True)
class Source:
    """One source of an event: an outlet name and, for online sources, its URL."""

    name: str
    url: str = ""


@stored
@dataclass(frozen=True, slots=True)
class EventRecord:
    """One ``event`` directive as read: what it says and where it stands.

    ``uid`` is unique in a build (``docname#serial``) even when two events share an ``id``.
    """

    uid: str
    id: str
    date: EventDate
    headline: str
    docname: str
    lineno: int
    anchor: str
    entities: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    story: str = ""
    category: str = ""
    related: tuple[str, ...] = ()
    explicit_id: bool = False

    @property
    def sort_key(self) -> tuple[EventDate, str, int]:
        """Chronological order, then place in the sources: the same in every build."""
        return (self.date, self.docname, self.lineno)


@stored
@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One ``entity`` directive: a canonical name, its aliases and description, its link and
    Wikidata item id (``Q42``)."""

    name: str
    docname: str
    lineno: int
    anchor: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    url: str = ""
    description: tuple[str, ...] = field(default=())
    wikidata: str = ""
