import sys

import pytest

from experiences import publish
from experiences.sample import synthetic


@pytest.fixture(scope="session")
def synthetic_snapshot(tmp_path_factory):
    """A snapshot of 3,000 synthetic reports over six months (and its warehouse beside it)."""
    directory = tmp_path_factory.mktemp("synthetic")
    db = synthetic.build(directory / "warehouse.duckdb", 3000, months=6)
    return publish.publish(db, directory / "snapshot.duckdb")


@pytest.fixture(autouse=True)
def keep_main_module():
    """AppTest leaves the app script installed as sys.modules['__main__']; a process spawned
    later in the session (a Dask worker) would then re-run the app and fail to import panels."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main
