"""The ``news:archive-page`` directive, used only in the archive pages sphinx-newsarc writes."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..domain import NewsDomain
from ..nodes import pending_news

__all__ = ["ArchivePageDirective"]


class ArchivePageDirective(SphinxDirective):
    """``.. news:archive-page:: KIND KEY``: the listing of one generated page."""

    required_arguments = 1
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        key = self.arguments[1] if len(self.arguments) > 1 else ""
        NewsDomain.of(self.env).data["generated"][self.env.docname] = (kind, key)
        node = pending_news(kind="page", page=(kind, key), classes=[f"newsarc-{kind}-page"])
        self.set_source_info(node)
        return [node]
