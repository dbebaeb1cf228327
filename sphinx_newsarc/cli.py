"""The ``sphinx-newsarc`` command: ``sphinx-newsarc import ...`` (more subcommands may follow)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

__all__ = ["build_parser", "main"]

#: Report progress every this many records (never for smaller inputs).
PROGRESS_EVERY = 1000
#: The exit code after Ctrl-C (128 + SIGINT, as shells report it).
INTERRUPTED = 130


def _add_import(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .importer import FORMATS, SPLITS

    parser = subparsers.add_parser(
        "import",
        help="turn JSON, JSONL, CSV or WikiTimes exports into MyST event pages",
        description=(
            "Read event records and write them as MyST pages of 'event' and 'entity' "
            "directives, with an index.md holding a toctree. Re-running rewrites only "
            "changed files and never touches a file the importer did not write."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="input file(s), one format")
    parser.add_argument("--format", "-f", required=True, choices=FORMATS, help="input format")
    parser.add_argument(
        "--out", "-o", required=True, metavar="DIR", help="output directory (created if needed)"
    )
    parser.add_argument(
        "--split", choices=SPLITS, default="day", help="one page per day (default), month or event"
    )
    parser.add_argument(
        "--layout",
        choices=("toctree", "archive"),
        default="toctree",
        help="toctree (default): index.md lists every page; archive: the "
        "project sets newsarc_dated_pages = 'archive' and index.md lists "
        "the entities only",
    )
    parser.add_argument(
        "--title", default="Events", help="title of DIR/index.md (default: %(default)s)"
    )
    parser.add_argument(
        "--encoding",
        default="utf-8",
        help="text encoding of the inputs (default: %(default)s; a BOM is ignored)",
    )
    parser.add_argument(
        "--delimiter", default=",", help="CSV cell delimiter (default: %(default)r)"
    )
    parser.add_argument(
        "--dry-run", "-n", action="store_true", help="report what would be written, change nothing"
    )
    parser.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="no progress and no summary; problems are still reported",
    )
    parser.set_defaults(handler=_run_import)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sphinx-newsarc`` with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="sphinx-newsarc", description="Tools for sphinx-newsarc news archives."
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_import(subparsers)
    return parser


def _progress_printer(stream: TextIO) -> Callable[[int], None]:
    def show(records: int) -> None:
        if records % PROGRESS_EVERY == 0:
            print(f"sphinx-newsarc import: {records} records read", file=stream, flush=True)

    return show


def _run_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .importer import Interrupted, Problem, import_events

    if len(args.delimiter) != 1:
        print("sphinx-newsarc import: --delimiter must be one character", file=err)
        return 2

    def problem(item: Problem) -> None:
        print(f"sphinx-newsarc import: {item}", file=err)

    try:
        summary = import_events(
            args.inputs,
            args.out,
            format=args.format,
            split=args.split,
            title=args.title,
            layout=args.layout,
            encoding=args.encoding,
            delimiter=args.delimiter,
            dry_run=args.dry_run,
            on_problem=problem,
            on_progress=None if args.quiet else _progress_printer(err),
        )
    except Interrupted:
        print("sphinx-newsarc import: interrupted after every file was written", file=err)
        return INTERRUPTED
    except KeyboardInterrupt:
        print("sphinx-newsarc import: interrupted; nothing was written", file=err)
        return INTERRUPTED
    if summary.output_error:
        print(
            f"sphinx-newsarc import: error: {summary.output_error}; nothing was written", file=err
        )
        return 1
    if not summary.ok:
        for error in summary.input_errors:
            print(f"sphinx-newsarc import: error: {error}", file=err)
        print("sphinx-newsarc import: nothing was written", file=err)
        return 1
    if not args.quiet:
        print(summary.report(), file=out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sphinx-newsarc``; return the exit code (0; 1 unreadable input or unusable
    output folder; 2 usage; 130 interrupted)."""
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    handler: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.handler
    return handler(args, sys.stdout, sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
