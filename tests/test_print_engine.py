"""Names in any script in print: under pdflatex (Sphinx's default engine) a located warning
names the characters it cannot typeset and the engine to choose; under xelatex and lualatex
the book compiles with them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_root, warnings_of
from printcheck import compile_pdf, needs_latexmk, undefined_references
from sphinx.testing.util import SphinxTestApp

from sphinx_newsarc import latex


def _located(app: SphinxTestApp) -> list[tuple[str, str]]:
    """(file:line, message) of each ``newsarc.pdflatex`` warning."""
    out = []
    for line in warnings_of(app):
        assert line.endswith("[newsarc.pdflatex]"), line
        where, message = line.split("WARNING: ", 1)
        out.append((re.sub(r"^.*/|: $", "", where), message))
    return out


PDFLATEX = {"latex_engine": "pdflatex"}


@pytest.mark.sphinx("latex", testroot="scripts", confoverrides=PDFLATEX)
def test_pdflatex_warns_at_each_event_it_cannot_typeset(app: SphinxTestApp) -> None:
    app.build()
    located = _located(app)
    # the Greek, Cyrillic and Japanese names; not the Latin-1 event at line 28
    assert [where for where, _ in located] == ["world.md:3", "world.md:12", "world.md:20"]
    greek = located[0][1]
    assert greek.startswith("pdflatex cannot typeset 'π' (U+03C0), 'Γ' (U+0393)")
    assert "of this event" in greek and 'set latex_engine = "xelatex" (or "lualatex")' in greek
    assert "'菅' (U+83C5), '直' (U+76F4), '人' (U+4EBA) of this event" in located[2][1]


@pytest.mark.sphinx(
    "latex",
    testroot="scripts",
    confoverrides={**PDFLATEX, "latex_elements": {"fontenc": r"\usepackage[T2A,T1]{fontenc}"}},
)
def test_an_authors_cyrillic_encoding_is_enough_for_cyrillic(app: SphinxTestApp) -> None:
    app.build()
    assert [where for where, _ in _located(app)] == ["world.md:3", "world.md:20"]


@pytest.mark.sphinx("latex", testroot="scripts", confoverrides=PDFLATEX)
def test_many_places_are_counted_after_the_first(
    app: SphinxTestApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(latex, "MAX_PDFLATEX_WARNINGS", 1)
    app.build()
    located = _located(app)
    assert [where for where, _ in located] == ["world.md:3", ""]
    assert located[1][1].startswith(
        "2 more places in the book 'index' have characters pdflatex cannot typeset "
        "('Д' (U+0414), 'м' (U+043C)"
    )


@pytest.mark.sphinx(
    "latex",
    testroot="scripts",
    confoverrides={**PDFLATEX, "suppress_warnings": ["newsarc.pdflatex"]},
)
def test_the_subtype_silences_them(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []


@pytest.mark.sphinx("html", testroot="scripts", confoverrides=PDFLATEX)
def test_websites_are_not_checked(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []


@pytest.mark.parametrize("engine", ["xelatex", "lualatex"])
def test_unicode_engines_have_no_warning(
    engine: str, make_app: Any, rootdir: Path, tmp_path: Path
) -> None:
    app = make_app(
        "latex", srcdir=copy_root("scripts", tmp_path), confoverrides={"latex_engine": engine}
    )
    app.build()
    assert warnings_of(app) == []


@needs_latexmk
@pytest.mark.latex
@pytest.mark.parametrize("engine", ["xelatex", "lualatex"])
def test_unicode_engines_typeset_every_script(
    engine: str, make_app: Any, rootdir: Path, tmp_path: Path
) -> None:
    app = make_app(
        "latex", srcdir=copy_root("scripts", tmp_path), confoverrides={"latex_engine": engine}
    )
    app.build()
    log = compile_pdf(Path(app.outdir))
    assert undefined_references(log) == []
    pdf = next(Path(app.outdir).glob("*.pdf"))
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for name in ("digits of π", "Γιώργος Παπανδρέου", "Дмитрий Медведев"):
        assert name in text
    if engine == "lualatex":  # FreeSerif's ideographs; pdftotext finds none in xelatex's PDF
        assert "菅直人" in text  # (CJK wants a CJK font: docs/archive.md)
