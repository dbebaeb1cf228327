"""The order of dated pages and the way up from each (the archive layout).

A *dated page* is a document that holds events and that no toctree of the author lists:
readers reach it through the archive. Dated pages stand in the order of their earliest
event (then by name); each leads up to the year, month and day of that event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .dates import EventDate

__all__ = ["LAYOUTS", "DatedOrder", "dated_order", "page_date", "trail"]

#: The values of ``newsarc_dated_pages``: the author's toctrees list documents that hold
#: events (``toctree``, the default), or the archive does (``archive``).
LAYOUTS = ("toctree", "archive")


def page_date(dates: Iterable[EventDate]) -> EventDate | None:
    """The date a page stands at: its earliest event's (None without events)."""
    return min(dates, default=None)


def dated_order(dates_by_page: Mapping[str, Iterable[EventDate]]) -> list[str]:
    """The pages that hold events, by earliest event, then by name: the same every build."""
    keyed = [
        (date, page)
        for page, dates in dates_by_page.items()
        if (date := page_date(dates)) is not None
    ]
    return [page for _, page in sorted(keyed)]


class DatedOrder:
    """Dated pages in reading order, with each page's neighbours found at once."""

    def __init__(self, order: Sequence[str]) -> None:
        self.order = tuple(order)
        self._where = {page: i for i, page in enumerate(self.order)}

    def __contains__(self, page: object) -> bool:
        return page in self._where

    def neighbours(self, page: str) -> tuple[str | None, str | None]:
        """The pages before and after ``page`` (None at either end, or for a page that
        is not dated)."""
        where = self._where.get(page)
        if where is None:
            return None, None
        before = self.order[where - 1] if where else None
        return before, (self.order[where + 1] if where + 1 < len(self.order) else None)


def trail(date: EventDate) -> list[tuple[str, str]]:
    """The browse pages (kind, key) above a page dated ``date``: year, month, day, as
    precise as the date."""
    steps = [("year", date.year_key())]
    if date.month:
        steps.append(("month", date.month_key() or ""))
    if date.day:
        steps.append(("day", date.iso()))
    return steps
