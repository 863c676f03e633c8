"""The README documents every command and every setting."""

import re

import pytest

from experiences.settings import ENVIRONMENT, PROJECT_ROOT
from test_cli import COMMANDS

README = (PROJECT_ROOT / "README.md").read_text()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented(command):
    assert f"`experiences {command}" in README


@pytest.mark.parametrize("variable", sorted(ENVIRONMENT))
def test_every_setting_is_documented(variable):
    assert f"`{variable}`" in README


def test_no_undocumented_setting_is_read():
    source = "\n".join(p.read_text() for p in (PROJECT_ROOT / "src").rglob("*.py"))
    read = set(re.findall(r"EXPERIENCES_[A-Z_]+", source))
    assert read <= set(ENVIRONMENT)


def test_quick_start_is_the_two_commands():
    quick_start = README.split("## Quick start")[1].split("##")[0]
    assert "    make demo\n    make test\n" in quick_start


@pytest.mark.parametrize("table", ["reports", "dose_mentions", "schedule_mentions", "effect_mentions",
                                   "quarantine", "pipeline_runs", "validation_results", "source_progress"])
def test_every_table_is_documented(table):
    assert f"| `{table}` |" in README
    assert f"CREATE TABLE IF NOT EXISTS {table} " in (PROJECT_ROOT / "sql" / "schema.sql").read_text()


def test_every_schema_table_is_documented():
    schema = (PROJECT_ROOT / "sql" / "schema.sql").read_text()
    for table in re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", schema):
        assert f"| `{table}` |" in README, f"README does not document the table {table}"


# docs/schema.md: every table and column of sql/schema.sql, with its type, and nothing else.

SCHEMA_DOC = PROJECT_ROOT / "docs" / "schema.md"


def schema_columns() -> dict[str, dict[str, str]]:
    """{table: {column: type}} of the warehouse that sql/schema.sql creates."""
    import duckdb
    con = duckdb.connect()
    con.execute((PROJECT_ROOT / "sql" / "schema.sql").read_text())
    rows = con.execute("""SELECT table_name, column_name, data_type FROM information_schema.columns
                          WHERE table_schema = 'main' ORDER BY table_name, ordinal_position""").fetchall()
    tables: dict[str, dict[str, str]] = {}
    for table, column, data_type in rows:
        tables.setdefault(table, {})[column] = data_type
    return tables


def documented_columns() -> dict[str, dict[str, str]]:
    """{table: {column: type}} from the "## `table`" sections and "| `column` | TYPE | meaning |" rows."""
    tables: dict[str, dict[str, str]] = {}
    table = None
    for line in SCHEMA_DOC.read_text().splitlines():
        if line.startswith("## "):
            heading = re.fullmatch(r"## `(\w+)`", line.strip())
            table = heading.group(1) if heading else None  # other sections (the snapshot) hold no columns
            if table:
                tables[table] = {}
        elif table and (row := re.match(r"\| `(\w+)` \| ([^|]+?) \| \S", line)):
            tables[table][row.group(1)] = row.group(2)
    return tables


def test_schema_doc_documents_every_table_and_column():
    documented = documented_columns()
    for table, columns in schema_columns().items():
        assert table in documented, f"docs/schema.md has no section ## `{table}`"
        for column, data_type in columns.items():
            assert documented[table].get(column) == data_type, \
                f"docs/schema.md should document {table}.{column} as | `{column}` | {data_type} | meaning |"


def test_schema_doc_documents_nothing_that_is_gone():
    schema = schema_columns()
    for table, columns in documented_columns().items():
        assert table in schema, f"docs/schema.md documents the table {table}, which sql/schema.sql no longer has"
        assert set(columns) <= set(schema[table]), \
            f"docs/schema.md documents {table} columns that are gone: {sorted(set(columns) - set(schema[table]))}"


def test_schema_doc_links_the_snapshot_section():
    text = SCHEMA_DOC.read_text()
    assert "(#published-snapshot)" in text and "\n## Published snapshot\n" in text


# docs/queries.md: every example runs against a seeded warehouse and its export.

QUERIES_DOC = PROJECT_ROOT / "docs" / "queries.md"


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", QUERIES_DOC.read_text(), flags=re.S | re.M)


@pytest.fixture(scope="module")
def researcher_folder(tmp_path_factory):
    """data/experiences.duckdb seeded, and its export in export/parquet and export/csv, as the doc assumes."""
    from experiences import export, warehouse
    from fixtures import seed_warehouse
    folder = tmp_path_factory.mktemp("researcher")
    db = seed_warehouse(folder / "data" / "experiences.duckdb", reports=60, undated=2)
    warehouse.start_run(db, "run-1", ["seed.jsonl"])
    warehouse.finish_run(db, "run-1", warehouse.RunCounts(read=60, loaded=60), "completed")
    export.export(db, folder / "export" / "parquet", folder / "export" / "csv")
    return folder


def test_queries_doc_has_examples():
    assert 6 <= len(code_blocks("sql")) <= 10 and code_blocks("python")


@pytest.mark.parametrize("index", range(len(code_blocks("sql"))))
def test_every_sql_example_runs(index, researcher_folder, monkeypatch):
    from experiences.warehouse import query
    monkeypatch.chdir(researcher_folder)  # the Parquet examples read export/parquet/...
    before = (researcher_folder / "data" / "experiences.duckdb").read_bytes()
    columns, rows = query(researcher_folder / "data" / "experiences.duckdb", code_blocks("sql")[index])
    assert columns
    assert (researcher_folder / "data" / "experiences.duckdb").read_bytes() == before


@pytest.mark.parametrize("index", range(len(code_blocks("python"))))
def test_every_python_example_runs(index, researcher_folder, monkeypatch):
    monkeypatch.chdir(researcher_folder)
    exec(compile(code_blocks("python")[index], f"docs/queries.md python block {index}", "exec"), {})


def test_readme_links_the_researcher_docs():
    assert "docs/schema.md" in README and "docs/queries.md" in README


def test_schema_doc_documents_every_snapshot_table_and_column(tmp_path):
    import duckdb

    from fixtures import seed_snapshot
    section = (PROJECT_ROOT / "docs" / "schema.md").read_text().split("\n## Published snapshot\n")[1]
    with duckdb.connect(str(seed_snapshot(tmp_path)), read_only=True) as con:
        columns = con.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall()
    for table, column in columns:
        assert f"`{table}`" in section, f"docs/schema.md does not describe the snapshot table {table}"
        assert f"`{column}`" in section, f"docs/schema.md does not describe {table}.{column}"
