"""Event dates: ISO 8601 calendar dates, possibly known only to the month or year."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .stored import stored

__all__ = ["DateError", "EventDate", "parse_date"]

_ISO = re.compile(r"^(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


class DateError(ValueError):
    """A date that cannot be used; the message says how to write it."""


@stored
@dataclass(frozen=True, order=True, slots=True)
class EventDate:
    """A calendar date with optional month and day (``2006``, ``2006-04``, ``2006-04-10``).

    Ordering puts a date known only to the year before the dated days of that year.
    """

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        """``"day"``, ``"month"`` or ``"year"``."""
        if self.day:
            return "day"
        return "month" if self.month else "year"

    def iso(self) -> str:
        """The ISO 8601 text of this date, as precise as it is known."""
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def as_date(self) -> _dt.date:
        """The first calendar day this date covers."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def month_key(self) -> str | None:
        """``YYYY-MM`` when the month is known."""
        return f"{self.year:04d}-{self.month:02d}" if self.month else None

    def year_key(self) -> str:
        """``YYYY``."""
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()


def _hint(text: str) -> str:
    """Suggest the ISO form of a date written another common way, if recognisable."""
    t = text.strip().replace(",", " ")
    # 10 April 2006 / April 10 2006 / 10/04/2006
    words = t.split()
    day = month = year = None
    for word in words:
        low = word.lower().rstrip(".")
        word = re.sub(r"^(\d{1,2})(st|nd|rd|th)$", r"\1", low)
        if low in _MONTHS:
            month = _MONTHS[low]
        elif word.isdigit() and len(word) == 4:
            year = int(word)
        elif word.isdigit() and len(word) <= 2:
            day = int(word)
    if year and month:
        try:
            return (
                EventDate(year, month, day or 0).iso()
                if not day
                else _dt.date(year, month, day).isoformat()
            )
        except ValueError:
            return ""
    m = re.fullmatch(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})", t)
    if m:
        try:
            return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return ""
    return ""


def parse_date(text: str) -> EventDate:
    """Parse ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; raise :class:`DateError` otherwise."""
    value = text.strip()
    if not value:
        raise DateError("the date is empty; write it as YYYY-MM-DD (or YYYY-MM, YYYY)")
    match = _ISO.match(value)
    if not match:
        hint = _hint(value)
        advice = f"write {hint!r}" if hint else "write it as YYYY-MM-DD (or YYYY-MM, YYYY)"
        raise DateError(f"{value!r} is not an ISO 8601 date; {advice}")
    year = int(match["y"])
    month = int(match["m"]) if match["m"] else 0
    day = int(match["d"]) if match["d"] else 0
    if year < 1:
        raise DateError(f"{value!r} is not a date: years start at 0001")
    if match["m"] and not 1 <= month <= 12:
        raise DateError(f"{value!r} is not a date: there is no month {month}")
    if match["d"]:
        try:
            _dt.date(year, month, day)
        except ValueError:
            raise DateError(
                f"{value!r} is not a date: {_dt.date(year, month, 1):%B %Y} has no day {day}"
            ) from None
    return EventDate(year, month, day)
