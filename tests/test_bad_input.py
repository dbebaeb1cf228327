"""Bad input: located warnings with documented subtypes, no traceback, nothing else lost."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from buildutil import build
from conftest import copy_root, read, warnings_of
from sphinx.cmd.build import build_main
from sphinx.testing.util import SphinxTestApp

from sphinx_newsarc.warnings import NewsarcWarning


def located(warnings: list[str], subtype: str) -> list[tuple[str, int, str]]:
    """(file, line, message) of each warning of ``subtype``."""
    out = []
    for line in warnings:
        if line.endswith(f"[{subtype}]"):
            match = re.match(r"^(.*?):(\d+): WARNING: (.*)$", line)
            assert match, f"warning without file:line: {line}"
            out.append((Path(match[1]).name, int(match[2]), match[3]))
    return out


@pytest.mark.sphinx("html", testroot="bad")
def test_every_bad_input_is_a_located_warning(app: SphinxTestApp) -> None:
    app.build()
    warnings = warnings_of(app)
    assert not any("Traceback" in w or "Exception" in w for w in warnings)

    dates = located(warnings, "newsarc.date")
    assert [(f, n) for f, n, _ in dates] == [("bad.md", 3), ("bad.md", 9), ("bad.md", 15)]
    assert "February 2006 has no day 30" in dates[0][2]
    assert "has no date" in dates[1][2]
    assert "'10 April 2006' is not an ISO 8601 date; write '2006-04-10'" in dates[2][2]

    duplicates = located(warnings, "newsarc.duplicate_id")
    assert len(duplicates) == 1
    file, line, message = duplicates[0]
    # the warning stands at the second place and names the first, which keeps the id
    assert (file, line) == ("other.md", 3)
    assert "'shared-id'" in message and "bad.md:21" in message

    sources = located(warnings, "newsarc.source")
    assert len(sources) == 2
    assert all(f == "bad.md" and n == 29 for f, n, _ in sources)
    assert "'Broken <not a url>'" in sources[0][2]
    assert "Unclosed" in sources[1][2]

    related = located(warnings, "newsarc.related")
    assert [(f, n) for f, n, _ in related] == [("bad.md", 40)]
    assert "'no-such-event'" in related[0][2]

    assert [(f, n) for f, n, _ in located(warnings, "ref.event")] == [("bad.md", 56)]
    assert [(f, n) for f, n, _ in located(warnings, "ref.entity")] == [("bad.md", 56)]
    assert [(f, n) for f, n, _ in located(warnings, "ref.day")] == [("bad.md", 56)]

    # every event still renders, the bad ones included, with the rest of the page
    html = read(app.outdir / "bad.html")
    for headline in (
        "Impossible date event",
        "Missing date event",
        "Non ISO date event",
        "First holder of the shared id",
        "Malformed source event",
        "Unknown related event",
        "Good event survives",
    ):
        assert headline in html
    assert "Its body is here." in html
    assert 'href="https://example.org/good"' in html
    # both holders of the duplicated id render, with distinct anchors
    other = read(app.outdir / "other.html")
    assert "Second holder of the shared id" in other
    assert 'id="shared-id"' in html and 'id="shared-id"' in other
    # the dated good event is in the archive; undated ones are not
    day = read(app.outdir / "news/2006/04/13.html")
    assert "Good event survives" in day
    assert "Impossible date event" not in read(app.outdir / "news/chronology.html")


#: The subtypes of a website build: ``newsarc.pdflatex`` is about books under pdflatex
#: only (tests/test_print_engine.py).
WEBSITE_WARNINGS = [w for w in NewsarcWarning if w is not NewsarcWarning.pdflatex]
EVERY_SUBTYPE = {f"newsarc.{w.value}" for w in WEBSITE_WARNINGS}


def subtypes(warnings: list[str]) -> set[str]:
    """The ``[type.subtype]`` of each warning line."""
    return {match[1] for w in warnings if (match := re.search(r"\[(\S+)\]$", w))}


@pytest.mark.sphinx("html", testroot="warnings")
def test_warnings_root_has_every_subtype_once(app: SphinxTestApp) -> None:
    """tests/roots/test-warnings has one bad input per subtype, each a located warning."""
    app.build()
    warnings = warnings_of(app)
    assert sorted(w.rsplit("[", 1)[1] for w in warnings) == sorted(
        f"{s}]" for s in EVERY_SUBTYPE
    ), warnings
    for subtype in EVERY_SUBTYPE:
        assert len(located(warnings, subtype)) == 1  # with file and line


@pytest.mark.parametrize("silenced", WEBSITE_WARNINGS, ids=lambda w: w.value)
def test_suppress_warnings_silences_exactly_one_subtype(
    tmp_path: Path, silenced: NewsarcWarning
) -> None:
    src = copy_root("warnings", tmp_path)
    _, text = build(src, tmp_path / "out", suppress_warnings=[f"newsarc.{silenced.value}"])
    assert subtypes(_warnings(text)) == EVERY_SUBTYPE - {f"newsarc.{silenced.value}"}


def test_suppress_warnings_accepts_every_subtype(tmp_path: Path) -> None:
    src = copy_root("warnings", tmp_path)
    _, text = build(src, tmp_path / "out", suppress_warnings=sorted(EVERY_SUBTYPE))
    assert _warnings(text) == []


def test_fail_on_warning(tmp_path: Path) -> None:
    """``-W`` turns a newsarc warning into a failed build, without a traceback."""
    src = copy_root("bad", tmp_path)
    out = tmp_path / "out"
    assert build_main(["-q", "-W", "-b", "html", str(src), str(out)]) == 1
    # with all of them suppressed, the same project builds
    code = build_main(
        [
            "-q",
            "-W",
            "-b",
            "html",
            str(src),
            str(tmp_path / "out2"),
            "-D",
            "suppress_warnings="
            + ",".join(
                [f"newsarc.{w.value}" for w in NewsarcWarning]
                + ["ref.event", "ref.entity", "ref.day"]
            ),
        ]
    )
    assert code == 0


def test_one_bad_event_in_rst(tmp_path: Path) -> None:
    """rST: an impossible date is located at the directive's line."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['sphinx_newsarc']\nnewsarc_generate_pages = False\n"
    )
    (src / "index.rst").write_text(
        "Title\n=====\n\n.. event:: A good one\n   :date: 2006-02-28\n\n"
        ".. event:: A bad one\n   :date: 2006-02-30\n\nAfter the events.\n"
    )
    out, text = build(src, tmp_path / "out")
    assert re.search(r"index\.rst:7: WARNING: event 'A bad one'.*\[newsarc\.date\]", text)
    html = read(out / "index.html")
    assert "A good one" in html and "A bad one" in html and "After the events." in html


def test_myst_folded_sources_are_kept(tmp_path: Path) -> None:
    """MyST folds an indented continuation of ``:sources:`` (and later options) into the
    body; the sources are taken back, a malformed one is reported at its own line."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinx_newsarc']\nnewsarc_generate_pages = False\n"
    )
    (src / "index.md").write_text(
        "# T\n\n"
        "```{event} Folded sources\n"  # line 3
        ":date: 2006-04-10\n"
        ":sources: BBC <http://news.bbc.co.uk/a>\n"
        "  Bloomberg <http://bloomberg.com/b>\n"
        "  Broken <nope>\n"  # line 7
        ":entities: Alpha; Beta\n"
        "\n"
        "The body stays.\n"
        "```\n",
        encoding="utf-8",
    )
    out, text = build(src, tmp_path / "out")
    warnings = [line for line in text.splitlines() if "WARNING" in line]
    assert len(warnings) == 1
    assert re.search(
        r"index\.md:7: WARNING: source 'Broken <nope>'.*\[newsarc\.source\]", warnings[0]
    )
    html = read(out / "index.html")
    assert 'href="http://news.bbc.co.uk/a">BBC<' in html
    assert 'href="http://bloomberg.com/b">Bloomberg<' in html
    assert "Entities: " in html and ">Alpha<" in html and ">Beta<" in html
    assert "The body stays." in html
    assert ":entities:" not in html


def test_repeated_headlines_get_numbered_derived_ids(tmp_path: Path) -> None:
    """The same heading twice on a day (common in real data) is no duplicate-id warning:
    derived ids are numbered; an explicit duplicate id still warns."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinx_newsarc']\nnewsarc_generate_pages = False\n"
    )
    event = "```{{event}} Gaza war\n---\ndate: 2024-09-01\n{extra}---\n```\n\n"
    (src / "index.md").write_text(
        "# T\n\n"
        + event.format(extra="")
        + event.format(extra="")
        + event.format(extra="id: mine\n")
        + event.format(extra="id: mine\n"),
        encoding="utf-8",
    )
    out, text = build(src, tmp_path / "out")
    warnings = [line for line in text.splitlines() if "WARNING" in line]
    assert len(warnings) == 1 and "duplicate event id 'mine'" in warnings[0]
    html = read(out / "index.html")
    assert 'id="event-2024-09-01-gaza-war"' in html
    assert 'id="event-2024-09-01-gaza-war-2"' in html


def test_invalid_setting_says_what_is_expected(tmp_path: Path) -> None:
    """A bad number, bool or string setting names what it needs, not a Python type."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['sphinx_newsarc']\nnewsarc_related_limit = -3\n"
        "newsarc_generate_pages = 'no'\nnewsarc_archive_title = 3\n"
    )
    (src / "index.rst").write_text("Title\n=====\n")
    _, text = build(src, tmp_path / "out")
    warnings = [line for line in text.splitlines() if "[newsarc.config]" in line]
    assert len(warnings) == 3, text
    assert (
        "newsarc_related_limit = -3 is not valid (expected a whole number, 0 or more); "
        "using 5" in text
    )
    assert "newsarc_generate_pages = 'no' is not valid (expected True or False)" in text
    assert "newsarc_archive_title = 3 is not valid (expected a string)" in text


def _warnings(text: str) -> list[str]:
    """The warning and error lines of a build's output, without colour codes."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]


def _project(tmp_path: Path, name: str, text: str, myst: bool = False) -> Path:
    """A one-page project in ``tmp_path/src`` (archive pages off)."""
    src = tmp_path / "src"
    src.mkdir()
    extensions = "['myst_parser', 'sphinx_newsarc']" if myst else "['sphinx_newsarc']"
    (src / "conf.py").write_text(
        f"extensions = {extensions}\nnewsarc_generate_pages = False\n"
        "project = author = copyright = version = 'T'\n"
    )
    (src / name).write_text(text, encoding="utf-8")
    return src


def test_eventlist_from_after_to_warns(tmp_path: Path) -> None:
    src = _project(
        tmp_path,
        "index.rst",
        "Title\n=====\n\n.. eventlist::\n   :from: 2006-05\n   :to: 2006-04\n\n"
        ".. eventlist::\n   :from: 2006-04-10\n   :to: 2006-04\n",
    )
    _, text = build(src, tmp_path / "out")
    warnings = [line for line in text.splitlines() if "WARNING" in line]
    assert len(warnings) == 1, text
    assert re.search(
        r"index\.rst:4: WARNING: eventlist :from: 2006-05 is after :to: 2006-04; "
        r"it lists no event \[newsarc\.date\]",
        warnings[0],
    )


def test_event_without_headline_is_a_newsarc_warning(tmp_path: Path) -> None:
    """No headline: a located ``newsarc.headline`` warning (not a docutils error), the body
    still renders, and the event stays out of the archive."""
    src = _project(
        tmp_path,
        "index.md",
        "# T\n\n```{event}\n:date: 2006-04-10\n\nIts body.\n```\n\n"
        "```{event} Kept event\n:date: 2006-04-10\n```\n",
        myst=True,
    )
    (src / "r.rst").write_text("R\n=\n\n.. event::\n   :date: 2006-04-11\n\n   Its rST body.\n")
    (src / "index.md").write_text(
        (src / "index.md").read_text() + "\n```{toctree}\nr\nnews/index\n```\n"
    )
    out, text = build(src, tmp_path / "out", newsarc_generate_pages=True)
    warnings = _warnings(text)
    assert len(warnings) == 2, text
    assert re.search(
        r"index\.md:3: WARNING: event has no headline;.*\[newsarc\.headline\]$", warnings[0]
    )
    assert re.search(
        r"r\.rst:4: WARNING: event has no headline;.*\[newsarc\.headline\]$", warnings[1]
    )
    assert "Its body." in read(out / "index.html")
    assert "Its rST body." in read(out / "r.html")
    day = read(out / "news/2006/04/10.html")
    assert "Kept event" in day and "Its body." not in day
    assert not (out / "news/2006/04/11.html").exists()


def test_urls_are_percent_encoded_as_the_importer_does(tmp_path: Path) -> None:
    """A source or entity URL with ``"``, a backquote or non-ASCII is percent-encoded in
    HTML and JSON, exactly as the importer writes it (one rule: ``encode_url``)."""
    from sphinx_newsarc.importer.records import Position, Problems, make_source

    raw = 'https://example.org/a"b`c/café'
    src = _project(
        tmp_path,
        "index.md",
        "# T\n\n```{event} Quoted URL\n---\ndate: 2006-04-10\nsources: |\n"
        f"  Q <{raw}>\n  {raw}?bare\n---\n```\n\n"
        f"```{{entity}} Zed\n:url: {raw}\n```\n",
        myst=True,
    )
    out, text = build(src, tmp_path / "out")
    assert _warnings(text) == []
    encoded = "https://example.org/a%22b%60c/caf%C3%A9"
    imported = make_source("Q", raw, Position("x", 1), Problems())
    assert imported is not None and imported.url == encoded
    html = read(out / "index.html")
    assert f'href="{encoded}"' in html and f'href="{encoded}?bare"' in html
    assert "a&quot;b" not in html and "a%22b" in html
    events = json.loads(read(out / "news/events.json"))
    assert [s["url"] for s in events["events"][0]["sources"]] == [encoded, encoded + "?bare"]
    assert events["entities"][0]["url"] == encoded


def test_body_after_sources_stays_body(tmp_path: Path) -> None:
    """Issue 10 item 6: sources come only from the option. A body that opens with an
    indented line after ``sources: |`` (MyST YAML block, or a blank line after ``:key:``
    options) or with a block quote after ``:sources:`` (rST) is body; a line of it that
    reads as a source is kept there, with a ``newsarc.source`` warning at its line."""
    src = _project(
        tmp_path,
        "index.md",
        "# T\n\n"
        "```{event} YAML block\n---\ndate: 2006-04-10\nsources: |\n"
        "  BBC <http://news.bbc.co.uk/a>\n---\n"
        "    Code <http://example.org/code>\n"  # line 9
        "\nBody one.\n```\n\n"
        "```{event} Blank line\n:date: 2006-04-11\n"  # line 14
        ":sources: BBC <http://news.bbc.co.uk/b>\n\n"
        "    just code\n    https://example.org/code2\n```\n"  # line 18, 19
        "\n```{toctree}\nr\n```\n",
        myst=True,
    )
    (src / "r.rst").write_text(
        "R\n=\n\n.. event:: Block quote\n   :date: 2006-04-12\n"
        "   :sources: A <http://a.org/>\n      B <http://b.org/>\n\n"
        "      Quote <http://q.org/>\n\n   Body three.\n"
    )  # line 9
    out, text = build(src, tmp_path / "out")
    warnings = _warnings(text)
    located = [re.sub(r"^.*/src/", "", w) for w in warnings]
    assert len(located) == 3, warnings
    assert located[0].startswith(
        "index.md:9: WARNING: 'Code <http://example.org/code>' looks like a source but is body text"
    )
    assert located[1].startswith("index.md:19: WARNING: 'https://example.org/code2' looks")
    assert located[2].startswith("r.rst:9: WARNING: 'Quote <http://q.org/>' looks like a")
    assert all(w.endswith("[newsarc.source]") for w in located)
    html = read(out / "index.html")
    assert html.count('href="http://news.bbc.co.uk/') == 2
    assert 'href="http://example.org/code"' not in html  # not a source
    assert 'href="https://example.org/code2"' not in html
    assert "<pre><span></span>Code &lt;http://example.org/code&gt;" in html
    assert "just code\nhttps://example.org/code2" in html
    rst = read(out / "r.html")
    assert 'href="http://a.org/">A<' in rst and 'href="http://b.org/">B<' in rst
    assert (
        '<blockquote>\n<div><p>Quote &lt;<a class="reference external" href="http://q.org/">' in rst
    )
    events = json.loads(read(out / "news/events.json"))["events"]
    assert [[s["url"] for s in e["sources"]] for e in events] == [
        ["http://news.bbc.co.uk/a"],
        ["http://news.bbc.co.uk/b"],
        ["http://a.org/", "http://b.org/"],
    ]


def test_rejected_entity_declaration_claims_nothing(tmp_path: Path) -> None:
    """Issue 10 item 8, as a reader sees it: only the second ``Alpha`` is rejected; ``Beta``
    (an alias of the rejected one) is declared and gets its page."""
    src = _project(
        tmp_path,
        "index.md",
        "# T\n\n```{entity} Alpha\n:aliases: Al\n```\n\n"
        "```{entity} Alpha\n:aliases: Beta\n```\n\n"  # line 7
        "```{entity} Beta\n:kind: place\n```\n\n"
        "```{event} Beta and Al meet\n:date: 2006-04-10\n:entities: Beta; Al\n```\n"
        "\n```{toctree}\nnews/index\n```\n",
        myst=True,
    )
    out, text = build(src, tmp_path / "out", newsarc_generate_pages=True)
    warnings = [re.sub(r"^.*/src/", "", w) for w in _warnings(text)]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(
        "index.md:7: WARNING: entity 'Alpha': a name or alias is "
        "already declared at index.md:3 (entity 'Alpha')"
    )
    beta = read(out / "news/entities/beta.html")
    assert "Kind: place" in beta and "Beta and Al meet" in beta
    assert "Beta and Al meet" in read(out / "news/entities/alpha.html")
