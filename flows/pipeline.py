"""The `pipeline` flow: sources -> anonymise -> extract -> validate -> stage, then load and publish.

Orchestration only: each stage is a plain function of the `experiences` package. One `process
source` task per input streams it in batches through anonymise, extract and validate and stages
each validated batch on disk; meanwhile the flow loads staged batches in order (`load` tasks), one
DuckDB transaction each, with the source's checkpoint, so memory stays bounded, a killed run
resumes where it stopped, and `--task-runner dask` can extract on other processes while one
process writes the warehouse; a `publish` task ends the run. Inside `process source` the stages
are plain calls, not nested tasks: Prefect keeps a nested task's result until the enclosing task
ends, which would hold every batch of a file in memory. Tasks never cache: DataFrames and spaCy
objects do not hash, and nothing raw may be persisted as a task result.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, replace
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from experiences import extract, publish, staging, warehouse
from experiences.anonymise import Anonymiser, load_key
from experiences.frames import Frames, to_frames
from experiences.records import Quarantined, RawReport, Report, drop_repeats
from experiences.settings import Settings
from experiences.sources import DumpFilter, DumpStats, read_source, reddit
from experiences.validate import FailureBudget, Validator

TASK = {"cache_policy": NO_CACHE, "persist_result": False}


def extract_batch(reports: list[Report]) -> Frames:
    records = list(extract.extract_texts((r.id, r.analysed_text) for r in reports))
    return to_frames(reports, records)


@task(name="load", retries=3, retry_delay_seconds=[1, 2, 4], **TASK)
def load_staged(db: Path, run_id: str, directory: Path) -> tuple[warehouse.Loaded, staging.BatchMeta]:
    frames, quarantined, meta, results = staging.read_batch(directory)
    warehouse.save_validation_results(db, run_id, meta.source, meta.number, results)
    progress = warehouse.Progress(meta.source, meta.last_line, meta.final, meta.newest_created_utc)
    return warehouse.load_batch(db, run_id, frames, quarantined, progress), meta


@task(name="publish", retries=2, retry_delay_seconds=1, **TASK)
def publish_snapshot(db: Path, snapshot: Path) -> Path:
    return publish.publish_apart(db, snapshot)


@cache
def _validator() -> Validator:
    return Validator()  # one per process: building the GX context takes seconds


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass(frozen=True)
class Source:
    """One input of a run: a file (resumed after `start_line`) or a live subreddit (collected
    from the `since_utc` high-water mark, re-fetching the `recheck` fullnames)."""

    name: str
    path: str | None = None
    subreddit: str | None = None
    start_line: int = 0
    since_utc: float = 0.0
    recheck: tuple[str, ...] = ()


def _items(source: Source, settings: Settings, stats: DumpStats) -> Iterator[RawReport | Quarantined]:
    if source.subreddit:
        client = reddit.connect(settings.reddit)
        return reddit.collect(client, source.subreddit, source.since_utc, list(source.recheck), settings.reddit)
    keep = DumpFilter(frozenset(settings.subreddits), settings.keywords)
    return read_source(source.path, keep, source.start_line, stats, settings.max_error_rate)


@task(name="process source", **TASK)
def process_source(source: Source, run_id: str, settings: Settings) -> int:
    """Stage every batch of one input; returns the number of batches."""
    anonymiser = Anonymiser(load_key(settings))
    stats = DumpStats()
    started = time.monotonic()
    number, first_line, newest = 0, source.start_line + 1, source.since_utc
    for number, chunk in enumerate(_batches(_items(source, settings, stats), settings.batch_size), start=1):
        raws = [item for item in chunk if isinstance(item, RawReport)]
        rejected = [item for item in chunk if isinstance(item, Quarantined)]
        newest = max([newest] + [r.created_utc or 0 for r in raws if r.kind == "submission"])
        # Plain calls, not nested tasks (see the module docstring): only the batch in hand stays in memory.
        reports, repeats = drop_repeats([anonymiser.anonymise(raw) for raw in raws])
        outcome = _validator().validate(extract_batch(reports))
        meta = staging.BatchMeta(source.name, number, first_line, chunk[-1].line, len(chunk), len(rejected),
                                 len(outcome.quarantined), repeats, stats.lines, stats.filtered,
                                 stats.compressed_bytes, time.monotonic() - started, final=False,
                                 validated=outcome.checked)
        staging.write_batch(staging.batch_dir(settings.staging_dir, run_id, source.name, number), outcome.valid,
                            rejected + outcome.quarantined, meta, outcome.results)
        first_line = chunk[-1].line + 1
    # An empty last batch marks the source finished once loaded (the checkpoint then says so).
    number += 1
    meta = staging.BatchMeta(source.name, number, first_line, max(stats.lines, first_line - 1), 0, 0, 0, 0,
                             stats.lines, stats.filtered, stats.compressed_bytes, time.monotonic() - started,
                             final=True, newest_created_utc=newest if source.subreddit else None)
    staging.write_batch(staging.batch_dir(settings.staging_dir, run_id, source.name, number),
                        to_frames([], []), [], meta)
    return number


def _sources(settings: Settings, inputs: list[str], subreddits: list[str]) -> list[Source]:
    """What each input needs to go on from where earlier runs left it."""
    sources = []
    for path in inputs:
        name = Path(path).name
        start = warehouse.resume_line(settings.db_path, name)
        if start:
            _say(f"{name}: resuming after line {start:,}, where an earlier run stopped")
        sources.append(Source(name, path=path, start_line=start))
    for subreddit in subreddits:
        name = reddit.source_name(subreddit)
        since = warehouse.high_water(settings.db_path, name)
        recheck = warehouse.recent_ids(settings.db_path, name, time.time() - settings.reddit.recheck_days * 86400)
        _say(f"{name}: collecting submissions newer than {since:.0f}, re-fetching {len(recheck)} recent items")
        sources.append(Source(name, subreddit=subreddit, since_utc=since, recheck=tuple(recheck)))
    return sources


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _load_as_staged(settings: Settings, run_id: str, source: str, future, counts: warehouse.RunCounts,
                    budget: FailureBudget) -> None:
    """Load the source's staged batches in order while its task stages them; stop the run when
    too many reports fail validation."""
    loaded_dirs: set[Path] = set()
    while True:
        finished = future.state.is_final()
        fresh = [d for d in staging.batches(settings.staging_dir, run_id, source) if d not in loaded_dirs]
        for directory in fresh:
            result, meta = load_staged(settings.db_path, run_id, directory)
            loaded, duplicates = result.loaded, result.duplicates
            counts.removed += result.removed
            loaded_dirs.add(directory)
            staging.clear_batch(directory)
            counts.read += meta.read
            counts.ingest_quarantined += meta.ingest_quarantined
            counts.validation_quarantined += meta.validation_quarantined
            counts.duplicates += meta.repeats + duplicates
            counts.loaded += loaded
            if meta.final:
                counts.filtered += meta.filtered
            rate = meta.compressed_bytes / 1e6 / meta.seconds if meta.seconds and meta.compressed_bytes else 0
            _say(f"  {source}: {meta.lines:,} lines{f' ({rate:.1f} MB/s)' if rate else ''}, "
                 f"batch {meta.number}: {meta.read} records, {loaded} loaded, "
                 f"{meta.ingest_quarantined + meta.validation_quarantined} quarantined, "
                 f"{meta.repeats + duplicates} duplicates" + (", done" if meta.final else ""))
            if budget.add(meta.validated, meta.validation_quarantined):
                budget.fail(f"batch {meta.number} of {source}")
        if finished and not fresh:
            future.result()  # raises the task's error, if any
            return
        if not fresh:
            future.wait(timeout=0.2)


@flow(name="pipeline", task_runner=ThreadPoolTaskRunner(max_workers=1))
def pipeline(inputs: list[str] | None = None, collect: list[str] | None = None, db: str | None = None,
             data_dir: str | None = None, subreddits: list[str] | None = None, keywords: list[str] | None = None,
             max_error_rate: float | None = None) -> dict:
    """Run every stage on the input files and the live subreddits in `collect`; returns the counts.

    subreddits, keywords and max_error_rate override the settings for dump files.
    """
    inputs, collect = list(inputs or []), list(collect or [])
    settings = Settings.from_env(db=db, data_dir=data_dir)
    overrides = {"subreddits": tuple(subreddits) if subreddits else None,
                 "keywords": tuple(keywords) if keywords else None, "max_error_rate": max_error_rate}
    settings = replace(settings, **{k: v for k, v in overrides.items() if v is not None})
    run_id = warehouse.new_run_id()
    counts = warehouse.RunCounts(inputs=[Path(p).name for p in inputs] + [reddit.source_name(s) for s in collect])
    warehouse.start_run(settings.db_path, run_id, counts.inputs)
    staging.clear(settings.staging_dir)
    try:
        futures = [(source.name, process_source.submit(source, run_id, settings))
                   for source in _sources(settings, inputs, collect)]
        budget = FailureBudget(settings.max_failure_share)
        for source, future in futures:
            _load_as_staged(settings, run_id, source, future, counts, budget)
        if budget.spent():
            budget.fail("this run")
        publish_snapshot(settings.db_path, settings.snapshot_path)
    except BaseException as error:
        warehouse.finish_run(settings.db_path, run_id, counts, "failed", str(error)[:500] or type(error).__name__)
        raise
    finally:
        staging.clear(settings.staging_dir)
    warehouse.finish_run(settings.db_path, run_id, counts, "completed")
    summary = {"run_id": run_id, "read": counts.read, "loaded": counts.loaded, "removed": counts.removed,
               "quarantined": counts.quarantined, "ingest_quarantined": counts.ingest_quarantined,
               "validation_quarantined": counts.validation_quarantined, "duplicates": counts.duplicates,
               "filtered": counts.filtered, "db": str(settings.db_path), "snapshot": str(settings.snapshot_path)}
    create_markdown_artifact(key="pipeline-run", markdown=_counts_markdown(summary),
                             description="Counts of one pipeline run")
    return summary


def _counts_markdown(summary: dict) -> str:
    rows = [("read", summary["read"]), ("loaded", summary["loaded"]),
            ("quarantined at ingest", summary["ingest_quarantined"]),
            ("quarantined by validation", summary["validation_quarantined"]),
            ("duplicates", summary["duplicates"]), ("filtered out of dumps (not read)", summary["filtered"]),
            ("removed (deleted on Reddit)", summary["removed"])]
    lines = [f"# Pipeline run {summary['run_id']}", "", "| stage | reports |", "|---|---:|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    lines += ["", "read = loaded + quarantined + duplicates"]
    return "\n".join(lines)


def pipeline_on(runner: str = "threads", dask_address: str | None = None):
    """The pipeline flow with its files extracted in a background thread or on a Dask cluster
    (a local one, two single-threaded worker processes, unless an address is given).

    The local cluster has no dashboard to show profiles, so its workers run without Dask's
    statistical profiler, whose history (the last 1,000 one-second cycles of stack samples) grew
    each worker by about 15 MB a minute of extraction."""
    if runner == "threads":
        return pipeline
    from prefect_dask import DaskTaskRunner
    if dask_address:
        return pipeline.with_options(task_runner=DaskTaskRunner(address=dask_address))
    cluster = {"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None,
               "config": {"distributed.worker.profile.enabled": False}}
    _share_prefect_server()
    return pipeline.with_options(task_runner=DaskTaskRunner(cluster_kwargs=cluster))


def _share_prefect_server() -> None:
    """Give local Dask workers this process's Prefect API. A worker is a new process: without
    PREFECT_API_URL each would start a temporary Prefect server of its own (about 230 MB, and
    seconds of start-up), and record its task runs there instead of with the run's flow."""
    if os.environ.get("PREFECT_API_URL"):
        return
    from prefect.settings import get_current_settings
    url = get_current_settings().api.url
    if not url:  # no server configured: start the temporary one the flow would start anyway
        from prefect.server.api.server import SubprocessASGIServer
        server = SubprocessASGIServer()
        server.start()
        url = server.api_url
    os.environ["PREFECT_API_URL"] = url  # spawned workers inherit it


def deployment(inputs: list[str], collect: list[str], cron: str, settings: Settings):
    """The scheduled deployment that `experiences serve` serves against a Prefect server."""
    parameters = {"inputs": inputs, "collect": collect, "db": str(settings.db_path), "data_dir": str(settings.data_dir)}
    return pipeline.to_deployment(name="scheduled-pipeline", cron=cron, parameters=parameters)
