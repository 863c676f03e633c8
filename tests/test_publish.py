import duckdb
import pytest

from experiences import publish, warehouse
from experiences.frames import to_frames
from experiences.records import Report


def load(db, n_with: int, n_without: int):
    reports, records = [], []
    for i in range(n_with + n_without):
        rid = f"r{i}"
        reports.append(Report(rid, "record", "", "text", f"{i:032x}", 1672531200.0, None, None, "t"))
        effects = [{"effect": "headache", "kind": "side_effect", "category": "physiological_discomfort",
                    "status": "present", "text": "headache", "start": 0, "end": 8}] if i < n_with else []
        effects.append({"effect": "nausea_gi", "kind": "side_effect", "category": "physiological_discomfort",
                        "status": "negated", "text": "nausea", "start": 0, "end": 6})
        records.append({"id": rid, "substances": ["psilocybin"], "doses": [], "schedules": [], "effects": effects})
    warehouse.load_batch(db, "run", to_frames(reports, records), [])


def shares(snapshot):
    with duckdb.connect(str(snapshot), read_only=True) as con:
        return {row[0]: row[1:] for row in con.execute(
            """SELECT measure, reports, reports_total, reports / reports_total FROM effect_cells
               WHERE level = 'effect' AND substance = 'all' AND schedule = 'all' AND dose_band = 'all'
                 AND month = 'all'""").fetchall()}


def test_snapshot_has_shares_of_present_mentions_only(tmp_path):
    db, snap = tmp_path / "w.duckdb", tmp_path / "snap.duckdb"
    load(db, 12, 28)
    publish.publish(db, snap)
    got = shares(snap)
    assert got["headache"] == (12, 40, 0.3)
    assert "nausea_gi" not in got  # only ever negated: not an effect anyone reported


def test_small_counts_are_withheld(tmp_path):
    db, snap = tmp_path / "w.duckdb", tmp_path / "snap.duckdb"
    load(db, 10, 30)
    publish.publish(db, snap)
    assert shares(snap)["headache"] == (None, 40, None)


def test_a_small_complement_is_withheld_too(tmp_path):
    db, snap = tmp_path / "w.duckdb", tmp_path / "snap.duckdb"
    load(db, 35, 5)
    publish.publish(db, snap)
    assert shares(snap)["headache"] == (None, 40, None)  # 5 without a headache would be revealed


def test_snapshot_holds_aggregates_only(tmp_path):
    db, snap = tmp_path / "w.duckdb", tmp_path / "snap.duckdb"
    load(db, 12, 0)
    publish.publish(db, snap)
    with duckdb.connect(str(snap), read_only=True) as con:
        tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
        columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns").fetchall()}
    assert tables == {"effect_cells", "published_challenges", "snapshot_info"}
    assert not columns & {"text", "title", "author_pseudonym", "report_id", "mention"}


def test_republishing_replaces_the_snapshot_while_a_reader_has_it_open(tmp_path):
    db, snap = tmp_path / "w.duckdb", tmp_path / "snap.duckdb"
    load(db, 12, 0)
    publish.publish(db, snap)
    with duckdb.connect(str(snap), read_only=True) as reader:
        load(db, 20, 0)
        publish.publish(db, snap)
        assert reader.execute("SELECT reports FROM snapshot_info").fetchone()[0] == 12
    with duckdb.connect(str(snap), read_only=True) as fresh:
        assert fresh.execute("SELECT reports FROM snapshot_info").fetchone()[0] == 20


def test_publishing_apart_writes_the_same_snapshot(tmp_path):
    db = tmp_path / "w.duckdb"
    load(db, 12, 28)
    publish.publish_apart(db, tmp_path / "apart.duckdb")
    publish.publish(db, tmp_path / "here.duckdb")
    assert shares(tmp_path / "apart.duckdb") == shares(tmp_path / "here.duckdb")


def test_publishing_apart_reports_the_failure(tmp_path):
    (tmp_path / "not-a-database.duckdb").write_text("this is not DuckDB")
    with pytest.raises(publish.PublishError, match="publishing .* failed: "):
        publish.publish_apart(tmp_path / "not-a-database.duckdb", tmp_path / "snap.duckdb")
