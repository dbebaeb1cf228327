"""A part of the website's Entities index when it is split (``newsarc_entities_per_page``):
the names of one letter (or two), with the A-Z bar of every part."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from .base import PageKind
from .entities import EntityCount, LetterBar, entity_counts, letter_bar, render_bar, render_counts

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["KIND", "LetterView"]


@dataclass(frozen=True, slots=True)
class LetterView:
    """The A-Z bar and the part's entities, by name."""

    bar: LetterBar
    counts: tuple[EntityCount, ...]


def build(views: Views, key: str) -> LetterView:
    return LetterView(
        letter_bar(views, key), entity_counts(views, views.domain.plan.index_parts.get(key, ()))
    )


def render(r: Renderer, view: LetterView) -> list[nodes.Node]:
    return [*render_bar(r, view.bar), *render_counts(r, view.counts)]


KIND = PageKind("entities-letter", build, render)
