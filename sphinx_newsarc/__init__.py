"""sphinx-newsarc: news archives and chronologies with Sphinx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

__version__ = "0.1.0"

#: Bumped whenever the shape of the stored domain data changes.
ENV_VERSION = 8


def _env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    from .checks import report_conflicts
    from .domain import NewsDomain
    from .toctree import check_archive_toctree

    rewrite = check_archive_toctree(app, env)
    domain = env.get_domain("news")
    assert isinstance(domain, NewsDomain)
    if domain.changed:  # like Sphinx's own warnings: reported when documents are read
        report_conflicts(env)
    return rewrite


def _env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    from .domain import NewsDomain

    domain = env.get_domain("news")
    assert isinstance(domain, NewsDomain)
    return domain.refresh_digests(app.builder)


def _build_finished(app: Sphinx, exception: BaseException | None) -> None:
    from .domain import NewsDomain

    if exception is None:
        domain = app.env.get_domain("news")
        assert isinstance(domain, NewsDomain)
        domain.confirm_written()


def _builder_inited(app: Sphinx) -> None:
    from .stubs import write_root_pages

    write_root_pages(app)


def _add_archive_toctree(app: Sphinx, doctree: nodes.document) -> None:
    from .toctree import add_archive_toctree

    add_archive_toctree(app, doctree)


def _collect_pages(app: Sphinx):  # type: ignore[no-untyped-def]
    from .browse import collect_pages

    return collect_pages(app)


def _add_static_path(app: Sphinx, config: Config) -> None:
    """Ship ``newsarc.css``: added when the configuration is read, so the stored
    configuration of the last build has it too (no "configuration changed" rebuilds)."""
    static = str(Path(__file__).parent / "static")
    if static not in config.html_static_path:
        config.html_static_path.append(static)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``news`` domain, its directives, roles, settings and static assets."""
    from . import config
    from .directives.entity import EntityDirective
    from .directives.event import EventDirective
    from .directives.eventlist import EventListDirective
    from .domain import NewsDomain, NewsXRefRole
    from .locale import MESSAGE_CATALOG_NAME
    from .nodes import pending_news, visit_unresolved
    from .resolve import ResolveNews

    app.setup_extension("sphinx_design")
    config.register(app)
    app.connect("config-inited", config.check_config)
    app.add_domain(NewsDomain)
    # the short forms: ``event``, ``entity``, ``eventlist`` directives and roles
    app.add_directive("event", EventDirective)
    app.add_directive("entity", EntityDirective)
    app.add_directive("eventlist", EventListDirective)
    for reftype in ("event", "entity", "day", "story"):
        app.add_role(reftype, NewsXRefRole(reftype))
    unresolved = (visit_unresolved, None)
    app.add_node(pending_news, html=unresolved, latex=unresolved, text=unresolved,
                 man=unresolved, texinfo=unresolved)
    app.add_post_transform(ResolveNews)
    app.connect("builder-inited", _builder_inited)
    # before Sphinx's toctree collector (priority 500) notes the root document's toctrees
    app.connect("doctree-read", _add_archive_toctree, priority=400)
    app.connect("env-updated", _env_updated)
    app.connect("env-get-updated", _env_get_updated)
    app.connect("html-collect-pages", _collect_pages)
    app.connect("config-inited", _add_static_path)
    app.add_css_file("newsarc.css")
    app.add_message_catalog(MESSAGE_CATALOG_NAME, str(Path(__file__).parent / "locales"))
    # Atom feeds and JSON exports of HTML builds (outputs.py, docs/feeds.md)
    from . import outputs

    outputs.setup(app)
    # the archive layout (newsarc_dated_pages = "archive", dated_pages.py)
    from . import dated_pages

    dated_pages.setup(app)
    # after every other handler, the feeds and JSON files included: the build is complete
    app.connect("build-finished", _build_finished, priority=900)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
