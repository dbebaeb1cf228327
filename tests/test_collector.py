"""The garbage collector's threshold is raised for a build and put back after it."""

from __future__ import annotations

import gc
from pathlib import Path

from conftest import copy_root
from sphinx.testing.util import SphinxTestApp

from sphinx_newsarc.collector import OLDER_THRESHOLDS, YOUNG_THRESHOLD


def _build_noting_thresholds(src: Path, builddir: Path) -> list[tuple[int, int, int]]:
    app = SphinxTestApp("html", srcdir=src, builddir=builddir)
    during: list[tuple[int, int, int]] = []
    app.connect("env-updated", lambda *args: during.append(gc.get_threshold()))
    try:
        app.build()
    finally:
        app.cleanup()
    return during


def test_threshold_raised_during_build_and_restored(tmp_path: Path) -> None:
    src = copy_root("sample", tmp_path / "src")
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        during = _build_noting_thresholds(src, tmp_path / "build")
        assert during == [(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)]
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_higher_or_disabled_thresholds_are_left_alone(tmp_path: Path) -> None:
    src = copy_root("sample", tmp_path / "src")
    before = gc.get_threshold()
    try:
        for mine in ((50_000, 30, 30), (0, 10, 10)):
            gc.set_threshold(*mine)
            during = _build_noting_thresholds(src, tmp_path / f"build-{mine[0]}")
            assert during == [mine]
            assert gc.get_threshold() == mine
    finally:
        gc.set_threshold(*before)
