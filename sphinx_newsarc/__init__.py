"""sphinx-newsarc: news archives and chronologies with Sphinx.

:func:`setup` is a table of registrations: each module registers what it provides with its
own ``setup_<x>(app)``.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

#: Bumped whenever the shape of the stored domain data changes (the domain's
#: ``data_version`` and the extension's ``env_version`` both read it).
ENV_VERSION = 9


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the ``news`` domain, its directives, roles, settings and static assets."""
    from . import (
        asset_tags,
        booktoc,
        browse,
        checks,
        collector,
        config,
        dated_pages,
        digests,
        directives,
        domain,
        jsonld,
        latex,
        locale,
        outputs,
        resolve,
        search,
        stubs,
        toctree,
    )

    app.setup_extension("sphinx_design")
    collector.setup_collector(app)  # fewer garbage-collector passes during the build
    config.register(app)
    app.connect("config-inited", config.check_config)
    domain.setup_domain(app)  # the domain, its roles and their short forms
    directives.setup_directives(app)  # event, entity, eventlist, archive-page
    resolve.setup_resolve(app)  # placeholders filled in once every document is read
    stubs.setup_stubs(app)  # the root pages' stubs, written before reading
    toctree.setup_toctree(app)  # the archive in every builder without an author's toctree
    booktoc.setup_booktoc(app)  # the book's Chronology nested in the ePub's navigation
    checks.setup_checks(app)  # duplicate ids and entity names, once all is read
    digests.setup_digests(app)  # which documents to write again; receipts of finished builds
    browse.setup_browse(app)  # the website's day, month, year, entity and story pages
    asset_tags.setup_asset_tags(app)  # a page's stylesheet and script tags, once per folder
    outputs.setup(app)  # Atom feeds and JSON exports of HTML builds
    latex.setup_latex(app)  # the archive's LaTeX package (index lines, needspace)
    search.setup_search(app)  # Pagefind: one result per event (newsarc_search)
    jsonld.setup_jsonld(app)  # schema.org JSON-LD in the website's pages
    dated_pages.setup(app)  # the archive layout (newsarc_dated_pages = "archive")
    locale.setup_locale(app)  # the message catalog
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
