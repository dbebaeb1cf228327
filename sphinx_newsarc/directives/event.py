"""The ``event`` directive: one dated event with headline, entities, sources and body."""

from __future__ import annotations

import re
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.states import RSTState
from sphinx.util.docutils import SphinxDirective

from ..core.dates import DateError, parse_date
from ..core.model import EventRecord, Source, is_event_id
from ..core.sources import SourceError, parse_source
from ..core.text import slugify, split_list
from ..domain import NewsDomain
from ..locale import _
from ..nodes import pending_news
from ..warnings import NewsarcWarning, warn
from . import content_line, remove_control_chars

__all__ = ["EventDirective"]


_OPTION_LINE = re.compile(r"^:([a-z]+):\s*(.*)$")


def event_anchor(event_id: str) -> str:
    """The HTML id of an event: its id where that is a valid id, else ``event-<id>``."""
    anchor = nodes.make_id(event_id)
    if anchor == event_id:
        return anchor
    return nodes.make_id("event-" + event_id)


class EventDirective(SphinxDirective):
    """``.. event:: Headline`` with ``date`` (required), ``id``, ``entities``, ``sources``, ..."""

    required_arguments = 0
    optional_arguments = 1  # a missing headline is a located newsarc warning, not an error
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, object]] = {
        "id": directives.unchanged_required,
        "date": directives.unchanged,
        "entities": directives.unchanged,
        "sources": directives.unchanged,
        "story": directives.unchanged,
        "category": directives.unchanged,
        "related": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        remove_control_chars(self, "the headline")
        domain = NewsDomain.of(self.env)
        docname = self.env.docname
        location = (docname, self.lineno)
        headline = " ".join(self.arguments[0].split()) if self.arguments else ""
        sources, skip = self._sources(location)
        body_lines = self.content[skip:]

        date = None
        raw_date = self.options.get("date", "")
        try:
            date = parse_date(raw_date)
        except DateError as error:
            if not raw_date.strip():
                warn(
                    "event %r has no date; add 'date: YYYY-MM-DD' (or YYYY-MM, YYYY). "
                    "It is shown here but left out of the archive",
                    NewsarcWarning.date,
                    location,
                    headline[:60],
                )
            else:
                warn(
                    "event %r: %s. It is shown here but left out of the archive",
                    NewsarcWarning.date,
                    location,
                    headline[:60],
                    error,
                )

        if not headline:
            warn(
                "event has no headline; write it after the directive's name. It is shown "
                "here but left out of the archive",
                NewsarcWarning.headline,
                location,
            )
            date = None  # not in the archive, like an event without a date

        serial = domain.next_serial(docname)
        explicit_id = "id" in self.options
        event_id = self.options.get("id", "").strip()
        if explicit_id and not is_event_id(event_id):
            warn(
                "event id %r is not valid (use letters, digits, '-', '_', '.'); a derived id "
                "is used instead",
                NewsarcWarning.option,
                location,
                event_id,
            )
            explicit_id = False
        if not explicit_id:
            stem = date.iso() if date else "undated"
            event_id = f"{stem}-{slugify(headline, 60)}".rstrip("-")
            # a derived id is not the author's choice: repeated in one document (the same
            # heading twice on a day), it takes a number instead of a duplicate-id warning
            taken = {e.id for e in domain.data["events"].get(docname, ())}
            base, n = event_id, 1
            while event_id in taken:
                n += 1
                event_id = f"{base}-{n}"
        anchor = event_anchor(event_id) or f"event-{serial}"
        if anchor in self.state.document.ids:
            anchor = event_anchor(f"{event_id}-{serial}")

        container = nodes.container(classes=["newsarc-event", *self.options.get("class", [])])
        container["ids"].append(anchor)
        self.set_source_info(container)
        uid = f"{docname}#{serial}"
        if date is not None:
            container += pending_news(kind="date", uid=uid)
        if headline:
            headline_para = nodes.paragraph(classes=["newsarc-headline"])
            headline_para["support_smartquotes"] = False  # published verbatim, as in listings
            headline_para += nodes.strong(headline, headline)
            container += headline_para
        if body_lines:
            body = nodes.container(classes=["newsarc-body"])
            self.state.nested_parse(body_lines, self.content_offset + skip, body)
            container += body
        if date is not None:
            container += pending_news(kind="meta", uid=uid)
        if sources:
            container += self._sources_node(sources)
        if date is not None:
            container += pending_news(kind="related", uid=uid)

        if date is not None:
            record = EventRecord(
                uid=uid,
                id=event_id,
                date=date,
                headline=headline,
                docname=docname,
                lineno=self.lineno,
                anchor=anchor,
                entities=tuple(split_list(self.options.get("entities", ""))),
                sources=tuple(sources),
                story=" ".join(self.options.get("story", "").split()),
                category=" ".join(self.options.get("category", "").split()),
                related=tuple(split_list(self.options.get("related", ""))),
                explicit_id=explicit_id,
            )
            domain.add_event(record)
        self.state.document.note_explicit_target(container)
        return [container]

    def _folded_by_myst(self) -> bool:
        """Whether the body starts right after a MyST ``:key: value`` option line.

        Only there can body lines be options MyST folded: docutils reads continuation
        lines itself, and a body after a YAML block (``---``) or a blank line is body.
        """
        if isinstance(self.state, RSTState) or not self.content:
            return False
        lines = self.block_text.splitlines()
        offset = self.content_offset  # MyST: lines from the opening line to the body
        return 0 < offset < len(lines) and bool(_OPTION_LINE.match(lines[offset]))

    def _recover_folded(self) -> int:
        """Take back option lines that MyST folded into the body.

        With ``:sources: A <url>`` followed by an indented ``B <url>``, MyST ends the
        options at the first line and makes the rest (the continuation and any later
        ``:key:`` lines) body content, silently. Such lines, directly after the option
        lines, are read as what the author meant: continuation lines of ``sources`` as
        sources, ``:key: value`` lines as options. Returns the number of body lines taken.
        """
        content = self.content
        if not content[0][:1].isspace() or not content[0].strip() or not self._folded_by_myst():
            return 0
        last_key = next(reversed(self.options), "")
        taken = 0
        while taken < len(content):
            line = content[taken]
            match = _OPTION_LINE.match(line)
            if line[:1].isspace() and line.strip() and last_key == "sources":
                self._folded_sources.append((line, content_line(self, taken)))
            elif match and match[1] in self.option_spec and match[1] not in self.options:
                last_key = match[1]
                if last_key == "sources":
                    self._folded_sources.append((match[2], content_line(self, taken)))
                else:
                    self.options[last_key] = match[2]
            else:
                break
            taken += 1
        return taken

    def _warn_source_like_body(self, docname: str) -> None:
        """Warn at indented lines opening the body, after ``sources`` as the last option,
        that read as sources (``Name <URL>`` or a URL): the author may have meant them as
        sources, but they are body text (a code block or a block quote) and stay so."""
        if next(reversed(self.options), "") != "sources":
            return
        for i, line in enumerate(self.content):
            if not line[:1].isspace() or not line.strip():
                break
            try:
                looks_like_source = bool(parse_source(line).url)
            except SourceError:
                looks_like_source = False
            if looks_like_source:
                warn(
                    "%r looks like a source but is body text: the 'sources' option ends "
                    "before it (a blank line or the end of the options block); it is kept "
                    "in the body",
                    NewsarcWarning.source,
                    (docname, content_line(self, i)),
                    line.strip(),
                )

    def _sources(self, location: tuple[str, int]) -> tuple[list[Source], int]:
        """Read the ``sources`` option (and source lines MyST folded into the body);
        return them and the number of body lines they took."""
        self._folded_sources: list[tuple[str, int]] = []
        skip = self._recover_folded() if self.content else 0
        if not skip:
            self._warn_source_like_body(location[0])
        lines = [(line, location[1]) for line in self.options.get("sources", "").splitlines()]
        lines += self._folded_sources
        sources: list[Source] = []
        for line, lineno in lines:
            if not line.strip():
                continue
            try:
                sources.append(parse_source(line))
            except SourceError as error:
                warn(
                    "%s; the source is left out",
                    NewsarcWarning.source,
                    (location[0], lineno),
                    error,
                )
        return sources, skip

    def _sources_node(self, sources: list[Source]) -> nodes.container:
        box = nodes.container(classes=["newsarc-sources"])
        box["support_smartquotes"] = False  # names and URLs verbatim, like the headline
        box += nodes.rubric(_("Sources"), _("Sources"))
        listing = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        for source in sources:
            item = nodes.list_item()
            para = nodes.paragraph()
            if source.url:
                ref = nodes.reference(source.name, source.name, refuri=source.url)
                # linkcheck reports a broken source at the event's file and line
                ref.source, ref.line = self.get_source_info()
                para += ref
            else:
                para += nodes.Text(source.name)
            item += para
            listing += item
        box += listing
        return box
