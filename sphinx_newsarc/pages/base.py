"""What every page kind module provides (see :mod:`sphinx_newsarc.pages`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from docutils import nodes

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["PageKind"]

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class PageKind(Generic[V]):
    """A kind of archive page: its name (``newsarc_pages`` key), how to build its view for
    a key, and how to render that view for the current builder."""

    name: str
    build: Callable[[Views, str], V]
    render: Callable[[Renderer, V], list[nodes.Node]]
