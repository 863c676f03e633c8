"""The `experiences` command: thin subcommands over the stages."""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from . import __version__
from .settings import DASHBOARD_APP, DEFAULT_CORPUS, SAMPLE_INPUTS, Settings, configure_prefect


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        code = args.handler(args) or 0
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away ("experiences query ... | head"): not an error of ours. Point stdout at
        # devnull so that Python's own flush at exit does not complain a second time.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):  # no real file behind stdout (a test's capture): nothing to flush
            pass
        return 0
    except UserError as error:
        print(f"experiences {args.command}: {error}", file=sys.stderr)
        return error.code


class UserError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="experiences",
        description="Anonymised, validated, queryable evidence from microdosing self-reports.",
        epilog="Settings also come from environment variables; see README.md.")
    parser.add_argument("--version", action="version", version=f"experiences {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="run the whole pipeline offline on the bundled synthetic sample",
                               description="Run the whole pipeline on the bundled synthetic sample, then print a summary.")
    _data_options(demo)
    demo.set_defaults(handler=cmd_demo)

    run = commands.add_parser("run", help="run the pipeline on input files",
                              description="Ingest, anonymise, extract, validate, load and publish the given files: "
                                          "JSON Lines, JSON or CSV of Reddit objects or plain records, and Reddit "
                                          "dump files (RS_/RC_YYYY-MM.zst). A run stopped half-way resumes each "
                                          "file where it stopped.")
    run.add_argument("--input", action="append", default=[], metavar="PATH", help="an input file; repeat for more")
    run.add_argument("--subreddit", action="append", default=[], metavar="NAME",
                     help="collect this subreddit live from Reddit with praw (new submissions and their comment "
                          "trees since the last run); repeat for more")
    run.add_argument("--keep-subreddit", action="append", metavar="NAME",
                     help="dump files: keep this subreddit (repeat; default EXPERIENCES_SUBREDDITS or microdosing)")
    run.add_argument("--keyword", action="append", metavar="WORD",
                     help="dump files: keep only records containing one of these words (repeat)")
    run.add_argument("--max-error-rate", type=float, metavar="SHARE",
                     help="dump files: share of unparseable lines tolerated (default 0.01)")
    run.add_argument("--task-runner", choices=("threads", "dask"), default="threads",
                     help="where files are extracted: one background thread (default) or a Dask cluster")
    run.add_argument("--dask-address", metavar="ADDRESS",
                     help="scheduler of an existing Dask cluster (default: start a local one)")
    _data_options(run)
    run.set_defaults(handler=cmd_run)

    extract = commands.add_parser("extract", help="extract doses, schedules and effects from JSON Lines",
                                  description="Read JSON Lines objects with id, text (and optional title, created_utc); "
                                              "write one extraction record per input line, in order.")
    extract.add_argument("input", nargs="?", default="-", help="input JSON Lines file (default: standard input)")
    extract.add_argument("-o", "--output", default="-", help="output JSON Lines file (default: standard output)")
    extract.set_defaults(handler=cmd_extract)

    dashboard = commands.add_parser("dashboard", help="open the moderators' dashboard on the published snapshot",
                                    description="Start the Streamlit dashboard on the read-only snapshot.")
    dashboard.add_argument("--port", type=int, default=8501, help="port to serve on (default 8501)")
    dashboard.add_argument("--snapshot", help="snapshot file (default: DATA/snapshot.duckdb)")
    _data_options(dashboard, db=False)
    dashboard.set_defaults(handler=cmd_dashboard)

    serve = commands.add_parser("serve", help="serve the scheduled pipeline deployment to a Prefect server",
                                description="Serve the `pipeline` deployment on a cron schedule. Needs a running "
                                            "Prefect server (`prefect server start`) and PREFECT_API_URL.")
    serve.add_argument("--input", action="append", default=[], metavar="PATH",
                       help="an input file the scheduled runs read; repeat for more")
    serve.add_argument("--subreddit", action="append", default=[], metavar="NAME",
                       help="a subreddit the scheduled runs collect live; repeat for more")
    serve.add_argument("--cron", help="cron schedule (default: EXPERIENCES_CRON or '0 3 * * *')")
    _data_options(serve)
    serve.set_defaults(handler=cmd_serve)

    evaluate = commands.add_parser("evaluate", help="score the extractor against hand labels",
                                   description="Print precision, recall and F1 per field at report level (doses on "
                                               "unit, low and high; schedules on id; effects on id with status "
                                               "present; substances on id) and the share of gold negated or "
                                               "hypothetical effects called present, each with a 95% bootstrap "
                                               "interval over reports and whether it meets its target.")
    evaluate.add_argument("gold", help="gold labels, JSON Lines (id, doses, schedules, effects), e.g. "
                                       "benchmarks/gold/dev_gold.jsonl")
    evaluate.add_argument("input", nargs="?", help="the posts the gold set labels, JSON Lines with id, title, text "
                                                   f"(default: {DEFAULT_CORPUS})")
    evaluate.add_argument("--resamples", type=int, default=2000, metavar="N",
                          help="bootstrap resamples of the reports for the 95%% intervals (default: 2000; 0: none)")
    evaluate.add_argument("--by-effect", action="store_true",
                          help="also print precision, recall and F1 of each effect id (status present)")
    evaluate.set_defaults(handler=cmd_evaluate)

    query = commands.add_parser("query", help="run read-only SQL against the warehouse",
                                description="Run one read-only SQL statement against the warehouse and print the rows.")
    query.add_argument("sql", help='the SQL, e.g. "SELECT effect, count(*) FROM effect_mentions GROUP BY 1"')
    query.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    _data_options(query)
    query.set_defaults(handler=cmd_query)

    export = commands.add_parser("export", help="export the warehouse's tables for researchers (Parquet, CSV)",
                                 description="Export reports, dose_mentions, schedule_mentions, effect_mentions "
                                             "and pipeline_runs, exactly as the warehouse holds them (author "
                                             "pseudonyms, never usernames). Parquet: one folder per table, "
                                             "partitioned by the month of the report (month=2023-01/, "
                                             "month=unknown/ when undated). CSV: one file per table with a "
                                             "header row. The warehouse is opened read-only.")
    export.add_argument("--parquet", metavar="DIR", help="write Parquet folders into DIR")
    export.add_argument("--csv", metavar="DIR", help="write CSV files into DIR")
    export.add_argument("--overwrite", action="store_true",
                        help="replace an earlier export in a folder that is not empty (other files stay)")
    _data_options(export)
    export.set_defaults(handler=cmd_export)
    return parser


def _data_options(parser: argparse.ArgumentParser, db: bool = True) -> None:
    parser.add_argument("--data", metavar="DIR", help="data folder (default: EXPERIENCES_DATA or ./data)")
    if db:
        parser.add_argument("--db", metavar="PATH", help="DuckDB warehouse file (default: EXPERIENCES_DB or DATA/experiences.duckdb)")


def _settings(args) -> Settings:
    return Settings.from_env(db=getattr(args, "db", None), data_dir=getattr(args, "data", None))


def _run_pipeline(settings: Settings, inputs: list[str], runner: str = "threads", dask_address: str | None = None,
                  collect: list[str] = (), **options) -> dict:
    from .sources.dumps import DumpError
    from .sources.files import IngestError
    from .sources.reddit import RedditError
    from .validate import ValidationFailed
    from .warehouse import WarehouseError
    missing = [p for p in inputs if not Path(p).is_file()]
    if missing:
        raise UserError(f"no such input file: {', '.join(missing)}", 2)
    configure_prefect(settings)
    print("starting Prefect (a temporary local server: about 5-15 s) ...", file=sys.stderr, flush=True)
    from flows.pipeline import pipeline_on
    try:
        return pipeline_on(runner, dask_address)(inputs=[str(Path(p).absolute()) for p in inputs],
                                                 collect=list(collect), db=str(settings.db_path),
                                                 data_dir=str(settings.data_dir),
                                                 **{k: v for k, v in options.items() if v is not None})
    except (IngestError, DumpError, RedditError, ValidationFailed, WarehouseError) as error:
        raise UserError(str(error)) from None


def cmd_run(args) -> int:
    settings = _settings(args)
    if not (args.input or args.subreddit):
        raise UserError("nothing to do: give --input FILE and/or --subreddit NAME", 2)
    if args.max_error_rate is not None and not 0 <= args.max_error_rate <= 1:
        raise UserError("--max-error-rate is a share between 0 and 1, e.g. 0.01", 2)
    summary = _run_pipeline(settings, args.input, args.task_runner, args.dask_address, args.subreddit,
                            subreddits=args.keep_subreddit, keywords=args.keyword,
                            max_error_rate=args.max_error_rate)
    print(_counts_line(summary))
    if summary.get("filtered") or summary.get("removed"):
        print(f"filtered out of dumps: {summary['filtered']:,} lines; removed as deleted on Reddit: {summary['removed']}")
    print(f"warehouse: {summary['db']}\nsnapshot:  {summary['snapshot']}")
    return 0


def cmd_demo(args) -> int:
    settings = _settings(args)
    started = time.monotonic()
    summary = _run_pipeline(settings, [str(p) for p in SAMPLE_INPUTS])
    from .summary import top_side_effects
    print()
    print("experiences demo: the bundled synthetic sample went through every stage")
    print(_counts_line(summary))
    print("top side effects (reports with the effect present):")
    for effect, count in top_side_effects(settings.db_path):
        print(f"  {effect:<22} {count}")
    print(f"warehouse: {summary['db']}  (try: experiences query \"SELECT * FROM pipeline_runs\")")
    print(f"snapshot:  {summary['snapshot']}")
    print("dashboard: experiences dashboard   (then open http://localhost:8501)")
    print(f"wall time: {time.monotonic() - started:.1f} s")
    return 0


def _counts_line(summary: dict) -> str:
    return (f"read {summary['read']} = loaded {summary['loaded']} + quarantined {summary['quarantined']} "
            f"(ingest {summary['ingest_quarantined']}, validation {summary['validation_quarantined']}) "
            f"+ duplicates {summary['duplicates']}")


def cmd_extract(args) -> int:
    from .extract import extract_json_lines
    try:
        source = sys.stdin.buffer if args.input == "-" else open(args.input, "rb")
    except OSError as error:
        raise UserError(f"cannot read {args.input}: {error.strerror}", 2) from None
    sink = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    with source, sink:
        lines, errors = extract_json_lines(source, sink)
    print(f"extracted {lines - errors} of {lines} lines ({errors} errors)", file=sys.stderr)
    return 0


def cmd_dashboard(args) -> int:
    settings = _settings(args)
    snapshot = Path(args.snapshot).absolute() if args.snapshot else settings.snapshot_path
    if not snapshot.is_file():
        raise UserError(f"no snapshot at {snapshot}; run `experiences demo` or `experiences run --input FILE` first")
    env = os.environ | {"EXPERIENCES_SNAPSHOT": str(snapshot)}
    command = [sys.executable, "-m", "streamlit", "run", str(DASHBOARD_APP), "--server.headless", "true",
               "--server.port", str(args.port), "--browser.gatherUsageStats", "false",
               "--client.toolbarMode", "viewer"]
    print(f"dashboard on http://localhost:{args.port} (reading {snapshot}); Ctrl-C stops it", file=sys.stderr)
    return subprocess.call(command, env=env)


def cmd_serve(args) -> int:
    settings = _settings(args)
    if not os.environ.get("PREFECT_API_URL"):
        raise UserError("serving needs a Prefect server: start one with `prefect server start`, then set "
                        "PREFECT_API_URL=http://127.0.0.1:4200/api and run this again")
    configure_prefect(settings)
    from prefect import serve
    from flows.pipeline import deployment
    if not (args.input or args.subreddit):
        raise UserError("nothing to schedule: give --input FILE and/or --subreddit NAME", 2)
    inputs = [str(Path(p).absolute()) for p in args.input]
    serve(deployment(inputs, args.subreddit, args.cron or settings.cron, settings))
    return 0


def cmd_evaluate(args) -> int:
    from .evaluate import effect_lines, evaluate, report_lines
    gold = Path(args.gold)
    source = Path(args.input) if args.input else DEFAULT_CORPUS
    for path, what in ((gold, "gold file"), (source, "input file")):
        if not path.is_file():
            raise UserError(f"no {what} at {path}" + ("; give INPUT.jsonl, the posts the gold set labels"
                                                       if path == DEFAULT_CORPUS else ""), 2)
    try:
        evaluation = evaluate(gold, source)
    except (ValueError, KeyError) as error:
        raise UserError(str(error)) from None
    print("\n".join(report_lines(evaluation, args.resamples)))
    if args.by_effect:
        print()
        print("\n".join(effect_lines(evaluation)))
    return 0


def cmd_query(args) -> int:
    from .warehouse import WarehouseError, query
    import duckdb
    settings = _settings(args)
    try:
        columns, rows = query(settings.db_path, args.sql)
    except WarehouseError as error:
        raise UserError(str(error)) from None
    except duckdb.Error as error:
        hint = " (the warehouse is opened read-only here)" if "read-only" in str(error) else ""
        raise UserError(f"{str(error).splitlines()[0]}{hint}") from None
    _print_rows(columns, rows, args.format)
    return 0


def cmd_export(args) -> int:
    from .export import ExportError, export
    from .warehouse import WarehouseError
    import duckdb
    if not (args.parquet or args.csv):
        raise UserError("nothing to export: give --parquet DIR and/or --csv DIR", 2)
    settings = _settings(args)
    try:
        written = export(settings.db_path, _path(args.parquet), _path(args.csv), args.overwrite,
                         progress=lambda message: print(message, file=sys.stderr, flush=True))
    except (ExportError, WarehouseError) as error:
        raise UserError(str(error)) from None
    except (duckdb.Error, OSError) as error:
        raise UserError(str(error).splitlines()[0]) from None
    for item in written:
        print(f"{item.table:<18} {item.rows:>9,} rows  {item.format:<7} {item.path}")
    return 0


def _path(value: str | None) -> Path | None:
    return Path(value).absolute() if value else None


def _print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "json":
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), default=str, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        cells = [[str(c) for c in columns]] + [["" if v is None else str(v) for v in row] for row in rows]
        widths = [min(max(len(r[i]) for r in cells), 60) for i in range(len(columns))]
        for index, row in enumerate(cells):
            print("  ".join(value[:60].ljust(width) for value, width in zip(row, widths)).rstrip())
            if index == 0:
                print("  ".join("-" * width for width in widths))
        print(f"({len(rows)} rows)")


if __name__ == "__main__":
    sys.exit(main())
