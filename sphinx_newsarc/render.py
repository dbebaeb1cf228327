"""Views to docutils nodes, for the current builder.

Only standard docutils nodes come out, with stable ``newsarc-*`` classes for themes, so
every builder renders them; LaTeX additionally gets page numbers (``\\pageref``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from docutils import nodes
from sphinx.builders import Builder
from sphinx.errors import NoUri
from sphinx.util.texescape import tex_replace_map

from .core.dates import parse_date
from .core.text import index_letter
from .domain import (
    NewsDomain,
    chronology_anchor,
    entity_anchor,
    is_website,
    is_whole_book,
    story_anchor,
)
from .inline import Inline, html_escapes
from .locale import _
from .views import EntityRef, Summary, Views

__all__ = ["Renderer"]


def _latex_label(docname: str, anchor: str) -> str:
    ident = f"{docname}:{anchor}".translate(tex_replace_map)
    ident = ident.encode("ascii", "backslashreplace").decode("ascii").replace("\\", "_")
    return rf"\detokenize{{{ident}}}"


class Renderer:
    """Builds the nodes of placeholders and archive pages for one document and builder."""

    def __init__(self, domain: NewsDomain, views: Views, builder: Builder, docname: str) -> None:
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

    # -- links -----------------------------------------------------------------------------

    def target(self, docname: str, anchor: str) -> tuple[str | None, str | None]:
        """``(refuri, refid)`` of a link from this page to ``docname#anchor``; ``(None,
        None)`` when the builder does not write ``docname`` (a book without that page)."""
        if docname == self.docname and anchor and not self._whole_book:
            return None, anchor
        if docname not in self._uris:
            try:
                self._uris[docname] = self.builder.get_relative_uri(self.docname, docname)
            except NoUri:
                self._uris[docname] = None
        base = self._uris[docname]
        if base is None:
            return None, None
        uri = f"{base}#{anchor}" if anchor else base
        if uri.count("#") > 1:  # singlehtml: "#document-x#anchor" means "#anchor"
            uri = uri[uri.index("#", uri.index("#") + 1) :]
        return uri, None

    def written(self, docname: str) -> bool:
        """Whether the builder writes ``docname`` (books leave out orphans)."""
        return self.target(docname, "")[0] is not None

    def link(self, docname: str | None, anchor: str, text: str,
             classes: Sequence[str] = ()) -> nodes.Node:
        """A reference node to ``docname#anchor``, or plain text when there is no target."""
        inline = Inline(None)
        self.add_link(inline, docname, anchor, text, classes)
        return inline.result()[0]

    def inline(self, searchable: bool = False) -> Inline:
        """Inline content for this page: one raw node for HTML builders, else nodes."""
        return Inline(self.escapes, searchable)

    @staticmethod
    def paragraph(inline: Inline, **attributes: Any) -> nodes.paragraph:
        """A paragraph holding ``inline``'s content."""
        para = nodes.paragraph(**attributes)
        para.extend(inline.result())
        return para

    def add_link(self, inline: Inline, docname: str | None, anchor: str, text: str,
                 classes: Sequence[str] = ()) -> None:
        """:meth:`link` into ``inline``."""
        if not docname:
            inline.span(text, classes)
            return
        refuri, refid = self.target(docname, anchor)
        if refuri is None and refid is None:
            inline.span(text, classes)
            return
        inline.reference(text, classes, refuri, refid)

    def add_event(self, inline: Inline, summary: Summary) -> None:
        """The headline of an event, linking to it."""
        self.add_link(inline, summary.docname, summary.anchor, summary.headline,
                      ["newsarc-headline-link"])

    def add_date(self, inline: Inline, summary: Summary) -> None:
        """The date of an event, leading to its day page (websites) or Chronology entry."""
        found = self._date_targets.get(summary.iso)
        if found is None:
            target = self.domain.date_target(parse_date(summary.iso), self.builder)
            found = self._date_targets[summary.iso] = target if target else (None, "")
        self.add_link(inline, found[0], found[1], summary.date_text, ["newsarc-date-text"])

    def add_entity(self, inline: Inline, ref: EntityRef) -> None:
        """An entity's name, leading to its page, declaration or index entry."""
        target = self.domain.entity_target(ref.name, self.builder)
        docname, anchor = target if target else (None, "")
        self.add_link(inline, docname, anchor, ref.name, ["newsarc-entity-link"])

    def add_pageref(self, inline: Inline, summary: Summary) -> None:
        """``, p. N`` in LaTeX, nothing elsewhere."""
        if not self.latex or not self.written(summary.docname):
            return
        label = _latex_label(summary.docname, summary.anchor)
        inline.node(nodes.raw("", rf", \sphinxstyleemphasis{{p.\,\pageref{{{label}}}}}",
                              format="latex"))

    # -- listings --------------------------------------------------------------------------

    def listing(self, summaries: Iterable[Summary], with_date: bool = True,
                classes: Sequence[str] = ()) -> list[nodes.Node]:
        """A bullet list of events: date, headline (and page number in LaTeX); nothing
        for no events (an empty list is an error in LaTeX)."""
        items = nodes.bullet_list(classes=["newsarc-listing", "no-search", *classes])
        for summary in summaries:
            inline = self.inline()
            if with_date:
                self.add_date(inline, summary)
                inline.text(" \N{EM DASH} ")
            self.add_event(inline, summary)
            self.add_pageref(inline, summary)
            items += nodes.list_item("", self.paragraph(inline))
        return [items] if len(items) else []

    # -- event pieces ----------------------------------------------------------------------

    def event_date(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        """The date line at the top of an event."""
        inline = self.inline()
        self.add_date(inline, view[0])
        return [self.paragraph(inline, classes=["newsarc-date"])]

    def event_meta(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        """Entities, story and category of an event."""
        _summary, entities, story, category, _related, _unknown = view
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
            name, page = story
            if parts:
                inline.text(" \N{MIDDLE DOT} ")
            inline.open(["newsarc-story"])
            inline.text(_("Story") + ": ")
            self.add_link(inline, page if self.website else None, "", name)
            inline.close()
            parts += 1
        if category:
            if parts:
                inline.text(" \N{MIDDLE DOT} ")
            inline.span(_("Category") + ": " + category, ["newsarc-category"])
        return [self.paragraph(inline, classes=["newsarc-meta"])]

    def event_related(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        """The related events, each with the entities it shares with this one."""
        related = view[4]
        if not related:
            return []
        box = nodes.container(classes=["newsarc-related", "no-search"])
        box += nodes.rubric(_("Related"), _("Related"))
        items = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        for summary, shared in related:
            inline = self.inline()
            self.add_event(inline, summary)
            self.add_pageref(inline, summary)
            if shared:
                inline.text(" ")
                inline.emphasis(_("Context") + ": " + ", ".join(shared), ["newsarc-context"])
            items += nodes.list_item("", self.paragraph(inline))
        box += items
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
                para += nodes.reference(label, label, refuri=outputs.href(self.docname, path),
                                        classes=[f"newsarc-format-{label.lower()}"])
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

    def page(self, kind: str, view: tuple[Any, ...]) -> list[nodes.Node]:
        """The listing of a generated page."""
        method = getattr(self, f"_page_{kind}")
        return method(view)

    def _section(self, title: str, ids: Sequence[str] = (), level_text: str = "",
                 page: str | None = None) -> nodes.Element:
        """A titled block: a real section title is not possible inside a page body, so a
        rubric with an anchor, linking to ``page`` where there is one."""
        rubric = nodes.rubric(classes=["newsarc-group", *([level_text] if level_text else [])])
        rubric["ids"].extend(ids)
        rubric += self.link(page if self.website else None, "", title)
        return rubric

    def _page_day(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        nav, stories = view
        out: list[nodes.Node] = []
        para = nodes.paragraph(classes=["newsarc-daynav"])
        previous, following = nav
        if previous:
            para += self.link(previous[2], "", "\N{LEFTWARDS ARROW} " + previous[1],
                              ["newsarc-previous"])
        if previous and following:
            para += nodes.Text(" | ")
        if following:
            para += self.link(following[2], "", following[1] + " \N{RIGHTWARDS ARROW}",
                              ["newsarc-next"])
        if len(para):
            out.append(para)
        for story, page, summaries in stories:
            if story:
                out.append(self._section(story, page=page, level_text="newsarc-story-title"))
            out.extend(self.listing(summaries, with_date=False))
        out.extend(self.formats())
        return out

    def _page_month(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        days, loose = view
        out: list[nodes.Node] = []
        if loose:
            out.extend(self.listing(loose))
        for _day, page, summaries in days:
            out.append(self._section(summaries[0].date_text, page=page))
            out.extend(self.listing(summaries, with_date=False))
        return out

    def _page_year(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        months, loose = view
        grid = nodes.container(classes=["newsarc-months", "sd-container-fluid",
                                        "sd-sphinx-override", "sd-mb-4"])
        row = nodes.container(classes=["sd-row", "sd-row-cols-2", "sd-row-cols-sm-3",
                                       "sd-row-cols-md-4", "sd-g-2"])
        for _month, title, page, count, day_count in months:
            col = nodes.container(classes=["sd-col", "sd-d-flex-row"])
            card = nodes.container(classes=["newsarc-month-card", "sd-card", "sd-w-100",
                                            "sd-shadow-sm"])
            body = nodes.container(classes=["sd-card-body"])
            head = nodes.paragraph(classes=["sd-card-title", "sd-font-weight-bold"])
            head += self.link(page, "", title)
            body += head
            text = count_text(count, day_count)
            body += nodes.paragraph(text, text, classes=["sd-card-text"])
            card += body
            col += card
            row += col
        grid += row
        out: list[nodes.Node] = [grid]
        if loose:
            out.extend(self.listing(loose))
        return out

    def _page_archive(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        if not self.website:  # printed books go straight to the indices
            return out
        years, recent, _categories = view
        if years:
            para = nodes.paragraph(classes=["newsarc-years"])
            para += nodes.Text(_("Years") + ": ")
            for n, (year, page, count) in enumerate(years):
                if n:
                    para += nodes.Text(" \N{MIDDLE DOT} ")
                para += self.link(page, "", year)
                para += nodes.Text(f" ({count})")
            out.append(para)
        for _day, page, summaries in recent:
            card = nodes.container(classes=["newsarc-day-card", "sd-card", "sd-mb-3",
                                            "sd-shadow-sm"])
            header = nodes.container(classes=["sd-card-header"])
            title = nodes.paragraph(classes=["sd-card-title", "sd-font-weight-bold"])
            title += self.link(page, "", summaries[0].date_text)
            header += title
            card += header
            body = nodes.container(classes=["sd-card-body"])
            body.extend(self.listing(summaries, with_date=False))
            card += body
            out.append(card)
        out.extend(self.formats())
        return out

    def _page_chronology(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for year, year_page, months, loose in view:
            out.append(self._section(year, [chronology_anchor(year)], "newsarc-year",
                                     year_page))
            if loose:
                out.extend(self.listing(loose))
            for month, month_page, days, month_loose in months:
                title = self.views.month_title(month)
                out.append(self._section(title, [chronology_anchor(month)], "newsarc-month",
                                         month_page))
                if month_loose:
                    out.extend(self.listing(month_loose))
                if self.website:  # the day pages list the events
                    items = nodes.bullet_list(classes=["newsarc-days"])
                    for day, day_page, date_text, count in days:
                        para = nodes.paragraph()
                        para["ids"].append(chronology_anchor(day))
                        para += self.link(day_page, "", date_text)
                        para += nodes.Text(f" ({count})")
                        items += nodes.list_item("", para)
                    out.append(items)
                    continue
                for day, _day_page, summaries in days:
                    para = nodes.paragraph(classes=["newsarc-day"])
                    para["ids"].append(chronology_anchor(day))
                    para += nodes.strong(summaries[0].date_text, summaries[0].date_text)
                    out.append(para)
                    out.extend(self.listing(summaries, with_date=False))
        return out

    def _entity_facts(self, facts: tuple[Any, ...]) -> list[nodes.Node]:
        kind, aliases, url, description = facts
        out: list[nodes.Node] = []
        para = nodes.paragraph(classes=["newsarc-entity-facts"])
        parts: list[list[nodes.Node]] = []
        if kind:
            parts.append([nodes.Text(_("Kind") + ": " + kind)])
        if aliases:
            parts.append([nodes.Text(_("Also known as") + ": " + ", ".join(aliases))])
        if url:
            parts.append([nodes.Text(_("Link") + ": "), nodes.reference(url, url, refuri=url)])
        for n, part in enumerate(parts):
            if n:
                para += nodes.Text(" \N{MIDDLE DOT} ")
            para.extend(part)
        if parts:
            out.append(para)
        for text in description:
            out.append(nodes.paragraph(text, text, classes=["newsarc-description"]))
        return out

    def _page_entities(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        if self.website:
            return self._entity_links(view)
        out: list[nodes.Node] = []
        for ref, facts, summaries in view:
            title = nodes.rubric(classes=["newsarc-group", "newsarc-entity-title"])
            title["ids"].append(entity_anchor(ref.slug))
            title += self.link(None, "", ref.name)
            if facts[0]:
                title += nodes.Text(f" ({facts[0]})")
            out.append(title)
            if facts[1]:
                text = _("Also known as") + ": " + ", ".join(facts[1])
                out.append(nodes.paragraph(text, text, classes=["newsarc-aliases"]))
            out.extend(self.listing(summaries))
        return out

    def _entity_links(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        """The website's Entities index: an A-Z list of names, each linking to its page
        (or declaration) with its event count; a name without a page lists its days."""
        by_letter: dict[str, list[tuple[Any, ...]]] = {}
        for entry in view:
            by_letter.setdefault(index_letter(entry[0].name), []).append(entry)
        groups = {letter: by_letter[letter]
                  for letter in sorted(by_letter, key=lambda k: (k != "#", k))}
        out: list[nodes.Node] = []
        if len(groups) > 1:
            jump = nodes.paragraph(classes=["newsarc-letters"])
            for n, letter in enumerate(groups):
                if n:
                    jump += nodes.Text(" ")
                jump += self.link(self.docname, letter_anchor(letter), letter)
            out.append(jump)
        for letter, entries in groups.items():
            if len(groups) > 1:
                title = nodes.rubric(letter, letter, classes=["newsarc-group",
                                                              "newsarc-letter"])
                title["ids"].append(letter_anchor(letter))
                out.append(title)
            items = nodes.bullet_list(classes=["newsarc-entity-index", "no-search"])
            for ref, kind, count, days in entries:
                inline = self.inline()
                if ref.page is None and ref.declared_at:
                    self.add_link(inline, ref.declared_at[0], ref.declared_at[1], ref.name,
                                  ["newsarc-entity-link"])
                else:
                    self.add_link(inline, ref.page, "", ref.name, ["newsarc-entity-link"])
                if kind:
                    inline.text(f" ({kind})")
                inline.text(" \N{EM DASH} ")
                if days:
                    for n, (date_text, page) in enumerate(days):
                        if n:
                            inline.text(", ")
                        self.add_link(inline, page, "", date_text, ["newsarc-date-text"])
                else:
                    inline.text(count_text(count))
                items += nodes.list_item("", self.paragraph(inline,
                                                            ids=[entity_anchor(ref.slug)]))
            out.append(items)
        return out

    def _page_entity(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        ref, facts, summaries = view
        card = nodes.container(classes=["newsarc-entity-card", "sd-card", "sd-mb-3",
                                        "sd-shadow-sm"])
        body = nodes.container(classes=["sd-card-body"])
        body.extend(self._entity_facts(facts))
        text = count_text(len(summaries))
        body += nodes.paragraph(text, text, classes=["newsarc-count", "sd-card-text"])
        if ref.declared_at:
            para = nodes.paragraph(classes=["sd-card-text"])
            para += self.link(ref.declared_at[0], ref.declared_at[1], _("Declaration"))
            body += para
        card += body
        return [card, *self.listing(summaries), *self.formats()]

    def _page_stories(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        if self.website:  # the story pages list the events
            for name, page, count, first, last, slug in view:
                out.append(self._section(name, [story_anchor(slug)], page=page))
                text = count_text(count) + f", {first} \N{EN DASH} {last}"
                out.append(nodes.paragraph(text, text, classes=["newsarc-count"]))
            return out
        for name, page, summaries, slug in view:
            out.append(self._section(name, [story_anchor(slug)], page=page))
            out.extend(self.listing(summaries))
        return out

    def _page_story(self, view: tuple[Any, ...]) -> list[nodes.Node]:
        _name, summaries = view
        return [*self.listing(summaries, classes=["newsarc-timeline"]), *self.formats()]


def letter_anchor(letter: str) -> str:
    """The anchor of a letter's group in an index."""
    return "letter-" + ("other" if letter == "#" else letter.lower())


def count_text(events: int, days: int | None = None) -> str:
    """``1 event``, ``3 events``, ``3 events on 2 days``."""
    text = _("1 event") if events == 1 else _("%d events") % events
    if days:
        text += " " + (_("on 1 day") if days == 1 else _("on %d days") % days)
    return text
