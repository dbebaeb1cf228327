"""What kind of output a builder makes: a browsable website, or a book in one file."""

from __future__ import annotations

from sphinx.builders import Builder

__all__ = ["is_epub", "is_website", "is_whole_book"]


def is_website(builder: Builder) -> bool:
    """Whether this builder makes a browsable site with day, entity and story pages:
    ``html`` and ``dirhtml``, not the ePub or ``singlehtml`` (they get the indices only)."""
    if builder.format != "html" or is_epub(builder):
        return False
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    return not isinstance(builder, SingleFileHTMLBuilder)


def is_epub(builder: Builder) -> bool:
    """Whether ``builder`` makes an ePub, whose builder shows external links' URLs itself
    as ``epub_show_urls`` says (``inline``, ``footnote`` or ``no``)."""
    try:
        from sphinx.builders._epub_base import EpubBuilder
    except ImportError:  # pragma: no cover - private module moved
        return builder.name.startswith("epub")
    return builder.name.startswith("epub") or isinstance(builder, EpubBuilder)


def is_whole_book(builder: Builder) -> bool:
    """Whether ``builder`` writes many documents into one file whose labels name the
    document each came from (LaTeX, Texinfo)."""
    return builder.format in ("latex", "texinfo")
