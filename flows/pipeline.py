"""The `pipeline` flow: ingest -> anonymise -> extract -> validate -> load, per batch, then publish.

Orchestration only: each task wraps one stage function of the `experiences` package. Tasks pass
plain values and never cache (DataFrames and spaCy objects do not hash, and nothing raw may be
persisted as a task result).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from experiences import extract, ingest, publish, warehouse
from experiences.anonymise import Anonymiser, load_key
from experiences.frames import Frames, to_frames
from experiences.records import Quarantined, RawReport, Report, drop_repeats
from experiences.settings import Settings
from experiences.validate import Outcome, Validator

TASK = {"cache_policy": NO_CACHE, "persist_result": False}


@task(name="ingest", retries=2, retry_delay_seconds=1, **TASK)
def ingest_file(path: str) -> list[RawReport | Quarantined]:
    return list(ingest.read_file(path))


@task(name="anonymise", **TASK)
def anonymise_batch(anonymiser: Anonymiser, raws: list[RawReport]) -> list[Report]:
    return [anonymiser.anonymise(raw) for raw in raws]


@task(name="extract", **TASK)
def extract_batch(reports: list[Report]) -> Frames:
    records = list(extract.extract_texts((r.id, r.analysed_text) for r in reports))
    return to_frames(reports, records)


@task(name="validate", **TASK)
def validate_batch(validator: Validator, frames: Frames) -> Outcome:
    return validator.validate(frames)


@task(name="load", retries=3, retry_delay_seconds=[1, 2, 4], **TASK)
def load_batch(db: Path, run_id: str, frames: Frames, quarantined: list[Quarantined]) -> tuple[int, int]:
    return warehouse.load_batch(db, run_id, frames, quarantined)


@task(name="save validation results", retries=2, retry_delay_seconds=1, **TASK)
def save_results(db: Path, run_id: str, batch: int, outcome: Outcome) -> None:
    warehouse.save_validation_results(db, run_id, batch, outcome.results)


@task(name="publish", retries=2, retry_delay_seconds=1, **TASK)
def publish_snapshot(db: Path, snapshot: Path) -> Path:
    return publish.publish(db, snapshot)


def _chunks(items: list, size: int) -> Iterable[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@flow(name="pipeline")
def pipeline(inputs: list[str], db: str | None = None, data_dir: str | None = None) -> dict:
    """Run every stage on the input files; returns the run's counts."""
    say = _stderr
    settings = Settings.from_env(db=db, data_dir=data_dir)
    run_id = warehouse.new_run_id()
    counts = warehouse.RunCounts(inputs=[Path(p).name for p in inputs])
    warehouse.start_run(settings.db_path, run_id, counts.inputs)
    anonymiser = Anonymiser(load_key(settings))
    validator = Validator()
    seen: dict[str, str] = {}
    batch_number = 0
    try:
        for path in inputs:
            items = ingest_file(path)
            raws = [item for item in items if isinstance(item, RawReport)]
            rejected = [item for item in items if isinstance(item, Quarantined)]
            counts.read += len(items)
            counts.ingest_quarantined += len(rejected)
            say(f"{Path(path).name}: read {len(items)} records, {len(rejected)} quarantined at ingest")
            if rejected:
                load_batch(settings.db_path, run_id, to_frames([], []), rejected)
            for chunk in _chunks(raws, settings.batch_size):
                batch_number += 1
                reports, repeats = drop_repeats(anonymise_batch(anonymiser, chunk), seen)
                frames = extract_batch(reports)
                outcome = validate_batch(validator, frames)
                save_results(settings.db_path, run_id, batch_number, outcome)
                outcome.enforce(settings.max_failure_share, str(batch_number))
                loaded, duplicates = load_batch(settings.db_path, run_id, outcome.valid, outcome.quarantined)
                counts.duplicates += repeats + duplicates
                counts.validation_quarantined += len(outcome.quarantined)
                counts.loaded += loaded
                say(f"  batch {batch_number}: {len(chunk)} reports, {loaded} loaded, "
                    f"{len(outcome.quarantined)} quarantined, {repeats + duplicates} duplicates")
        publish_snapshot(settings.db_path, settings.snapshot_path)
    except Exception as error:
        warehouse.finish_run(settings.db_path, run_id, counts, "failed", str(error)[:500])
        raise
    warehouse.finish_run(settings.db_path, run_id, counts, "completed")
    summary = {"run_id": run_id, "read": counts.read, "loaded": counts.loaded,
               "quarantined": counts.quarantined, "ingest_quarantined": counts.ingest_quarantined,
               "validation_quarantined": counts.validation_quarantined, "duplicates": counts.duplicates,
               "db": str(settings.db_path), "snapshot": str(settings.snapshot_path)}
    create_markdown_artifact(key="pipeline-run", markdown=_counts_markdown(summary),
                             description="Counts of one pipeline run")
    return summary


def _counts_markdown(summary: dict) -> str:
    rows = [("read", summary["read"]), ("loaded", summary["loaded"]),
            ("quarantined at ingest", summary["ingest_quarantined"]),
            ("quarantined by validation", summary["validation_quarantined"]),
            ("duplicates", summary["duplicates"])]
    lines = [f"# Pipeline run {summary['run_id']}", "", "| stage | reports |", "|---|---:|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    lines += ["", "read = loaded + quarantined + duplicates"]
    return "\n".join(lines)


def deployment(inputs: list[str], cron: str, settings: Settings):
    """The scheduled deployment that `experiences serve` serves against a Prefect server."""
    parameters = {"inputs": inputs, "db": str(settings.db_path), "data_dir": str(settings.data_dir)}
    return pipeline.to_deployment(name="scheduled-pipeline", cron=cron, parameters=parameters)
