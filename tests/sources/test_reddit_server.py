"""praw 8 / prawcore 4 against the local Reddit-compatible server (tests/reddit_server.py).

Real praw, real HTTP on 127.0.0.1; nothing in praw or prawcore is patched. Where prawcore
retries (401, 408, 5xx, timeouts) it sleeps ``2 * random.random()`` seconds before the first
retry and ``2 + 2 * random.random()`` before the second; ``small_jitter()`` seeds the
standard ``random`` module so those draws are tiny (state restored afterwards), which
keeps the suite at a few seconds. Only the fixed 2 s before a second retry remains.
"""

from __future__ import annotations

import base64
import json
import random
import threading
import time
import urllib.error
import urllib.request

import praw
import prawcore
import pytest
import requests
from praw.models import Comment, MoreComments

import reddit_server
from reddit_server import BASE_UTC, THREAD_PREFIX, RedditServer

CLIENT_ID = "md-collector-test"
CLIENT_SECRET = "md-collector-secret"
USER_AGENT = "experiences-tests/0.1 by u/experiences-maintainers"

# random.seed(JITTER_SEED) makes the next random.random() draws all < 0.01 (CPython's
# Mersenne Twister); checked below so a different RNG only makes tests slower, never wrong.
JITTER_SEED = 398039


def small_jitter() -> None:
    """Seed the global RNG so prawcore's next retry sleeps are near their minimum."""
    random.seed(JITTER_SEED)


@pytest.fixture(autouse=True)
def _restore_global_random():
    state = random.getstate()
    yield
    random.setstate(state)


def server_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(THREAD_PREFIX)]


@pytest.fixture
def server():
    with RedditServer(client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as srv:
        yield srv
        assert srv.errors == [], "\n".join(srv.errors)
    assert server_threads() == []


def make_reddit(server: RedditServer, http: requests.Session, **overrides) -> praw.Reddit:
    kwargs = dict(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, user_agent=USER_AGENT,
                  oauth_url=server.url, reddit_url=server.url, check_for_updates=False,
                  requestor_kwargs={"session": http})
    kwargs.update(overrides)
    return praw.Reddit(**kwargs)


@pytest.fixture
def http():
    """The requests.Session praw talks through (closed at teardown: no dangling sockets)."""
    with requests.Session() as session:
        yield session


@pytest.fixture
def reddit(server, http):
    return make_reddit(server, http)


def raw_get(server: RedditServer, path: str, token: str | None = None) -> tuple[int, dict, object]:
    """Plain urllib, for checks on the wire format itself."""
    request = urllib.request.Request(server.url + path)
    if token:
        request.add_header("Authorization", f"bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read() or b"null")


def raw_token(server: RedditServer, client_secret: str = CLIENT_SECRET) -> tuple[int, dict]:
    basic = base64.b64encode(f"{CLIENT_ID}:{client_secret}".encode()).decode()
    request = urllib.request.Request(server.url + "/api/v1/access_token", data=b"grant_type=client_credentials",
                                     headers={"Authorization": f"Basic {basic}"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_jitter_seed_gives_small_draws():
    small_jitter()
    draws = [random.random() for _ in range(3)]
    if max(draws) >= 0.01:
        pytest.skip("this Python's RNG differs: retry tests still pass, only slower")
    assert max(draws) < 0.01


# --------------------------------------------------------------------------- auth


def test_token_exchange_then_bearer_requests(server, reddit):
    server.seed(3)
    assert server.requests == []  # praw.Reddit() itself sends nothing; the token is lazy
    list(reddit.subreddit("microdosing").new(limit=3))

    token_call, listing_call = server.requests
    assert (token_call.method, token_call.path, token_call.form) == (
        "POST", "/api/v1/access_token", {"grant_type": "client_credentials"})
    scheme, encoded = token_call.headers["authorization"].split(" ")
    assert scheme == "Basic" and base64.b64decode(encoded).decode() == f"{CLIENT_ID}:{CLIENT_SECRET}"
    assert token_call.headers["connection"] == "close"
    assert token_call.status == 200

    assert (listing_call.method, listing_call.path) == ("GET", "/r/microdosing/new")
    assert listing_call.query == {"limit": "3", "raw_json": "1"}
    assert listing_call.headers["authorization"].startswith("bearer ")
    assert listing_call.headers["user-agent"] == f"{USER_AGENT} PRAW/{praw.__version__} prawcore/{prawcore.__version__}"
    assert server.tokens_issued == 1


def test_wrong_client_secret_raises_response_exception_401(server, http):
    server.seed(1)
    reddit = make_reddit(server, http, client_secret="not-the-secret")
    with pytest.raises(prawcore.exceptions.ResponseException) as caught:
        list(reddit.subreddit("microdosing").new(limit=1))
    assert type(caught.value) is prawcore.exceptions.ResponseException  # not OAuthException
    assert caught.value.response.status_code == 401
    assert caught.value.response.json() == {"message": "Unauthorized", "error": 401}
    assert [(r.path, r.status) for r in server.requests] == [("/api/v1/access_token", 401)]  # no retry


def test_wrong_password_raises_oauth_exception(server, http):
    server.add_user("md_script_user", "right-password")
    server.seed(1)
    reddit = make_reddit(server, http, username="md_script_user", password="wrong-password")
    with pytest.raises(prawcore.exceptions.OAuthException) as caught:
        list(reddit.subreddit("microdosing").new(limit=1))
    assert caught.value.error == "invalid_grant"
    assert server.requests[0].form == {"grant_type": "password", "username": "md_script_user",
                                       "password": "wrong-password"}

    good = make_reddit(server, http, username="md_script_user", password="right-password")
    assert len(list(good.subreddit("microdosing").new(limit=1))) == 1


def test_expired_token_is_renewed_transparently(server, reddit):
    server.seed(5)
    assert len(list(reddit.subreddit("microdosing").new(limit=5))) == 5
    server.expire_tokens()
    server.clear_requests()
    small_jitter()
    assert len(list(reddit.subreddit("microdosing").new(limit=5))) == 5
    assert [(r.method, r.path, r.status) for r in server.requests] == [
        ("GET", "/r/microdosing/new", 401), ("POST", "/api/v1/access_token", 200), ("GET", "/r/microdosing/new", 200)]
    assert server.tokens_issued == 2


def test_auth_wire_format(server):
    assert raw_token(server, "wrong") == (401, {"message": "Unauthorized", "error": 401})
    status, payload = raw_token(server)
    assert status == 200 and set(payload) == {"access_token", "token_type", "expires_in", "scope"}
    assert (payload["token_type"], payload["expires_in"], payload["scope"]) == ("bearer", 3600, "*")

    status, headers, body = raw_get(server, "/r/microdosing/new?raw_json=1", token="forged")
    assert (status, body) == (401, {"message": "Unauthorized", "error": 401})
    assert headers["www-authenticate"] == 'Bearer realm="reddit", error="invalid_token"'
    assert "x-ratelimit-remaining" not in headers


# --------------------------------------------------------------------------- listings


def test_new_pages_through_everything_newest_first(server, reddit):
    seeded = server.seed(250, comments_per_submission=2, seed=7)
    posts = list(reddit.subreddit("microdosing").new(limit=None))

    assert [p.fullname for p in posts] == list(reversed(seeded))  # seeded oldest first
    times = [p.created_utc for p in posts]
    assert times == sorted(times, reverse=True)

    pages = server.find_requests("/r/microdosing/new")
    assert [r.query.get("after") for r in pages] == [None, posts[99].fullname, posts[199].fullname]
    assert all(r.query["limit"] == "1024" and r.query["raw_json"] == "1" for r in pages)  # limit=None

    sample = posts[123]
    stored = server.get(sample.fullname)
    assert isinstance(sample.created_utc, float)
    for key in ("id", "name", "title", "selftext", "created_utc", "num_comments", "permalink", "score", "url",
                "subreddit_id", "is_self", "over_18", "edited", "link_flair_text", "removed_by_category"):
        assert getattr(sample, key) == stored[key], key
    assert sample.author.name == stored["author"]
    assert sample.subreddit.display_name == "microdosing"
    assert sample.num_comments == 2
    assert sample.permalink.startswith(f"/r/microdosing/comments/{sample.id}/") and sample.permalink.endswith("/")
    assert any("&" in p.selftext or ">" in p.selftext for p in posts)  # raw_json=1: not entity-escaped


def test_limit_before_and_listing_envelope(server, reddit):
    server.seed(30)
    everything = list(reddit.subreddit("microdosing").new(limit=None))
    assert len(everything) == 30

    newer = list(reddit.subreddit("microdosing").new(limit=5, params={"before": everything[10].fullname}))
    assert [p.fullname for p in newer] == [p.fullname for p in everything[5:10]]
    assert server.requests[-1].query == {"limit": "5", "before": everything[10].fullname, "raw_json": "1"}

    page = reddit.request(method="GET", path="/r/microdosing/new", params={"limit": 10, "count": 10,
                                                                           "after": everything[9].fullname})
    assert page["kind"] == "Listing"
    assert set(page["data"]) == {"after", "before", "dist", "modhash", "geo_filter", "children"}
    assert page["data"]["dist"] == 10
    assert page["data"]["after"] == everything[19].fullname
    assert page["data"]["before"] == everything[10].fullname
    assert {c["kind"] for c in page["data"]["children"]} == {"t3"}

    last = reddit.request(method="GET", path="/r/microdosing/new", params={"after": everything[24].fullname})
    assert len(last["data"]["children"]) == 5 and last["data"]["after"] is None
    unknown = reddit.request(method="GET", path="/r/microdosing/new", params={"after": "t3_zzzzzz"})
    assert unknown["data"]["children"] == []


def test_unknown_subreddit_is_a_redirect(server, reddit):
    with pytest.raises(prawcore.exceptions.Redirect) as caught:
        list(reddit.subreddit("nosuchsubreddit").new(limit=5))
    assert caught.value.path == "/subreddits/search"


def test_ratelimit_headers_and_pacing(server, http):
    server.seed(3)
    status, payload = raw_token(server)
    status, headers, _ = raw_get(server, "/r/microdosing/new?raw_json=1", token=payload["access_token"])
    assert status == 200
    assert headers["Content-Type"] == "application/json; charset=UTF-8"
    assert float(headers["x-ratelimit-remaining"]) > 900
    assert int(headers["x-ratelimit-used"]) >= 1 and int(headers["x-ratelimit-reset"]) in (0, 1)

    reddit = make_reddit(server, http)
    start = time.monotonic()
    for _ in range(40):  # default headers never make prawcore wait
        list(reddit.subreddit("microdosing").new(limit=1))
    assert time.monotonic() - start < 2

    server.set_ratelimit(remaining=0, used=1000, reset=1)
    list(reddit.subreddit("microdosing").new(limit=1))
    server.set_ratelimit()
    start = time.monotonic()
    list(reddit.subreddit("microdosing").new(limit=1))  # prawcore sleeps until the reset
    assert time.monotonic() - start >= 0.9


# --------------------------------------------------------------------------- comment trees


def test_replace_more_expands_the_full_tree(server, reddit):
    server.max_depth = 4  # deeper replies come back as "continue this thread" stubs
    server.morechildren_limit = 12
    (link,) = server.seed(1, comments_per_submission=90, seed=3)
    # a guaranteed deep chain
    parent = link
    for level in range(9):
        parent = server.add_comment(link, parent, f"chain{level}", f"Reply at level {level}: 0.1 g & fine.",
                                    "deep_thread", BASE_UTC + 10_000_000 + level)
    expected = server.comment_fullnames(link)
    assert len(expected) == 99

    submission = reddit.submission(link[3:])
    submission.comment_limit = 20
    assert submission.num_comments == 99
    first = submission.comments.list()
    assert any(isinstance(c, MoreComments) for c in first)
    assert sum(isinstance(c, Comment) for c in first) == 20

    assert submission.comments.replace_more(limit=None) == []
    comments = submission.comments.list()
    assert all(isinstance(c, Comment) for c in comments)
    assert len(comments) == submission.num_comments == 99
    assert sorted(c.fullname for c in comments) == sorted(expected)
    for c in comments:
        stored = server.get(c.fullname)
        assert (c.parent_id, c.link_id, c.body, c.created_utc) == (
            stored["parent_id"], link, stored["body"], stored["created_utc"])
    deepest = next(c for c in comments if c.id == "chain8")
    assert deepest.parent_id == "t1_chain7" and deepest.body == "Reply at level 8: 0.1 g & fine."

    first_call = server.find_requests("/comments/")[0]
    assert first_call.query == {"limit": "20", "sort": "confidence", "raw_json": "1"}
    more_calls = server.find_requests("/api/morechildren")
    assert more_calls and all(r.method == "POST" for r in more_calls)
    assert {r.form["link_id"] for r in more_calls} == {link}
    assert all(r.form["api_type"] == "json" and r.form["sort"] == "confidence" and r.form["children"]
               for r in more_calls)
    continued = [r.path for r in server.find_requests("/comments/") if "/_/" in r.path]
    assert continued  # "continue this thread" -> GET /comments/{id}/_/{comment id}


def test_comment_tree_wire_format(server, reddit):
    link = server.add_submission("microdosing", "wire1", "Wire format", "Body text", "op_author", BASE_UTC)
    top = [server.add_comment(link, link, f"top{i}", f"Top {i}", f"u{i}", BASE_UTC + i) for i in range(4)]
    server.add_comment(link, top[0], "kid0", "Child of top0", "op_author", BASE_UTC + 10)
    server.add_comment(link, "t1_kid0", "grand0", "Grandchild", "u9", BASE_UTC + 11)

    # limit=4 is a budget of four comments, spent depth first: top0, kid0, grand0, top1
    page = reddit.request(method="GET", path="/comments/wire1/", params={"limit": 4, "sort": "old"})
    submission_listing, comment_listing = page
    (sub,) = submission_listing["data"]["children"]
    assert sub["kind"] == "t3" and sub["data"]["num_comments"] == 6 and submission_listing["data"]["dist"] == 1
    top0, top1, more = comment_listing["data"]["children"]
    assert [top0["data"]["id"], top1["data"]["id"]] == ["top0", "top1"]
    kid = top0["data"]["replies"]["data"]["children"][0]["data"]
    assert (kid["depth"], kid["parent_id"], kid["is_submitter"]) == (1, "t1_top0", True)
    grand = kid["replies"]["data"]["children"][0]["data"]
    assert (grand["id"], grand["depth"], grand["replies"]) == ("grand0", 2, "")
    assert top1["data"]["replies"] == ""  # the API quirk: empty string, not an empty Listing
    assert more == {"kind": "more", "data": {"count": 2, "name": "t1_top2", "id": "top2",
                                             "parent_id": link, "depth": 0, "children": ["top2", "top3"]}}

    shallow = reddit.request(method="GET", path="/comments/wire1/", params={"depth": 2, "sort": "old"})[1]
    kid = shallow["data"]["children"][0]["data"]["replies"]["data"]["children"][0]["data"]
    assert kid["replies"]["data"]["children"] == [{"kind": "more", "data": {  # "continue this thread"
        "count": 0, "name": "t1__", "id": "_", "parent_id": "t1_kid0", "depth": 2, "children": []}}]

    things = reddit.request(method="POST", path="/api/morechildren/",
                            data={"link_id": link, "children": "top3,kid0", "sort": "old"})
    assert things["json"]["errors"] == []
    assert [t["data"]["id"] for t in things["json"]["data"]["things"]] == ["top3", "kid0", "grand0"]
    assert all(t["data"]["replies"] == "" for t in things["json"]["data"]["things"])

    info = reddit.request(method="GET", path="/api/info/", params={"id": f"t1_grand0,{link},t1_missing"})
    assert [c["data"]["name"] for c in info["data"]["children"]] == ["t1_grand0", link]
    assert "depth" not in info["data"]["children"][0]["data"]


# --------------------------------------------------------------------------- faults and deletions


def test_429_raises_too_many_requests_without_retry(server, reddit):
    server.seed(5)
    server.fail_next("/r/microdosing/new", 429, headers={"Retry-After": "1"})
    with pytest.raises(prawcore.exceptions.TooManyRequests) as caught:
        list(reddit.subreddit("microdosing").new(limit=5))
    assert caught.value.retry_after == "1"
    assert caught.value.response.status_code == 429
    assert [r.status for r in server.find_requests("/r/microdosing/new")] == [429]
    assert len(list(reddit.subreddit("microdosing").new(limit=5))) == 5  # only one was injected


def test_500_raises_server_error_after_prawcores_two_retries(server, reddit):
    server.seed(5)
    server.fail_next("/r/microdosing/new", 500, times=3)
    small_jitter()
    with pytest.raises(prawcore.exceptions.ServerError) as caught:
        list(reddit.subreddit("microdosing").new(limit=5))
    assert caught.value.response.status_code == 500
    assert [r.status for r in server.find_requests("/r/microdosing/new")] == [500, 500, 500]


def test_single_503_is_retried_by_prawcore(server, reddit):
    server.seed(5)
    server.fail_next("/r/microdosing/new", 503)
    small_jitter()
    assert len(list(reddit.subreddit("microdosing").new(limit=5))) == 5
    assert [r.status for r in server.find_requests("/r/microdosing/new")] == [503, 200]


class ShortTimeoutRequestor(prawcore.Requestor):
    """praw 8.0.3 ignores Reddit(timeout=...) and prawcore passes its 16 s default on every
    call, so a shorter read timeout needs praw's documented ``requestor_class`` hook."""

    def request(self, *args, timeout=None, **kwargs):
        return super().request(*args, timeout=0.3, **kwargs)


def test_delayed_response_times_out_and_is_retried(server, http):
    server.seed(5)
    reddit = make_reddit(server, http, requestor_class=ShortTimeoutRequestor)
    list(reddit.subreddit("microdosing").new(limit=1))  # token + warm connection
    server.clear_requests()
    server.delay_next("/r/microdosing/new", 1.0)
    small_jitter()
    assert len(list(reddit.subreddit("microdosing").new(limit=5))) == 5
    assert len(server.find_requests("/r/microdosing/new")) == 2  # the timed-out one, then the retry


def test_deleted_and_removed_items_on_refetch(server, reddit):
    link = server.add_submission("microdosing", "del1", "Notes from week two", "Original text", "poster", BASE_UTC)
    keep = server.add_comment(link, link, "keep1", "Still here", "someone", BASE_UTC + 1)
    gone = server.add_comment(link, link, "gone1", "I will delete this", "regretful", BASE_UTC + 2)
    server.add_comment(link, gone, "child1", "Reply to a deleted comment", "replier", BASE_UTC + 3)
    modded = server.add_comment(link, link, "mod1", "Off-topic sourcing question", "rulebreaker", BASE_UTC + 4)

    before = {c.id: c for c in reddit.submission("del1").comments.list()}
    assert before["gone1"].body == "I will delete this" and before["gone1"].author.name == "regretful"

    server.delete(gone)
    server.delete(modded, removed=True)
    server.delete(link)

    comment = reddit.comment("gone1")
    assert comment.body == "[deleted]" and comment.author is None  # praw maps "[deleted]" to None
    assert server.requests[-1].path == "/api/info/" and server.requests[-1].query["id"] == gone

    by_name = {item.fullname: item for item in reddit.info(fullnames=[link, keep, gone, modded])}
    assert by_name[keep].body == "Still here"
    assert (by_name[gone].body, by_name[gone].author) == ("[deleted]", None)
    assert (by_name[modded].body, by_name[modded].author) == ("[removed]", None)
    assert (by_name[link].selftext, by_name[link].author, by_name[link].removed_by_category) == (
        "[deleted]", None, "deleted")
    assert by_name[link].title == "Notes from week two"

    after = {c.id: c for c in reddit.submission("del1").comments.list()}
    assert after["gone1"].body == "[deleted]" and after["child1"].body == "Reply to a deleted comment"
    assert after["child1"].parent_id == gone


def test_stop_cuts_open_and_held_connections(http):
    srv = RedditServer(client_id=CLIENT_ID, client_secret=CLIENT_SECRET).start()
    srv.seed(3)
    reddit = make_reddit(srv, http)
    list(reddit.subreddit("microdosing").new(limit=3))  # leaves a keep-alive connection open
    srv.delay_next("/r/microdosing/new", 30)
    outcome = []

    def held_request():
        try:
            outcome.append(raw_get(srv, "/r/microdosing/new")[0])
        except OSError as error:  # the server hung up on us, as it should
            outcome.append(type(error).__name__)

    client = threading.Thread(target=held_request)
    client.start()
    deadline = time.monotonic() + 5
    while len(srv.requests) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    start = time.monotonic()
    srv.stop()
    assert time.monotonic() - start < 2
    client.join(5)
    assert not client.is_alive() and outcome and outcome[0] != 200
    assert server_threads() == []
    assert srv.errors == []


def test_module_docstring_mentions_every_public_method():
    doc = reddit_server.__doc__
    for name in ("fail_next", "delay_next", "delete", "set_ratelimit", "expire_tokens", "requests", "seed",
                 "praw_kwargs", "/api/morechildren", "/api/info", "/api/v1/access_token"):
        assert name in doc, name
