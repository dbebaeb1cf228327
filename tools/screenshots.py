"""Regenerate the screenshots of the README and the docs (``docs/_static/screenshot-*.png``).

Builds the docs and their demo archive with furo into a temporary folder and photographs
pages with headless Chromium (``--screenshot``, ``--window-size``); the search page, with
a query typed and its results, over loopback HTTP with selenium (Pagefind fetches its
index). Run ``tox -e screenshots``, or ``python tools/screenshots.py`` where Sphinx, furo,
selenium and the extension with its ``search`` extra are installed. Needs Chromium and
chromedriver (``apt-get install chromium chromium-driver``).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "docs" / "_static"
THEME = "furo"
SIZE = (1000, 760)
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
)
#: screenshot name -> the page it shows (relative to the HTML output)
SHOTS = {
    "event": "demo/2006/2006-09-03.html",
    "entity": "news/entities/taliban.html",
    "front": "news/index.html",
    "day": "news/2006/09/03.html",
    "month": "news/2006/09/index.html",
    "year": "news/2006/index.html",
    "chronology": "news/chronology.html",
    "entities": "news/entities/index.html",
    "story": "news/stories/taliban-insurgency.html",
    "onthisday": "news/on-this-day/09-03.html",
}
#: the search page with a query typed and its results (Pagefind, over HTTP, with selenium)
SEARCH = ("search", "search.html", "Taliban")


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("screenshots: Chromium is not installed (apt-get install chromium)")


def build(out: Path) -> Path:
    """The docs as HTML in furo, into ``out`` (the archive's root pages go to docs/news/,
    as with ``tox -e demo``)."""
    html = out / "html"
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", "-D",
                    f"html_theme={THEME}", "-d", str(out / "doctrees"), str(ROOT / "docs"),
                    str(html)], check=True)
    return html


def shoot(browser: str, page: Path, target: Path, profile: Path) -> None:
    width, height = SIZE
    subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}",
                    f"--window-size={width},{height}", f"--screenshot={target}",
                    page.as_uri()], check=True, timeout=120,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not target.is_file() or target.stat().st_size == 0:
        sys.exit(f"screenshots: Chromium wrote no {target}")


def shoot_search(html: Path, target: Path, profile: Path) -> None:
    """The search page of the build ``html`` served over loopback HTTP (Pagefind loads its
    index with ``fetch``), its query typed in Pagefind's search box, once the results
    show."""
    if not (html / "pagefind" / "pagefind.js").is_file():
        sys.exit('screenshots: the docs have no Pagefind bundle (pip install "pagefind[bin]")')
    sys.path.insert(0, str(ROOT / "tests"))
    from browserutil import missing_browser, start_chromium
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    reason = missing_browser()
    if reason:
        sys.exit(f"screenshots: {reason}")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(html)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = start_chromium(profile)
    try:
        driver.set_window_size(*SIZE)
        _name, page, query = SEARCH
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/{page}")
        box = WebDriverWait(driver, 30).until(
            lambda d: d.find_element(By.CSS_SELECTOR, ".pagefind-ui__search-input"))
        box.send_keys(query)
        WebDriverWait(driver, 30).until(
            lambda d: len(d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")) >= 3)
        time.sleep(1)  # the results' text and the theme's fonts settle
        driver.save_screenshot(str(target))
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()


#: book page image name -> the text that starts the page it shows
BOOK_PAGES = {"book-chronology": "Chronology", "book-entities": "Entities"}


def book_pages(tmp: Path) -> None:
    """PDF pages of the docs' archive as PNG (LaTeX, latexmk, pdftoppm), and the ePub's
    Chronology as Chromium shows it."""
    for tool in ("latexmk", "pdftoppm", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit(f"screenshots: {tool} is not installed (TeX Live, poppler-utils)")
    latex = tmp / "latex"
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "latex", "-d",
                    str(tmp / "doctrees-book"), str(ROOT / "docs"), str(latex)], check=True)
    tex = next(latex.glob("*.tex"))
    subprocess.run(["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error",
                    tex.name], cwd=latex, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    pdf = tex.with_suffix(".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.split("\f")
    for name, heading in BOOK_PAGES.items():
        # the page where the section starts (after the table of contents)
        number = next(n for n, page in enumerate(pages, start=1)
                      if n > 3 and any(line.strip().endswith(heading) and
                                       line.strip()[:1].isdigit() for line in page.splitlines()))
        target = STATIC / f"{name}.png"
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(number), "-l", str(number),
                        "-singlefile", str(pdf), str(target.with_suffix(""))], check=True)
        print(f"{target.relative_to(ROOT)}: PDF page {number}")
    epub = tmp / "epub"
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "epub", "-d",
                    str(tmp / "doctrees-book"), str(ROOT / "docs"), str(epub)], check=True)
    target = STATIC / "epub-chronology.png"
    shoot(chromium(), epub / "news" / "chronology.xhtml", target, tmp / "profile")
    print(f"{target.relative_to(ROOT)}: news/chronology.xhtml of the ePub")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*",
                        help=f"of {', '.join([*SHOTS, SEARCH[0]])} (default: all)")
    parser.add_argument("--book", action="store_true",
                        help="also the PDF's and the ePub's archive pages (needs TeX)")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - {*SHOTS, SEARCH[0]})
    if unknown:
        parser.error(f"no screenshot named {', '.join(unknown)}")
    browser = chromium()
    with tempfile.TemporaryDirectory(prefix="newsarc-shots-") as tmp:
        html = build(Path(tmp))
        for name in args.names or SHOTS:
            if name == SEARCH[0]:
                continue
            page = html / SHOTS[name]
            if not page.is_file():
                sys.exit(f"screenshots: the build has no {SHOTS[name]}")
            target = STATIC / f"screenshot-{name}.png"
            shoot(browser, page, target, Path(tmp) / "profile")
            print(f"{target.relative_to(ROOT)}: {SHOTS[name]}")
        if not args.names or SEARCH[0] in args.names:
            target = STATIC / f"screenshot-{SEARCH[0]}.png"
            shoot_search(html, target, Path(tmp) / "profile-search")
            print(f"{target.relative_to(ROOT)}: {SEARCH[1]}, {SEARCH[2]!r} typed")
        if args.book:
            book_pages(Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
