"""The ``entity`` directive: declares a person, organisation, place or topic."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from ..core.model import EntityRecord, is_wikidata_id, wikidata_page
from ..core.sources import encode_url
from ..core.text import slugify, split_list
from ..domain import NewsDomain
from ..locale import _
from ..warnings import NewsarcWarning, warn
from . import remove_control_chars

__all__ = ["EntityDirective", "wikidata_link"]


class EntityDirective(SphinxDirective):
    """``.. entity:: Canonical Name`` with ``aliases``, ``kind``, ``url``, ``wikidata``; the
    body describes it."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, object]] = {
        "aliases": directives.unchanged,
        "kind": directives.unchanged,
        "url": directives.unchanged,
        "wikidata": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        remove_control_chars(self, "the name")
        domain = NewsDomain.of(self.env)
        docname = self.env.docname
        name = " ".join(self.arguments[0].split())
        aliases = tuple(split_list(self.options.get("aliases", "")))
        kind = self.options.get("kind", "").strip()
        url = self.options.get("url", "").strip()
        if url and not url.startswith(("http://", "https://")):
            warn(
                "entity %r: url %r is not an http(s) URL; ignored",
                NewsarcWarning.option,
                (docname, self.lineno),
                name,
                url,
            )
            url = ""
        url = encode_url(url)  # as the importer writes it
        wikidata = self.options.get("wikidata", "").strip()
        if wikidata and not is_wikidata_id(wikidata):
            warn(
                "entity %r: wikidata %r is not a Wikidata item id (Q and a number, e.g. "
                "Q42); ignored",
                "option",
                (docname, self.lineno),
                name,
                wikidata,
            )
            wikidata = ""
        anchor = nodes.make_id("entity-" + slugify(name)) or "entity"
        if anchor in self.state.document.ids:
            anchor = nodes.make_id(f"{anchor}-{self.lineno}")

        box = nodes.container(classes=["newsarc-entity", *self.options.get("class", [])])
        box["ids"].append(anchor)
        self.set_source_info(box)
        title = nodes.paragraph(classes=["newsarc-entity-name"])
        # name, aliases and URL are published verbatim, as listings and indices show them
        title["support_smartquotes"] = False
        title += nodes.strong(name, name)
        if kind:
            title += nodes.Text(" ")
            title += nodes.inline(f"({kind})", f"({kind})", classes=["newsarc-kind"])
        box += title
        facts = nodes.field_list(classes=["newsarc-entity-facts"])
        facts["support_smartquotes"] = False
        if aliases:
            facts += _field(_("Also known as"), nodes.Text(", ".join(aliases)))
        if url:
            facts += _field(_("Link"), nodes.reference(url, url, refuri=url))
        if wikidata:
            facts += _field("Wikidata", wikidata_link(wikidata))
        if len(facts):
            box += facts
        description: tuple[str, ...] = ()
        if self.content:
            body = nodes.container(classes=["newsarc-body"])
            self.state.nested_parse(self.content, self.content_offset, body)
            box += body
            description = tuple(
                p.astext() for p in body.findall(nodes.paragraph) if p.astext().strip()
            )[:3]
        domain.add_entity(
            EntityRecord(
                name=name,
                docname=docname,
                lineno=self.lineno,
                anchor=anchor,
                aliases=aliases,
                kind=kind,
                url=url,
                description=description,
                wikidata=wikidata,
            )
        )
        self.state.document.note_explicit_target(box, box)
        return [box]


def wikidata_link(qid: str) -> nodes.reference:
    """A link to an item's Wikidata page, showing its id."""
    return nodes.reference(qid, qid, refuri=wikidata_page(qid), classes=["newsarc-wikidata"])


def _field(name: str, value: nodes.Node) -> nodes.field:
    field = nodes.field()
    field += nodes.field_name(name, name)
    body = nodes.field_body()
    para = nodes.paragraph()
    para += value
    body += para
    field += body
    return field
