"""sphinx-design's card and grid markup, the one place its class names are written.

Archive pages use sphinx-design's stylesheet (loaded with the extension) for cards and
grids; these helpers build the same containers its ``card`` and ``grid`` directives do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from docutils import nodes

__all__ = ["card", "card_text", "card_title", "grid"]


def card(
    classes: Sequence[str],
    body: Iterable[nodes.Node],
    header: Iterable[nodes.Node] = (),
    *,
    margin: bool = True,
    full_width: bool = False,
) -> nodes.container:
    """A card (``sd-card``) with an optional header and a body."""
    card_classes = [*classes, "sd-card"]
    if full_width:
        card_classes.append("sd-w-100")
    if margin:
        card_classes.append("sd-mb-3")
    card_classes.append("sd-shadow-sm")
    box = nodes.container(classes=card_classes)
    header = list(header)
    if header:
        head = nodes.container(classes=["sd-card-header"])
        head.extend(header)
        box += head
    inner = nodes.container(classes=["sd-card-body"])
    inner.extend(body)
    box += inner
    return box


def card_title() -> nodes.paragraph:
    """An empty card title paragraph."""
    return nodes.paragraph(classes=["sd-card-title", "sd-font-weight-bold"])


def card_text(text: str = "", classes: Sequence[str] = ()) -> nodes.paragraph:
    """A paragraph of card text (empty when ``text`` is: links are added after)."""
    para = nodes.paragraph(text, text) if text else nodes.paragraph()
    para["classes"].extend([*classes, "sd-card-text"])
    return para


def grid(classes: Sequence[str], cards: Iterable[nodes.Node]) -> nodes.container:
    """A responsive grid of cards: 2 columns, 3 from small and 4 from medium screens."""
    box = nodes.container(classes=[*classes, "sd-container-fluid", "sd-sphinx-override", "sd-mb-4"])
    row = nodes.container(
        classes=["sd-row", "sd-row-cols-2", "sd-row-cols-sm-3", "sd-row-cols-md-4", "sd-g-2"]
    )
    for item in cards:
        col = nodes.container(classes=["sd-col", "sd-d-flex-row"])
        col += item
        row += col
    box += row
    return box
