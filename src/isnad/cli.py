"""Command line: ``isnad run INPUT... --out DIR``.

Exit status: 0 when every page was read and processed, 1 when at least one
page became an error row (the rest of the output is complete), 2 for a
usage error or when the output could not be written (a full disk, a
database or corpus step failure, SIGINT or SIGTERM): one ``isnad:`` line
says why, and an interrupted run resumes when started again.

Modules are imported when a command needs them, so that ``isnad --version``
and ``--help`` answer at once and a Ctrl-C during start-up is one line too.
"""
from __future__ import annotations

import argparse
import datetime
import logging
import os
import signal
import sys
from pathlib import Path

from . import __version__
from .options import DEFAULT_FORMATS, FORMATS, MAPPABLE_FIELDS, RunOptions, cpu_count

EXIT_OK, EXIT_PAGE_ERRORS, EXIT_FAILURE = 0, 1, 2
STDOUT = "-"  # --out -: statements as JSON Lines on standard output


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="isnad",
        description="Who said what, about whom, when, and according to whom, from Arabic news pages.",
    )
    parser.add_argument("--version", action="version", version=f"isnad {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    loudness = common.add_mutually_exclusive_group()
    loudness.add_argument("-v", "--verbose", action="count", default=0,
                          help="say more on standard error: what each stage does, each error row (-vv: debug)")
    loudness.add_argument("-q", "--quiet", action="store_true",
                          help="print only errors: no summary line, no progress bar")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "run", parents=[common],
        help="process pages into articles, statements and events",
        description="Read pages (.txt, .html, .jsonl, .json, .zip, .parquet, .warc, .rss, .atom, feeds in .xml, "
        "folders, '-' for stdin) and write articles.jsonl, statements.jsonl, events.jsonl, stories.jsonl, "
        "claims.jsonl, documents.jsonl, errors.jsonl, warnings.jsonl and isnad.duckdb into DIR.",
        epilog="Exit status: 0 all pages processed; 1 some pages failed (see errors.jsonl); "
        "2 usage error, output not written, or stopped (Ctrl-C: the same command resumes).",
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, or - for standard input")
    run.add_argument("--out", required=True, metavar="DIR",
                     help="output folder; '-' writes the statements as JSON Lines to standard output as pages "
                     "are read (per-page steps only: no corpus step, no other table, nothing to resume)")
    run.add_argument("--workers", type=_positive_int, default=0, metavar="N",
                     help=f"worker processes (default: one per CPU, {cpu_count()} here)")
    run.add_argument(
        "--max-page-mb", type=_positive, default=RunOptions.max_page_bytes / 2**20,
        help="pages larger than this are error rows (default: %(default)s)",
    )
    run.add_argument(
        "--format", dest="formats", default=None, type=_formats,
        help=f"comma-separated output formats among {', '.join(FORMATS)} (default: {','.join(DEFAULT_FORMATS)})",
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
                     help="progress bars of the pages, the corpus step and the database, with totals and "
                     "times left (default: when standard error is a terminal)")
    run.add_argument("--lexicon-dir", metavar="DIR", default=None,
                     help="folder of lexicon files (actors.tsv, roles.tsv, ...) that replace the packaged ones")
    run.add_argument("--corpus", action=argparse.BooleanOptionalAction, default=True,
                     help="link pages: copies, stories, claims, entities (default: yes; "
                     "--no-corpus writes the per-page tables only)")
    run.add_argument(
        "--field", dest="fields", action="append", default=[], type=_field, metavar="FIELD=KEY",
        help=f"read FIELD of JSON/JSONL/Parquet records from KEY (a dotted KEY reads nested objects), "
        f"before the usual names; FIELD is one of {', '.join(MAPPABLE_FIELDS)}; repeatable "
        f"(e.g. --field published=date_pub --field outlet=paper)",
    )
    run.add_argument("--published", type=_iso_date, default=None, metavar="DATE",
                     help="publication date (YYYY-MM-DD) of pages that give none, "
                     "labelled published_source=fallback")
    export = commands.add_parser(
        "export", parents=[common], help="write the events of a run folder in another layout",
        description="Write the events of DIR (the output folder of `isnad run`) in the PLOVER layout "
        "(JSON Lines: one event a line, PLOVER field names, CAMEO code and status beside) or as a "
        "POLECAT-style table (tab-separated, one event a row).",
    )
    export.add_argument("--format", dest="export_format", choices=("plover", "polecat"), default="plover",
                        help="output layout (default: %(default)s)")
    export.add_argument("dir", type=Path, metavar="DIR", help="output folder of `isnad run`")
    export.add_argument("-o", "--output", default="-", metavar="FILE",
                        help="file to write (default: standard output)")
    explain = commands.add_parser(
        "explain", parents=[common], help="show which rules made or dropped each statement of a text",
        description="Read TEXT (or the file it names, or standard input with -) as one article and print "
        "its statements with the statement pattern and the speaker rule that made each, and the cues "
        "a pattern dropped with the reason.",
    )
    explain.add_argument("text", metavar="TEXT", help="Arabic text, a file path, or - for standard input")
    explain.add_argument("--published", metavar="DATE", default=None,
                         help="publication date (YYYY-MM-DD) for relative dates and roles held for a time")
    explain.add_argument("--lexicon-dir", metavar="DIR", default=None, help="as for isnad run")
    explain.add_argument("--json", action="store_true", help="print the statements and the trace as JSON")
    serve = commands.add_parser(
        "serve", parents=[common], help="read-only web view of a run",
        description="Serve a read-only web view of DIR/isnad.duckdb: what is contested, claims, stories, "
        "speakers, articles, search, charts, CSV and JSON Lines exports; JSON under /api (see docs/web.md). "
        "A new run written to DIR is picked up without a restart.",
    )
    serve.add_argument("dir", type=Path, metavar="DIR", help="output folder of a run")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to bind (default: %(default)s; any other prints a warning)")
    serve.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                       help="a host name readers use to reach the server (repeatable; besides localhost "
                       "and the --host address, every other Host header is refused)")
    serve.add_argument("--port", type=int, default=8765, help="port (default: %(default)s)")
    return parser


def _field(value: str) -> tuple[str, str]:
    from .read import parse_field_option

    try:
        return parse_field_option(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _iso_date(value: str) -> str:
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(FORMATS)}")
    return formats


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _positive(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0:
        raise argparse.ArgumentTypeError(f"not a positive number: {value!r}")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose, args.quiet)
    commands = {"run": _run, "export": _export, "serve": _serve, "explain": _explain}
    try:
        if args.command == "run" and args.out == STDOUT and args.formats:
            parser.error("--format does not apply to --out - (statements as JSON Lines on standard output)")
        return commands[args.command](args)
    except KeyboardInterrupt:  # before a command installs its own handling, or in one that has none
        return _fail("stopped by SIGINT")


_LOG_HANDLER = "isnad-cli"


def configure_logging(verbose: int, quiet: bool) -> None:
    """Log records on standard error, one line each: isnad's own from WARNING
    (INFO with -v, DEBUG with -vv), other libraries' from WARNING; only
    errors with -q.  Called again (tests call :func:`main` many times), it
    replaces its handler."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == _LOG_HANDLER]:
        root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_LOG_HANDLER)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    handler.setLevel(logging.ERROR if quiet else logging.NOTSET)
    root.addHandler(handler)
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    logging.getLogger("isnad").setLevel(logging.ERROR if quiet else level)


def _is_file(value: str) -> bool:
    """Whether ``value`` names a readable file (an Arabic sentence is not one)."""
    try:
        return "\n" not in value and Path(value).is_file()
    except (OSError, ValueError):
        return False


def _explain(args: argparse.Namespace) -> int:
    import json

    from .lexicon import Lexicon
    from .statements import explain

    text = args.text
    if text == "-":
        text = sys.stdin.read()
    elif _is_file(text):
        text = Path(text).read_text(encoding="utf-8")
    try:
        lexicon = Lexicon.at(str(Path(args.lexicon_dir).resolve()) if args.lexicon_dir else None)
    except ValueError as e:
        print(f"isnad: {e}", file=sys.stderr)
        return EXIT_FAILURE
    statements, trace = explain(text, lexicon, published=args.published)
    if args.json:
        print(json.dumps({"statements": statements, "trace": [vars(e) for e in trace.entries]},
                         ensure_ascii=False, indent=1))
        return EXIT_OK
    for entry in trace.entries:
        span = f"[{entry.span[0]}:{entry.span[1]}]"
        if entry.outcome == "made":
            st = next((s for s in statements if tuple(s["cue_span"]) == tuple(entry.span)), None)
            said = f"{st['speaker']['name_ar'] or st['speaker']['name']} ({st['speaker']['kind']}), " \
                   f"{st['stance']}: {st['content'][:80]}" if st else ""
            print(f"{span} {entry.cue}: made by {entry.rule}, {entry.detail} -> {said}")
        else:
            print(f"{span} {entry.cue}: dropped by {entry.rule}: {entry.detail}")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from .web import serve
    from .web.data import RunOpenError

    try:
        serve(args.dir, host=args.host, port=args.port, allowed_hosts=args.allowed_host)
    except RunOpenError as e:
        print(f"isnad: {e}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .events_plover import export_events

    if not (args.dir / "events.jsonl").is_file():
        print(f"isnad: no events.jsonl in {args.dir}", file=sys.stderr)
        return EXIT_FAILURE
    try:
        n, undated = export_events(args.dir, args.output, args.export_format)
    except OSError as e:
        print(f"isnad: cannot write {args.output}: {e}", file=sys.stderr)
        return EXIT_FAILURE
    left_out = f"; {undated} without any date left out" if undated else ""
    print(f"isnad: {n} events written in the {args.export_format.upper()} layout{left_out}", file=sys.stderr)
    return EXIT_OK


class Interrupted(BaseException):
    """SIGINT or SIGTERM reached the run.  Like ``KeyboardInterrupt`` it is
    no ``Exception``, so no step that turns a page's failure into an error
    row can take it for one."""


class StopSignals:
    """While a run goes on, SIGINT and SIGTERM stop it by raising
    :class:`Interrupted` (once: a second signal does not interrupt its
    cleanup), and :attr:`received` remembers which came, since a library
    busy in C code may turn the exception into its own (DuckDB raises
    "Query interrupted")."""

    def __init__(self):
        self.received: str | None = None

    def __enter__(self) -> StopSignals:
        self._previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        return self

    def _stop(self, signum: int, frame) -> None:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_IGN)
        self.received = signal.Signals(signum).name
        raise Interrupted(self.received)

    def __exit__(self, *exc) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)


def _run(args: argparse.Namespace) -> int:
    """``isnad run``: SIGINT and SIGTERM stop it with one line from the moment it starts."""
    with StopSignals() as stop:
        try:
            options = RunOptions(
                max_page_bytes=int(args.max_page_mb * 2**20), corpus=args.corpus, workers=args.workers,
                formats=args.formats or DEFAULT_FORMATS, checkpoint_seconds=args.checkpoint_seconds,
                engine=args.engine, ray_address=args.ray_address,
                progress=not args.quiet and (sys.stderr.isatty() if args.progress is None else args.progress),
                lexicon_dir=str(Path(args.lexicon_dir).resolve()) if args.lexicon_dir else None,
                fields=tuple(args.fields), published=args.published,
            )
            if args.out == STDOUT:
                return _stream(args, options, stop)
            return _run_into_folder(args, options, stop)
        except Interrupted as e:  # while starting
            return _fail(f"stopped by {e}; nothing published")


def _run_into_folder(args: argparse.Namespace, options: RunOptions, stop: StopSignals) -> int:
    import duckdb

    from .pipeline import CorpusStepFailed, run
    from .store import OutputBusy
    from .workers import WorkerDied

    resume = "; the same command resumes it"
    try:
        summary = run(args.inputs, Path(args.out), options)
    except Interrupted as e:
        return _fail(f"stopped by {e}; nothing published{resume}")
    except Exception as e:
        if stop.received:
            return _fail(f"stopped by {stop.received}; nothing published{resume}")
        if isinstance(e, ImportError):
            return _fail(f"{e.name or e} is not installed; for --engine ray: pip install 'isnad[ray]'")
        if isinstance(e, (OutputBusy, ValueError)):
            return _fail(str(e))
        if isinstance(e, CorpusStepFailed):
            return _fail(f"{e}; nothing published{resume}")
        if isinstance(e, WorkerDied):
            return _fail(f"{WORKER_DIED}; nothing published{resume}")
        if isinstance(e, duckdb.Error):
            return _fail(f"the database could not be written: {_first_line(e)}; nothing published{resume}")
        if isinstance(e, OSError):
            return _fail(f"cannot write output to {args.out}: {e.strerror or e}; nothing published{resume}")
        raise
    if not args.quiet:
        print(summary.line(args.out), file=sys.stderr)
    return EXIT_PAGE_ERRORS if summary.errors else EXIT_OK


def _stream(args: argparse.Namespace, options: RunOptions, stop: StopSignals) -> int:
    """``--out -``: statements as JSON Lines on standard output."""
    from .pipeline import stream_statements
    from .workers import WorkerDied

    try:
        summary = stream_statements(args.inputs, sys.stdout.buffer, options)
    except Interrupted as e:
        return _fail(f"stopped by {e}")
    except BrokenPipeError:  # the reader went away (`| head`): stop writing, quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _fail("standard output was closed; stopped")
    except Exception as e:
        if stop.received:
            return _fail(f"stopped by {stop.received}")
        if isinstance(e, WorkerDied):
            return _fail(WORKER_DIED)
        if isinstance(e, ImportError):
            return _fail(f"{e.name or e} is not installed; for --engine ray: pip install 'isnad[ray]'")
        if isinstance(e, ValueError):
            return _fail(str(e))
        raise
    if not args.quiet:
        print(summary.line("standard output"), file=sys.stderr)
    return EXIT_PAGE_ERRORS if summary.errors else EXIT_OK


WORKER_DIED = "a worker process died (killed from outside, or by the system for lack of memory)"


def _fail(message: str) -> int:
    print(f"isnad: {message}", file=sys.stderr)
    return EXIT_FAILURE


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


if __name__ == "__main__":
    sys.exit(main())
