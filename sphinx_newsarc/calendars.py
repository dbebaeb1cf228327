"""iCalendar files (RFC 5545) of archive events, written with the ``icalendar`` library.

Pure functions of the archive model and a few URLs: the same input gives the same bytes.
Each event is an all-day ``VEVENT`` over the days its date covers (a day; a whole month
or year for events known only to the month or year). Its ``UID`` is its absolute URL (the
Atom entry's id and the JSON-LD ``@id``); ``DTSTAMP``, which RFC 5545 requires, is
midnight UTC of the event's first day, as the Atom ``published`` time: never the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from .core.archive import Archive
from .core.dates import EventDate

__all__ = ["Calendars", "calendar", "date_span"]


def date_span(date: EventDate) -> tuple[dt.date, dt.date]:
    """The first day an event date covers and the day after its last (``DTEND`` is
    exclusive)."""
    if date.day:
        start = dt.date(date.year, date.month or 1, date.day)
        return start, start + dt.timedelta(days=1)
    if date.month:
        start = dt.date(date.year, date.month, 1)
        end = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return start, end
    return dt.date(date.year, 1, 1), dt.date(date.year + 1, 1, 1)


class Calendars:
    """:func:`calendar` for many selections of one archive, each ``VEVENT`` encoded once
    however many files hold it (the archive's, its entities', its story's)."""

    def __init__(
        self,
        archive: Archive,
        event_url: Callable[[str], str],
        labels: tuple[str, str, str] = ("Entities", "Story", "Sources"),
    ) -> None:
        self.archive = archive
        self.event_url = event_url
        self.labels = labels
        self._events: dict[str, bytes] = {}

    def calendar(
        self, uids: Iterable[str], title: str, product: str = "sphinx-newsarc", language: str = "en"
    ) -> bytes:
        """A ``VCALENDAR`` of ``uids`` in archive order, named ``title``."""
        import icalendar  # a dependency, imported when a calendar is written

        cal = icalendar.Calendar()
        cal.add("prodid", f"-//{product}//{product}//{language.upper()}")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", title)
        head = cal.to_ical()
        end = b"END:VCALENDAR\r\n"
        assert head.endswith(end)
        events = b"".join(self._event(uid) for uid in sorted(uids, key=self.archive.position))
        return head[: -len(end)] + events + end

    def _event(self, uid: str) -> bytes:
        data = self._events.get(uid)
        if data is None:
            data = self._events[uid] = _vevent(
                self.archive, uid, self.event_url(uid), self.labels
            ).to_ical()
        return data


def calendar(
    archive: Archive,
    uids: Iterable[str],
    *,
    title: str,
    event_url: Callable[[str], str],
    labels: tuple[str, str, str] = ("Entities", "Story", "Sources"),
    product: str = "sphinx-newsarc",
    language: str = "en",
) -> bytes:
    """A ``VCALENDAR`` of ``uids`` in archive order, named ``title``."""
    return Calendars(archive, event_url, labels).calendar(uids, title, product, language)


def _vevent(archive: Archive, uid: str, url: str, labels: tuple[str, str, str]) -> Any:
    """The all-day ``VEVENT`` of one event."""
    import icalendar

    entities_label, story_label, sources_label = labels
    event = archive.event(uid)
    start, end = date_span(event.date)
    vevent = icalendar.Event()
    vevent.add("uid", url)
    vevent.add("dtstamp", dt.datetime(start.year, start.month, start.day, tzinfo=dt.UTC))
    vevent.add("dtstart", start)
    vevent.add("dtend", end)
    vevent.add("summary", event.headline)
    vevent.add("url", url)
    lines: list[str] = []
    names = [archive.entity(k).name for k in archive.entities_of.get(uid, ())]
    if names:
        lines.append(f"{entities_label}: {', '.join(names)}")
    if event.story:
        lines.append(f"{story_label}: {event.story}")
    if event.sources:
        lines.append(f"{sources_label}:")
        lines.extend(
            f"- {s.name} <{s.url}>" if s.name and s.url else f"- {s.name or s.url}"
            for s in event.sources
        )
    if lines:
        vevent.add("description", "\n".join(lines))
    if event.category:
        vevent.add("categories", [event.category])
    return vevent
