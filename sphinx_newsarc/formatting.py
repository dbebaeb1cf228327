"""Dates as readers see them: ``newsarc_*_format`` through Sphinx's Babel-backed formatting."""

from __future__ import annotations

import datetime as _dt
import re

from babel import Locale, UnknownLocaleError
from sphinx.config import Config
from sphinx.util.i18n import format_date

from .config import settings
from .core.dates import EventDate

__all__ = ["DateTexts", "format_event_date", "locale_of"]


def locale_of(config: Config) -> Locale:
    """The Babel locale of the project's ``language`` (English when Babel has none)."""
    try:
        return Locale.parse((config.language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def format_event_date(date: EventDate, config: Config) -> str:
    """Format ``date`` with the format for its precision, in the project's ``language``."""
    kept = settings(config)
    fmt = {
        "day": kept.date_format,
        "month": kept.month_format,
        "year": kept.year_format,
    }[date.precision]
    moment = _dt.datetime.combine(date.as_date(), _dt.time(12), tzinfo=_dt.UTC)
    return format_date(fmt, date=moment, language=config.language or "en")


class DateTexts:
    """:func:`format_event_date` with each date formatted once (Babel is slow, and an
    archive has many events per day)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._texts: dict[EventDate, str] = {}

    def __call__(self, date: EventDate) -> str:
        text = self._texts.get(date)
        if text is None:
            text = self._texts[date] = format_event_date(date, self.config)
        return text

    def calendar_day(self, month: int, day: int) -> str:
        """A day of the year without its year, in the day format less its year
        (*10 April* from ``%-d %B %Y``)."""
        fmt = settings(self.config).date_format
        without_year = re.sub(r"[\s,./-]*%-?Y[\s,./-]*", " ", fmt).strip(" ,./-")
        # a leap year, so that 29 February has a date
        moment = _dt.datetime(2000, month, day, 12, tzinfo=_dt.UTC)
        return format_date(
            without_year or "%-d %B", date=moment, language=self.config.language or "en"
        )

    def weekdays(self) -> tuple[tuple[int, str], ...]:
        """The days of the week in the locale's order, as (Python weekday, short name),
        starting on the locale's first day of the week."""
        locale = locale_of(self.config)
        names = locale.days["format"]["abbreviated"]
        first = locale.first_week_day
        return tuple(((first + n) % 7, names[(first + n) % 7]) for n in range(7))
