import pytest

from experiences import publish
from experiences.sample import synthetic


@pytest.fixture(scope="session")
def synthetic_snapshot(tmp_path_factory):
    """A snapshot of 3,000 synthetic reports over six months (and its warehouse beside it)."""
    directory = tmp_path_factory.mktemp("synthetic")
    db = synthetic.build(directory / "warehouse.duckdb", 3000, months=6)
    return publish.publish(db, directory / "snapshot.duckdb")
