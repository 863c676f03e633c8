"""Dump files through the flow: filters, counts, resuming a stopped run, and a Dask cluster."""

from __future__ import annotations

import json
import os

import pytest
import zstandard

from experiences import warehouse
from experiences.sources.dumps import DumpError

pytestmark = pytest.mark.slow
KEEP = ["microdosing", "LSD", "PsilocybinMushrooms", "Nootropics"]


@pytest.fixture
def data(tmp_path, monkeypatch):
    for name in ("EXPERIENCES_DB", "EXPERIENCES_SNAPSHOT", "EXPERIENCES_MAX_FAILURE_SHARE",
                 "EXPERIENCES_SUBREDDITS", "EXPERIENCES_KEYWORDS", "EXPERIENCES_MAX_ERROR_RATE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EXPERIENCES_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("EXPERIENCES_PSEUDONYM_KEY", "dump-test-key-0123456789")
    monkeypatch.setenv("EXPERIENCES_BATCH_SIZE", "100")
    return tmp_path / "data"


def rows(db, sql):
    return warehouse.query(db, sql)[1]


def test_dump_files_reconcile_and_filter(prefect_harness, data, tmp_path, make_dumps):
    from flows.pipeline import pipeline
    paths = make_dumps(tmp_path / "dumps", reports=400, other=1.0, junk=0.01)
    summary = pipeline(inputs=[str(p) for p in paths], subreddits=KEEP)
    assert summary["read"] == summary["loaded"] + summary["quarantined"] + summary["duplicates"]
    assert summary["filtered"] >= 350 and summary["loaded"] >= 300
    db = data / "experiences.duckdb"
    assert rows(db, "SELECT count(*) FROM reports WHERE subreddit NOT IN ('microdosing', 'LSD', "
                    "'PsilocybinMushrooms', 'Nootropics')") == [(0,)]
    assert rows(db, "SELECT count(*) FROM source_progress WHERE NOT finished") == [(0,)]
    assert not any((data / "staging").iterdir())


def write_zst(path, lines):
    with path.open("wb") as handle, zstandard.ZstdCompressor().stream_writer(handle) as out:
        for line in lines:
            out.write((line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n")
    return path


def post(n):
    return {"id": f"p{n}", "name": f"t3_p{n}", "author": f"user{n % 37}", "created_utc": 1672531200 + n,
            "subreddit": "microdosing", "title": f"day {n}", "selftext": "took 0.1g, felt calmer"}


def test_a_stopped_run_resumes_with_no_gaps_and_no_duplicates(prefect_harness, data, tmp_path):
    from flows.pipeline import pipeline
    # 1,200 good lines, then junk that passes the 1% error-rate limit: the first run stops there.
    path = write_zst(tmp_path / "RS_2023-01.zst", [post(n) for n in range(1200)] + [b"junk"] * 40
                     + [post(n) for n in range(1200, 1500)])
    with pytest.raises(DumpError, match="bad lines"):
        pipeline(inputs=[str(path)])
    db = data / "experiences.duckdb"
    stopped_at = rows(db, "SELECT lines_done, finished FROM source_progress")[0]
    assert stopped_at[0] >= 1100 and not stopped_at[1]
    summary = pipeline(inputs=[str(path)], max_error_rate=0.5)
    assert summary["read"] == 1540 - stopped_at[0]  # only the rest of the file was read again
    ids = {r[0] for r in rows(db, "SELECT id FROM reports")}
    assert ids == {f"t3_p{n}" for n in range(1500)}
    assert rows(db, "SELECT status FROM pipeline_runs ORDER BY started_at") == [("failed",), ("completed",)]
    assert rows(db, "SELECT finished FROM source_progress") == [(True,)]


def test_dask_cluster_gives_the_same_warehouse(prefect_harness, data, tmp_path, make_dumps):
    from flows.pipeline import pipeline, pipeline_on
    paths = [str(p) for p in make_dumps(tmp_path / "dumps", reports=300, other=0.5, junk=0.0, months=2)]
    summary = pipeline_on("dask")(inputs=paths, subreddits=KEEP)
    db = data / "experiences.duckdb"
    by_dask = rows(db, "SELECT id, content_hash FROM reports ORDER BY id")
    assert summary["loaded"] == len(by_dask) > 0
    again = pipeline(inputs=paths, subreddits=KEEP)
    assert again["loaded"] == 0 and again["duplicates"] == summary["loaded"]


def test_local_dask_workers_are_given_the_runs_prefect_server(prefect_harness, monkeypatch):
    """Spawned workers inherit the environment: without PREFECT_API_URL in it each would start a
    Prefect server of its own."""
    from prefect.settings import get_current_settings

    from flows.pipeline import pipeline_on
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    pipeline_on("dask")
    assert os.environ["PREFECT_API_URL"] == get_current_settings().api.url
