"""Building a project directory the way ``sphinx-build`` does, for multi-build tests."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

SKIP_PARTS = {".doctrees", "_sources"}


def build(src: Path, builddir: Path, builder: str = "html", parallel: int = 1,
          freshenv: bool = False, **overrides: object) -> tuple[Path, str]:
    """Build ``src`` into ``builddir/<builder>`` (doctrees in ``builddir/doctrees``), as
    ``sphinx-build`` would; return the output directory and the warnings."""
    app = SphinxTestApp(builder, srcdir=src, builddir=builddir, freshenv=freshenv,
                        confoverrides=dict(overrides), parallel=parallel)
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
        if p.is_file() and not SKIP_PARTS & set(p.relative_to(out).parts)
        and p.name != ".buildinfo"
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
