"""Publish aggregate views and a read-only snapshot for the dashboards.

Counts are suppressed before they leave the warehouse (see experiences.suppress), so the
snapshot itself is safe to hand to anyone. The snapshot is a separate DuckDB file written beside the warehouse and swapped in atomically,
so an open dashboard never blocks a load and never sees a half-written file.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from .settings import SQL_DIR
from .suppress import suppress
from .warehouse import connect

MIN_COUNT = 11  # counts below this are never shown (small-cell suppression)


def create_views(con) -> None:
    for path in sorted((SQL_DIR / "publish").glob("0*.sql")):
        con.execute(path.read_text(encoding="utf-8"))


def publish(db_path: Path, snapshot_path: Path, min_count: int = MIN_COUNT) -> Path:
    snapshot_path.parent.mkdir(parents=True, exist_ok=True)
    partial = snapshot_path.with_name(snapshot_path.name + ".partial")
    partial.unlink(missing_ok=True)
    with connect(db_path) as con:
        create_views(con)
        con.execute("SET VARIABLE min_count = ?", [min_count])
        # Sorted, so that where suppression must choose between equal cells it chooses the same ones every time.
        cells = con.execute("SELECT * FROM effect_cells ORDER BY substance, schedule, dose_band, month, level, measure")
        con.register("published_cells", suppress(cells.df(), min_count))
        con.execute("ATTACH ? AS snap", [str(partial)])
        try:
            con.execute((SQL_DIR / "publish" / "10_snapshot.sql").read_text(encoding="utf-8"))
        finally:
            con.execute("DETACH snap")
    os.replace(partial, snapshot_path)
    return snapshot_path


class PublishError(Exception):
    pass


def publish_apart(db_path: Path, snapshot_path: Path, min_count: int = MIN_COUNT) -> Path:
    """publish() in a short-lived process of its own. Its memory (DuckDB's 512 MB and the cube in
    pandas) then goes back to the system when it ends instead of stacking on a long pipeline
    run's: at a million reports that is the difference between about 0.6 and 1 GB at the peak."""
    command = [sys.executable, "-m", "experiences.publish", str(db_path), str(snapshot_path),
               "--min-count", str(min_count)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        lines = result.stderr.strip().splitlines()
        raise PublishError(f"publishing {snapshot_path} failed: {lines[-1] if lines else f'exit {result.returncode}'}")
    return snapshot_path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m experiences.publish",
                                     description="Publish the warehouse's suppressed aggregates into a read-only "
                                                 "snapshot (the pipeline does this after every run).")
    parser.add_argument("db", type=Path, help="the warehouse (DuckDB file)")
    parser.add_argument("snapshot", type=Path, help="the snapshot to write (replaced atomically)")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help="smallest count shown (default 11)")
    args = parser.parse_args(argv)
    publish(args.db, args.snapshot, args.min_count)


if __name__ == "__main__":
    main()
