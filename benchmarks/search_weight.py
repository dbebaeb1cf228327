"""Page weight and search payload of a project with Pagefind (issue 14; docs/performance.md).

For a Sphinx project (such as the ``archive`` project of :mod:`make_projects`) this

1. builds it as HTML with ``newsarc_search = "pagefind"`` (``-D``; into ``--work``),
   timing the whole build and the writing of the Pagefind bundle
   (``sphinx_newsarc.search._write_bundle``), with its peak memory;
2. builds it again with Sphinx's own search, for ``searchindex.js`` (``--no-sphinx``
   skips this second build);
3. reports the largest archive page (``news/``) and the largest page, and the bundle's
   files and bytes;
4. serves each output over loopback HTTP and has headless Chromium (selenium; Debian's
   ``chromium`` and ``chromium-driver``) open ``search.html?q=QUERY`` with a fresh
   profile, wait for the results and for the network to be quiet, and lists every file
   the server sent. Bytes are counted as sent (``http.server`` compresses nothing) and
   as a server compressing text would send them (gzip -6 of each file, or the file as it
   is when that is not smaller: Pagefind's index files are gzip already).

Usage::

    python benchmarks/make_projects.py --years 2010 --out /tmp/b1/2010
    python benchmarks/search_weight.py /tmp/b1/2010/archive --query earthquake \\
        --work /tmp/sw-2010 --json /tmp/sw-2010.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent.parent / "tests"


# -- the build, in a child process -------------------------------------------------------


def child(src: str, out: str, doctrees: str, pagefind: bool, report: str) -> int:
    """Build ``src`` into ``out``; write the times (and the bundle's) to ``report``."""
    from sphinx.cmd.build import build_main

    from sphinx_newsarc import search

    times: dict[str, float] = {}
    write = search._write_bundle

    def timed(target: Path, language: str, items: list[Any]) -> None:
        started = time.perf_counter()
        write(target, language, items)
        times["bundle_s"] = times.get("bundle_s", 0.0) + time.perf_counter() - started
        times["records"] = len(items)

    search._write_bundle = timed  # type: ignore[assignment]
    args = ["-q", "-b", "html", "-d", doctrees, src, out]
    if pagefind:
        args[:0] = ["-D", "newsarc_search=pagefind"]
    started = time.perf_counter()
    cpu = time.process_time()
    status = build_main(args)
    times["build_s"] = time.perf_counter() - started
    times["build_cpu_s"] = time.process_time() - cpu
    Path(report).write_text(json.dumps(times), encoding="utf-8")
    return status


def build(src: Path, work: Path, pagefind: bool) -> tuple[Path, dict[str, float]]:
    """Build a copy of ``src`` in ``work`` (fresh); its output and times, peak memory."""
    name = "pagefind" if pagefind else "sphinx"
    copy = work / f"src-{name}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("_build"))
    out, doctrees, report = work / f"html-{name}", work / f"doctrees-{name}", work / f"{name}.json"
    for folder in (out, doctrees):
        shutil.rmtree(folder, ignore_errors=True)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import search_weight; "
        "sys.exit(search_weight.child(*sys.argv[2:5], sys.argv[5] == '1', sys.argv[6]))"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            str(Path(__file__).parent),
            str(copy),
            str(out),
            str(doctrees),
            "1" if pagefind else "0",
            str(report),
        ],
        check=True,
    )
    times = json.loads(report.read_text(encoding="utf-8"))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    times["peak_mib"] = round(max(peak, before) / 1024, 1)  # the largest child so far
    return out, times


# -- sizes ---------------------------------------------------------------------------------


def wire(path: Path) -> int:
    """The bytes a server compressing text sends for ``path``."""
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


def largest(out: Path, under: str = "") -> tuple[str, int]:
    pages = [
        (p.stat().st_size, p.relative_to(out).as_posix()) for p in (out / under).rglob("*.html")
    ]
    size, name = max(pages)
    return name, size


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


# -- a query in Chromium ---------------------------------------------------------------------


#: a query through Pagefind's JavaScript API, with the data of its first five results
API_QUERY = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const pagefind = await import('/pagefind/pagefind.js');
  const found = await pagefind.search(query);
  const data = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  done(data.length);
})().catch((e) => done(String(e)));
"""


def query(out: Path, query: str, done_css: str, profile: Path, api: bool = False) -> list[Path]:
    """The files Chromium fetches for ``search.html?q=query`` (Pagefind's or Sphinx's
    search page) until ``done_css`` shows and no request has come for two seconds; with
    ``api``, those of a query through Pagefind's JavaScript API on a page with no
    search box (``genindex.html``), that page's own files left out."""
    sys.path.insert(0, str(TESTS))
    from browserutil import missing_browser, serve, start_chromium
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    reason = missing_browser()
    if reason:
        raise SystemExit(f"search_weight: {reason}")
    served: list[str] = []
    driver = start_chromium(profile)
    try:
        with serve(out, served) as base:
            if api:
                driver.get(f"{base}/genindex.html")
                time.sleep(2)
                served.clear()
                driver.set_script_timeout(120)
                found = driver.execute_async_script(API_QUERY, query)
                if not isinstance(found, int):
                    raise SystemExit(f"search_weight: the query failed: {found}")
            else:
                driver.get(f"{base}/search.html?q={query}")
                WebDriverWait(driver, 900).until(
                    lambda d: d.find_elements(By.CSS_SELECTOR, done_css)
                )
            count, quiet = -1, 0
            while quiet < 4:
                time.sleep(0.5)
                quiet = quiet + 1 if len(served) == count else 0
                count = len(served)
    finally:
        driver.quit()
    return [Path(p) for p in served]


def kind_of(path: Path) -> str:
    name = path.name
    if name.endswith(".pf_fragment"):
        return "fragments"
    if name.endswith(".pf_index"):
        return "index chunks"
    if name.endswith(".pf_filter"):
        return "filter indexes"
    if name.endswith((".pf_meta", "pagefind-entry.json")):
        return "entry, meta"
    if name.startswith("wasm.") or name.startswith("pagefind"):
        return "Pagefind's wasm, js, css"
    if name == "searchindex.js":
        return "searchindex.js"
    if name.endswith(".html") and name != "search.html":
        return "result pages (excerpts)"
    return "the search page and its theme"


def payload(files: list[Path]) -> dict[str, dict[str, int]]:
    kinds: dict[str, dict[str, int]] = {}
    for path in files:
        entry = kinds.setdefault(kind_of(path), {"files": 0, "bytes": 0, "wire": 0})
        entry["files"] += 1
        entry["bytes"] += path.stat().st_size
        entry["wire"] += wire(path)
    total = {k: sum(e[k] for e in kinds.values()) for k in ("files", "bytes", "wire")}
    return {**dict(sorted(kinds.items())), "total": total}


# -- the report ------------------------------------------------------------------------------


def kb(n: int) -> str:
    return f"{n / 1000:,.0f} kB" if n < 10_000_000 else f"{n / 1_000_000:,.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a Sphinx project using sphinx_newsarc")
    parser.add_argument("--query", default="earthquake", help="the word searched for")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("/tmp/newsarc-search-weight"),
        help="folder for the copies and outputs (emptied)",
    )
    parser.add_argument(
        "--no-sphinx", action="store_true", help="skip the second build with Sphinx's own search"
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"project": str(args.project), "query": args.query}

    out, times = build(args.project.resolve(), args.work, pagefind=True)
    bundle = out / "pagefind"
    files, size = folder_size(bundle)
    fragments = folder_size(bundle / "fragment")
    chunks = folder_size(bundle / "index")
    result["pagefind"] = {
        **times,
        "bundle_files": files,
        "bundle_bytes": size,
        "fragment_files": fragments[0],
        "fragment_bytes": fragments[1],
        "index_files": chunks[0],
        "index_bytes": chunks[1],
        "largest_archive_page": largest(out, "news"),
        "largest_page": largest(out),
        "html_pages": sum(1 for _ in out.rglob("*.html")),
        "query": payload(
            query(out, args.query, ".pagefind-ui__result-link", args.work / "profile-pagefind")
        ),
        "api_query": payload(query(out, args.query, "", args.work / "profile-api", api=True)),
    }
    if not args.no_sphinx:
        out, times = build(args.project.resolve(), args.work, pagefind=False)
        index = out / "searchindex.js"
        times.pop("peak_mib")  # the largest of both builds: not this one's
        result["sphinx"] = {
            **times,
            "searchindex_bytes": index.stat().st_size,
            "searchindex_wire": wire(index),
            "query": payload(
                query(
                    out, args.query, "#search-results .search-summary", args.work / "profile-sphinx"
                )
            ),
        }
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    p = result["pagefind"]
    print(f"# {args.project} (query {args.query!r})\n")
    print(
        f"- build with Pagefind: {p['build_s']:.1f} s wall, {p['build_cpu_s']:.1f} s CPU "
        f"(in the build process), peak {p['peak_mib']} MiB, {p['html_pages']:,} HTML pages"
    )
    print(
        f"- Pagefind bundle: {p['bundle_s']:.1f} s for {p['records']:,} records; "
        f"{p['bundle_files']:,} files, {kb(p['bundle_bytes'])} "
        f"({p['fragment_files']:,} fragments {kb(p['fragment_bytes'])}, "
        f"{p['index_files']:,} index chunks {kb(p['index_bytes'])})"
    )
    print(
        f"- largest archive page: {p['largest_archive_page'][0]} "
        f"({kb(p['largest_archive_page'][1])}); largest page: {p['largest_page'][0]} "
        f"({kb(p['largest_page'][1])})"
    )
    if "sphinx" in result:
        s = result["sphinx"]
        print(
            f"- build with Sphinx's search: {s['build_s']:.1f} s wall; searchindex.js "
            f"{kb(s['searchindex_bytes'])} ({kb(s['searchindex_wire'])} gzip)"
        )
    tables = [
        ("pagefind", "query", "Pagefind's search page"),
        ("pagefind", "api_query", "Pagefind's JS API, first 5 results"),
        ("sphinx", "query", "Sphinx's search page"),
    ]
    for name, key, title in tables:
        if name not in result:
            continue
        print(
            f"\n| one query, {title} | files | bytes sent | gzip for text |\n"
            "| --- | ---: | ---: | ---: |"
        )
        for kind, entry in result[name][key].items():
            print(f"| {kind} | {entry['files']} | {kb(entry['bytes'])} | {kb(entry['wire'])} |")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
