"""The archive layout (``newsarc_dated_pages = "archive"``): dated pages are reached
through the archive, not through the author's toctrees.

A *dated page* is a document that holds events, is not the root document, is not marked
``orphan`` and that no toctree of the author lists. In this layout:

- the archive's front page gets a toctree of every dated page, in date order (earliest
  event, then name), wrapped in ``only:: not (builder_html or builder_dirhtml)``. Sphinx
  counts them as included (no ``toc.not_included``) and gives them previous/next links in
  date order; printed books, the ePub and ``singlehtml`` contain them, after the author's
  chapters, in the archive part before its indices; but a website's navigation
  (the theme's sidebar, i.e. the global toctree every page renders) leaves them out, so it
  stays as small as the author's chapters and the archive's root pages.
- on websites each dated page starts with breadcrumbs to the archive's year, month and
  day pages of its earliest event and links to the previous and next dated page
  (``html-page-context``); the theme's ``parents`` become the same trail.

Which documents are dated is known only when every document has been read. The front page
lists those known when it is read; after reading (``env-updated``) the list is checked
against all documents, and when it differs (a first build, a dated page added, removed or
moved in time) the front page (a small stub) is read again and written again. The pages
whose neighbours changed are written again by the digests (prev/next follow the toctree).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

from .builders import is_website
from .config import settings
from .core.dated import DatedOrder, dated_order, page_date, trail
from .core.pages import plan_roots
from .domain import NewsDomain
from .locale import _

__all__ = ["ONLY_BOOKS", "dated_host", "setup"]

#: Builders whose documents get the dated pages through the toctree: all but websites.
ONLY_BOOKS = "not (builder_html or builder_dirhtml)"


def dated_host(env: BuildEnvironment) -> str | None:
    """The document whose toctree lists the dated pages: the archive's front page, in the
    archive layout, when sphinx-newsarc writes it (else the layout has no effect)."""
    if settings(env.config).dated_pages != "archive":
        return None
    from .toctree import archive_front_page

    return archive_front_page(env)


def _host_children(env: BuildEnvironment) -> set[str]:
    """What the front page's own toctree lists (the indices)."""
    config = settings(env.config)
    return set(plan_roots(config.pages, config.titles())[0].children)


def wanted_pages(env: BuildEnvironment, host: str) -> list[str]:
    """The dated pages known now, in date order."""
    events: dict[str, list[Any]] = env.domaindata["news"]["events"]
    root = env.config.root_doc
    listed = {d for doc, includes in env.toctree_includes.items() if doc != host for d in includes}
    dates = {
        doc: [e.date for e in records]
        for doc, records in events.items()
        if records
        and doc not in listed
        and doc not in (root, host)
        and doc in env.found_docs
        and "orphan" not in env.metadata.get(doc, {})
    }
    return dated_order(dates)


def listed_pages(env: BuildEnvironment, host: str) -> list[str]:
    """The dated pages the front page's toctree lists now."""
    own = _host_children(env)
    return [d for d in env.toctree_includes.get(host, ()) if d not in own]


def add_dated_toctree(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read`` of the front page (before Sphinx notes its toctrees): add a
    toctree of the dated pages known so far, for every builder but websites."""
    env = app.env
    host = dated_host(env)
    if host is None or env.docname != host:
        return
    pages = wanted_pages(env, host)
    if not pages:
        return
    from .toctree import toctree_of

    only = addnodes.only(expr=ONLY_BOOKS)
    only += toctree_of(host, list(pages))
    # before the indices' toctree: the days first, the indices at the end of the book
    for wrapper in doctree.findall(nodes.compound):
        if "toctree-wrapper" in wrapper["classes"] and wrapper.parent is not None:
            wrapper.parent.insert(wrapper.parent.index(wrapper), only)
            return
    section = next(iter(doctree.findall(nodes.section)), None)
    (section if section is not None else doctree).append(only)


def check_dated_toctree(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: read the front page again when the dated pages it lists are not
    those known now; return it to be written again."""
    host = dated_host(env)
    if host is None or host not in env.found_docs:
        return []
    if not NewsDomain.of(env).changed:
        return []  # no document read or removed: nothing dated changed
    if listed_pages(env, host) == wanted_pages(env, host):
        return []
    app.events.emit("env-purge-doc", env, host)
    env.clear_doc(host)
    app.builder.read_doc(host)
    return [host]


# -- websites: breadcrumbs and previous/next -------------------------------------------------


def _order(env: BuildEnvironment, host: str) -> DatedOrder:
    """The dated pages of this build, in order (made once per process)."""
    cache = NewsDomain.of(env).cache.dated_orders
    if host not in cache:
        cache[host] = DatedOrder(listed_pages(env, host))
    return cache[host]


def _link(builder: Builder, pagename: str, target: str) -> str:
    return builder.get_relative_uri(pagename, target)


def _title(env: BuildEnvironment, docname: str) -> str:
    node = env.titles.get(docname)
    return escape(node.astext() if node is not None else docname)


def page_navigation(app: Sphinx, pagename: str) -> tuple[list[tuple[str, str]], str] | None:
    """For a dated page of a website: its breadcrumb trail above it (relative link, title
    as HTML), and the HTML of its breadcrumbs and previous/next links; None for other pages."""
    env, builder = app.env, app.builder
    host = dated_host(env)
    if host is None or not is_website(builder):
        return None
    order = _order(env, host)
    if pagename not in order:
        return None
    domain = NewsDomain.of(env)
    crumbs = [(_link(builder, pagename, host), _title(env, host))]
    date = page_date(e.date for e in domain.data["events"].get(pagename, ()))
    for kind, key in trail(date) if date is not None else ():
        docname = domain.page_for(kind, key)
        if docname is not None:
            plan_page = domain.plan.pages[docname]
            crumbs.append((_link(builder, pagename, docname), escape(plan_page.title)))
    items = [f'<li><a href="{escape(link)}">{title}</a></li>' for link, title in crumbs]
    items.append(f'<li aria-current="page">{_title(env, pagename)}</li>')
    html = [
        f'<nav class="newsarc-breadcrumbs" aria-label="{escape(_("Breadcrumb"))}">'
        f"<ol>{''.join(items)}</ol></nav>"
    ]
    before, after = order.neighbours(pagename)
    links = [
        f'<a class="newsarc-{rel}" rel="{rel}" href="{escape(_link(builder, pagename, doc))}">'
        f'<span class="newsarc-nav-label">{escape(label)}:</span> {_title(env, doc)}</a>'
        for rel, label, doc in (("prev", _("Previous"), before), ("next", _("Next"), after))
        if doc is not None
    ]
    if links:
        html.append(
            f'<nav class="newsarc-dated-nav" aria-label='
            f'"{escape(_("Previous and next dated page"))}">{" ".join(links)}</nav>'
        )
    return crumbs, "\n".join(html) + "\n"


def _site_navigation(app: Sphinx, pagename: str) -> Callable[..., str]:
    """The theme's navigation (``toctree()``) for a dated page: that of a page in no
    toctree, in the same folder, computed once per folder.

    Sphinx would give a dated page its ancestors' tocs whole (the front page's with the
    toctree of every dated page, only to drop it after expanding it): the cost of the
    default layout again, once per page.
    """
    from .browse import folder_navigation

    builder = app.builder
    cache = NewsDomain.of(app.env).cache.navigation.setdefault(builder.name, {})
    # a name in the same folder that no toctree lists and no page has
    return folder_navigation(builder, cache, pagename, pagename + "~newsarc-navigation")


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: breadcrumbs and previous/next at the top of a dated page,
    the same trail as the theme's ``parents``, and a navigation without dated pages."""
    if doctree is None or "body" not in context:
        return
    navigation = page_navigation(app, pagename)
    if navigation is None:
        return
    crumbs, html = navigation
    context["parents"] = [{"link": link, "title": title} for link, title in crumbs]
    context["body"] = html + context["body"]
    if "toctree" in context:
        context["toctree"] = _site_navigation(app, pagename)


def setup(app: Sphinx) -> None:
    """Connect the archive layout's handlers (they do nothing in the default layout)."""
    # before Sphinx's toctree collector (priority 500) notes the front page's toctrees
    app.connect("doctree-read", add_dated_toctree, priority=400)
    app.connect("env-updated", check_dated_toctree)
    app.connect("html-page-context", page_context)
