"""Archive scale for readers (issue 14): no archive page too heavy to open.

A generated archive (benchmarks/make_synthetic.py: one entity in every event, thousands of
one-off names), with the thresholds set low so that every split happens at a small size:
the Entities index by letter and by two letters, the hub entity's page by month, the
story's page by year, the Chronology to months.
"""

from __future__ import annotations

import importlib.util
import posixpath
import re
import sys
from collections.abc import Callable
from pathlib import Path

from buildutil import build, mtimes, outputs, touch_later
from conftest import copy_root, read

HERE = Path(__file__).parent
#: the byte budget of an archive page in this test (the defaults keep pages under 1 MB)
BUDGET = 300_000
LIMITS = {
    "newsarc_entities_per_page": 125,
    "newsarc_events_per_page": 100,
    "newsarc_chronology_days": 300,
}


def _make_archive() -> Callable[..., dict[str, int]]:
    spec = importlib.util.spec_from_file_location(
        "make_synthetic", HERE.parent / "benchmarks" / "make_synthetic.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    make: Callable[..., dict[str, int]] = module.make_archive
    return make


def _links(html: str, pattern: str) -> list[str]:
    return re.findall(rf'<a class="[^"]*{pattern}[^"]*"[^>]*href="([^"#]*)', html)


def _entity_names(html: str) -> set[str]:
    return set(re.findall(r'class="newsarc-entity-link[^"]*"[^>]*>([^<]*)<', html))


def _headlines(html: str) -> set[str]:
    return set(re.findall(r'class="newsarc-headline-link[^"]*"[^>]*>([^<]*)<', html))


def _story_names(html: str) -> set[str]:
    return set(
        re.findall(
            r'<p class="newsarc-group rubric" id="story-index-[^"]*"><a [^>]*>([^<]*)<', html
        )
    )


def _bar(html: str) -> str:
    found = re.search(r'<p class="newsarc-letters newsarc-jump">(.*?)</p>', html)
    assert found, "no A-Z bar"
    return found.group(1)


def test_a_large_archive_stays_light(tmp_path: Path) -> None:
    """3,150 events (150 on one day), 3,151 names, 301 stories, low thresholds, so that
    every split happens: no archive page over the budget, every entity and story reachable
    from the indices' parts, every event from the parts of its entity's and story's
    pages, however finely they split (by year, month, day, numbered parts of a day)."""
    src = tmp_path / "src"
    _make_archive()(src, 3000, years=3, names=1, per_month=True, stories=300, burst=150)
    out, warnings = build(src, tmp_path / "build", "html", 1, False, **LIMITS)
    assert "WARNING" not in warnings
    _no_page_over_the_budget(out)
    _every_entity_reachable(src, out)
    _every_story_reachable(src, out)
    _large_pages_split(out)


def _no_page_over_the_budget(out: Path) -> None:
    pages = {
        p.relative_to(out).as_posix(): p.stat().st_size for p in (out / "news").rglob("*.html")
    }
    assert len(pages) > 1000
    heavy = {name: size for name, size in pages.items() if size > BUDGET}
    assert not heavy
    # the website Chronology lists months (the month pages list the days)
    chronology = read(out / "news/chronology.html")
    assert 'href="2011/03/index.html"' in chronology
    assert 'href="2011/03/14.html"' not in chronology
    assert re.search(r'<p class="newsarc-count">\d+ events on 31 days</p>', chronology)


def _every_entity_reachable(src: Path, out: Path) -> None:
    expected = {
        name
        for path in (src / "days").glob("*.md")
        for line in read(path).splitlines()
        if line.startswith("entities: ")
        for name in line.removeprefix("entities: ").split("; ")
    }
    assert len(expected) == 3151
    entities = out / "news/entities"
    index = read(entities / "index.html")
    assert "newsarc-entity-link" not in index  # the index leads to its parts only
    letters = re.findall(r'href="(index-[^"]+\.html)"', _bar(index))
    assert len(letters) == 26
    seen: set[str] = set()
    found: set[str] = set()
    todo = list(letters)
    while todo:
        part = todo.pop()
        if part in seen:
            continue
        seen.add(part)
        html = read(entities / part)
        bars = re.findall(r'<p class="newsarc-letters newsarc-jump">(.*?)</p>', html)
        assert bars, f"no A-Z bar on {part}"
        assert len(re.findall(r"<a |<strong>", bars[0])) == 26, part  # every letter
        for bar in bars:
            todo.extend(re.findall(r'href="(index-[^"]+\.html)"', bar))
        found |= _entity_names(html)
    assert len(seen) > 26  # some letters are split by two letters
    assert any(
        len(re.findall(r'<p class="newsarc-letters', read(entities / part))) == 2 for part in seen
    )
    assert found == expected
    assert {p.name for p in entities.glob("index-*.html")} == seen


def _crawl_parts(out: Path, page: str) -> dict[str, str]:
    """The parts of a split page reachable from it and from each other (path -> HTML)."""
    found: dict[str, str] = {}
    todo = [page]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found[name] = read(out / name)
        folder = posixpath.dirname(name)
        todo.extend(
            posixpath.normpath(posixpath.join(folder, href))
            for href in _links(found[name], "newsarc-part-link")
        )
    del found[page]
    return found


def _large_pages_split(out: Path) -> None:
    hub = read(out / "news/entities/united-states.html")
    assert "3150 events" in hub
    assert "Latest events" in hub
    assert "newsarc-chart" in hub
    assert len(_headlines(hub)) == 50
    # a line per year, a link per month: July 2011 (233 events) leads to its first day
    links = _links(hub, "newsarc-part-link")
    assert len(links) == 36
    assert "united-states/2011-06.html" in links and "united-states/2011-07-01.html" in links
    parts = _crawl_parts(out, "news/entities/united-states.html")
    names = {posixpath.basename(name) for name in parts}
    assert {"2011-07-03.html", "2011-07-03_2.html", "2011-07-31.html"} <= names
    assert len(parts) == 35 + 31 + 1  # months; July 2011's days, its burst day twice
    headlines: set[str] = set()
    for html in parts.values():
        assert "newsarc-parts" in html
        assert len(_headlines(html)) <= 100
        headlines |= _headlines(html)
    assert len(headlines) == 3150  # every event, across the parts
    story_parts = _crawl_parts(out, "news/stories/long-story.html")
    assert len(story_parts) == 36  # 250 events a year: by month
    headlines = set()
    for html in story_parts.values():
        headlines |= _headlines(html)
    assert len(headlines) == 750


def _every_story_reachable(src: Path, out: Path) -> None:
    expected = {
        line.removeprefix("story: ").strip('"')
        for path in (src / "days").glob("*.md")
        for line in read(path).splitlines()
        if line.startswith("story: ")
    }
    assert len(expected) == 301
    stories = out / "news/stories"
    index = read(stories / "index.html")
    assert "Long story" not in index  # the index leads to its parts only
    letters = re.findall(r'href="(index-[^"]+\.html)"', _bar(index))
    assert len(letters) >= 20
    found: set[str] = set()
    for part in letters:
        html = read(stories / part)
        assert len(re.findall(r"<a |<strong>", _bar(html))) == len(letters), part
        found |= _story_names(html)
    assert found == expected


def test_entity_year_pages_change_only_with_their_events(tmp_path: Path) -> None:
    """A split entity page: editing a headline rewrites the part that lists it (and the
    first page, which lists the latest events), no other part; incremental == clean."""
    src = copy_root("archive", tmp_path)
    out, _ = build(src, tmp_path / "inc", newsarc_events_per_page=1)
    before = mtimes(out)
    assert "news/entities/hamid-karzai/2005.html" in before
    assert "news/entities/nato/2007-06.html" in before  # two events in 2007: by month
    page = src / "2007.md"
    page.write_text(
        read(page).replace(
            "Karzai meets NATO leaders in Brussels.", "Karzai meets NATO leaders in Brussels again."
        ),
        encoding="utf-8",
    )
    touch_later(page)
    out, warnings = build(src, tmp_path / "inc", newsarc_events_per_page=1)
    assert "WARNING" not in warnings
    after = mtimes(out)
    for changed in ("news/entities/hamid-karzai/2007.html", "news/entities/nato/2007-06.html"):
        assert "Brussels again" in read(out / changed)
        assert after[changed] != before[changed]
    for same in ("news/entities/hamid-karzai/2005.html", "news/entities/nato/2007-03.html"):
        assert after[same] == before[same]
    clean_src = copy_root("archive", tmp_path / "clean-src")
    (clean_src / "2007.md").write_text(read(page), encoding="utf-8")
    clean, _ = build(clean_src, tmp_path / "clean", newsarc_events_per_page=1)
    assert outputs(out) == outputs(clean)
