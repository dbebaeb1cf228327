"""The archive in a real browser (headless Chromium) under the themes people use.

One build per theme and one browser session for all of them: an event (and an archive
card's body) has horizontal padding inside its border, and at a 400 px wide window no
archive page is wider than the theme's own pages. Skipped, with the reason, where
Chromium, chromedriver or selenium is missing (``apt-get install chromium
chromium-driver``; selenium is in the ``test`` extra).
"""

from __future__ import annotations

import importlib.util
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserutil import missing_browser, start_chromium
from buildutil import build
from conftest import copy_root

#: the themes people use, by the name ``html_theme`` takes
THEMES = ("alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme")
NARROW = 400  # px: a phone's window
#: pages every Sphinx theme makes itself, or that hold no archive content
THEME_PAGES = ("genindex.html", "search.html", "plain.html")
MIN_PADDING = 4.0  # px

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for every test of a worker, its viewport 400 px wide."""
    reason = missing_browser()
    if reason:
        pytest.skip(reason)
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        driver.set_page_load_timeout(30)
        driver.set_script_timeout(10)
        # a headless window is at least 500 px wide; the viewport can be narrower
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": NARROW, "height": 800, "deviceScaleFactor": 1, "mobile": False},
        )
        yield driver
    finally:
        driver.quit()


def built(theme: str, tmp: Path) -> Path:
    """The HTML of ``tests/roots/test-themes`` in ``theme``."""
    if importlib.util.find_spec(theme) is None:
        pytest.skip(f"the theme {theme} is not installed (pip install -e '.[test]')")
    src = copy_root("themes", tmp)
    out, warnings = build(src, tmp / "_build", html_theme=theme)
    assert "WARNING" not in warnings, warnings
    return out


def samples(out: Path) -> list[Path]:
    """One archive page per kind (the largest file of each): pages of a kind share their
    folder (digits aside) and whether they are a folder's index."""
    kinds: dict[tuple[str, bool], Path] = {}
    for page in sorted((out / "news").rglob("*.html")):
        kind = (
            re.sub(r"\d", "N", page.parent.relative_to(out).as_posix()),
            page.name == "index.html",
        )
        if kind not in kinds or page.stat().st_size > kinds[kind].stat().st_size:
            kinds[kind] = page
    return [out / "events.html", *sorted(kinds.values())]


#: the page's width, and the elements reaching past the viewport (for the message)
WIDTH = """
const width = document.documentElement.clientWidth, wide = [];
for (const e of document.querySelectorAll('body *')) {
  const box = e.getBoundingClientRect();
  if (box.width > 0 && box.right > width + 1) {
    wide.push(`${e.tagName.toLowerCase()}.${e.getAttribute('class') || ''} ` +
              `(${Math.round(box.left)}-${Math.round(box.right)} px)`);
  }
}
return [document.documentElement.scrollWidth, wide.slice(0, 3)];
"""


def settled_width(browser: Any) -> tuple[int, list[str]]:
    """:data:`WIDTH` once the layout has settled: themes' scripts change it after the load
    event (Font Awesome's icons become SVG), sooner or later by the machine's load."""
    found = browser.execute_script(WIDTH)
    for _ in range(20):
        time.sleep(0.1)
        again = browser.execute_script(WIDTH)
        if again == found:
            break
        found = again
    return found[0], found[1]


#: an event, and the body of the archive's cards: text inside a border or a box
BOXED = ".newsarc-event, [class*='newsarc-'][class*='-card'] > .sd-card-body"
PADDING = """
return Array.from(document.querySelectorAll(arguments[0]), e => {
  const s = getComputedStyle(e);
  return [e.className, parseFloat(s.paddingLeft), parseFloat(s.paddingRight)];
});
"""


@pytest.mark.parametrize("theme", THEMES)
def test_archive_in_theme(theme: str, browser: Any, tmp_path: Path) -> None:
    out = built(theme, tmp_path)
    problems: list[str] = []

    widths = {}
    for name in THEME_PAGES:
        browser.get((out / name).as_uri())
        widths[name] = settled_width(browser)[0]
    limit = max(widths.values())
    boxed = 0
    for page in samples(out):
        browser.get(page.as_uri())
        for name, left, right in browser.execute_script(PADDING, BOXED):
            boxed += 1
            if min(left, right) < MIN_PADDING:
                problems.append(
                    f"{page.relative_to(out).as_posix()}: {name} has a "
                    f"padding of {left} px / {right} px"
                )
                break
        width, wide = settled_width(browser)
        if width > limit:
            problems.append(
                f"{page.relative_to(out).as_posix()} is {width} px wide, the "
                f"theme's own pages {limit} px: {'; '.join(wide)}"
            )
    assert boxed, "no event or card on the pages"
    assert not problems, f"{theme}:\n" + "\n".join(problems)
