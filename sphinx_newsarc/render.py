"""Views to docutils nodes, for the current builder: links, listings, an event's date,
entities and related events, the "Formats" line, and the titled groups of archive pages
(each page kind's layout is in its module under :mod:`sphinx_newsarc.pages`).

Only standard docutils nodes come out, with stable ``newsarc-*`` classes for themes, so
every builder renders them; LaTeX additionally gets page numbers (``\\pageref``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from docutils import nodes
from sphinx.builders import Builder
from sphinx.errors import NoUri
from sphinx.util.osutil import relative_uri
from sphinx.util.texescape import tex_replace_map

from . import latex
from .builders import is_website, is_whole_book
from .core.dates import parse_date
from .domain import NewsDomain
from .html_markup import ListTemplate, html_writer, list_template
from .inline import Inline, TagCache, html_escapes
from .locale import _
from .views import EntityRef, EventView, Summary, Views

__all__ = ["Renderer", "count_text"]


def _latex_label(docname: str, anchor: str) -> str:
    ident = f"{docname}:{anchor}".translate(tex_replace_map)
    ident = ident.encode("ascii", "backslashreplace").decode("ascii").replace("\\", "_")
    return rf"\detokenize{{{ident}}}"


class Renderer:
    """Builds the nodes of placeholders and archive pages for one document and builder."""

    def __init__(
        self,
        domain: NewsDomain,
        views: Views,
        builder: Builder,
        docname: str,
        searched: bool = True,
    ) -> None:
        self.domain = domain
        self.views = views
        self.builder = builder
        self.docname = docname
        self.website = is_website(builder)
        self._uris: dict[str, str | None] = {}  # docname -> relative URI, None: not written
        self._date_targets: dict[str, tuple[str | None, str]] = {}
        self.latex = builder.format == "latex"
        # one output for many documents: a fragment alone would be read as the current
        # input file's (LaTeX and Texinfo label ids by the file they come from)
        self._whole_book = is_whole_book(builder)
        self.escapes = html_escapes(builder)
        self._tags: TagCache = {}  # the opening tags of this page's inline HTML
        #: whether the page's text is in Sphinx's search index (a list of raw HTML would
        #: be searched: only the list node's ``no-search`` class keeps it out)
        self.searched = searched

    # -- links -----------------------------------------------------------------------------

    def target(self, docname: str, anchor: str) -> tuple[str | None, str | None]:
        """``(refuri, refid)`` of a link from this page to ``docname#anchor``; ``(None,
        None)`` when the builder does not write ``docname`` (a book without that page)."""
        if docname == self.docname and anchor and not self._whole_book:
            return None, anchor
        if docname not in self._uris:
            self._uris[docname] = self._relative_uri(docname)
        base = self._uris[docname]
        if base is None:
            return None, None
        uri = f"{base}#{anchor}" if anchor else base
        if uri.count("#") > 1:  # singlehtml: "#document-x#anchor" means "#anchor"
            uri = uri[uri.index("#", uri.index("#") + 1) :]
        return uri, None

    def _relative_uri(self, docname: str) -> str | None:
        """The builder's relative URI from this page to ``docname``, None: not written.
        Where the builder relates its target URIs the standard way, these are computed
        once per build (thousands of pages link to the same day pages and entities)."""
        builder = self.builder
        if type(builder).get_relative_uri is not Builder.get_relative_uri:
            try:
                return builder.get_relative_uri(self.docname, docname)
            except NoUri:
                return None
        uris = self.domain.cache.target_uris.setdefault(builder.name, {})
        for name in (self.docname, docname):
            if name not in uris:
                try:
                    uris[name] = builder.get_target_uri(name)
                except NoUri:
                    uris[name] = None
        base, to = uris[self.docname], uris[docname]
        if base is None or to is None:
            return None
        return relative_uri(base, to)

    def written(self, docname: str) -> bool:
        """Whether the builder writes ``docname`` (books leave out orphans)."""
        return self.target(docname, "")[0] is not None

    def link(
        self, docname: str | None, anchor: str, text: str, classes: Sequence[str] = ()
    ) -> nodes.Node:
        """A reference node to ``docname#anchor``, or plain text when there is no target."""
        inline = Inline(None)
        self.add_link(inline, docname, anchor, text, classes)
        return inline.result()[0]

    def inline(self, searchable: bool = False) -> Inline:
        """Inline content for this page: one raw node for HTML builders, else nodes."""
        return Inline(self.escapes, searchable, self._tags)

    @staticmethod
    def paragraph(
        inline: Inline, ids: Sequence[str] = (), classes: Sequence[str] = ()
    ) -> nodes.paragraph:
        """A paragraph holding ``inline``'s content."""
        para = nodes.paragraph(ids=list(ids), classes=list(classes))
        para.extend(inline.result())
        return para

    def add_link(
        self,
        inline: Inline,
        docname: str | None,
        anchor: str,
        text: str,
        classes: Sequence[str] = (),
        datetime: str | None = None,
    ) -> None:
        """:meth:`link` into ``inline``; with ``datetime`` (ISO), ``text`` is that date."""
        refuri, refid = self.target(docname, anchor) if docname else (None, None)
        if refuri is None and refid is None:
            inline.span(text, classes, datetime)
            return
        inline.reference(text, classes, refuri, refid, datetime)

    def date_link(
        self,
        docname: str | None,
        anchor: str,
        text: str,
        iso: str,
        classes: Sequence[str] = ("newsarc-date-text",),
    ) -> nodes.Node:
        """A date (``<time datetime>`` in HTML) linking to ``docname#anchor``."""
        inline = self.inline()
        self.add_link(inline, docname, anchor, text, classes, iso)
        return inline.result()[0]

    def add_event(self, inline: Inline, summary: Summary) -> None:
        """The headline of an event, linking to it."""
        self.add_link(
            inline, summary.docname, summary.anchor, summary.headline, ["newsarc-headline-link"]
        )

    def add_date(self, inline: Inline, summary: Summary) -> None:
        """The date of an event, leading to its day page (websites) or Chronology entry."""
        found = self._date_targets.get(summary.iso)
        if found is None:
            target = self.domain.date_target(parse_date(summary.iso), self.builder)
            found = self._date_targets[summary.iso] = target if target else (None, "")
        self.add_link(
            inline, found[0], found[1], summary.date_text, ["newsarc-date-text"], summary.iso
        )

    def add_entity(self, inline: Inline, ref: EntityRef) -> None:
        """An entity's name, leading to its page, declaration or index entry."""
        target = self.domain.entity_target(ref.name, self.builder)
        docname, anchor = target if target else (None, "")
        self.add_link(inline, docname, anchor, ref.name, ["newsarc-entity-link"])

    def add_pageref(self, inline: Inline, summary: Summary) -> None:
        """In LaTeX a dotted leader to the page number, ending the line (never glued to
        the headline's own full stop); nothing elsewhere."""
        if not self.latex or not self.written(summary.docname):
            return
        inline.node(latex.pageref(_latex_label(summary.docname, summary.anchor)))

    # -- listings --------------------------------------------------------------------------

    def listing(
        self, summaries: Iterable[Summary], with_date: bool = True, classes: Sequence[str] = ()
    ) -> list[nodes.Node]:
        """A bullet list of events: date, headline (and page number in LaTeX); nothing
        for no events (an empty list is an error in LaTeX)."""
        shown = ("newsarc-listing", "no-search", *classes)
        inlines = []
        for summary in summaries:
            inline = self.inline()
            if with_date:
                self.add_date(inline, summary)
                inline.text(" \N{EM DASH} ")
            self.add_event(inline, summary)
            self.add_pageref(inline, summary)
            inlines.append(inline)
        if not inlines:
            return []
        return [
            self.item_list(
                ("listing", shown),
                lambda: nodes.bullet_list(classes=list(shown)),
                inlines,
            )
        ]

    def item_list(
        self,
        key: tuple[str, tuple[str, ...]],
        make_list: Callable[[], nodes.Element],
        inlines: Sequence[Inline],
        raw: bool | None = None,
    ) -> nodes.Element:
        """The list ``make_list()`` makes (``key`` tells it apart) of one paragraph per
        inline; with ``raw`` (default: on pages out of the search index), on HTML builders,
        one raw node of the markup the builder's translator writes for it
        (:mod:`~sphinx_newsarc.html_markup`)."""
        if raw is None:
            raw = not self.searched
        template = self._list_template(key, make_list) if raw and self.escapes else None
        if template is not None:
            htmls = [inline.html() for inline in inlines]
            if all(html is not None for html in htmls):
                head, between, tail = template
                return nodes.raw("", head + between.join(htmls) + tail, format="html")  # type: ignore[arg-type]
        items = make_list()
        for inline in inlines:
            items += nodes.list_item("", self.paragraph(inline))
        return items

    def _list_template(
        self, key: tuple[str, tuple[str, ...]], make_list: Callable[[], nodes.Element]
    ) -> ListTemplate | None:
        templates = self.domain.cache.list_templates
        found = templates.get((self.builder.name, key), False)
        if found is False:
            found = templates[(self.builder.name, key)] = list_template(self.to_html, make_list)
        return found  # type: ignore[return-value]

    def to_html(self, node: nodes.Element) -> str:
        """``node`` in HTML, as the builder's translator writes it (one per build)."""
        writers = self.domain.cache.html_writers
        if self.builder.name not in writers:
            writers[self.builder.name] = html_writer(self.builder)
        return writers[self.builder.name](node)

    def as_index(self, body: list[nodes.Node]) -> list[nodes.Node]:
        """An index of a book (Entities, Stories): in LaTeX set in two columns, like the
        book's own index."""
        if not self.latex or not body:
            return body
        return [latex.index_begin(), *body, latex.index_end()]

    # -- event pieces ----------------------------------------------------------------------

    def event_date(self, view: EventView) -> list[nodes.Node]:
        """The date line at the top of an event."""
        inline = self.inline()
        self.add_date(inline, view.summary)
        return [self.paragraph(inline, classes=["newsarc-date"])]

    def event_meta(self, view: EventView) -> list[nodes.Node]:
        """Entities, story and category of an event."""
        entities, story, category = view.entities, view.story, view.category
        if not (entities or story or category):
            return []
        inline = self.inline(searchable=True)  # found by the names of its entities
        parts = 0
        if entities:
            inline.open(["newsarc-entities"])
            inline.text(_("Entities") + ": ")
            for n, ref in enumerate(entities):
                if n:
                    inline.text(", ")
                self.add_entity(inline, ref)
            inline.close()
            parts += 1
        if story:
            if parts:
                inline.text(" \N{MIDDLE DOT} ")
            inline.open(["newsarc-story"])
            inline.text(_("Story") + ": ")
            # websites: the story's page; books: its entry in the Stories index
            target = self.domain.story_target(story.name, self.builder)
            docname, anchor = target if target else (None, "")
            self.add_link(inline, docname, anchor, story.name, ["newsarc-story-link"])
            inline.close()
            parts += 1
        if category:
            if parts:
                inline.text(" \N{MIDDLE DOT} ")
            inline.span(_("Category") + ": " + category, ["newsarc-category"])
        return [self.paragraph(inline, classes=["newsarc-meta"])]

    def event_related(self, view: EventView) -> list[nodes.Node]:
        """The related events, each with the entities it shares with this one."""
        related = view.related
        if not related:
            return []
        box = nodes.container(classes=["newsarc-related", "no-search"])
        box += nodes.rubric(_("Related"), _("Related"))
        inlines = []
        for item in related:
            inline = self.inline()
            self.add_date(inline, item.summary)
            inline.text(" \N{EM DASH} ")
            self.add_event(inline, item.summary)
            self.add_pageref(inline, item.summary)
            if item.shared:
                inline.text(" ")
                inline.emphasis(_("Context") + ": " + ", ".join(item.shared), ["newsarc-context"])
            inlines.append(inline)
        # raw HTML inside the container: its no-search class keeps the list out of search
        box += self.item_list(
            ("related", ()),
            lambda: nodes.enumerated_list(enumtype="arabic", prefix="", suffix="."),
            inlines,
            raw=True,
        )
        return [box]

    # -- other formats: the JSON and Atom files of HTML builds (outputs.py) -------------------

    def formats(self) -> list[nodes.Node]:
        """``Formats: HTML · JSON · Atom`` for this page (and the archive's category feeds)."""
        from .outputs import outputs_for

        outputs = outputs_for(self.builder, self.domain)
        if outputs is None:
            return []
        out: list[nodes.Node] = []
        links = outputs.formats.get(self.docname, [])
        if links:
            para = nodes.paragraph(classes=["newsarc-formats"])
            para += nodes.Text(_("Formats") + ": ")
            para += nodes.strong("HTML", "HTML")
            for label, path in links:
                para += nodes.Text(" \N{MIDDLE DOT} ")
                para += nodes.reference(
                    label,
                    label,
                    refuri=outputs.href(self.docname, path),
                    classes=[f"newsarc-format-{label.lower()}"],
                )
            out.append(para)
        if outputs.category_feeds and self.docname == self.domain.page_for("archive"):
            para = nodes.paragraph(classes=["newsarc-category-feeds"])
            para += nodes.Text(_("Category feeds") + ": ")
            for n, (name, path) in enumerate(outputs.category_feeds):
                if n:
                    para += nodes.Text(" \N{MIDDLE DOT} ")
                para += nodes.reference(name, name, refuri=outputs.href(self.docname, path))
            out.append(para)
        return out

    # -- archive pages ---------------------------------------------------------------------

    @staticmethod
    def section(title: str, anchor: str, level_text: str) -> nodes.section:
        """A real section (books): a chapter, section or subsection by its depth, with a
        PDF bookmark and a place in the ePub's navigation."""
        section = nodes.section(ids=[anchor], classes=[level_text])
        section += nodes.title(title, title)
        return section

    def group_title(
        self,
        title: str,
        ids: Sequence[str] = (),
        level_text: str = "",
        page: str | None = None,
        iso: str | None = None,
    ) -> nodes.Element:
        """A titled block: a real section title is not possible inside a page body, so a
        rubric with an anchor, linking to ``page`` (websites) where there is one; with
        ``iso``, the title is that date."""
        rubric = nodes.rubric(classes=["newsarc-group", *([level_text] if level_text else [])])
        rubric["ids"].extend(ids)
        target = page if self.website else None
        if iso is not None:
            rubric += self.date_link(target, "", title, iso, ())
        else:
            rubric += self.link(target, "", title)
        return rubric


def count_text(events: int, days: int | None = None) -> str:
    """``1 event``, ``3 events``, ``3 events on 2 days``."""
    text = _("1 event") if events == 1 else _("%d events") % events
    if days:
        text += " " + (_("on 1 day") if days == 1 else _("on %d days") % days)
    return text
