"""Live collection through the flow: praw over HTTP against the local Reddit-compatible server."""

from __future__ import annotations

import pytest

import reddit_server
from experiences import warehouse
from experiences.sources.reddit import RedditError

pytestmark = pytest.mark.slow


@pytest.fixture
def server():
    with reddit_server.RedditServer() as running:
        running.submissions = running.seed(120, comments_per_submission=3, seed=1)
        yield running


@pytest.fixture
def data(tmp_path, monkeypatch, server):
    for name in ("EXPERIENCES_DB", "EXPERIENCES_SNAPSHOT", "EXPERIENCES_MAX_FAILURE_SHARE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EXPERIENCES_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("EXPERIENCES_PSEUDONYM_KEY", "reddit-test-key-0123456789")
    monkeypatch.setenv("EXPERIENCES_BATCH_SIZE", "60")
    monkeypatch.setenv("EXPERIENCES_RECHECK_DAYS", "0")
    monkeypatch.setenv("EXPERIENCES_REDDIT_OAUTH_URL", server.url)
    monkeypatch.setenv("EXPERIENCES_REDDIT_URL", server.url)
    monkeypatch.setenv("praw_client_id", server.client_id)
    monkeypatch.setenv("praw_client_secret", server.client_secret)
    monkeypatch.setenv("praw_user_agent", "experiences tests")
    return tmp_path / "data"


def ids(data) -> set[str]:
    return {row[0] for row in warehouse.query(data / "experiences.duckdb", "SELECT id FROM reports")[1]}


def everything(server) -> set[str]:
    return set(server.submissions) | {c for s in server.submissions for c in server.comment_fullnames(s)}


def test_collects_submissions_and_whole_comment_trees_incrementally(prefect_harness, data, server):
    from flows.pipeline import pipeline
    first = pipeline(collect=["microdosing"])
    assert first["loaded"] == 120 * 4 and first["read"] == first["loaded"] + first["quarantined"] + first["duplicates"]
    assert {i[:3] for i in ids(data)} == {"t3_", "t1_"}
    server.seed(2, comments_per_submission=2, seed=9, start_utc=reddit_server.BASE_UTC + 10**7)
    server.clear_requests()
    second = pipeline(collect=["microdosing"])
    assert (second["read"], second["loaded"]) == (6, 6)  # only what is new since the high-water mark
    listing_pages = server.find_requests("/r/microdosing/new")
    assert len(listing_pages) == 1


def test_a_stopped_collection_resumes_with_no_gaps_and_no_duplicates(prefect_harness, data, server):
    from flows.pipeline import pipeline
    newest_first = sorted(server.submissions, key=lambda name: -server.get(name)["created_utc"])
    server.fail_next(f"/comments/{newest_first[70][3:]}", 403)  # mid-way through the collection
    with pytest.raises(RedditError, match="rejected the credentials"):
        pipeline(collect=["microdosing"])
    partly = ids(data)
    assert 0 < len(partly) < 480
    summary = pipeline(collect=["microdosing"])
    assert ids(data) == everything(server)
    assert summary["duplicates"] == len(partly) and summary["loaded"] == 480 - len(partly)
    runs = warehouse.query(data / "experiences.duckdb", "SELECT status FROM pipeline_runs ORDER BY started_at")[1]
    assert runs == [("failed",), ("completed",)]


def test_deleted_items_leave_the_warehouse_and_the_aggregates(prefect_harness, data, server, monkeypatch):
    from flows.pipeline import pipeline
    pipeline(collect=["microdosing"])
    victim = sorted(i for i in ids(data) if i.startswith("t1_"))[0]
    post = sorted(i for i in ids(data) if i.startswith("t3_"))[0]
    server.delete(victim)
    server.delete(post, removed=True)
    monkeypatch.setenv("EXPERIENCES_RECHECK_DAYS", "100000")
    summary = pipeline(collect=["microdosing"])
    assert summary["removed"] == 2
    assert victim not in ids(data) and post not in ids(data)
    leftovers = warehouse.query(data / "experiences.duckdb",
                                "SELECT count(*) FROM effect_mentions WHERE report_id IN (?, ?)", [victim, post])[1]
    assert leftovers == [(0,)]
    total = warehouse.query(data / "snapshot.duckdb", "SELECT reports FROM snapshot_info")[1][0][0]
    assert total == len(ids(data))


def test_429_is_retried_after_its_retry_after(prefect_harness, data, server):
    from flows.pipeline import pipeline
    server.fail_next("/r/microdosing/new", 429, headers={"Retry-After": "1"})
    assert pipeline(collect=["microdosing"])["loaded"] == 480
    statuses = [r.status for r in server.find_requests("/r/microdosing/new")]
    assert statuses[:2] == [429, 200]


def test_missing_and_rejected_credentials_say_what_to_set(data, server, monkeypatch):
    from experiences.settings import Settings
    from experiences.sources import reddit
    monkeypatch.setenv("praw_client_secret", "wrong")
    client = reddit.connect(Settings.from_env().reddit)
    with pytest.raises(RedditError, match="rejected the credentials.*praw_client_id, praw_client_secret"):
        list(reddit.collect(client, "microdosing", 0, [], Settings.from_env().reddit))
    monkeypatch.delenv("praw_client_id")
    with pytest.raises(RedditError, match="credentials are missing: set praw_client_id"):
        reddit.connect(Settings.from_env().reddit)


def test_one_author_one_pseudonym_from_every_source(prefect_harness, data, server, tmp_path):
    import json

    import zstandard

    from flows.pipeline import pipeline
    server.add_submission("microdosing", "same1", "week one", "took 0.1g, calmer", author="Same_Author",
                          created_utc=reddit_server.BASE_UTC + 10**8)
    export = tmp_path / "export.jsonl"
    export.write_text(json.dumps({"id": "exp1", "text": "10ug, focused", "author": "same_author"}) + "\n")
    dump = tmp_path / "RC_2023-01.zst"
    line = {"id": "d1", "name": "t1_d1", "author": "SAME_AUTHOR", "created_utc": 1672531200,
            "subreddit": "microdosing", "body": "fadiman, no headaches", "link_id": "t3_x", "parent_id": "t3_x"}
    dump.write_bytes(zstandard.ZstdCompressor().compress(json.dumps(line).encode() + b"\n"))
    pipeline(inputs=[str(export), str(dump)], collect=["microdosing"])
    rows = warehouse.query(data / "experiences.duckdb", "SELECT DISTINCT author_pseudonym FROM reports "
                                                       "WHERE id IN ('t3_same1', 'exp1', 't1_d1')")[1]
    assert len(rows) == 1 and rows[0][0]
    key = "reddit-test-key-0123456789"
    for path in data.rglob("*"):
        if path.is_file():
            body = path.read_bytes()
            assert key.encode() not in body and b"Same_Author" not in body and b"same_author" not in body.lower()
