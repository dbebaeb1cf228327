"""Benchmark sphinx-newsarc against plain Sphinx on the same text (no pass/fail).

For each size (``--years``, repeatable; ``--all`` adds all years once) this writes the three
projects of :mod:`make_projects` (``plain``, ``newsarc`` with the author's toctree of days,
``archive``: sphinx-newsarc in the archive layout) and then, ``--repeat`` times,
alternating which goes first, builds each one with ``sphinx-build -b html -q`` (``-j 1``
and ``-j 2``) in a fresh copy of its sources:

full
    a build from nothing;
noop
    a rebuild with nothing changed;
edit
    a rebuild after the same one-sentence edit of one event's headline in both projects;
memory
    the peak resident set size of the full build.

Every build runs in a fresh intermediate Python process that starts ``sphinx-build``,
times it and reports ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``: the largest RSS
of any process it waited for, i.e. of ``sphinx-build`` or, with ``-j 2``, of its largest
worker (not the sum over processes). Medians are printed with the ratios newsarc/plain and
archive/plain. ``--flavours`` measures some of the projects only.

The benchmark never fails on a time: the exit code is 0 unless a build fails.

    python benchmarks/run.py --years 2010 --repeat 1
    python benchmarks/run.py --years 2010 --years 2006-2010 --markdown
    tox -e bench -- --years 2010
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from make_projects import DATA, FIRST_YEAR, LAST_YEAR, make_projects, parse_years

FLAVOURS = ("newsarc", "archive", "plain")
#: Which edit text each project takes (the archive layout has the day pages of newsarc).
EDIT_TEXT = {"newsarc": "newsarc", "archive": "newsarc", "plain": "plain"}
MEASURES = ("full", "noop", "edit", "memory")
#: CPU seconds (user + system) of each build, less sensitive than wall time to other load
CPU_MEASURES = ("cpu_full", "cpu_noop", "cpu_edit")
LABELS = {
    "full": "full build",
    "noop": "rebuild, nothing changed",
    "edit": "rebuild after one edit",
    "memory": "peak memory (full build)",
    "cpu_full": "full build, CPU time",
    "cpu_noop": "rebuild, nothing changed, CPU time",
    "cpu_edit": "rebuild after one edit, CPU time",
}

#: Runs sphinx-build as its only child and reports the wall time and the child's max RSS.
WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
err = proc.stderr.decode("utf-8", "replace")
print(json.dumps({"rc": proc.returncode, "seconds": seconds, "maxrss": rss,
                  "cpu": usage.ru_utime + usage.ru_stime,
                  "warnings": err.count("WARNING"), "stderr": err[-4000:]}))
"""


def sphinx_build_command() -> list[str]:
    exe = Path(sys.executable).with_name("sphinx-build")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "sphinx"]


def build(src: Path, out: Path, jobs: int) -> dict[str, Any]:
    """One build in a fresh wrapper process; returns its measurements."""
    command = [*sphinx_build_command(), "-b", "html", "-q", "-j", str(jobs), str(src), str(out)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True,
                          text=True, env=env, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"wrapper failed: {proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"sphinx-build failed ({' '.join(command)}):\n{result['stderr']}")
    return result


def apply_edit(src: Path, edit: dict[str, str], flavour: str) -> None:
    path = src / edit["file"]
    text = path.read_text(encoding="utf-8")
    text_of = EDIT_TEXT[flavour]
    old, new = edit[f"{text_of}_old"], edit[f"{text_of}_new"]
    if text.count(old) != 1:
        raise RuntimeError(f"the edit does not match exactly once in {path}")
    path.write_text(text.replace(old, new), encoding="utf-8")


def run_once(template: Path, work: Path, flavour: str, jobs: int, edit: dict[str, str],
             log: Any) -> dict[str, Any]:
    """Full build, no-change rebuild and one-edit rebuild of a fresh copy of ``template``."""
    src, out = work / "src", work / "out"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(template, src)
    results: dict[str, Any] = {}
    full = build(src, out, jobs)
    results["full"], results["memory"] = full["seconds"], full["maxrss"] / 2**20
    results["warnings"] = full["warnings"]
    results["cpu_full"] = full["cpu"]
    log(f"full {full['seconds']:.1f} s, {results['memory']:.0f} MiB, "
        f"{full['warnings']} warnings")
    if full["warnings"]:
        log("  first warnings: " + full["stderr"][:600].replace("\n", "\n  "))
    noop = build(src, out, jobs)
    results["noop"], results["cpu_noop"] = noop["seconds"], noop["cpu"]
    log(f"noop {noop['seconds']:.1f} s")
    time.sleep(0.01)  # a distinct mtime
    apply_edit(src, edit, flavour)
    edited = build(src, out, jobs)
    results["edit"], results["cpu_edit"] = edited["seconds"], edited["cpu"]
    log(f"edit {edited['seconds']:.1f} s")
    shutil.rmtree(work, ignore_errors=True)
    return results


def bench_size(years: list[int], root: Path, repeat: int, jobs_list: list[int],
               verbose: bool, flavours: tuple[str, ...] = FLAVOURS) -> dict[str, Any]:
    """All measurements of one size."""
    started = time.perf_counter()
    summary = make_projects(years, root, DATA)
    edit = json.loads((root / "edit.json").read_text(encoding="utf-8"))
    label = summary["label"]
    print(f"# {label}: {summary['days']} day pages, {summary['events']} events, "
          f"{summary['entity_names']} entity names (projects written in "
          f"{time.perf_counter() - started:.1f} s)", file=sys.stderr, flush=True)
    runs: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for n in range(repeat):
        order = flavours if n % 2 == 0 else tuple(reversed(flavours))
        for jobs in jobs_list:
            for flavour in order:
                prefix = f"  [{label} run {n + 1}/{repeat} -j {jobs} {flavour}]"

                def log(message: str, prefix: str = prefix) -> None:
                    if verbose:
                        print(f"{prefix} {message}", file=sys.stderr, flush=True)

                result = run_once(root / flavour, root / f"run-{flavour}-j{jobs}", flavour,
                                  jobs, edit, log)
                runs.setdefault((flavour, jobs), []).append(result)
    medians = {
        f"{flavour}-j{jobs}": {m: statistics.median(r[m] for r in results)
                               for m in (*MEASURES, *CPU_MEASURES)}
        for (flavour, jobs), results in runs.items()
    }
    return {**summary, "repeat": repeat, "medians": medians,
            "runs": {f"{f}-j{j}": r for (f, j), r in runs.items()},
            "warnings": {f"{f}-j{j}": r[0]["warnings"] for (f, j), r in runs.items()},
            "seconds": time.perf_counter() - started}


# -- reporting --------------------------------------------------------------------------------

def _fmt(measure: str, value: float) -> str:
    return f"{value:.0f} MiB" if measure == "memory" else f"{value:.2f} s"


def _measured(size: dict[str, Any], jobs: int) -> list[str]:
    """The projects measured for a size, in the order of :data:`FLAVOURS`."""
    return [f for f in FLAVOURS if f"{f}-j{jobs}" in size["medians"]]


def table_rows(sizes: list[dict[str, Any]], jobs_list: list[int]) -> list[list[str]]:
    """One row per measure: each project's median, then each project's ratio to plain."""
    rows = []
    for size in sizes:
        label = f"{size['label']} ({size['events']} events)"
        for jobs in jobs_list:
            medians = size["medians"]
            for measure in (*MEASURES, *CPU_MEASURES):
                row = [label, f"-j {jobs}", LABELS[measure]]
                for f in ("plain", "newsarc", "archive"):
                    value = medians.get(f"{f}-j{jobs}", {}).get(measure)
                    row.append("-" if value is None else _fmt(measure, value))
                plain = medians.get(f"plain-j{jobs}", {}).get(measure)
                for f in ("newsarc", "archive"):
                    value = medians.get(f"{f}-j{jobs}", {}).get(measure)
                    row.append("-" if value is None or not plain else f"{value / plain:.2f}x")
                rows.append(row)
        if 1 in jobs_list and 2 in jobs_list:
            for measure in ("full", "noop", "edit"):
                sp = {f: size["medians"][f"{f}-j1"][measure] / size["medians"][f"{f}-j2"][measure]
                      for f in _measured(size, 1) if f"{f}-j2" in size["medians"]}
                row = [label, "-j 1 / -j 2", f"speed-up of {LABELS[measure]}"]
                row += [f"{sp[f]:.2f}x" if f in sp else "-" for f in ("plain", "newsarc",
                                                                        "archive")]
                row += [f"{sp[f] / sp['plain']:.2f}" if f in sp and "plain" in sp else "-"
                        for f in ("newsarc", "archive")]
                rows.append(row)
    return rows


def scaling_rows(sizes: list[dict[str, Any]]) -> list[list[str]]:
    """Growth of each time from the smallest size to each larger one (-j 1)."""
    if len(sizes) < 2:
        return []
    base = min(sizes, key=lambda s: s["events"])
    rows = []
    for size in sizes:
        if size is base:
            continue
        for measure in ("full", "noop", "edit", "memory"):
            row = [f"{size['label']} / {base['label']}",
                   f"{size['events'] / base['events']:.2f}x events", LABELS[measure]]
            for f in ("plain", "newsarc", "archive"):
                key = f"{f}-j1"
                if key in size["medians"] and key in base["medians"]:
                    grows = size["medians"][key][measure] / base["medians"][key][measure]
                    row.append(f"{grows:.2f}x")
                else:
                    row.append("-")
            rows.append(row)
    return rows


def render(headers: list[str], rows: list[list[str]], markdown: bool, numeric: int = 3) -> str:
    """A table; in Markdown the last ``numeric`` columns are right-aligned."""
    if not rows:
        return ""
    if markdown:
        lines = ["| " + " | ".join(headers) + " |",
                 "|" + "|".join("---" if i < len(headers) - numeric else "---:"
                                for i in range(len(headers))) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def machine() -> str:
    try:
        import sphinx
        sphinx_version = sphinx.__version__
    except ImportError:  # pragma: no cover
        sphinx_version = "?"
    return (f"{os.cpu_count()} CPUs, Python {platform.python_version()}, Sphinx "
            f"{sphinx_version}, {platform.system()} {platform.machine()}")


def code_version() -> str:
    """The commit of the sphinx-newsarc being measured (and whether its tree is dirty)."""
    try:
        import sphinx_newsarc
        folder = Path(sphinx_newsarc.__file__).parent
        head = subprocess.run(["git", "-C", str(folder), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(folder), "status", "--porcelain", "."],
                               capture_output=True, text=True, check=True).stdout.strip()
        return f"sphinx-newsarc {sphinx_newsarc.__version__} at {head}" + (
            " (modified)" if dirty else "")
    except (ImportError, OSError, subprocess.CalledProcessError):
        return "sphinx-newsarc (version unknown)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark sphinx-newsarc against plain Sphinx on the same text.")
    parser.add_argument("--years", action="append",
                        help="a size: 2010, 2006-2010 or 2006,2008; repeatable "
                             "(default: 2010)")
    parser.add_argument("--all", action="store_true",
                        help=f"also all years ({FIRST_YEAR}-{LAST_YEAR}), built once")
    parser.add_argument("--repeat", type=int, default=3, help="builds per measure (median)")
    parser.add_argument("--jobs", default="1,2", help="the -j values to measure (default 1,2)")
    parser.add_argument("--flavours", default=",".join(FLAVOURS),
                        help="the projects to measure (default: %(default)s)")
    parser.add_argument("--out", type=Path, help="work folder, kept (default: a temporary one)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)

    sizes_years = [parse_years(y) for y in (args.years or ([] if args.all else ["2010"]))]
    jobs_list = [int(j) for j in args.jobs.split(",")]
    flavours = tuple(f for f in FLAVOURS if f in args.flavours.split(","))
    if not flavours:
        parser.error(f"--flavours: choose from {', '.join(FLAVOURS)}")
    temp = None
    if args.out is None:
        temp = tempfile.mkdtemp(prefix="newsarc-bench-")
        out = Path(temp)
    else:
        out = args.out.resolve()
        out.mkdir(parents=True, exist_ok=True)
    sizes = []
    version = code_version()
    print(f"# measuring {version}", file=sys.stderr, flush=True)
    try:
        plan = [(years, args.repeat) for years in sizes_years]
        if args.all:
            plan.append((list(range(FIRST_YEAR, LAST_YEAR + 1)), 1))
        for years, repeat in plan:
            label = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
            size = bench_size(years, out / label, repeat, jobs_list, not args.quiet, flavours)
            sizes.append(size)
            print(f"# {label} done in {size['seconds'] / 60:.1f} min", file=sys.stderr,
                  flush=True)
        (out / "results.json").write_text(json.dumps(
            {"machine": machine(), "code": version, "sizes": sizes}, indent=1), encoding="utf-8")
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)

    print(f"Machine: {machine()}; {version}; medians of the runs per size.")
    print()
    headers = ["size", "jobs", "measure", "plain", "newsarc", "archive", "newsarc/plain",
               "archive/plain"]
    print(render(headers, table_rows(sizes, jobs_list), args.markdown, numeric=5))
    scaling = scaling_rows(sizes)
    if scaling:
        print()
        print(render(["sizes", "data", "measure", "plain grows", "newsarc grows",
                      "archive grows"], scaling, args.markdown, numeric=3))
    print()
    for size in sizes:
        print(f"{size['label']}: repeat {size['repeat']}, warnings per full build "
              f"{size['warnings']}, measured in {size['seconds'] / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
