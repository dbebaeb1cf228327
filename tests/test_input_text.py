"""Text as authors write it: names, aliases, URLs and sources verbatim (no smart quotes);
control characters removed with a located warning, in every output."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from buildutil import build
from conftest import read

CONF = (
    "extensions = ['myst_parser', 'sphinx_newsarc']\nnewsarc_generate_pages = False\n"
    "project = author = copyright = version = 'T'\n"
)


def _warnings(text: str) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def _project(tmp_path: Path, page: str, conf: str = CONF) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(conf, encoding="utf-8")
    (src / "index.md").write_text(page, encoding="utf-8")
    return src


SMART = """# T

```{entity} Miles O'Brien
---
aliases: 'Chief "O''Brien"; O''B -- the chief'
url: https://example.org/o'brien
---
```

```{event} An "event"
---
date: 2006-04-10
sources: |
  Reuters' desk <https://example.org/it's>
---
Body's "text".
```
"""


def test_no_smart_quotes_in_names_aliases_urls_and_sources(tmp_path: Path) -> None:
    out, text = build(_project(tmp_path, SMART), tmp_path / "out")
    assert _warnings(text) == []
    html = read(out / "index.html")
    assert "<strong>Miles O'Brien</strong>" in html
    assert "Chief &quot;O'Brien&quot;, O'B -- the chief" in html
    assert ">https://example.org/o'brien</a>" in html
    assert ">Reuters' desk</a>" in html
    assert "\u2019" not in html.replace("Body\u2019s", "")  # only the body is typeset
    assert "Body\u2019s \u201ctext\u201d." in html


CONTROL = (
    "# T\n\n"
    "```{event} Bell\x07 rings\n"  # line 3
    "---\ndate: 2006-04-10\nentities: Al\x07pha\nsources: |\n"
    "  Reu\x01ters <https://example.org/a>\n---\n"
    "First line.\n\n"  # line 10
    "Body\x07 text\x9b.\n\n"  # line 12
    "    code\x7f here\n"  # line 14
    "```\n\n"
    "```{entity} Al\x07pha\n"  # line 17
    ":aliases: A\x1bB\n\n"
    "Desc\x02ription.\n"  # line 20
    "```\n"
)
BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _build_all(tmp_path: Path, builder: str) -> tuple[Path, list[str]]:
    src = tmp_path / builder / "src"
    src.mkdir(parents=True)
    (src / "conf.py").write_text(CONF.replace("False", "True"), encoding="utf-8")
    (src / "index.md").write_text(CONTROL + "\n```{toctree}\nnews/index\n```\n", encoding="utf-8")
    out, text = build(src, tmp_path / builder / "out", builder)
    return out, _warnings(text)


def test_control_characters_removed_with_located_warnings(tmp_path: Path) -> None:
    out, warnings = _build_all(tmp_path, "html")
    located = [re.sub(r"^.*?index\.md:", "", w) for w in warnings]
    assert located == [
        "3: WARNING: control character U+0007 removed from the headline [newsarc.control_char]",
        "3: WARNING: control character U+0007 removed from the option 'entities' "
        "[newsarc.control_char]",
        "3: WARNING: control character U+0001 removed from the option 'sources' "
        "[newsarc.control_char]",
        "12: WARNING: control characters U+0007, U+009B removed from the body "
        "[newsarc.control_char]",
        "14: WARNING: control character U+007F removed from the body [newsarc.control_char]",
        "17: WARNING: control character U+0007 removed from the name [newsarc.control_char]",
        "17: WARNING: control character U+001B removed from the option 'aliases' "
        "[newsarc.control_char]",
        "20: WARNING: control character U+0002 removed from the body [newsarc.control_char]",
    ]
    html = read(out / "index.html")
    assert "Bell rings" in html and "Body text." in html and "code here" in html
    assert "Reuters" in html and "Description." in html
    for path in out.rglob("*"):
        if path.suffix in {".html", ".json", ".js", ".xml"}:
            assert not BAD.search(read(path)), path
    assert "Bell rings" in read(out / "news/events.json")


def test_control_characters_never_reach_epub_or_latex(tmp_path: Path) -> None:
    out, warnings = _build_all(tmp_path, "epub")
    assert len(warnings) == 8, warnings
    epub = next(out.glob("*.epub"))
    with zipfile.ZipFile(epub) as book:
        pages = [n for n in book.namelist() if n.endswith(".xhtml")]
        assert "index.xhtml" in pages
        for name in pages:
            ElementTree.fromstring(book.read(name))  # well-formed XML
        assert b"Bell rings" in book.read("index.xhtml")
    out, warnings = _build_all(tmp_path, "latex")
    tex = read(next(out.glob("*.tex")))
    assert "Bell rings" in tex and "Body text." in tex
    assert not BAD.search(tex)
