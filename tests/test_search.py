"""Search with Pagefind (``newsarc_search = "pagefind"``): the bundle, the search page, and
a real browser querying it over loopback HTTP."""

from __future__ import annotations

import importlib.util
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserutil import missing_browser, serve, start_chromium
from conftest import copy_root, read, warnings_of
from sphinx.testing.util import SphinxTestApp

from sphinx_newsarc import search
from sphinx_newsarc.domain import NewsDomain

needs_pagefind = pytest.mark.skipif(
    not search.pagefind_installed(),
    reason='Pagefind is not installed (pip install "sphinx-newsarc[search]")',
)


def _build(src: Path, **overrides: Any) -> SphinxTestApp:
    app = SphinxTestApp(
        "html", srcdir=src, confoverrides={"newsarc_search": "pagefind", **overrides}
    )
    app.build()
    return app


@needs_pagefind
def test_records_one_per_event(tmp_path: Path) -> None:
    """Each event is a record of its own: URL with its #id, date and headline, filters."""
    app = _build(copy_root("archive", tmp_path))
    try:
        assert not warnings_of(app)
        domain = NewsDomain.of(app.env)
        items = {r.url: r for r in search.records(app.builder, domain)}
        archive = domain.archive
        events = [r for r in items.values() if "date" in r.meta]
        assert len(events) == len(archive.events)
        record = items["2005.html#afghan-election-2005"]
        assert record.meta["title"] == "Elections are held for the Afghan parliament."
        assert record.meta["date"] == "18 September 2005"
        assert record.filters == {
            "entity": ["Afghanistan", "Hamid Karzai"],
            "year": ["2005"],
            "story": ["Afghan elections"],
            "category": ["Politics"],
        }
        assert record.sort == {"date": "2005-09-18"}
        # the archive's generated pages are no results: their events are
        assert not any(url.startswith("news/") for url in items)
        # a page's own text is a result without its events' text
        lists = items.get("lists.html")
        assert lists is None or "Elections are held" not in lists.content
        out = Path(app.outdir)
        assert (out / "pagefind" / "pagefind.js").is_file()
        assert not (out / "searchindex.js").exists()  # Sphinx's own index is not built
        page = read(out / "search.html")
        assert 'src="pagefind/pagefind-ui.js"' in page and 'id="newsarc-search"' in page
        assert "searchindex.js" not in page
    finally:
        app.cleanup()


@needs_pagefind
def test_entity_and_story_filters_only_while_their_index_is_one_page(tmp_path: Path) -> None:
    """Pagefind's search page shows every filter value as a checkbox: an archive whose
    Entities (Stories) index is split gives its events no entity (story) filter."""
    app = _build(copy_root("archive", tmp_path), newsarc_entities_per_page=1)
    try:
        assert not warnings_of(app)
        domain = NewsDomain.of(app.env)
        assert domain.plan.index_parts and domain.plan.story_index_parts  # both split
        items = {r.url: r for r in search.records(app.builder, domain)}
        record = items["2005.html#afghan-election-2005"]
        assert record.filters == {"year": ["2005"], "category": ["Politics"]}
        assert "Hamid Karzai" in record.content  # still found by name
    finally:
        app.cleanup()


@needs_pagefind
def test_bundle_rebuilt_only_when_pages_changed(tmp_path: Path) -> None:
    src = copy_root("archive", tmp_path)
    _build(src).cleanup()
    marker = src / "_build" / "html" / "pagefind" / "pagefind.js"
    first = marker.stat().st_mtime_ns
    _build(src).cleanup()
    assert marker.stat().st_mtime_ns == first  # nothing read again: bundle kept
    with (src / "2007.md").open("a", encoding="utf-8") as f:
        f.write("\nA paragraph about zeppelins.\n")
    _build(src).cleanup()
    assert marker.stat().st_mtime_ns != first


def test_missing_pagefind_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the extra: a located newsarc.config warning, Sphinx's own search kept."""
    monkeypatch.setattr(search, "pagefind_installed", lambda: False)
    src = copy_root("archive", tmp_path)
    with (src / "conf.py").open("a", encoding="utf-8") as f:
        f.write('newsarc_search = "pagefind"\n')
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        warnings = warnings_of(app)
        assert len(warnings) == 1, warnings
        assert "conf.py:9: WARNING" in warnings[0] and "sphinx-newsarc[search]" in warnings[0]
        assert "[newsarc.config]" in warnings[0]
        out = Path(app.outdir)
        assert (out / "searchindex.js").is_file() and not (out / "pagefind").exists()
    finally:
        app.cleanup()


def test_invalid_setting(tmp_path: Path) -> None:
    app = SphinxTestApp(
        "html", srcdir=copy_root("archive", tmp_path), confoverrides={"newsarc_search": "lunr"}
    )
    try:
        app.build()
        assert any("newsarc_search = 'lunr' is not valid" in w for w in warnings_of(app))
        assert (Path(app.outdir) / "searchindex.js").is_file()
    finally:
        app.cleanup()


# -- in a real browser ----------------------------------------------------------------------


@pytest.fixture
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    reason = missing_browser()
    if reason:
        pytest.skip(reason)
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    driver.set_script_timeout(30)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


QUERY = """
const [query, filters, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
(async () => {
  const pagefind = await import('/pagefind/pagefind.js');
  const found = await pagefind.search(query, {filters: filters, sort: {date: 'asc'}});
  const data = await Promise.all(found.results.map((r) => r.data()));
  done(data.map((d) => ({url: d.url, meta: d.meta})));
})().catch((e) => done({error: String(e)}));
"""


def _query(browser: Any, page: str, query: str, filters: dict[str, str]) -> Any:
    """Run :data:`QUERY` on ``page``; on a loaded machine Chromium sometimes fails to
    fetch the bundle's metadata once (seen only under load in CI): reload and try again,
    three times at most."""
    results: Any = {"error": "not run"}
    for _attempt in range(3):
        results = browser.execute_async_script(QUERY, query, filters)
        if not (isinstance(results, dict) and "error" in results):
            return results
        browser.get(page)
    return results


@needs_pagefind
@pytest.mark.parametrize("theme", ["alabaster", "furo", "pydata_sphinx_theme"])
def test_browser_finds_events(tmp_path: Path, browser: Any, theme: str) -> None:
    """Chromium loads the bundle over HTTP: a headline word finds each event as its own
    result (URL with #id, date, headline), the entity filter narrows them, and the
    theme's search page shows the results of ?q=."""
    if theme != "alabaster" and importlib.util.find_spec(theme) is None:
        pytest.skip(f"the {theme} theme is not installed")
    app = _build(copy_root("archive", tmp_path), html_theme=theme)
    out = Path(app.outdir)
    app.cleanup()
    with serve(out) as base:
        page = f"{base}/index.html"
        browser.get(page)
        results = _query(browser, page, "Afghanistan", {})
        assert "error" not in results, results
        urls = [r["url"] for r in results]
        assert "/2005.html#afghan-election-2005" in urls
        assert len(urls) == len(set(urls)) >= 3  # events, not one page per result
        election = next(r for r in results if r["url"].endswith("#afghan-election-2005"))
        assert election["meta"]["title"] == "Elections are held for the Afghan parliament."
        assert election["meta"]["date"] == "18 September 2005"
        narrowed = _query(browser, page, "Afghanistan", {"entity": "Hamid Karzai"})
        assert 0 < len(narrowed) < len(results)
        assert "/2005.html#afghan-election-2005" in [r["url"] for r in narrowed]
        taliban = _query(browser, page, "Afghanistan", {"entity": "Taliban"})
        assert "/2005.html#afghan-election-2005" not in [r["url"] for r in taliban]

        # the search page the theme's search box leads to
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        browser.get(f"{base}/search.html?q=parliament")
        WebDriverWait(browser, 20).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")
        )
        link = browser.find_element(By.CSS_SELECTOR, ".pagefind-ui__result-link")
        assert link.get_attribute("href").endswith("/2005.html#afghan-election-2005")
        assert link.text == "18 September 2005: Elections are held for the Afghan parliament."
        # the date is in the title, not repeated as the result's tags
        tags = [t.text for t in browser.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-tag")]
        assert not any(tag.startswith("Date") for tag in tags), tags
    shutil.rmtree(tmp_path, ignore_errors=True)


@needs_pagefind
def test_records_sent_in_bulk(tmp_path: Path) -> None:
    """Records go to Pagefind's service all at once: 600 records take seconds, not the
    minute Pagefind's Python wrapper takes (it reads one answer per 0.1 s)."""
    items = [
        search.Record(
            f"day{n // 10}.html#event-{n}",
            f"Event {n} happens in Placeville{n}.",
            {"title": f"Event {n}", "date": "1 May 2010"},
            {"entity": [f"Placeville{n}"], "year": ["2010"]},
            {"date": "2010-05-01"},
        )
        for n in range(600)
    ]
    started = time.perf_counter()
    search._write_bundle(tmp_path / "bundle", "en", items)
    assert time.perf_counter() - started < 30
    entry = json.loads((tmp_path / "bundle" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 600
    assert len(list((tmp_path / "bundle" / "fragment").iterdir())) == 600


@needs_pagefind
def test_bundle_cut_short_is_found(tmp_path: Path) -> None:
    """Pagefind 1.5.2 may answer before its last file writes reach the disk (its issue
    1271): the common files are written again, an index file cut short is an error."""
    items = [search.Record("a.html#one", "One thing happens.", {"title": "One"})]
    bundle = tmp_path / "bundle"
    search._write_bundle(bundle, "en", items)
    ui = bundle / "pagefind-ui.js"
    whole = ui.read_bytes()
    ui.write_bytes(b"")
    fragment = next((bundle / "fragment").iterdir())
    fragment.write_bytes(fragment.read_bytes()[:20])
    common = {"pagefind-ui.js": whole}
    with pytest.raises(RuntimeError, match="cut short"):
        search._check_bundle(bundle, common)
    assert ui.read_bytes() == whole


@needs_pagefind
def test_failing_binary_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A binary that fails: a located warning with its message, no bundle, no traceback."""
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'pagefind: out of cheese' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    app = _build(copy_root("archive", tmp_path / "src"))
    try:
        warnings = warnings_of(app)
        assert len(warnings) == 1, warnings
        assert "Pagefind could not write the search bundle" in warnings[0]
        assert "out of cheese" in warnings[0] and "[newsarc.config]" in warnings[0]
        out = Path(app.outdir)
        assert not (out / "pagefind").exists() and not (out / "pagefind.tmp").exists()
    finally:
        app.cleanup()
