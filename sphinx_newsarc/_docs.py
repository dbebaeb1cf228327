"""Directives for sphinx-newsarc's own documentation: the settings and the warning
subtypes, generated from :class:`~sphinx_newsarc.config.NewsarcConfig` and
:class:`~sphinx_newsarc.warnings.NewsarcWarning`, so the docs cannot drift from the code.

Only ``docs/conf.py`` loads it (``extensions += ["sphinx_newsarc._docs"]``); the pages are
MyST, so the directives write Markdown definition lists (the ``deflist`` extension), which
read well in HTML, ePub and PDF alike.
"""

from __future__ import annotations

import dataclasses

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

from . import __version__
from .config import NewsarcConfig
from .validators import Validator
from .warnings import NewsarcWarning

__all__ = ["NewsarcSettingsDirective", "NewsarcWarningsDirective", "setup"]


def _code(value: object) -> str:
    """``value``'s repr as inline code (backticks inside doubled)."""
    text = repr(value)
    fence = "``" if "`" in text else "`"
    return f"{fence}{text}{fence}"


class _MarkdownDirective(SphinxDirective):
    """A directive that writes Markdown lines and parses them in place."""

    def lines(self) -> list[str]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        node = nodes.Element()
        self.state.nested_parse(self.lines(), self.content_offset, node)
        return node.children


class NewsarcSettingsDirective(_MarkdownDirective):
    """Every ``newsarc_*`` setting: name, default, what it accepts, what it does."""

    def lines(self) -> list[str]:
        text: list[str] = []
        for f in dataclasses.fields(NewsarcConfig):
            validator: Validator[object] = f.metadata["validator"]
            default = f.metadata.get("doc_default") or _code(f.metadata["conf_default"])
            text += [
                f"`newsarc_{f.name}`",
                f": {f.metadata['help']}",
                "",
                f"  Default: {default}. Accepts {validator.expects}.",
                "",
            ]
        return text


class NewsarcWarningsDirective(_MarkdownDirective):
    """Every warning subtype: when it is reported and where it is located."""

    def lines(self) -> list[str]:
        text: list[str] = []
        for warning in NewsarcWarning:
            description = warning.description[0].upper() + warning.description[1:]
            text += [
                f"`newsarc.{warning.value}`",
                f": {description}.",
                "",
                f"  Located at {warning.location}.",
                "",
            ]
        return text


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register ``newsarc-settings`` and ``newsarc-warnings``."""
    app.add_directive("newsarc-settings", NewsarcSettingsDirective)
    app.add_directive("newsarc-warnings", NewsarcWarningsDirective)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
