"""The documentation builds with the extension itself, with ``-W -n``."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.cmd.build import build_main

DOCS = Path(__file__).parent.parent / "docs"


def test_docs_build_without_warnings(tmp_path: Path) -> None:
    src = tmp_path / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build", "news"))
    shutil.copy(DOCS.parent / "CHANGELOG.md", tmp_path / "CHANGELOG.md")
    (tmp_path / "sphinx_newsarc").mkdir()
    schema = DOCS.parent / "sphinx_newsarc" / "schema"
    shutil.copytree(schema, tmp_path / "sphinx_newsarc" / "schema")
    out = tmp_path / "html"
    code = build_main(["-q", "-W", "--keep-going", "-n", "-b", "html", str(src), str(out),
                       "-D", "html_theme=alabaster"])
    assert code == 0
    # every feature page and the demo archive came out
    for page in ("authoring", "roles", "archive", "settings", "warnings", "importing",
                 "news/index", "news/chronology", "news/entities/taliban",
                 "news/stories/taliban-insurgency", "news/2006/09/03"):
        assert (out / f"{page}.html").exists(), page
