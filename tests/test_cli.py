import json

import pytest

from experiences.cli import build_parser, main

COMMANDS = ["demo", "run", "extract", "dashboard", "serve", "evaluate", "query", "export"]


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return list(action.choices)


def test_the_command_set():
    assert subcommands() == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: experiences {command}") and len(out.splitlines()) > 4


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_extract_files(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "0.1g, no headache"}\nbroken\n')
    assert main(["extract", str(source), "-o", str(tmp_path / "out.jsonl")]) == 0
    first, second = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert first["doses"][0]["low"] == 0.1 and first["effects"][0]["status"] == "negated"
    assert "error" in second
    assert "extracted 1 of 2 lines (1 errors)" in capsys.readouterr().err


def test_extract_missing_file_says_so(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_run_with_missing_input_says_so(settings, tmp_path, capsys):
    assert main(["run", "--input", str(tmp_path / "nope.jsonl")]) == 2
    assert "no such input file" in capsys.readouterr().err


def test_query_without_warehouse_says_what_to_do(settings, capsys):
    assert main(["query", "SELECT 1"]) == 1
    assert "run `experiences demo`" in capsys.readouterr().err


def test_query_formats_and_refuses_writes(settings, capsys):
    from experiences import warehouse
    with warehouse.connect(settings.db_path):
        pass
    assert main(["query", "SELECT 1 AS one, 'x' AS two", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"one": 1, "two": "x"}
    assert main(["query", "SELECT 1 AS one", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["one", "1"]
    assert main(["query", "DROP TABLE reports"]) == 1
    assert "read-only" in capsys.readouterr().err


def test_serve_without_prefect_server_says_what_to_do(settings, monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["serve", "--input", "x.jsonl"]) == 1
    assert "prefect server start" in capsys.readouterr().err


def test_dashboard_without_snapshot_says_what_to_do(settings, capsys):
    assert main(["dashboard"]) == 1
    assert "no snapshot" in capsys.readouterr().err


def test_bad_failure_share_setting_is_explained(monkeypatch):
    from experiences.settings import Settings
    monkeypatch.setenv("EXPERIENCES_MAX_FAILURE_SHARE", "lots")
    with pytest.raises(SystemExit, match="EXPERIENCES_MAX_FAILURE_SHARE='lots' is not a number"):
        Settings.from_env()


def test_a_reader_that_goes_away_is_no_error(tmp_path):
    """`experiences evaluate ... | head -3`: the closed pipe ends the command quietly, with status 0."""
    import subprocess
    import sys
    gold, posts = tmp_path / "gold.jsonl", tmp_path / "in.jsonl"
    gold.write_text(json.dumps({"id": "x", "doses": [], "schedules": [], "effects": []}) + "\n")
    posts.write_text(json.dumps({"id": "x", "text": "0.1g"}) + "\n")
    code = ("import os, sys\n"
            "read, write = os.pipe(); os.close(read); os.dup2(write, 1)\n"  # stdout: a pipe nobody reads
            "from experiences.cli import main\n"
            f"sys.exit(main(['evaluate', '--by-effect', {str(gold)!r}, {str(posts)!r}]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
