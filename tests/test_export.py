"""`experiences export`: the warehouse's researcher tables as Parquet by month and as CSV."""

import hashlib
from datetime import datetime, timezone

import duckdb
import pytest

from experiences import warehouse
from experiences.cli import main
from experiences.export import TABLES
from fixtures import BASE_TIME, seed_warehouse

REPORTS, UNDATED = 40, 2  # one report every three days from 2023-01-01: four months, and two undated


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = seed_warehouse(tmp_path_factory.mktemp("warehouse") / "seed.duckdb", REPORTS, UNDATED)
    warehouse.start_run(path, "run-1", ["seed.jsonl"])
    warehouse.finish_run(path, "run-1", warehouse.RunCounts(read=REPORTS, loaded=REPORTS), "completed")
    return path


def warehouse_columns(db, table: str) -> list[str]:
    with warehouse.connect(db, read_only=True) as con:
        return [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]


def warehouse_count(db, table: str) -> int:
    with warehouse.connect(db, read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def expected_month(i: int) -> str:
    if i >= REPORTS - UNDATED:
        return "unknown"
    return datetime.fromtimestamp(BASE_TIME + i * 86400 * 3, timezone.utc).strftime("%Y-%m")


def parquet(folder, sql: str = "SELECT * FROM t", hive: bool = True) -> list[tuple]:
    files = duckdb.connect().read_parquet(str(folder / "**" / "*.parquet"), hive_partitioning=hive)
    return files.query("t", sql).fetchall()


def printed(out: str, table: str) -> list[str]:
    """The words of the line the command printed for a table."""
    return next(line.split() for line in out.splitlines() if line.startswith(f"{table} "))


def test_parquet_has_every_row_in_its_reports_month(db, tmp_path, capsys):
    out = tmp_path / "parquet"
    assert main(["export", "--db", str(db), "--parquet", str(out)]) == 0
    for table in TABLES:
        assert parquet(out / table, "SELECT count(*) FROM t") == [(warehouse_count(db, table),)], table
    months = dict(parquet(out / "reports", "SELECT id, month FROM t"))
    assert months == {f"seed{i}": expected_month(i) for i in range(REPORTS)}
    assert {"2023-01", "2023-04", "unknown"} <= set(months.values())
    assert sorted(p.name for p in (out / "reports").iterdir())[-1] == "month=unknown"
    for table in ("dose_mentions", "schedule_mentions", "effect_mentions"):
        assert all(months[report] == month for report, month in parquet(out / table, "SELECT report_id, month FROM t"))
    captured = capsys.readouterr()
    assert printed(captured.out, "reports") == ["reports", str(REPORTS), "rows", "parquet", str(out / "reports")]
    assert "exporting reports as parquet" in captured.err


def test_parquet_files_hold_exactly_the_warehouse_columns(db, tmp_path):
    out = tmp_path / "parquet"
    assert main(["export", "--db", str(db), "--parquet", str(out)]) == 0
    for table in TABLES:
        described = parquet(out / table, "SELECT column_name FROM (DESCRIBE t)", hive=False)
        assert [row[0] for row in described] == warehouse_columns(db, table)


def test_an_empty_table_still_has_a_file_with_its_columns(tmp_path):
    db = tmp_path / "empty.duckdb"
    with warehouse.connect(db):
        pass
    assert main(["export", "--db", str(db), "--parquet", str(tmp_path / "out")]) == 0
    described = parquet(tmp_path / "out" / "reports", "SELECT column_name FROM (DESCRIBE t)", hive=False)
    assert [row[0] for row in described] == warehouse_columns(db, "reports")


def test_csv_has_a_header_and_every_row(db, tmp_path, capsys):
    out = tmp_path / "csv"
    assert main(["export", "--db", str(db), "--csv", str(out)]) == 0
    for table in TABLES:
        path = out / f"{table}.csv"
        assert path.read_text().splitlines()[0].split(",") == warehouse_columns(db, table)
        rows = duckdb.connect().execute("SELECT count(*) FROM read_csv(?, header = true)", [str(path)]).fetchall()
        assert rows == [(warehouse_count(db, table),)]
    assert printed(capsys.readouterr().out, "effect_mentions") == [
        "effect_mentions", str(warehouse_count(db, "effect_mentions")), "rows", "csv", str(out / "effect_mentions.csv")]


def test_a_path_with_a_quote_and_a_space(db, tmp_path):
    out = tmp_path / "it's a folder"
    assert main(["export", "--db", str(db), "--parquet", str(out / "pq"), "--csv", str(out / "csv")]) == 0
    assert parquet(out / "pq" / "reports", "SELECT count(*) FROM t") == [(REPORTS,)]
    assert (out / "csv" / "reports.csv").is_file()


def test_a_folder_that_is_not_empty_is_refused(db, tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["export", "--db", str(db), "--parquet", str(tmp_path / "new"), "--csv", str(tmp_path)]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "is not empty" in error and "--overwrite" in error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # nothing written, not even the other folder


def test_overwrite_replaces_an_earlier_export(db, tmp_path):
    out = tmp_path / "out"
    assert main(["export", "--db", str(db), "--parquet", str(out), "--csv", str(out)]) == 0
    stale = out / "reports" / "month=1999-01"
    stale.mkdir()
    (stale / "data_0.parquet").write_bytes((out / "reports" / "month=2023-01" / "data_0.parquet").read_bytes())
    (out / "notes.txt").write_text("mine")
    assert main(["export", "--db", str(db), "--parquet", str(out), "--csv", str(out), "--overwrite"]) == 0
    assert not stale.exists() and (out / "notes.txt").read_text() == "mine"
    assert parquet(out / "reports", "SELECT count(*) FROM t") == [(REPORTS,)]
    assert len((out / "reports.csv").read_text().splitlines()) == REPORTS + 1


def test_exporting_leaves_the_warehouse_as_it_was(db, tmp_path):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    assert main(["export", "--db", str(db), "--parquet", str(tmp_path / "pq"), "--csv", str(tmp_path / "csv")]) == 0
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_without_warehouse_says_what_to_do(settings, tmp_path, capsys):
    assert main(["export", "--csv", str(tmp_path / "csv")]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "run `experiences demo` or `experiences run" in error
    assert not (tmp_path / "csv").exists()


def test_without_a_format_says_what_to_do(settings, capsys):
    assert main(["export"]) == 2
    assert "give --parquet DIR and/or --csv DIR" in capsys.readouterr().err
