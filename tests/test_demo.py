"""`experiences demo` as a user runs it: a subprocess, Prefect's own temporary server, a fresh data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from experiences.settings import SAMPLE_DIR

pytestmark = pytest.mark.slow


def test_demo_prints_the_summary_and_writes_no_personal_data_anywhere(tmp_path):
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "EXPERIENCES_"))}
    result = subprocess.run([sys.executable, "-m", "experiences.cli", "demo", "--data", str(data)],
                            env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert "read 320 = loaded " in out and "top side effects" in out
    assert f"warehouse: {data / 'experiences.duckdb'}" in out and "experiences dashboard" in out
    assert (data / "prefect" / "prefect.db").is_file()  # Prefect's state stays in the data folder
    assert "generated a new pseudonym key" in result.stderr

    pii = json.loads((SAMPLE_DIR / "pii.json").read_text(encoding="utf-8"))
    secrets = {s.lower() for key in ("authors", "usernames_in_text", "emails", "phones", "urls") for s in pii[key]}
    key = (data / "pseudonym.key").read_text().strip()
    places = {"standard output": out, "standard error": result.stderr}
    places |= {str(p): p.read_bytes().decode("utf-8", "replace") for p in data.rglob("*")
               if p.is_file() and p.name != "pseudonym.key"}
    for where, text in places.items():
        leaked = sorted(s for s in secrets if s in text.lower())
        assert not leaked, f"{where} contains {leaked[:5]}"
        assert key not in text, f"{where} contains the pseudonym key"
