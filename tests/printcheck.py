"""What a reader of the PDF would find broken: links without a target, undefined
references in the LaTeX log, and PDF compilation with latexmk."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

needs_latexmk = pytest.mark.skipif(
    shutil.which("latexmk") is None, reason="latexmk (TeX Live) is not installed"
)

_REF = re.compile(r"\\(?:hyperref\[|pageref\{|newsarcpageref\{|ref\{)\\detokenize\{([^}]*)\}")
_LABEL = re.compile(r"\\label\{\\detokenize\{([^}]*)\}")


def dead_references(tex: str) -> list[str]:
    """Every ``\\hyperref``/``\\pageref``/``\\ref`` target of ``tex`` without a ``\\label``."""
    labels = set(_LABEL.findall(tex))
    return sorted(set(_REF.findall(tex)) - labels)


def skip_without_engine(outdir: Path) -> None:
    """Skip the test when the engine Sphinx chose for ``outdir`` (its ``latexmkrc``) is not
    installed, or, for xelatex and lualatex, xindy or Sphinx's default fonts (FreeFont)."""
    rc = Path(outdir) / "latexmkrc"
    match = re.search(r"^\$pdflatex = '(\w+)", rc.read_text(encoding="utf-8"), re.M)
    engine = match.group(1) if match else "pdflatex"
    if shutil.which(engine) is None:
        pytest.skip(f"{engine} is not installed")
    if engine in ("xelatex", "lualatex"):
        if shutil.which("xindy") is None:
            pytest.skip(f"xindy (Sphinx's index under {engine}) is not installed")
        fonts = (
            shutil.which("fc-list")
            and subprocess.run(
                ["fc-list", "FreeSerif"], capture_output=True, text=True, check=False
            ).stdout.strip()
        )
        if not fonts:
            pytest.skip("GNU FreeFont (Debian: fonts-freefont-otf) is not installed")


def compile_pdf(outdir: Path) -> str:
    """Compile the LaTeX project in ``outdir`` with latexmk; return the LaTeX log. Skips
    when its engine is not installed (:func:`skip_without_engine`)."""
    skip_without_engine(outdir)
    tex = next(Path(outdir).glob("*.tex"))
    result = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=outdir,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    return tex.with_suffix(".log").read_text(encoding="utf-8", errors="replace")


def undefined_references(log: str) -> list[str]:
    """The LaTeX log's warnings of undefined references (the final run's)."""
    return [
        line
        for line in log.splitlines()
        if re.search(
            r"(Reference|Hyper reference) .* undefined|There were undefined"
            r"|has been referenced but does not exist",
            line,
        )
    ]


def overfull_boxes(log: str, limit: float = 5.0) -> list[str]:
    """The LaTeX log's overfull lines wider than ``limit`` points."""
    return [
        m.group(0)
        for m in re.finditer(r"Overfull \\hbox \((\d+\.?\d*)pt too wide\)[^\n]*", log)
        if float(m.group(1)) > limit
    ]


_XHTML = "{http://www.w3.org/1999/xhtml}"


def epub_nav(outdir: Path) -> str:
    """The ``nav.xhtml`` of the ePub built in ``outdir``."""
    import zipfile

    with zipfile.ZipFile(next(Path(outdir).glob("*.epub"))) as zf:
        return zf.read("nav.xhtml").decode("utf-8")


def duplicate_nav_siblings(nav: str) -> list[list[str]]:
    """The titles that repeat among the entries of one list of an ePub navigation
    (``nav.xhtml``), at any depth: each list with a repeat, as its titles."""
    from xml.etree import ElementTree

    root = ElementTree.fromstring(nav)
    out = []
    for ol in root.iter(f"{_XHTML}ol"):
        titles = [
            " ".join("".join(a.itertext()).split())
            for li in ol.findall(f"{_XHTML}li")
            for a in li.findall(f"{_XHTML}a")
        ]
        if len(titles) != len(set(titles)):
            out.append(titles)
    return out
