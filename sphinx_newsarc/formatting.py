"""Dates as readers see them: ``newsarc_*_format`` through Sphinx's Babel-backed formatting."""

from __future__ import annotations

import datetime as _dt

from sphinx.config import Config
from sphinx.util.i18n import format_date

from .core.dates import EventDate

__all__ = ["format_event_date"]


def format_event_date(date: EventDate, config: Config) -> str:
    """Format ``date`` with the format for its precision, in the project's ``language``."""
    fmt = {
        "day": config.newsarc_date_format,
        "month": config.newsarc_month_format,
        "year": config.newsarc_year_format,
    }[date.precision]
    moment = _dt.datetime.combine(date.as_date(), _dt.time(12), tzinfo=_dt.UTC)
    return format_date(fmt, date=moment, language=config.language or "en")
