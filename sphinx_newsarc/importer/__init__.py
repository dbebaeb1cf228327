"""``sphinx-newsarc import``: turn JSON, JSONL, CSV and WikiTimes exports into MyST pages.

Pure Python (no Sphinx): readers turn input records into :class:`ImportedEvent` and
:class:`ImportedEntity` values, :func:`render_pages` writes them as ``event`` and
``entity`` directives, :func:`sync_pages` puts the pages on disk without touching files
it did not write, and :func:`import_events` does all of it and returns an
:class:`ImportSummary`.
"""

from __future__ import annotations

from .api import FORMATS, SPLITS, ImportSummary, import_events, read_inputs, read_one
from .escape import escape_line, escape_text
from .merge import Collection, merge
from .pages import MARKER, render_pages
from .records import (
    SKIP_REASONS,
    WARNING_REASONS,
    ImportedEntity,
    ImportedEvent,
    ImportedSource,
    InputError,
    Position,
    Problem,
    Problems,
)
from .writer import Interrupted, OutputError, WriteReport, check_out, is_generated, sync_pages

__all__ = [
    "FORMATS",
    "MARKER",
    "SKIP_REASONS",
    "SPLITS",
    "WARNING_REASONS",
    "Collection",
    "ImportSummary",
    "ImportedEntity",
    "ImportedEvent",
    "ImportedSource",
    "InputError",
    "Interrupted",
    "OutputError",
    "Position",
    "Problem",
    "Problems",
    "WriteReport",
    "check_out",
    "escape_line",
    "escape_text",
    "import_events",
    "is_generated",
    "merge",
    "read_inputs",
    "read_one",
    "render_pages",
    "sync_pages",
]
