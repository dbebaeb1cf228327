"""Putting rendered pages on disk: all or nothing; only changed files are rewritten, foreign
files never.

A file belongs to the importer when its first line starts with :data:`MARKER_PREFIX`.
Such files that a run no longer produces are deleted; files without the marker are
reported and left alone, whether they stand at an output path or not.

A run is all or nothing. Every page is encoded first; then every changed page is written
to a temporary file beside its target, and every stale file is renamed aside. Only when
all of that worked are the temporary files renamed into place (each rename is atomic) and
the stale files deleted, with Ctrl-C held back for those few renames. A failure or
Ctrl-C before that removes what was staged: the output folder is as it was.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from .pages import MARKER_PREFIX

__all__ = ["Interrupted", "OutputError", "WriteReport", "check_out", "is_generated", "sync_pages"]


class OutputError(Exception):
    """The pages cannot be written (nothing was changed); the message says why, in a line."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C came while the staged pages were renamed into place: they all were."""


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


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def check_out(out: Path) -> None:
    """Raise :class:`OutputError` when ``out`` cannot be the output folder: it is not a
    folder, or it (or, when missing, the folder it would be made in) is not writable."""
    if out.exists() or out.is_symlink():
        if not out.is_dir():
            raise OutputError(f"the output folder {out} is not a folder")
        if not os.access(out, os.W_OK | os.X_OK):
            raise OutputError(f"the output folder {out} is not writable")
        return
    parent = out.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"the output folder {out} cannot be made: {parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"the output folder {out} cannot be made: {parent} is not writable")


@dataclass(slots=True)
class _Stage:
    """What a run has staged so far, to commit or to roll back."""

    made_dirs: list[Path] = field(default_factory=list)
    temps: list[tuple[Path, Path]] = field(default_factory=list)  # (temp, target)
    aside: list[tuple[Path, Path]] = field(default_factory=list)  # (renamed, original)

    def mkdirs(self, folder: Path) -> None:
        missing: list[Path] = []
        while not folder.exists() and not folder.is_symlink():
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            path.mkdir()
            self.made_dirs.append(path)

    def write(self, target: Path, data: bytes) -> None:
        self.mkdirs(target.parent)
        fd, name = tempfile.mkstemp(prefix=".newsarc-", suffix=".tmp", dir=target.parent)
        temp = Path(name)
        self.temps.append((temp, target))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        temp.chmod(0o644)

    def put_aside(self, path: Path) -> None:
        fd, name = tempfile.mkstemp(prefix=".newsarc-", suffix=".old", dir=path.parent)
        os.close(fd)
        aside = Path(name)
        try:
            path.replace(aside)
        except BaseException:
            aside.unlink(missing_ok=True)
            raise
        self.aside.append((aside, path))

    def rollback(self) -> None:
        steps: list[Callable[[], object]] = [
            *(lambda t=temp: t.unlink(missing_ok=True) for temp, _ in self.temps),
            *(lambda a=aside, o=original: a.replace(o) for aside, original in reversed(self.aside)),
            *(folder.rmdir for folder in reversed(self.made_dirs)),
        ]
        for step in steps:
            with suppress(OSError):  # keep undoing the rest
                step()

    def commit(self, out: Path) -> None:
        for temp, target in self.temps:
            temp.replace(target)
        for aside, original in self.aside:
            aside.unlink()
            _prune(original.parent, out)


def _prune(folder: Path, top: Path) -> None:
    """Remove ``folder`` and its parents below ``top`` while they are empty."""
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or not ours to remove): keep it
            return
        folder = folder.parent


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back (in the main thread) until the block is done, then raise it as
    :class:`Interrupted`."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
    if caught:
        raise Interrupted


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
    report says what would be. Raises :class:`OutputError` when a page cannot be encoded or
    written; then nothing was changed. Ctrl-C (``KeyboardInterrupt``) while pages are
    staged leaves ``out`` unchanged too; once they are, the renames finish first, then
    :class:`Interrupted` is raised.
    """
    check_out(out)
    encoded: dict[str, bytes] = {}
    for rel in sorted(pages):
        try:
            encoded[rel] = pages[rel].encode("utf-8")
        except UnicodeEncodeError as error:
            raise OutputError(
                f"{out / rel}: cannot be written as UTF-8 ({error.reason} at "
                f"character {error.start})"
            ) from None
    report = WriteReport()
    changed: list[str] = []
    for rel, data in encoded.items():
        target = out / rel
        if target.exists() or target.is_symlink():
            if not target.is_file() or target.is_symlink() or not is_generated(target):
                report.foreign.append(rel)
                if on_foreign is not None:
                    on_foreign(rel)
                continue
            try:
                same = target.read_bytes() == data
            except OSError as error:
                raise OutputError(f"{target}: cannot be read: {_reason(error)}") from None
            if same:
                report.unchanged.append(rel)
                continue
        changed.append(rel)
    report.written = changed
    stale: list[Path] = []
    if out.is_dir():
        stale = sorted(
            p
            for p in out.rglob("*.md")
            if p.is_file()
            and not p.is_symlink()
            and p.relative_to(out).as_posix() not in encoded
            and is_generated(p)
        )
    report.deleted = [p.relative_to(out).as_posix() for p in stale]
    if dry_run:
        return report
    stage = _Stage()
    try:
        for rel in changed:
            target = out / rel
            try:
                stage.write(target, encoded[rel])
            except OSError as error:
                raise OutputError(f"{target}: cannot be written: {_reason(error)}") from None
        for path in stale:
            try:
                stage.put_aside(path)
            except OSError as error:
                raise OutputError(f"{path}: cannot be deleted: {_reason(error)}") from None
    except BaseException:
        stage.rollback()
        raise
    with _ctrl_c_held():
        stage.commit(out)
    return report
