"""The way-finding every archive page of a website has: a breadcrumb trail from the
archive's front page down to the page, and previous/next links on day, month and year
pages (to the nearest one with events).

Books have their table of contents and bookmarks instead: the frame is rendered for
websites only.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from ..core.dates import EventDate
from ..locale import _

if TYPE_CHECKING:
    from ..render import Renderer
    from ..views import Views

__all__ = ["Crumb", "Frame", "build_frame", "render_frame"]

#: The pages above each kind of page, below the front page.
_PARENT_KINDS = {
    "entity": "entities",
    "story": "stories",
    "entities-letter": "entities",
    "stories-letter": "stories",
    "entity-year": "entities",
    "story-year": "stories",
}
#: The page a part of a split page belongs to, by the part's kind.
_WHOLE_KINDS = {"entity-year": "entity", "story-year": "story"}


@dataclass(frozen=True, slots=True)
class Crumb:
    """A page as a link: its title, docname and, for a date's page, the date (ISO)."""

    title: str
    page: str | None
    iso: str | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    """The trail from the front page down to this page (this page last), and the
    previous and next page of the same kind with events."""

    trail: tuple[Crumb, ...] = ()
    previous: Crumb | None = None
    following: Crumb | None = None


def _date_crumb(views: Views, kind: str, key: str) -> Crumb:
    date = EventDate(
        int(key[:4]), int(key[5:7]) if len(key) > 4 else 0, int(key[8:10]) if len(key) > 7 else 0
    )
    return Crumb(views.date_text(date), views.page_for(kind, key), key)


def build_frame(views: Views, kind: str, key: str) -> Frame:
    """The frame of the page of ``kind`` and ``key``."""
    plan = views.domain.plan
    front = views.page_for("archive")
    if kind == "archive" or front is None:
        return Frame()
    trail = [Crumb(plan.pages[front].title, front)]
    if kind in ("year", "month", "day"):
        trail.append(_date_crumb(views, "year", key[:4]))
        if kind in ("month", "day"):
            trail.append(_date_crumb(views, "month", key[:7]))
        if kind == "day":
            trail.append(_date_crumb(views, "day", key))
    else:
        parent = _PARENT_KINDS.get(kind)
        parent_page = views.page_for(parent) if parent else None
        if parent_page:
            trail.append(Crumb(plan.pages[parent_page].title, parent_page))
        whole = (
            plan.docname(_WHOLE_KINDS[kind], key.partition(":")[2])
            if kind in _WHOLE_KINDS
            else None
        )
        if whole is not None:
            trail.append(Crumb(plan.pages[whole].title, whole))
        this = plan.docname(kind, key)
        if this is not None:
            trail.append(Crumb(plan.pages[this].title, this))
    archive = views.archive
    neighbours = {
        "day": archive.neighbours,
        "month": archive.month_neighbours,
        "year": archive.year_neighbours,
    }.get(kind)
    previous = following = None
    if neighbours is not None:
        before, after = neighbours(key)
        previous = _date_crumb(views, kind, before) if before else None
        following = _date_crumb(views, kind, after) if after else None
    return Frame(tuple(trail), previous, following)


def _link(r: Renderer, crumb: Crumb, attributes: str = "") -> str:
    text = html.escape(crumb.title)
    if crumb.iso:
        text = f'<time datetime="{html.escape(crumb.iso)}">{text}</time>'
    refuri = r.target(crumb.page, "")[0] if crumb.page else None
    if refuri is None:
        return f"<span{attributes}>{text}</span>"
    return f'<a{attributes} href="{html.escape(refuri)}">{text}</a>'


def render_frame(r: Renderer, frame: Frame) -> list[nodes.Node]:
    """The breadcrumb trail and previous/next links, as HTML (websites only)."""
    if not r.website:
        return []
    out: list[nodes.Node] = []
    if len(frame.trail) > 1:
        items = [f"<li>{_link(r, crumb)}</li>" for crumb in frame.trail[:-1]]
        current = frame.trail[-1]
        text = html.escape(current.title)
        if current.iso:
            text = f'<time datetime="{html.escape(current.iso)}">{text}</time>'
        items.append(f'<li aria-current="page">{text}</li>')
        label = html.escape(_("Breadcrumb"))
        out.append(
            nodes.raw(
                "",
                f'<nav class="newsarc-breadcrumbs" aria-label="{label}">'
                f"<ol>{''.join(items)}</ol></nav>\n",
                format="html",
            )
        )
    if frame.previous or frame.following:
        parts = []
        if frame.previous:
            parts.append(
                _link(r, frame.previous, ' class="newsarc-previous" rel="prev"').replace(
                    ">", ">\N{LEFTWARDS ARROW} ", 1
                )
            )
        if frame.following:
            link = _link(r, frame.following, ' class="newsarc-next" rel="next"')
            closing = link.rindex("</")
            parts.append(link[:closing] + " \N{RIGHTWARDS ARROW}" + link[closing:])
        label = html.escape(_("Previous and next"))
        out.append(
            nodes.raw(
                "",
                f'<nav class="newsarc-pager" aria-label="{label}">{"".join(parts)}</nav>\n',
                format="html",
            )
        )
    return out
