"""``sphinx-build -b linkcheck`` checks every source URL and names the event's file and line."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp


class _Handler(BaseHTTPRequestHandler):
    """``/good.html`` exists; every other path is missing."""

    def _answer(self, body: bool) -> None:
        found = self.path == "/good.html"
        data = b"<html><body>good</body></html>" if found else b"missing"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def do_GET(self) -> None:
        self._answer(True)

    def do_HEAD(self) -> None:
        self._answer(False)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A web server on loopback, stopped after the test (and never outliving it)."""
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


CONF = """\
extensions = ["myst_parser", "sphinx_newsarc"]
project = "Linkcheck"
exclude_patterns = ["_build"]
linkcheck_timeout = 5
linkcheck_retries = 1
linkcheck_workers = 2
"""


def test_linkcheck_reports_a_missing_source_at_its_event(tmp_path: Path, server: str) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text(
        "# Linkcheck\n\n```{toctree}\nevents\nnews/index\n```\n", encoding="utf-8"
    )
    events = f"""\
# Events

```{{event}} A source that exists.
---
date: 2006-03-21
sources: Good <{server}/good.html>
---
```

Some text between the events.

```{{event}} A source that is gone.
---
date: 2006-03-22
sources: |
  Good again <{server}/good.html>
  Gone & lost <{server}/missing.html>
---
Body text.
```
"""
    (src / "events.md").write_text(events, encoding="utf-8")
    missing_line = events.splitlines().index("```{event} A source that is gone.") + 1
    good_line = events.splitlines().index("```{event} A source that exists.") + 1

    app = SphinxTestApp("linkcheck", srcdir=src, builddir=tmp_path / "build")
    try:
        app.build()
        outdir = Path(app.outdir)
    finally:
        app.cleanup()

    results = [
        json.loads(line)
        for line in (outdir / "output.json").read_text(encoding="utf-8").splitlines()
    ]
    by_uri = {r["uri"]: r for r in results}
    missing = by_uri[f"{server}/missing.html"]
    assert missing["status"] == "broken"
    assert (missing["filename"], missing["lineno"]) == ("events.md", missing_line)
    good = by_uri[f"{server}/good.html"]
    assert good["status"] == "working"
    assert (good["filename"], good["lineno"]) == ("events.md", good_line)
    report = (outdir / "output.txt").read_text(encoding="utf-8")
    assert f"events.md:{missing_line}: [broken] {server}/missing.html" in report
    assert "good.html" not in report  # only problems are in the text report
