import duckdb
import pytest

from experiences import warehouse
from experiences.frames import to_frames
from experiences.records import Quarantined, Report


def report(rid: str, text: str = "took 0.1g") -> Report:
    return Report(rid, "record", "", text, "0" * 32, 1672531200.0, None, None, "t.jsonl")


def record(rid: str) -> dict:
    return {"id": rid, "substances": ["psilocybin"], "schedules": [], "effects": [],
            "doses": [{"substance": "psilocybin", "low": 0.1, "high": 0.1, "unit": "g", "text": "0.1g",
                       "start": 5, "end": 9}]}


def counts(db):
    with warehouse.connect(db, read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in warehouse.RESEARCH_TABLES}


def test_load_is_idempotent_and_replaces_changed_reports(tmp_path):
    db = tmp_path / "w.duckdb"
    frames = to_frames([report("a"), report("b")], [record("a"), record("b")])
    bad = [Quarantined.at_ingest("t.jsonl", 3, "unparseable JSON", b"{")]
    assert warehouse.load_batch(db, "r1", frames, bad) == warehouse.Loaded(2, 0, 0)
    before = counts(db)
    assert warehouse.load_batch(db, "r2", frames, bad) == warehouse.Loaded(0, 2, 0)
    assert counts(db) == before
    changed = to_frames([report("a", "took 0.2g now")], [record("a")])
    assert warehouse.load_batch(db, "r3", changed, []) == warehouse.Loaded(1, 0, 0)
    assert counts(db) == before
    with warehouse.connect(db, read_only=True) as con:
        assert con.execute("SELECT text FROM reports WHERE id = 'a'").fetchall() == [("took 0.2g now",)]


def test_a_failing_batch_leaves_nothing_behind(tmp_path):
    db = tmp_path / "w.duckdb"
    frames = to_frames([report("a")], [record("a")])
    frames.dose_mentions.loc[0, "unit"] = None  # violates NOT NULL after the report rows went in
    with pytest.raises(duckdb.Error):
        warehouse.load_batch(db, "r1", frames, [])
    assert counts(db)["reports"] == 0


def test_completed_runs_must_reconcile(tmp_path):
    db = tmp_path / "w.duckdb"
    warehouse.start_run(db, "r1", ["x"])
    with pytest.raises(duckdb.ConstraintException):
        warehouse.finish_run(db, "r1", warehouse.RunCounts(read=3, loaded=1), "completed")
    warehouse.finish_run(db, "r1", warehouse.RunCounts(read=3, loaded=1, duplicates=2), "completed")


def test_query_is_read_only(tmp_path):
    db = tmp_path / "w.duckdb"
    warehouse.load_batch(db, "r1", to_frames([report("a")], [record("a")]), [])
    assert warehouse.query(db, "SELECT id FROM reports") == (["id"], [("a",)])
    with pytest.raises(duckdb.Error, match="read-only"):
        warehouse.query(db, "DELETE FROM reports")


def test_missing_warehouse_is_a_clear_error(tmp_path):
    with pytest.raises(warehouse.WarehouseError, match="run `experiences demo`"):
        warehouse.query(tmp_path / "none.duckdb", "SELECT 1")


def test_deleted_on_reddit_takes_the_report_and_its_mentions_out(tmp_path):
    from experiences.sources.files import DELETED
    db = tmp_path / "w.duckdb"
    warehouse.load_batch(db, "r1", to_frames([report("a"), report("b")], [record("a"), record("b")]), [])
    gone = Quarantined("ingest", "t.jsonl", 7, "a", DELETED, "fp-a")
    assert warehouse.load_batch(db, "r2", to_frames([], []), [gone]).removed == 1
    assert warehouse.query(db, "SELECT id FROM reports")[1] == [("b",)]
    assert warehouse.query(db, "SELECT DISTINCT report_id FROM dose_mentions")[1] == [("b",)]
    assert warehouse.load_batch(db, "r3", to_frames([], []), [gone]).removed == 0


def test_checkpoints_resume_unfinished_sources_only(tmp_path):
    db = tmp_path / "w.duckdb"
    empty = to_frames([], [])
    warehouse.load_batch(db, "r1", empty, [], warehouse.Progress("RS.zst", 5000, False))
    assert warehouse.resume_line(db, "RS.zst") == 5000
    warehouse.load_batch(db, "r1", empty, [], warehouse.Progress("RS.zst", 9000, True))
    assert warehouse.resume_line(db, "RS.zst") == 0
    warehouse.load_batch(db, "r2", empty, [], warehouse.Progress("reddit:r/x", 10, True, 1700000000.0))
    warehouse.load_batch(db, "r3", empty, [], warehouse.Progress("reddit:r/x", 3, False))
    assert warehouse.high_water(db, "reddit:r/x") == 1700000000.0  # a partial run keeps the old mark
