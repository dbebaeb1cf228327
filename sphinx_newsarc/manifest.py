"""Records of the files sphinx-newsarc writes beside Sphinx's own (browse pages, feeds,
JSON), kept beside the doctrees: what the last build wrote and from which state, so that
the next build writes only what changed and deletes what no longer exists.

Sphinx never deletes output files itself; these records are how files a build no longer
makes are found and removed (and their emptied folders with them).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["prune_empty", "read_manifest", "remove_stale", "write_manifest"]


def read_manifest(path: Path) -> dict[str, object]:
    """The record at ``path``, or ``{}`` when there is none or it cannot be read."""
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return data
    return {}


def write_manifest(path: Path, data: Mapping[str, object]) -> None:
    """Write the record at ``path``, whole or not at all (a build killed meanwhile leaves
    the previous record)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    temporary.replace(path)


def remove_stale(outdir: Path, files: Iterable[Path]) -> None:
    """Delete ``files`` (only those inside ``outdir``), then their folders left empty."""
    for stale in files:
        if outdir not in stale.parents:
            continue
        with contextlib.suppress(OSError):
            stale.unlink()
        prune_empty(stale.parent, outdir)


def prune_empty(folder: Path, top: Path) -> None:
    """Remove ``folder`` and its parents below ``top`` while they are empty."""
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
