"""Building a project directory the way ``sphinx-build`` does, for multi-build tests."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

SKIP_PARTS = {".doctrees", "_sources"}


def build(
    src: Path,
    builddir: Path,
    builder: str = "html",
    parallel: int = 1,
    freshenv: bool = False,
    **overrides: object,
) -> tuple[Path, str]:
    """Build ``src`` into ``builddir/<builder>`` (doctrees in ``builddir/doctrees``), as
    ``sphinx-build`` would; return the output directory and the warnings."""
    app = SphinxTestApp(
        builder,
        srcdir=src,
        builddir=builddir,
        freshenv=freshenv,
        confoverrides=dict(overrides),
        parallel=parallel,
    )
    try:
        app.build()
        return Path(app.outdir), app.warning.getvalue()
    finally:
        app.cleanup()


def _search_index(data: bytes) -> bytes:
    """Sphinx's incremental search index keeps words no page has any more, as empty
    lists (plain Sphinx does the same); drop them to compare what readers can find."""
    text = data.decode()
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for key in ("terms", "titleterms"):
        index[key] = {k: v for k, v in index.get(key, {}).items() if v not in ([], {})}
    return json.dumps(index, sort_keys=True).encode()


def outputs(out: Path) -> dict[str, bytes]:
    """Every file a reader gets, by relative path (not the build's own caches)."""
    files = {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file()
        and not SKIP_PARTS & set(p.relative_to(out).parts)
        and p.name not in (".buildinfo", ".buildinfo.bak")  # Sphinx's own records
    }
    if "searchindex.js" in files:
        files["searchindex.js"] = _search_index(files["searchindex.js"])
    return files


def mtimes(out: Path) -> dict[str, int]:
    """Modification times of the HTML pages, to see which were written."""
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*.html")}


def fresh_copy(src: Path, dest: Path) -> Path:
    """A copy of ``src`` without the archive pages a previous build wrote."""
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("news", "_build"))
    return dest


def touch_later(path: Path) -> None:
    """Give an edited file an mtime clearly after the previous build."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


#: A build in its own process (set up as :func:`build` does), stopped with no clean-up (a
#: signal whose default action ends the process) at one point: "document" (the first
#: document page written), "browse" (the first browse page written) or "outputs" (the
#: feeds and JSON files, at ``build-finished``). Sphinx saves the environment before.
_KILLED_BUILD = r"""
import json, os, signal, sys
from pathlib import Path
from sphinx.testing.util import SphinxTestApp

src, builddir, builder, at, signame, overrides = sys.argv[1:7]
sig = getattr(signal, signame)
builddir = Path(builddir)

def stop(*args):
    if sig != signal.SIGKILL:  # the default action: no handler, no clean-up
        signal.signal(sig, signal.SIG_DFL)
    os.kill(os.getpid(), sig)

def page(app, pagename, templatename, context, doctree):
    # documents have a doctree; browse pages have none but use the page template
    browse = doctree is None and templatename == "page.html"
    if (at == "document" and doctree is not None) or (at == "browse" and browse):
        stop()

app = SphinxTestApp(builder, srcdir=Path(src), builddir=builddir,
                    confoverrides=json.loads(overrides))
if at == "outputs":
    app.connect("build-finished", lambda app, exc: stop(), priority=100)
else:
    app.connect("html-page-context", page)
app.build()
"""


def killed_build(
    src: Path,
    builddir: Path,
    at: str,
    signame: str = "SIGKILL",
    builder: str = "html",
    **overrides: object,
) -> None:
    """Run a build of ``src`` into ``builddir`` like :func:`build`, in a process that
    a signal ends at ``at`` (see ``_KILLED_BUILD``); fail if it was not ended so."""
    process = subprocess.run(
        [
            sys.executable,
            "-c",
            _KILLED_BUILD,
            str(src),
            str(builddir),
            builder,
            at,
            signame,
            json.dumps(overrides),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    expected = -getattr(signal, signame)
    assert process.returncode == expected, (process.returncode, process.stderr[-3000:])
