"""Events, entities and days reach another project through ``objects.inv``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from buildutil import build
from conftest import copy_root, read
from sphinx.util.inventory import InventoryFile


def uri_of(item: Any) -> str:
    """The URI of an inventory item (an object in Sphinx 9, a tuple in Sphinx 8)."""
    return str(item.uri if hasattr(item, "uri") else item[2])


def test_inventory_and_round_trip(tmp_path: Path) -> None:
    a_out, warnings = build(copy_root("sample", tmp_path / "a"), tmp_path / "a-build")
    assert "WARNING" not in warnings
    inventory_path = a_out / "objects.inv"
    with inventory_path.open("rb") as f:
        inventory = InventoryFile.load(f, "https://a.example.org/", lambda base, uri: base + uri)
    data = inventory.data if hasattr(inventory, "data") else inventory
    events = data["news:event"]
    entities = data["news:entity"]
    assert uri_of(events["peru-2006-first-round"]) == (
        "https://a.example.org/peru.html#peru-2006-first-round"
    )
    assert uri_of(entities["Ollanta Humala"]) == (
        "https://a.example.org/news/entities/ollanta-humala.html"
    )
    assert "Ollanta Humala" in entities and "Alan García" in entities
    assert "2006-04-10" in data["news:day"]

    b_src = copy_root("intersphinx-b", tmp_path / "b")
    b_out, warnings = build(
        b_src,
        tmp_path / "b-build",
        intersphinx_mapping={"a": ("https://a.example.org/", str(inventory_path))},
    )
    assert "WARNING" not in warnings, warnings
    html = read(b_out / "index.html")
    assert 'href="https://a.example.org/peru.html#peru-2006-first-round"' in html
    assert 'href="https://a.example.org/news/entities/ollanta-humala.html"' in html
    assert 'href="https://a.example.org/news/entities/alan-garcia.html"' in html
    assert 'href="https://a.example.org/news/2006/04/10.html"' in html
    assert re.search(r'href="https://a.example.org/peru.html#peru-2006-runoff"', html)


def test_search_finds_entities_by_name_and_events_by_text(tmp_path: Path) -> None:
    """Events are in objects.inv but found by their text, not by their ids; a name with
    neither a page nor a declaration (one event, below the page threshold) is neither an
    inventory entry nor a search object: its event is found by its text, and its line in
    the Entities index stays."""
    import json

    from buildutil import build
    from conftest import copy_root

    out, _ = build(copy_root("sample", tmp_path), tmp_path / "b")
    text = (out / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    names = {entry[4] for group in index["objects"].values() for entry in group}
    assert "Keiko Fujimori" not in names, names  # neither page nor declaration
    assert "fujimori" in index["terms"]  # her event, by its text
    assert "news:event" not in index["objtypes"].values()  # events: by their text
    assert "humala" in index["terms"]  # events by their text
    with (out / "objects.inv").open("rb") as f:
        inventory = InventoryFile.load(f, "", lambda base, uri: base + uri)
    data = inventory.data if hasattr(inventory, "data") else inventory
    assert "Alan García" in data["news:entity"] and "Keiko Fujimori" not in data["news:entity"]
    assert "entity-index-keiko-fujimori" in (out / "news/entities/index.html").read_text("utf-8")
