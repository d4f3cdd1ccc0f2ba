"""Command line: ``isnad run INPUT... --out DIR``.

Exit status: 0 when every page was read and processed, 1 when at least one
page became an error row (the rest of the output is complete), 2 for a
usage error or when the output could not be written.
"""
from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from . import read, store

EXIT_OK, EXIT_PAGE_ERRORS, EXIT_FAILURE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="isnad",
        description="Who said what, about whom, when, and according to whom, from Arabic news pages.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "run",
        help="process pages into articles, statements and events",
        description="Read pages (.txt, .html, .jsonl, .json, .zip, .parquet, .warc, folders, '-' for stdin) "
        "and write articles.jsonl, statements.jsonl, events.jsonl, stories.jsonl, claims.jsonl, "
        "documents.jsonl, errors.jsonl, warnings.jsonl and isnad.duckdb into DIR.",
        epilog="Exit status: 0 all pages processed; 1 some pages failed (see errors.jsonl); "
        "2 usage error or output not written.",
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, or - for standard input")
    run.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    run.add_argument("--workers", type=int, default=0, help="worker processes (default: up to 2)")
    run.add_argument(
        "--max-page-mb", type=float, default=read.MAX_PAGE_BYTES / 2**20,
        help="pages larger than this are error rows (default: %(default)s)",
    )
    run.add_argument(
        "--format", dest="formats", default=",".join(store.DEFAULT_FORMATS), type=_formats,
        help=f"comma-separated output formats among {', '.join(store.FORMATS)} (default: %(default)s)",
    )
    run.add_argument("--engine", choices=("local", "ray"), default="local",
                     help="local processes (default) or Ray Data (pip install 'isnad[ray]')")
    run.add_argument("--ray-address", metavar="ADDR", default=None,
                     help="address of an existing Ray cluster (default: start a local Ray instance)")
    run.add_argument(
        "--checkpoint-seconds", type=float, default=2.0, metavar="S",
        help="how often a run records how far it got, to resume after a kill (default: %(default)s)",
    )
    run.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="progress bar (default: when standard error is a terminal)")
    run.add_argument("--corpus", action=argparse.BooleanOptionalAction, default=True,
                     help="link pages: copies, stories, claims, entities (default: yes; "
                     "--no-corpus writes the per-page tables only)")
    run.add_argument(
        "--field", dest="fields", action="append", default=[], type=_field, metavar="FIELD=KEY",
        help=f"read FIELD of JSON/JSONL/Parquet records from KEY (a dotted KEY reads nested objects), "
        f"before the usual names; FIELD is one of {', '.join(read.MAPPABLE_FIELDS)}; repeatable "
        f"(e.g. --field published=date_pub --field outlet=paper)",
    )
    run.add_argument("--published", type=_iso_date, default=None, metavar="DATE",
                     help="publication date (YYYY-MM-DD) of pages that give none, "
                     "labelled published_source=fallback")
    export = commands.add_parser(
        "export", help="write the events of a run folder in another layout",
        description="Write the events of DIR (the output folder of `isnad run`) as JSON Lines in "
        "the PLOVER layout: one event a line, PLOVER field names, CAMEO code and status beside.",
    )
    export.add_argument("--format", dest="export_format", choices=("plover",), default="plover",
                        help="output layout (default: %(default)s)")
    export.add_argument("dir", type=Path, metavar="DIR", help="output folder of `isnad run`")
    export.add_argument("-o", "--output", default="-", metavar="FILE",
                        help="file to write (default: standard output)")
    serve = commands.add_parser(
        "serve", help="read-only web view of a run",
        description="Serve a read-only web view of DIR/isnad.duckdb: stories, claims, speakers, articles, "
        "search; JSON under /api (see docs/web.md).",
    )
    serve.add_argument("dir", type=Path, metavar="DIR", help="output folder of a run")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    serve.add_argument("--port", type=int, default=8765, help="port (default: %(default)s)")
    return parser


def _field(value: str) -> tuple[str, str]:
    try:
        return read.parse_field_option(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _iso_date(value: str) -> str:
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in store.FORMATS]
    if unknown or not formats:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(store.FORMATS)}")
    return formats


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "run":
        return _run(args)
    if args.command == "export":
        return _export(args)
    if args.command == "serve":
        return _serve(args)
    return EXIT_FAILURE


def _serve(args: argparse.Namespace) -> int:
    from .web import serve

    try:
        serve(args.dir, host=args.host, port=args.port)
    except FileNotFoundError as e:
        print(f"isnad: {e}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .events_plover import export_plover

    if not (args.dir / "events.jsonl").is_file():
        print(f"isnad: no events.jsonl in {args.dir}", file=sys.stderr)
        return EXIT_FAILURE
    try:
        n = export_plover(args.dir, args.output)
    except OSError as e:
        print(f"isnad: cannot write {args.output}: {e}", file=sys.stderr)
        return EXIT_FAILURE
    print(f"isnad: {n} events written in the PLOVER layout", file=sys.stderr)
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    from .pipeline import run

    read.MAX_PAGE_BYTES = int(args.max_page_mb * 2**20)
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        summary = run(
            args.inputs, args.out, workers=args.workers, progress=progress, formats=args.formats,
            checkpoint_seconds=args.checkpoint_seconds, engine=args.engine, ray_address=args.ray_address,
            corpus=args.corpus, read_options=read.ReadOptions(tuple(args.fields), args.published),
        )
    except ImportError as e:
        print(f"isnad: {e.name or e} is not installed; for --engine ray: pip install 'isnad[ray]'", file=sys.stderr)
        return EXIT_FAILURE
    except (store.OutputBusy, ValueError) as e:
        print(f"isnad: {e}", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as e:
        print(f"isnad: cannot write output to {args.out}: {e}", file=sys.stderr)
        return EXIT_FAILURE
    print(summary.line(args.out), file=sys.stderr)
    return EXIT_PAGE_ERRORS if summary.errors else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
