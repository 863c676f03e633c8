"""Validated batches staged on disk between the CPU-heavy stages and the warehouse load.

Extraction may run in other processes (a Dask cluster) while DuckDB admits one writing process,
so workers write each validated batch here as Parquet files and the flow loads them, in order,
one transaction each. A batch directory holds one Parquet file per table, the quarantined items,
and meta.json with its counts and the source position it reaches.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from .frames import TABLES, Frames
from .records import Quarantined
from .validate import SuiteResult


@dataclass
class BatchMeta:
    source: str
    number: int
    first_line: int
    last_line: int  # the source position this batch reaches (the checkpoint once loaded)
    read: int
    ingest_quarantined: int
    validation_quarantined: int
    repeats: int  # repeated within the batch (duplicates before the warehouse is asked)
    lines: int  # source lines up to last_line, including filtered ones (for progress)
    filtered: int
    compressed_bytes: int
    seconds: float
    final: bool  # the last batch of its source
    validated: int = 0  # reports that went through validation (after repeats were dropped)
    newest_created_utc: float | None = None  # live sources, final batch: the new high-water mark


def batch_dir(root: Path, run_id: str, source: str, number: int) -> Path:
    return root / run_id / source / f"{number:06d}"


def write_batch(directory: Path, frames: Frames, quarantined: list[Quarantined], meta: BatchMeta,
                results: list[SuiteResult] = ()) -> Path:
    partial = directory.with_name(directory.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for table in TABLES:
        frames.table(table).to_parquet(partial / f"{table}.parquet", index=False)
    pd.DataFrame([asdict(q) for q in quarantined], columns=list(Quarantined.__dataclass_fields__)).astype(
        {"line": "Int64"}).to_parquet(partial / "quarantine.parquet", index=False)
    (partial / "results.json").write_text(json.dumps([asdict(r) for r in results]))
    (partial / "meta.json").write_text(json.dumps(asdict(meta)))
    partial.rename(directory)  # a batch is visible whole or not at all
    return directory


def read_batch(directory: Path) -> tuple[Frames, list[Quarantined], BatchMeta, list[SuiteResult]]:
    frames = Frames(*(pd.read_parquet(directory / f"{table}.parquet") for table in TABLES))
    frames.reports["substances"] = frames.reports["substances"].map(list)
    rows = pd.read_parquet(directory / "quarantine.parquet").astype(object).where(lambda f: f.notna(), None)
    quarantined = [Quarantined(**row) for row in rows.to_dict("records")]
    meta = BatchMeta(**json.loads((directory / "meta.json").read_text()))
    results = [SuiteResult(**r) for r in json.loads((directory / "results.json").read_text())]
    return frames, quarantined, meta, results


def batches(root: Path, run_id: str, source: str) -> Iterator[Path]:
    """Complete staged batches of one source, in order."""
    folder = root / run_id / source
    if folder.is_dir():
        yield from sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.endswith(".partial"))


def clear(root: Path, keep_run: str | None = None) -> None:
    """Remove staged batches (of every run but `keep_run`): left-overs of killed runs are re-read
    from the source's checkpoint, never loaded from here."""
    if root.is_dir():
        for run in root.iterdir():
            if run.name != keep_run:
                shutil.rmtree(run, ignore_errors=True)


def clear_batch(directory: Path) -> None:
    """A loaded batch is not needed any more."""
    shutil.rmtree(directory, ignore_errors=True)
