"""Writing pages: layout, idempotent re-runs, foreign files, stale files, the command line."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from sphinx_newsarc.cli import main
from sphinx_newsarc.importer import MARKER, import_events

DATA = Path(__file__).parent / "data" / "import"
WIKITIMES = [
    DATA / "wikitimes" / "events-2001-01.json",
    DATA / "wikitimes" / "story-99-taliban-insurgency.json",
]


def _snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def test_day_pages_layout_and_content(tmp_path: Path) -> None:
    out = tmp_path / "events"
    summary = import_events([DATA / "events.json"], out, format="json", title="Peru 2006")
    assert sorted(summary.files.written) == [
        "2006/2006-04-10.md",
        "2006/2006-06-04.md",
        "2006/2006-06.md",
        "2006/2006.md",
        "entities.md",
        "index.md",
    ]
    index = (out / "index.md").read_text(encoding="utf-8")
    assert index == (
        f"{MARKER}\n\n# Peru 2006\n\n```{{toctree}}\n:maxdepth: 1\n\n2006/2006\n2006/2006-04-10\n"
        "2006/2006-06\n2006/2006-06-04\nentities\n```\n"
    )
    day = (out / "2006" / "2006-04-10.md").read_text(encoding="utf-8")
    assert day.startswith(f"{MARKER}\n\n# 10 April 2006\n\n```{{event}} Preliminary results")
    assert "sources: |\n  BBC <http://news.bbc.co.uk/2/hi/americas/4897186.stm>\n" in day
    assert "\n  El Comercio\n" in day
    assert "Turnout: \\$765 million \\*stars\\* \\_under\\_ \\`tick\\` \\& Procter" in day
    # the second event of the day keeps its input order
    assert day.index("Preliminary results") < day.index("Second event of the day")
    runoff = (out / "2006" / "2006-06-04.md").read_text(encoding="utf-8")
    assert "\n~~~{event} Alan García wins the `run-off` ```election```" in runoff
    assert "category: 'Politics: elections #2'\n" in runoff
    assert (out / "2006" / "2006-06.md").read_text(encoding="utf-8").count("# June 2006") == 1
    entities = (out / "entities.md").read_text(encoding="utf-8")
    # a title of its own: the archive's index of entities is "Entities"
    assert "\n# Entity declarations\n" in entities
    assert "\n# Entities\n" not in entities
    assert "```{entity} Ciudad Bolívar\n---\naliases: Ciudad Bolvar\nkind: place\n" in entities


@pytest.mark.parametrize(
    ("split", "pages"),
    [
        ("month", ["2006/2006-04.md", "2006/2006-06.md", "2006/2006.md"]),
        (
            "event",
            [
                "2006/2006-a-year-only-event-with-quotes-and-a-colon.md",
                "2006/2006-06-a-month-only-event-50-of-votes-counted.md",
                "2006/peru-2006-first-round-2.md",
                "2006/peru-2006-first-round.md",
                "2006/peru-2006-runoff.md",
            ],
        ),
    ],
)
def test_other_splits(tmp_path: Path, split: str, pages: list[str]) -> None:
    summary = import_events([DATA / "events.json"], tmp_path, format="json", split=split)
    assert sorted(summary.files.written) == sorted([*pages, "entities.md", "index.md"])
    if split == "event":
        page = (tmp_path / "2006" / "peru-2006-runoff.md").read_text(encoding="utf-8")
        assert "\n# Alan García wins the \\`run-off\\` \\`\\`\\`election\\`\\`\\`" in page


def test_rerun_writes_nothing_and_keeps_mtimes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = import_events(WIKITIMES, out, format="wikitimes")
    assert first.files.written and not first.files.unchanged
    past = 1_000_000_000
    for path in out.rglob("*.md"):
        os.utime(path, ns=(past, past))
    before = _snapshot(out)
    second = import_events(WIKITIMES, out, format="wikitimes")
    assert second.files.written == []
    assert second.files.deleted == []
    assert len(second.files.unchanged) == first.pages
    assert _snapshot(out) == before


def test_only_changed_files_are_rewritten_and_stale_ones_deleted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    import_events(WIKITIMES, out, format="wikitimes")
    summary = import_events(WIKITIMES[:1], out, format="wikitimes")
    assert sorted(summary.files.written) == ["entities.md", "index.md"]
    assert "2014/2014-11-10.md" in summary.files.deleted
    assert not (out / "2014").exists()  # emptied year folders go too
    assert (out / "2001" / "2001-01-25.md").exists()


def test_foreign_files_are_never_overwritten_or_deleted(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "2001").mkdir(parents=True)
    mine = out / "2001" / "2001-01-25.md"
    mine.write_text("# My own page\n", encoding="utf-8")
    other = out / "notes.md"
    other.write_text("# Notes\n", encoding="utf-8")
    summary = import_events(WIKITIMES[:1], out, format="wikitimes")
    assert summary.files.foreign == ["2001/2001-01-25.md"]
    assert summary.warnings["foreign file"] == 1
    assert mine.read_text(encoding="utf-8") == "# My own page\n"
    # a generated page whose marker was removed is the author's now
    edited = out / "2001" / "2001-01-26.md"
    edited.write_text(edited.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    summary = import_events(WIKITIMES[1:], out, format="wikitimes")
    assert edited.exists() and mine.exists() and other.exists()
    assert "2001/2001-01-26.md" not in summary.files.deleted
    assert "2001/2001-01-01.md" in summary.files.deleted


def test_dry_run_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = import_events(WIKITIMES, out, format="wikitimes", dry_run=True)
    assert summary.files.written and not out.exists()
    assert "Would write 53 events" in summary.report()


def test_cli_summary_problems_and_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["import", "--format", "json", str(DATA / "bad.json"), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Wrote 3 events, 0 entities and 2 sources from 10 records" in captured.out
    assert "bad.json: record 3 (/2/date): bad date: '2006-02-30' is not a date" in captured.err
    assert main(["import", "-q", "-f", "json", str(DATA / "bad.json"), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "record 2 (/1/date): no date" in captured.err
    missing = tmp_path / "missing.json"
    assert main(["import", "-f", "json", str(missing), "-o", str(out)]) == 1
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "-f", "xml", str(missing), "-o", str(out)])
    assert exit_info.value.code == 2


def test_cli_progress_for_large_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(
        "".join(
            f'{{"date": "2006-01-{1 + n % 28:02d}", "headline": "Event {n}"}}\n'
            for n in range(2500)
        ),
        encoding="utf-8",
    )
    assert main(["import", "-f", "jsonl", str(path), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "sphinx-newsarc import: 1000 records read",
        "sphinx-newsarc import: 2000 records read",
    ]
    assert main(["import", "-q", "-f", "jsonl", str(path), "-o", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().err == ""
    shutil.rmtree(tmp_path / "out")


# -- all or nothing ------------------------------------------------------------------------


def _tree(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every file (hidden ones too) under ``out`` with its bytes and mtime, and every folder
    (whose mtime changes when a temporary file comes and goes)."""
    return {
        p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        if p.is_file()
        else (b"", 0)
        for p in sorted(out.rglob("*"))
    }


def _imported(tmp_path: Path) -> tuple[Path, dict[str, tuple[bytes, int]]]:
    """An output folder holding an earlier import of both WikiTimes inputs, and its tree."""
    out = tmp_path / "out"
    assert main(["import", "-q", "-f", "wikitimes", *map(str, WIKITIMES), "-o", str(out)]) == 0
    past = 1_000_000_000
    for path in out.rglob("*"):
        os.utime(path, ns=(past, past))
    return out, _tree(out)


def test_cli_lone_surrogate_is_a_located_skip_and_the_output_consistent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    good = '{"date": "2006-04-10", "headline": "Good"}'
    path = tmp_path / "e.json"
    path.write_text(f"[{good}]", encoding="utf-8")
    assert main(["import", "-q", "-f", "json", str(path), "-o", str(out)]) == 0
    path.write_text(
        f'[{good}, {{"date": "2006-04-11", "headline": "bad \\ud800"}},'
        '{"date": "2006-04-12", "headline": "Later"}]',
        encoding="utf-8",
    )
    assert main(["import", "-f", "json", str(path), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"sphinx-newsarc import: {path}: record 2 (/1/headline): invalid text: 'bad \\ud800' "
        "holds a lone surrogate, which is not a character and cannot be written as UTF-8 "
        "(record skipped)"
    ]
    assert "Skipped 1 records: 1 invalid text." in captured.out
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md")) == [
        "2006/2006-04-10.md",
        "2006/2006-04-12.md",
        "index.md",
    ]
    assert "2006/2006-04-12" in (out / "index.md").read_text(encoding="utf-8")


def test_unencodable_page_writes_nothing(tmp_path: Path) -> None:
    out, before = _imported(tmp_path)
    summary = import_events(WIKITIMES[:1], out, format="wikitimes", title="bad \udcff")
    assert not summary.ok
    assert summary.output_error.startswith(f"{out / 'index.md'}: cannot be written as UTF-8")
    assert _tree(out) == before


def test_long_ids_get_bounded_unique_file_names(tmp_path: Path) -> None:
    from sphinx_newsarc.importer.pages import MAX_STEM_BYTES

    path = tmp_path / "e.json"
    ids = ["a" * 300, "a" * 299 + "b", "A" * 300]
    path.write_text(
        json.dumps(
            [{"date": "2006-04-10", "headline": f"h{n}", "id": i} for n, i in enumerate(ids)]
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["import", "-q", "-f", "json", str(path), "-o", str(out), "--split", "event"]) == 0
    pages = sorted(p.name for p in (out / "2006").iterdir())
    assert len(pages) == 3
    assert len({p.casefold() for p in pages}) == 3
    assert all(len(p.encode()) <= MAX_STEM_BYTES + len("-2.md") for p in pages)
    index = (out / "index.md").read_text(encoding="utf-8")
    assert all(f"2006/{p.removesuffix('.md')}\n" in index for p in pages)


@pytest.mark.parametrize("where", ["file", "under a file"])
def test_cli_out_that_is_not_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    file = tmp_path / "events.md"
    file.write_text("# mine\n", encoding="utf-8")
    out = file if where == "file" else file / "sub"
    before = _tree(tmp_path)
    assert main(["import", "-f", "json", str(DATA / "bad.json"), "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"sphinx-newsarc import: error: the output folder {out} "
        + ("is not a folder" if where == "file" else f"cannot be made: {file} is not a folder")
        + "; nothing was written"
    ]
    assert captured.out == ""
    assert _tree(tmp_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_cli_read_only_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, before = _imported(tmp_path)
    out.chmod(0o555)
    try:
        assert main(["import", "-f", "wikitimes", str(WIKITIMES[0]), "-o", str(out)]) == 1
        assert capsys.readouterr().err.splitlines() == [
            f"sphinx-newsarc import: error: the output folder {out} is not writable; "
            "nothing was written"
        ]
        assert _tree(out) == before
    finally:
        out.chmod(0o755)


def _failing_mkstemp(monkeypatch: pytest.MonkeyPatch, error: BaseException, at: int) -> list[int]:
    """Make the ``at``-th temporary file of a write raise ``error``; count the calls."""
    import tempfile

    real = tempfile.mkstemp
    calls = [0]

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        calls[0] += 1
        if calls[0] == at:
            raise error
        return real(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    return calls


def test_cli_write_failure_midway_rolls_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot take a file (full disk, read-only subfolder) changes nothing."""
    out, _ = _imported(tmp_path)
    (out / "2001" / "2001-01-01.md").write_text(  # a changed page to overwrite
        f"{MARKER}\nold\n", encoding="utf-8"
    )
    os.utime(out / "2001" / "2001-01-01.md", ns=(1, 1))
    before = _tree(out)
    # a changed page, index.md and entities.md, stale pages (2014): staging fails midway
    calls = _failing_mkstemp(monkeypatch, OSError(28, "No space left on device"), 3)
    assert main(["import", "-f", "wikitimes", str(WIKITIMES[0]), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith("sphinx-newsarc import: error: ")
    assert err[0].endswith(": cannot be written: No space left on device; nothing was written")
    assert calls == [3]
    assert _tree(out) == before


@pytest.mark.parametrize("at", [1, 3, 5])  # a page staged; the first, a later stale page
def test_cli_ctrl_c_while_staging_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, at: int
) -> None:
    out, before = _imported(tmp_path)
    _failing_mkstemp(monkeypatch, KeyboardInterrupt(), at)
    assert main(["import", "-f", "wikitimes", str(WIKITIMES[0]), "-o", str(out)]) == 130
    captured = capsys.readouterr()
    assert captured.err.splitlines() == ["sphinx-newsarc import: interrupted; nothing was written"]
    assert captured.out == ""
    assert _tree(out) == before


def test_cli_ctrl_c_while_committing_finishes_the_renames(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals reach the main thread only")
    handler = signal.getsignal(signal.SIGINT)  # tox may start the tests with SIGINT ignored
    expected = tmp_path / "expected"
    import_events(WIKITIMES[:1], expected, format="wikitimes")
    out, _ = _imported(tmp_path)
    real = Path.replace

    def replace(self: Path, target: Path) -> Path:
        if self.name.endswith(".tmp"):  # Ctrl-C as a page is renamed into place
            os.kill(os.getpid(), signal.SIGINT)
        return real(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    assert main(["import", "-f", "wikitimes", str(WIKITIMES[0]), "-o", str(out)]) == 130
    assert capsys.readouterr().err.splitlines() == [
        "sphinx-newsarc import: interrupted after every file was written"
    ]
    assert {k: v[0] for k, v in _tree(out).items()} == {k: v[0] for k, v in _tree(expected).items()}
    assert signal.getsignal(signal.SIGINT) is handler
