"""The one-year book: the benchmark's archive project as a PDF, timed and checked.

Writes the ``archive`` project of :mod:`make_projects` for ``--years`` (or copies
``--project``), sets ``latex_engine``, then runs ``sphinx-build -b latex`` and ``latexmk -pdf``
in its output and reports what a publisher would ask: pages (``pdfinfo``), Sphinx's and
latexmk's wall times, and from the final LaTeX log the warnings, undefined references,
overfull boxes (all, and over 5 pt), glyphs the fonts lack, and whether TeX ran out of
capacity. The exit code is 1 when a step fails.

    python benchmarks/book.py --years 2010 --out /tmp/book2010-pdf
    python benchmarks/book.py --project /tmp/book2010/archive --engine lualatex
    tox -e book -- --years 2010
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from make_projects import DATA, make_projects, parse_years

ENGINES = ("xelatex", "lualatex", "pdflatex")


def sphinx_build() -> list[str]:
    exe = Path(sys.executable).with_name("sphinx-build")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "sphinx"]


def timed(command: list[str], cwd: Path | None = None) -> tuple[subprocess.CompletedProcess[str],
                                                                 float]:
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    return proc, time.perf_counter() - start


def log_counts(log: str) -> dict[str, int]:
    """What the final LaTeX log reports (the rules of ``tools/demo-pdf.sh``)."""
    overfull = [float(m) for m in re.findall(r"^Overfull \\hbox \((\d+\.?\d*)pt too wide", log,
                                              re.M)]
    return {
        "latex_warnings": len(re.findall(r"Warning", log)),
        "undefined_references": len(re.findall(
            r"(?:Reference|Hyper reference) .* undefined|has been referenced but does not exist",
            log)),
        "overfull_boxes": len(re.findall(r"^Overfull", log, re.M)),
        "overfull_over_5pt": sum(1 for width in overfull if width > 5),
        "missing_glyphs": len(re.findall(r"^Missing character", log, re.M)),
        "capacity_exceeded": int("TeX capacity exceeded" in log),
    }


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--years", default="2010", help="2010, 2006-2010 or 2006,2008")
    parser.add_argument("--project", type=Path, help="an archive project to copy instead")
    parser.add_argument("--engine", choices=ENGINES, default="xelatex",
                        help="latex_engine (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("book-out"), help="work folder")
    args = parser.parse_args(argv)

    out = args.out.resolve()
    src, latex = out / "src", out / "latex"
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(latex, ignore_errors=True)
    if args.project:
        shutil.copytree(args.project, src)
        summary: dict[str, object] = {"project": str(args.project)}
    else:
        summary = make_projects(parse_years(args.years), out / "projects", DATA)
        shutil.copytree(out / "projects" / "archive", src)
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\nlatex_engine = {args.engine!r}\n")

    proc, sphinx_seconds = timed([*sphinx_build(), "-q", "-b", "latex", str(src), str(latex)])
    print(proc.stderr, end="", file=sys.stderr)
    if proc.returncode != 0:
        print("sphinx-build failed", file=sys.stderr)
        return 1
    tex = next(latex.glob("*.tex"))
    proc2, latexmk_seconds = timed(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex.name], cwd=latex)
    log = tex.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    result = {
        **summary,
        "engine": args.engine,
        "sphinx_seconds": round(sphinx_seconds, 1),
        "sphinx_warnings": proc.stderr.count("WARNING"),
        "latexmk_seconds": round(latexmk_seconds, 1),
        "latexmk_rules_run": len(re.findall(r"^Run number \d+ of rule", proc2.stdout + proc2.stderr,
                                     re.M)),
        **log_counts(log),
        "pages": pages(tex.with_suffix(".pdf")) if proc2.returncode == 0 else 0,
        "pdf": str(tex.with_suffix(".pdf")),
    }
    (out / "book.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(json.dumps(result, indent=1))
    if proc2.returncode != 0:
        print(f"latexmk failed; see {tex.with_suffix('.log')}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
