"""The build's shortcuts change no byte a reader gets: the same project built with the
remembered asset tags and the raw HTML lists turned off gives the same files."""

from __future__ import annotations

from pathlib import Path

import pytest
from buildutil import build, fresh_copy, outputs
from conftest import copy_root
from test_incremental import assert_same

import sphinx_newsarc.asset_tags
import sphinx_newsarc.render
from sphinx_newsarc.render import Renderer


@pytest.mark.parametrize("root", ["archive", "dated"])
def test_shortcuts_change_no_output(
    root: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = copy_root(root, tmp_path / "a")
    fast, warnings = build(src, tmp_path / "fast")
    assert "WARNING" not in warnings
    # the long way: Sphinx's own css_tag/js_tag on every page, every list as nodes
    monkeypatch.setattr(sphinx_newsarc.asset_tags, "page_context", lambda *args: None)
    monkeypatch.setattr(sphinx_newsarc.render, "list_template", lambda *args: None)
    slow, warnings = build(fresh_copy(src, tmp_path / "b"), tmp_path / "slow")
    assert "WARNING" not in warnings
    assert_same(outputs(fast), outputs(slow))


def test_related_lists_and_browse_listings_are_one_raw_node(tmp_path: Path) -> None:
    """The shortcut is taken (else the test above compares the long way with itself)."""
    taken: list[str] = []
    original = Renderer.item_list

    def spy(self: Renderer, key, make_list, inlines, raw=None):  # type: ignore[no-untyped-def]
        node = original(self, key, make_list, inlines, raw)
        taken.append(f"{key[0]}:{type(node).__name__}")
        return node

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Renderer, "item_list", spy)
        build(copy_root("archive", tmp_path), tmp_path / "out")
    assert "related:raw" in taken
    assert "listing:raw" in taken  # browse pages
    assert "day-events:raw" in taken
