"""The DuckDB warehouse: schema from sql/, one transaction per batch, idempotent loads.

Connections are short-lived. DuckDB lets one read-write process lock out every other, readers
included, so nothing holds a connection longer than one batch, and dashboards read the snapshot.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from .frames import MENTION_COLUMNS, Frames
from .records import Quarantined
from .sources.files import DELETED
from .settings import SQL_DIR

# Bounded memory whatever the warehouse size: DuckDB spills big aggregates to disk beyond this
# (its default is 80% of the machine's memory).
DUCKDB_CONFIG = {"memory_limit": "512MB", "preserve_insertion_order": False}

RESEARCH_TABLES = ("reports", "dose_mentions", "schedule_mentions", "effect_mentions", "quarantine", "pipeline_runs")


class WarehouseError(Exception):
    pass


@contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}; run `experiences demo` or `experiences run --input FILE` first")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only, config=DUCKDB_CONFIG)
    except duckdb.IOException as error:
        raise WarehouseError(f"cannot open {path}: {error}. Another process may be loading it; "
                             "wait for it to finish, or read the published snapshot instead") from None
    try:
        con.execute("SET enable_progress_bar = false")  # it would draw over the pipeline's progress lines
        if not read_only:
            con.execute((SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
        yield con
    finally:
        con.close()


@dataclass
class RunCounts:
    read: int = 0
    ingest_quarantined: int = 0
    validation_quarantined: int = 0
    duplicates: int = 0
    loaded: int = 0
    filtered: int = 0
    removed: int = 0
    inputs: list[str] = field(default_factory=list)

    @property
    def quarantined(self) -> int:
        return self.ingest_quarantined + self.validation_quarantined

    def reconciles(self) -> bool:
        return self.read == self.loaded + self.quarantined + self.duplicates


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


def start_run(path: Path, run_id: str, inputs: list[str]) -> None:
    with connect(path) as con:
        con.execute("INSERT INTO pipeline_runs (run_id, started_at, status, inputs) VALUES (?, now(), 'running', ?)",
                    [run_id, inputs])


def finish_run(path: Path, run_id: str, counts: RunCounts, status: str, message: str | None = None) -> None:
    with connect(path) as con:
        con.execute(
            """UPDATE pipeline_runs SET finished_at = now(), status = ?, read = ?, ingest_quarantined = ?,
               validation_quarantined = ?, duplicates = ?, loaded = ?, filtered = ?, removed = ?, message = ?
               WHERE run_id = ?""",
            [status, counts.read, counts.ingest_quarantined, counts.validation_quarantined, counts.duplicates,
             counts.loaded, counts.filtered, counts.removed, message, run_id])


def unseen(con: duckdb.DuckDBPyConnection, frames: Frames) -> set[str]:
    """Ids of reports in the batch that are new or changed (the rest are duplicates)."""
    if frames.reports.empty:
        return set()
    con.register("batch_hashes", frames.reports[["id", "content_hash"]])
    rows = con.execute("""SELECT b.id FROM batch_hashes b LEFT JOIN reports r ON r.id = b.id
                          WHERE r.content_hash IS DISTINCT FROM b.content_hash""").fetchall()
    con.unregister("batch_hashes")
    return {row[0] for row in rows}


@dataclass(frozen=True)
class Progress:
    source: str
    lines_done: int
    finished: bool
    newest_created_utc: float | None = None  # None keeps the mark the source had


@dataclass(frozen=True)
class Loaded:
    loaded: int
    duplicates: int
    removed: int


def load_batch(path: Path, run_id: str, frames: Frames, quarantined: list[Quarantined],
               progress: Progress | None = None) -> Loaded:
    """Load one validated batch, its quarantined items and its source checkpoint in one transaction.

    Reports already present with the same content are duplicates and leave the warehouse as it
    was; changed reports replace their old version and mentions; reports that Reddit now shows
    as deleted or removed leave the warehouse with their mentions.
    """
    with connect(path) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            fresh = unseen(con, frames)
            batch = frames.without(set(frames.reports["id"]) - fresh)
            _replace_reports(con, run_id, batch)
            save_quarantine(con, run_id, quarantined)
            removed = _remove_deleted(con, quarantined)
            if progress is not None:
                _save_progress(con, run_id, progress)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return Loaded(len(fresh), len(frames.reports) - len(fresh), removed)


def _remove_deleted(con: duckdb.DuckDBPyConnection, quarantined: list[Quarantined]) -> int:
    ids = [q.record_id for q in quarantined if q.reason == DELETED and q.record_id]
    if not ids:
        return 0
    present = con.execute("SELECT count(*) FROM reports WHERE list_contains(?, id)", [ids]).fetchone()[0]
    for table in ("dose_mentions", "schedule_mentions", "effect_mentions"):
        con.execute(f"DELETE FROM {table} WHERE list_contains(?, report_id)", [ids])
    con.execute("DELETE FROM reports WHERE list_contains(?, id)", [ids])
    return present


def _save_progress(con: duckdb.DuckDBPyConnection, run_id: str, progress: Progress) -> None:
    con.execute("""INSERT INTO source_progress VALUES (?, ?, ?, ?, ?, now())
                   ON CONFLICT (source) DO UPDATE SET lines_done = excluded.lines_done,
                       finished = excluded.finished, run_id = excluded.run_id, updated_at = excluded.updated_at,
                       newest_created_utc = coalesce(excluded.newest_created_utc, source_progress.newest_created_utc)""",
                [progress.source, progress.lines_done, progress.finished, progress.newest_created_utc, run_id])


def _replace_reports(con: duckdb.DuckDBPyConnection, run_id: str, frames: Frames) -> None:
    if frames.reports.empty:
        return
    reports = frames.reports.drop(columns=["analysed_text"])
    reports = reports.assign(created_utc=pd.to_datetime(reports["created_utc"], unit="s", utc=True),
                             run_id=run_id, loaded_at=datetime.now(timezone.utc))
    con.register("incoming", reports)
    for table in ("dose_mentions", "schedule_mentions", "effect_mentions"):
        con.execute(f"DELETE FROM {table} WHERE report_id IN (SELECT id FROM incoming)")
    con.execute("DELETE FROM reports WHERE id IN (SELECT id FROM incoming)")
    con.execute("INSERT INTO reports BY NAME SELECT * FROM incoming")
    con.unregister("incoming")
    for table, columns in MENTION_COLUMNS.items():
        frame = frames.table(table)
        if not frame.empty:
            con.register("incoming_mentions", frame[columns])
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming_mentions")
            con.unregister("incoming_mentions")


def save_quarantine(con: duckdb.DuckDBPyConnection, run_id: str, items: list[Quarantined]) -> None:
    if not items:
        return
    rows = [(q.fingerprint, q.stage, q.source, q.line, q.record_id, q.reason, run_id) for q in items]
    con.executemany("""INSERT INTO quarantine (fingerprint, stage, source, line, record_id, reason, run_id, quarantined_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT (fingerprint) DO NOTHING""", rows)


def save_validation_results(path: Path, run_id: str, source: str, batch: int, results: list) -> None:
    if not results:
        return
    with connect(path) as con:
        con.executemany(
            """INSERT INTO validation_results VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT DO UPDATE SET success = excluded.success, evaluated = excluded.evaluated,
               failed_rows = excluded.failed_rows, result = excluded.result""",
            [(run_id, source, batch, r.suite, r.success, r.evaluated, r.failed_rows, json.dumps(r.summary))
             for r in results])


def resume_line(path: Path, source: str) -> int:
    """Where an unfinished earlier run of this source stopped (0: from the top)."""
    if not path.exists():
        return 0
    with connect(path) as con:
        row = con.execute("SELECT lines_done, finished FROM source_progress WHERE source = ?", [source]).fetchone()
    return row[0] if row and not row[1] else 0


def high_water(path: Path, source: str) -> float:
    """The newest submission time a live source has loaded (0: collect everything)."""
    if not path.exists():
        return 0.0
    with connect(path) as con:
        row = con.execute("SELECT newest_created_utc FROM source_progress WHERE source = ?", [source]).fetchone()
    return row[0] if row and row[0] is not None else 0.0


def recent_ids(path: Path, source: str, since_utc: float) -> list[str]:
    """Fullnames of the reports a live source loaded that were posted after `since_utc`."""
    if not path.exists():
        return []
    with connect(path) as con:
        rows = con.execute("SELECT id FROM reports WHERE source = ? AND epoch(created_utc) >= ? ORDER BY id",
                           [source, since_utc]).fetchall()
    return [row[0] for row in rows]


def query(path: Path, sql: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
    """Run read-only SQL; returns (column names, rows)."""
    with connect(path, read_only=True) as con:
        cursor = con.execute(sql, params or [])
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()
