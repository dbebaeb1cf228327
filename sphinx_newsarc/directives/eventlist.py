"""The ``eventlist`` directive: a listing of events chosen by entity, story, date or category."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..core.dates import DateError, EventDate, parse_date
from ..core.query import EventQuery
from ..domain import NewsDomain
from ..nodes import pending_news
from ..warnings import NewsarcWarning, warn

__all__ = ["EventListDirective"]


class EventListDirective(SphinxDirective):
    """``.. eventlist::`` with ``entity``, ``story``, ``category``, ``from``, ``to``, ``order``,
    ``limit``; filled in when every document has been read."""

    has_content = False
    option_spec: ClassVar[dict[str, object]] = {
        "entity": directives.unchanged,
        "story": directives.unchanged,
        "category": directives.unchanged,
        "from": directives.unchanged,
        "to": directives.unchanged,
        "order": lambda value: directives.choice(value, ("newest", "oldest")),
        "limit": directives.nonnegative_int,
        "class": directives.class_option,
    }

    def _date(self, name: str) -> EventDate | None:
        raw = self.options.get(name, "")
        if not raw.strip():
            return None
        try:
            return parse_date(raw)
        except DateError as error:
            warn(
                "eventlist :%s: %s; the bound is ignored",
                NewsarcWarning.date,
                (self.env.docname, self.lineno),
                name,
                error,
            )
            return None

    def run(self) -> list[nodes.Node]:
        query = EventQuery(
            entity=self.options.get("entity", "").strip(),
            story=self.options.get("story", "").strip(),
            category=self.options.get("category", "").strip(),
            start=self._date("from"),
            end=self._date("to"),
            order=self.options.get("order", "newest"),
            limit=self.options.get("limit", 0),
        )
        if query.inverted:
            warn(
                "eventlist :from: %s is after :to: %s; it lists no event",
                NewsarcWarning.date,
                (self.env.docname, self.lineno),
                query.start,
                query.end,
            )
        domain = NewsDomain.of(self.env)
        domain.add_list(self.env.docname, query)
        node = pending_news(
            kind="eventlist",
            query=query,
            classes=["newsarc-eventlist", *self.options.get("class", [])],
        )
        self.set_source_info(node)
        return [node]
