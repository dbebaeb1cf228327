"""Shared fixtures: test roots under ``tests/roots`` and helpers to read what a reader gets."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def read(path: Path) -> str:
    """A built file as text."""
    return Path(path).read_text(encoding="utf-8")


def warnings_of(app: SphinxTestApp) -> list[str]:
    """The warnings of a build, one per line, without colour codes."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def copy_root(name: str, dest: Path) -> Path:
    """A private copy of ``tests/roots/test-<name>`` (sphinx-newsarc writes into sources)."""
    target = dest / name
    shutil.copytree(ROOTS / f"test-{name}", target)
    return target


def tree_bytes(outdir: Path, suffixes: tuple[str, ...] = (".html",)) -> dict[str, bytes]:
    """Every output file with one of ``suffixes``, by relative path."""
    return {
        p.relative_to(outdir).as_posix(): p.read_bytes()
        for p in sorted(Path(outdir).rglob("*"))
        if p.is_file() and p.suffix in suffixes and ".doctrees" not in p.parts
    }
