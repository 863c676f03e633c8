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
