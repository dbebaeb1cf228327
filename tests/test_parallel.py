"""``-j 2`` equals ``-j 1``, and two clean builds are byte-identical."""

from __future__ import annotations

from pathlib import Path

from buildutil import build, fresh_copy, outputs
from conftest import copy_root
from test_incremental import assert_same


def test_parallel_equals_serial_and_builds_are_reproducible(tmp_path: Path) -> None:
    src = copy_root("archive", tmp_path / "a")
    serial, warnings = build(src, tmp_path / "serial")
    assert "WARNING" not in warnings
    again, _ = build(fresh_copy(src, tmp_path / "b"), tmp_path / "again")
    parallel, warnings = build(fresh_copy(src, tmp_path / "c"), tmp_path / "parallel", parallel=2)
    assert "WARNING" not in warnings
    assert_same(outputs(serial), outputs(again))
    assert_same(outputs(serial), outputs(parallel))


def test_parallel_duplicate_ids_pick_the_same_owner(tmp_path: Path) -> None:
    """Which event owns a duplicated id does not depend on how documents were read."""
    src = copy_root("bad", tmp_path / "a")
    serial, serial_warnings = build(src, tmp_path / "serial")
    parallel, parallel_warnings = build(
        fresh_copy(src, tmp_path / "b"), tmp_path / "parallel", parallel=2
    )

    def duplicate(text: str) -> list[str]:
        return sorted(
            line.split("WARNING: ", 1)[1]
            for line in text.splitlines()
            if "newsarc.duplicate_id" in line
        )

    assert duplicate(serial_warnings) == duplicate(parallel_warnings)
    assert len(duplicate(serial_warnings)) == 1
    assert_same(outputs(serial), outputs(parallel))
