"""Problems that only show once every document is read: duplicate ids and entity names."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .domain import NewsDomain
from .warnings import NewsarcWarning, warn

__all__ = ["report_conflicts", "setup_checks"]


def report_conflicts(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: warn at the second of two events sharing an id, naming both
    places, and at an entity declaration that loses a name.

    The owner is the first in (docname, line) order, so serial and parallel builds agree.
    Only ids the author wrote are reported: derived ids are numbered within a document,
    and one derived in two documents belongs to the first, silently.
    """
    domain = NewsDomain.of(env)
    if not domain.changed:  # like Sphinx's own warnings: reported when documents are read
        return
    archive = domain.archive
    for dup in archive.duplicates:
        if not dup.other.explicit_id:
            continue  # a derived id (date and headline) that another event has as well
        warn(
            "duplicate event id %r: also used at %s:%d, which keeps it; this event is shown "
            "but cannot be referred to by that id",
            NewsarcWarning.duplicate_id,
            (dup.other.docname, dup.other.lineno),
            dup.id,
            env.doc2path(dup.owner.docname, False),
            dup.owner.lineno,
        )
    for conflict in archive.entities.conflicts:
        warn(
            "entity %r: a name or alias is already declared at %s:%d (entity %r), which keeps it",
            NewsarcWarning.duplicate_entity,
            (conflict.loser.docname, conflict.loser.lineno),
            conflict.name,
            env.doc2path(conflict.winner.docname, False),
            conflict.winner.lineno,
            conflict.winner.name,
        )


def setup_checks(app: Sphinx) -> None:
    """Report conflicts after reading (after the archive toctree's check, which may read
    the root document again)."""
    app.connect("env-updated", report_conflicts, priority=600)
