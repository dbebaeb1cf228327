"""Text as authors write it: names, aliases, URLs and sources verbatim (no smart quotes);
control characters removed with a located warning, in every output."""

from __future__ import annotations

import re
from pathlib import Path

from buildutil import build
from conftest import read

CONF = ("extensions = ['myst_parser', 'sphinx_newsarc']\nnewsarc_generate_pages = False\n"
        "project = author = copyright = version = 'T'\n")


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
