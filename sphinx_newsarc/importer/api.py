"""The public Python API of the importer: read inputs, render pages, write them, summarise.

>>> from sphinx_newsarc.importer import import_events
>>> summary = import_events(["events.json"], "docs/events", format="json")  # doctest: +SKIP
>>> print(summary.report())  # doctest: +SKIP
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from ..core.text import name_key
from .generic import read_csv, read_json, read_jsonl
from .merge import Collection, merge
from .pages import LAYOUTS, SPLITS, render_pages
from .records import Batch, InputError, Problem, Problems, clean_line
from .wikitimes import read_wikitimes
from .writer import OutputError, WriteReport, check_out, sync_pages

__all__ = [
    "FORMATS",
    "SPLITS",
    "ImportSummary",
    "import_events",
    "read_inputs",
    "read_one",
]

#: The input formats ``--format`` accepts.
FORMATS = ("json", "jsonl", "csv", "wikitimes")

StrPath = str | PathLike[str]


def read_one(
    path: StrPath,
    format: str,
    problems: Problems,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    progress: Callable[[int], None] | None = None,
) -> Batch:
    """Read one input; raise :class:`InputError` when it cannot be read at all."""
    file = Path(path)
    if format == "json":
        return read_json(file, problems, encoding=encoding, progress=progress)
    if format == "jsonl":
        return read_jsonl(file, problems, encoding=encoding, progress=progress)
    if format == "csv":
        return read_csv(file, problems, encoding=encoding, delimiter=delimiter, progress=progress)
    if format == "wikitimes":
        return read_wikitimes(file, problems, encoding=encoding, progress=progress)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")


def read_inputs(
    paths: Iterable[StrPath],
    format: str,
    problems: Problems,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    progress: Callable[[int], None] | None = None,
) -> tuple[Collection, list[str]]:
    """Read every input and merge them; also return the errors of unreadable inputs."""
    batches: list[Batch] = []
    errors: list[str] = []
    for path in paths:
        try:
            batches.append(
                read_one(
                    path,
                    format,
                    problems,
                    encoding=encoding,
                    delimiter=delimiter,
                    progress=progress,
                )
            )
        except InputError as error:
            errors.append(str(error))
    return merge(batches, problems), errors


@dataclass(slots=True)
class ImportSummary:
    """The outcome of an import: counts, problems, and what happened to each file."""

    out: str
    split: str
    records: int = 0
    events: int = 0
    entities: int = 0
    entity_names: int = 0
    sources: int = 0
    pages: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    files: WriteReport = field(default_factory=WriteReport)
    input_errors: list[str] = field(default_factory=list)
    output_error: str = ""
    dry_run: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether every input could be read and the output written (records may still
        have been skipped)."""
        return not self.input_errors and not self.output_error

    @property
    def skipped_records(self) -> int:
        """How many records were skipped, for any reason."""
        return sum(self.skipped.values())

    def report(self) -> str:
        """The summary as a few lines of text."""
        if self.output_error:
            return f"Nothing written: {self.output_error}."
        if self.input_errors:
            lines = [f"Nothing written: {len(self.input_errors)} input(s) could not be read."]
            lines.extend(f"  {error}" for error in self.input_errors)
            return "\n".join(lines)
        verb = "Would write" if self.dry_run else "Wrote"
        lines = [
            f"{verb} {self.events} events, {self.entities} entities and {self.sources} "
            f"sources from {self.records} records into {self.out} "
            f"({self.pages} pages, split by {self.split}; {self.entity_names} entity names).",
            f"Files: {len(self.files.written)} written, {len(self.files.unchanged)} unchanged, "
            f"{len(self.files.deleted)} deleted, {len(self.files.foreign)} kept "
            f"(not written by the importer).",
        ]
        if self.skipped:
            counts = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
            lines.append(f"Skipped {self.skipped_records} records: {counts}.")
        else:
            lines.append("Skipped no records.")
        if self.warnings:
            counts = ", ".join(f"{n} {reason}" for reason, n in sorted(self.warnings.items()))
            lines.append(f"Imported with repairs: {counts}.")
        lines.append(f"Took {self.seconds:.2f} s.")
        return "\n".join(lines)


def import_events(
    inputs: Iterable[StrPath],
    out: StrPath,
    *,
    format: str,
    split: str = "day",
    title: str = "Events",
    layout: str = "toctree",
    encoding: str = "utf-8",
    delimiter: str = ",",
    dry_run: bool = False,
    on_problem: Callable[[Problem], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Import ``inputs`` (all in one ``format``) as MyST pages under ``out``, in the
    ``layout`` of :func:`~.pages.render_pages`.

    ``on_problem`` is called with each problem as it is met; ``on_progress`` with the
    number of records read so far, after every record. When an input cannot be read,
    nothing is written (so pages of a missing input are not deleted as stale) and
    :attr:`ImportSummary.input_errors` says why; when ``out`` is not a writable folder or a
    page cannot be written, nothing is written either and
    :attr:`ImportSummary.output_error` says why. Ctrl-C (``KeyboardInterrupt``) leaves
    ``out`` unchanged, or, when it comes during the final renames,
    :class:`~.writer.Interrupted` is raised after they are done.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    started = time.perf_counter()
    out_dir = Path(out)
    try:
        check_out(out_dir)  # before reading: an unusable folder is told at once
    except OutputError as error:
        return ImportSummary(
            out=str(out_dir),
            split=split,
            dry_run=dry_run,
            output_error=str(error),
            seconds=time.perf_counter() - started,
        )
    problems = Problems(listener=on_problem)
    read = 0

    def progress(step: int) -> None:
        nonlocal read
        read += step
        if on_progress is not None:
            on_progress(read)

    collection, errors = read_inputs(
        inputs, format, problems, encoding=encoding, delimiter=delimiter, progress=progress
    )
    summary = ImportSummary(
        out=str(out_dir),
        split=split,
        dry_run=dry_run,
        input_errors=errors,
        records=collection.records,
    )
    if not errors:
        pages = render_pages(
            collection, split=split, title=clean_line(title) or "Events", layout=layout
        )

        def foreign(rel: str) -> None:
            problems.warn(
                str(out_dir / rel),
                "foreign file",
                "the file exists and was not written by the importer (its first "
                "line is not the marker); left unchanged",
            )

        try:
            summary.files = sync_pages(pages, out_dir, dry_run=dry_run, on_foreign=foreign)
        except OutputError as error:
            summary.output_error = str(error)
        summary.pages = len(pages)
        summary.events = len(collection.events)
        summary.entities = len(collection.entities)
        summary.sources = collection.sources
        keys = {name_key(n) for e in collection.events for n in e.entities}
        for entity in collection.entities:
            keys.add(name_key(entity.name))
            keys.difference_update(name_key(a) for a in entity.aliases)
        summary.entity_names = len(keys)
    summary.skipped = problems.skipped
    summary.warnings = problems.warnings
    summary.problems = problems.items
    summary.seconds = time.perf_counter() - started
    return summary
