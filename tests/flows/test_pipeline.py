"""End-to-end runs of the Prefect flow (one temporary Prefect API for the module)."""

from __future__ import annotations

import json

import duckdb
import pytest

from experiences import warehouse
from experiences.settings import SAMPLE_DIR, SAMPLE_INPUTS, Settings
from experiences.validate import ValidationFailed
from fixtures import SMALL_BATCH, submission, write_jsonl

pytestmark = pytest.mark.slow
KEY = "pipeline-test-key-0123456789"
STABLE_TABLES = ("reports", "dose_mentions", "schedule_mentions", "effect_mentions", "quarantine")


@pytest.fixture(scope="module")
def sample_runs(prefect_harness, tmp_path_factory):
    """The bundled sample, run twice into one fresh data folder."""
    from flows.pipeline import pipeline
    data = tmp_path_factory.mktemp("sample") / "data"
    with pytest.MonkeyPatch.context() as patch:
        _isolate(patch, data)
        first = pipeline(inputs=[str(p) for p in SAMPLE_INPUTS])
        after_first = table_dump(Settings.from_env().db_path)
        snapshot_first = snapshot_dump(Settings.from_env().snapshot_path)
        second = pipeline(inputs=[str(p) for p in SAMPLE_INPUTS])
    return {"data": data, "first": first, "second": second, "after_first": after_first,
            "snapshot_first": snapshot_first}


def _isolate(patch: pytest.MonkeyPatch, data) -> None:
    for name in ("EXPERIENCES_DB", "EXPERIENCES_SNAPSHOT", "EXPERIENCES_BATCH_SIZE", "EXPERIENCES_MAX_FAILURE_SHARE"):
        patch.delenv(name, raising=False)
    patch.setenv("EXPERIENCES_DATA", str(data))
    patch.setenv("EXPERIENCES_PSEUDONYM_KEY", KEY)
    patch.setenv("EXPERIENCES_BATCH_SIZE", "100")  # several batches through the sample


def table_dump(db) -> dict[str, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: sorted(map(repr, con.execute(f"SELECT * {RUN_COLUMNS.get(t, '')} FROM {t}").fetchall()))
                for t in STABLE_TABLES}


# Columns that say when and by which run a row was written, not what it holds.
RUN_COLUMNS = {"reports": "EXCLUDE (run_id, loaded_at)", "quarantine": "EXCLUDE (run_id, quarantined_at)"}


def snapshot_dump(path) -> list:
    with duckdb.connect(str(path), read_only=True) as con:
        return sorted(map(repr, con.execute("SELECT * FROM effect_cells").fetchall()))


def all_strings(db) -> str:
    """Every value of every table, as text: what a reader of the file could recover."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [r[0] for r in con.execute("SHOW TABLES").fetchall()]
        return "\n".join(repr(con.execute(f"SELECT * FROM {t}").fetchall()) for t in tables)


def test_counts_reconcile_and_every_line_is_accounted_for(sample_runs):
    first = sample_runs["first"]
    assert first["read"] == first["loaded"] + first["quarantined"] + first["duplicates"]
    jsonl, csv_file = SAMPLE_INPUTS
    lines = sum(1 for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip())
    import csv
    with csv_file.open(newline="", encoding="utf-8") as handle:
        rows = sum(1 for _ in csv.DictReader(handle))
    assert first["read"] == lines + rows
    assert first["ingest_quarantined"] >= 6 and first["duplicates"] >= 6 and first["loaded"] >= 250


def test_runs_are_stored_and_reconcile(sample_runs):
    settings_db = sample_runs["data"] / "experiences.duckdb"
    _, rows = warehouse.query(settings_db, "SELECT status, read, loaded, ingest_quarantined + "
                                           "validation_quarantined, duplicates FROM pipeline_runs ORDER BY started_at")
    assert [r[0] for r in rows] == ["completed", "completed"]
    for _, read, loaded, quarantined, duplicates in rows:
        assert read == loaded + quarantined + duplicates


def test_running_twice_changes_nothing(sample_runs):
    data = sample_runs["data"]
    assert sample_runs["second"]["loaded"] == 0
    assert sample_runs["second"]["read"] == sample_runs["first"]["read"]
    assert table_dump(data / "experiences.duckdb") == sample_runs["after_first"]
    assert snapshot_dump(data / "snapshot.duckdb") == sample_runs["snapshot_first"]


def test_no_personal_data_anywhere_in_the_outputs(sample_runs):
    pii = json.loads((SAMPLE_DIR / "pii.json").read_text(encoding="utf-8"))
    secrets = {s for key in ("authors", "usernames_in_text", "emails", "phones", "urls") for s in pii[key]}
    assert len(secrets) > 50
    data = sample_runs["data"]
    texts = {"warehouse values": all_strings(data / "experiences.duckdb"),
             "snapshot values": all_strings(data / "snapshot.duckdb")}
    for path in data.rglob("*"):
        if path.is_file():
            texts[str(path)] = path.read_bytes().decode("utf-8", errors="replace")
    for where, text in texts.items():
        lowered = text.lower()
        leaked = sorted(s for s in secrets if s.lower() in lowered)
        assert not leaked, f"{where} contains {leaked[:5]}"
        assert KEY not in text, f"{where} contains the pseudonym key"


def test_pseudonyms_are_the_keyed_hmac_of_the_author(sample_runs):
    from experiences.anonymise import Anonymiser
    pii = json.loads((SAMPLE_DIR / "pii.json").read_text(encoding="utf-8"))
    expected = {Anonymiser(KEY.encode()).pseudonym(a) for a in pii["authors"]}
    _, rows = warehouse.query(sample_runs["data"] / "experiences.duckdb",
                              "SELECT DISTINCT author_pseudonym FROM reports WHERE author_pseudonym IS NOT NULL")
    assert {r[0] for r in rows} <= expected and len(rows) > 50


def test_quarantine_says_why(sample_runs):
    _, rows = warehouse.query(sample_runs["data"] / "experiences.duckdb", "SELECT stage, reason FROM quarantine")
    assert rows and all(reason for _, reason in rows)
    assert any(reason.startswith("unparseable JSON") for _, reason in rows)


def test_snapshot_has_shares(sample_runs):
    with duckdb.connect(str(sample_runs["data"] / "snapshot.duckdb"), read_only=True) as con:
        shown = con.execute("SELECT count(*) FROM effect_cells WHERE reports IS NOT NULL AND substance = 'all' "
                            "AND schedule = 'all' AND dose_band = 'all' AND month = 'all'").fetchone()[0]
    assert shown >= 3


def test_run_counts_artifact(sample_runs):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["pipeline-run"])))
    assert any(f"| read | {sample_runs['first']['read']} |" in a.data for a in artifacts)


def test_empty_and_malformed_inputs(prefect_harness, tmp_path, monkeypatch):
    from flows.pipeline import pipeline
    _isolate(monkeypatch, tmp_path / "data")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    summary = pipeline(inputs=[str(empty), str(write_jsonl(tmp_path / "small.jsonl", SMALL_BATCH))])
    assert summary["read"] == len(SMALL_BATCH)
    assert (summary["loaded"], summary["ingest_quarantined"], summary["duplicates"]) == (3, 3, 1)


def test_too_many_validation_failures_fail_the_run(prefect_harness, tmp_path, monkeypatch):
    from flows.pipeline import pipeline
    _isolate(monkeypatch, tmp_path / "data")
    monkeypatch.setenv("EXPERIENCES_MAX_FAILURE_SHARE", "0.1")
    items = [submission(1, "took 0.1g", created_utc=600_000_000), submission(2, "took 0.1g")]  # 1989: before Reddit
    with pytest.raises(ValidationFailed, match="this run: 1 of 2 reports"):
        pipeline(inputs=[str(write_jsonl(tmp_path / "in.jsonl", items))])
    _, rows = warehouse.query(tmp_path / "data" / "experiences.duckdb",
                              "SELECT status, message FROM pipeline_runs")
    assert rows[0][0] == "failed" and "EXPERIENCES_MAX_FAILURE_SHARE" in rows[0][1]
    _, results = warehouse.query(tmp_path / "data" / "experiences.duckdb", "SELECT count(*) FROM validation_results")
    assert results[0][0] == 4  # the results of the failing batch are kept


def test_deployment_has_the_cron_schedule_and_the_data_folder(settings):
    from flows.pipeline import deployment
    built = deployment(["/tmp/x.jsonl"], ["microdosing"], "15 4 * * *", settings)
    assert built.schedules[0].schedule.cron == "15 4 * * *"
    assert built.parameters == {"inputs": ["/tmp/x.jsonl"], "collect": ["microdosing"], "db": str(settings.db_path),
                                "data_dir": str(settings.data_dir)}
