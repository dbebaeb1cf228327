"""The ``<link>`` and ``<script>`` tags of a page's stylesheets and scripts, once per folder.

Sphinx's ``css_tag`` and ``js_tag`` (template functions of every HTML page) resolve the
asset's path on disk and look up its checksum for each asset of each page: a twentieth of
the time of an archive's thousands of browse pages. A tag depends only on the asset and
the folder of the page (its links are relative), so ``html-page-context`` wraps both
functions to compute each tag once per builder, folder and asset.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Hashable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .domain import NewsDomain

__all__ = ["setup_asset_tags"]

#: the template functions wrapped, each a pure function of the page's folder and an asset
TAG_FUNCTIONS = ("css_tag", "js_tag")


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """``html-page-context``: ``css_tag`` and ``js_tag`` remembered per folder."""
    builder = app.builder
    folder = posixpath.dirname(builder.get_target_uri(pagename))
    cache = NewsDomain.of(app.env).cache.asset_tags.setdefault(builder.name, {})
    for name in TAG_FUNCTIONS:
        tag = context.get(name)
        if callable(tag):
            context[name] = _remembered(tag, name, folder, cache)


def _remembered(
    tag: Callable[[Any], str], name: str, folder: str, cache: dict[tuple[str, str, Hashable], str]
) -> Callable[[Any], str]:
    def remembered(asset: Any) -> str:
        try:
            key = (name, folder, asset)
            found = cache.get(key)
        except TypeError:  # an unhashable asset (no Sphinx asset is)
            return tag(asset)
        if found is None:
            found = cache[key] = tag(asset)
        return found

    return remembered


def setup_asset_tags(app: Sphinx) -> None:
    """Connect the handler (called from the extension's ``setup``)."""
    app.connect("html-page-context", page_context)
