from __future__ import annotations

import os
from pathlib import Path

import pytest

from experiences.settings import PROJECT_ROOT, Settings

SHARED = Path(os.environ.get("EXPERIENCES_SHARED", PROJECT_ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "microdosing_reports.jsonl"


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    """Settings pointing at a fresh data folder, with a fixed pseudonym key."""
    for name in ("EXPERIENCES_DB", "EXPERIENCES_SNAPSHOT", "EXPERIENCES_MAX_FAILURE_SHARE", "EXPERIENCES_BATCH_SIZE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EXPERIENCES_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("EXPERIENCES_PSEUDONYM_KEY", "test-key-0123456789abcdef")
    return Settings.from_env()


@pytest.fixture
def corpus() -> Path:
    """The real corpus in ../shared; tests using it skip on a user's clone, which has none."""
    if not CORPUS.is_file():
        pytest.skip(f"{CORPUS} is absent (../shared is the maintainers' evaluation material)")
    return CORPUS


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """One temporary Prefect API for all flow tests (it takes seconds to start)."""
    home = tmp_path_factory.mktemp("prefect-home")
    os.environ["PREFECT_HOME"] = str(home)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def make_dumps():
    """benchmarks/make_dumps.py's writer, for tests that need dump files."""
    import importlib.util
    from experiences.settings import PROJECT_ROOT
    spec = importlib.util.spec_from_file_location("make_dumps", PROJECT_ROOT / "benchmarks" / "make_dumps.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_dumps
