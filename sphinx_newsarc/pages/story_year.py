"""A part of a large story's page (``newsarc_events_per_page``): its events of one year
(or one month of a year with more), by month, with the links of every part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import PageKind
from .entity_year import PartView, build_part, render

if TYPE_CHECKING:
    from ..views import Views

__all__ = ["KIND"]


def build(views: Views, key: str) -> PartView:
    return build_part(views, "story", key)


KIND = PageKind("story-year", build, render)
