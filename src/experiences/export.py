"""Researchers' exports of the warehouse: Parquet partitioned by month, or one CSV per table.

The warehouse is opened read-only, and DuckDB's COPY writes the files straight from the tables
(no pandas round trip), so an export holds the warehouse no longer than the copy takes and
never changes it. The files hold exactly the warehouse's columns: pseudonyms, never usernames.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .warehouse import connect

TABLES = ("reports", "dose_mentions", "schedule_mentions", "effect_mentions", "pipeline_runs")
MENTION_TABLES = ("dose_mentions", "schedule_mentions", "effect_mentions")

# The month of report `r`, in UTC whatever the session's time zone; 'unknown' when undated.
MONTH = "coalesce(strftime(r.created_utc AT TIME ZONE 'UTC', '%Y-%m'), 'unknown') AS month"


class ExportError(Exception):
    pass


@dataclass(frozen=True)
class Written:
    table: str
    rows: int
    path: Path
    format: str  # parquet | csv


def export(db_path: Path, parquet_dir: Path | None = None, csv_dir: Path | None = None,
           overwrite: bool = False, progress: Callable[[str], None] = lambda message: None) -> list[Written]:
    """Export every table of TABLES to each folder given; returns what was written."""
    targets = [(d, f) for d, f in ((parquet_dir, "parquet"), (csv_dir, "csv")) if d is not None]
    with connect(db_path, read_only=True) as con:
        # Checked before anything is written, so a refusal leaves no half-export behind.
        for directory, _ in targets:
            check_target(directory, overwrite)
        # CSV renders timestamps in the session's time zone: make it UTC, like the Parquet files.
        con.execute("SET TimeZone = 'UTC'")
        written = []
        for directory, fmt in targets:
            directory.mkdir(parents=True, exist_ok=True)
            write = write_parquet if fmt == "parquet" else write_csv
            for table in TABLES:
                progress(f"exporting {table} as {fmt} to {directory} ...")
                written.append(write(con, table, directory))
    return written


def check_target(directory: Path, overwrite: bool) -> None:
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory} is a file, not a folder; give a folder to export into")
    if not overwrite and directory.is_dir() and any(directory.iterdir()):
        raise ExportError(f"{directory} is not empty; give an empty or new folder, "
                          "or --overwrite to replace the export in it")


def write_parquet(con: duckdb.DuckDBPyConnection, table: str, directory: Path) -> Written:
    """One folder per table, Hive-partitioned by month (pipeline_runs, having no report, in one file)."""
    folder = directory / table
    # Removed rather than written over, so that no month of an earlier export lingers.
    if folder.exists():
        shutil.rmtree(folder)
    sql = partitioned_query(table)
    if sql is None or count(con, table) == 0:
        # An empty table still gets a file, so that its columns can be read back.
        folder.mkdir()
        rows = copy(con, f"SELECT * FROM {table}", folder / "data_0.parquet", "FORMAT parquet")
    else:
        rows = copy(con, sql, folder, "FORMAT parquet, PARTITION_BY (month)")
    return Written(table, rows, folder, "parquet")


def write_csv(con: duckdb.DuckDBPyConnection, table: str, directory: Path) -> Written:
    path = directory / f"{table}.csv"
    return Written(table, copy(con, f"SELECT * FROM {table}", path, "FORMAT csv, HEADER"), path, "csv")


def partitioned_query(table: str) -> str | None:
    """The table's rows with the month of their report, or None for a table without reports."""
    if table == "reports":
        return f"SELECT r.*, {MONTH} FROM reports r"
    if table in MENTION_TABLES:
        # A left join, so that a mention whose report is missing is still exported (month unknown).
        return f"SELECT m.*, {MONTH} FROM {table} m LEFT JOIN reports r ON r.id = m.report_id"
    return None


def copy(con: duckdb.DuckDBPyConnection, select: str, path: Path, options: str) -> int:
    """COPY the rows of `select` to `path`; returns the rows written.

    `select` and `options` come from this module only; the path, which comes from the user, is
    a bound parameter (DuckDB 2 accepts one for COPY's target), never spliced into the SQL.
    """
    return con.execute(f"COPY ({select}) TO ? ({options})", [str(path)]).fetchone()[0]


def count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
