"""Putting rendered pages on disk: only changed files are rewritten, foreign files never.

A file belongs to the importer when its first line starts with :data:`MARKER_PREFIX`.
Such files that a run no longer produces are deleted; files without the marker are
reported and left alone, whether they stand at an output path or not.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .pages import MARKER_PREFIX

__all__ = ["WriteReport", "is_generated", "sync_pages"]


@dataclass(slots=True)
class WriteReport:
    """What happened to each output path (relative POSIX paths, sorted)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)


def is_generated(path: Path) -> bool:
    """Whether ``path`` is a file the importer wrote (its first line is the marker)."""
    try:
        with path.open("rb") as handle:
            first = handle.readline()
    except OSError:
        return False
    return first.startswith(MARKER_PREFIX.encode())


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".newsarc-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(temp).chmod(0o644)
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def sync_pages(
    pages: Mapping[str, str],
    out: Path,
    *,
    dry_run: bool = False,
    on_foreign: Callable[[str], None] | None = None,
) -> WriteReport:
    """Make ``out`` hold ``pages``: write new and changed files, delete stale generated ones.

    ``on_foreign`` is called with the relative path of every file at an output path that
    the importer did not write (it is kept). With ``dry_run`` nothing is changed, but the
    report says what would be.
    """
    report = WriteReport()
    for rel in sorted(pages):
        target = out / rel
        data = pages[rel].encode("utf-8")
        if target.exists() or target.is_symlink():
            if not target.is_file() or target.is_symlink() or not is_generated(target):
                report.foreign.append(rel)
                if on_foreign is not None:
                    on_foreign(rel)
                continue
            if target.read_bytes() == data:
                report.unchanged.append(rel)
                continue
        if not dry_run:
            _write(target, data)
        report.written.append(rel)
    if out.is_dir():
        stale = sorted(
            p for p in out.rglob("*.md")
            if p.is_file() and not p.is_symlink()
            and p.relative_to(out).as_posix() not in pages
            and is_generated(p)
        )
        for path in stale:
            report.deleted.append(path.relative_to(out).as_posix())
            if dry_run:
                continue
            path.unlink()
            parent = path.parent
            while parent != out and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
    return report
