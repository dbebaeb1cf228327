"""Dates as readers see them: ``newsarc_*_format`` through Sphinx's Babel-backed formatting."""

from __future__ import annotations

import datetime as _dt

from sphinx.config import Config
from sphinx.util.i18n import format_date

from .config import settings
from .core.dates import EventDate

__all__ = ["DateTexts", "format_event_date"]


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
