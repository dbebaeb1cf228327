"""What kind of output a builder makes: a browsable website, or a book in one file."""

from __future__ import annotations

from sphinx.builders import Builder

__all__ = ["is_website", "is_whole_book"]


def is_website(builder: Builder) -> bool:
    """Whether this builder makes a browsable site with day, entity and story pages:
    ``html`` and ``dirhtml``, not the ePub or ``singlehtml`` (they get the indices only)."""
    if builder.format != "html" or builder.name.startswith("epub"):
        return False
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    try:
        from sphinx.builders._epub_base import EpubBuilder
    except ImportError:  # pragma: no cover - private module moved
        return not isinstance(builder, SingleFileHTMLBuilder)
    return not isinstance(builder, (EpubBuilder, SingleFileHTMLBuilder))


def is_whole_book(builder: Builder) -> bool:
    """Whether ``builder`` writes many documents into one file whose labels name the
    document each came from (LaTeX, Texinfo)."""
    return builder.format in ("latex", "texinfo")
