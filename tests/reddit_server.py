"""A local, Reddit-compatible HTTP server for testing praw-based collectors.

Stdlib only. It binds 127.0.0.1 on an OS-chosen port, runs in background threads, and
plays both Reddit hosts at once: the token host (``https://www.reddit.com``, praw's
``reddit_url``) and the API host (``https://oauth.reddit.com``, praw's ``oauth_url``).
Its content is synthetic; nothing here comes from real Reddit users.

Usage::

    import praw, reddit_server

    with reddit_server.RedditServer() as server:
        server.seed(250, comments_per_submission=5, seed=0)   # synthetic r/microdosing
        reddit = praw.Reddit(**server.praw_kwargs())          # or spelled out, see below
        posts = list(reddit.subreddit("microdosing").new(limit=None))
        server.delete(posts[0].fullname)                      # "[deleted]" from now on
        server.fail_next("/r/microdosing/new", 429, headers={"Retry-After": "1"})

``praw_kwargs()`` is ``dict(client_id=server.client_id, client_secret=server.client_secret,
user_agent=..., oauth_url=server.url, reddit_url=server.url, check_for_updates=False)``.

Wire format (as recorded from Reddit and as praw 8 / prawcore 4 use it)
-----------------------------------------------------------------------
``POST /api/v1/access_token``
    Form body ``grant_type=client_credentials`` with HTTP Basic ``client_id:client_secret``
    -> 200 ``{"access_token", "token_type": "bearer", "expires_in": 3600, "scope": "*"}``.
    Wrong Basic credentials -> 401 ``{"message": "Unauthorized", "error": 401}`` (prawcore
    raises ``ResponseException``). ``grant_type=password`` works for users registered with
    ``add_user``; a wrong password -> 200 ``{"error": "invalid_grant"}`` and any other grant
    type -> 200 ``{"error": "unsupported_grant_type"}`` (prawcore raises ``OAuthException``).
    No x-ratelimit headers on this endpoint, as on Reddit.
Every other path needs ``Authorization: bearer <token>``
    Missing, unknown or expired (``expire_tokens()``) -> 401 ``{"message": "Unauthorized",
    "error": 401}`` with ``www-authenticate: Bearer realm="reddit", error="invalid_token"``.
    Trailing slashes and a ``.json`` suffix are ignored. ``raw_json=1`` (praw always sends
    it) returns text unescaped; without it ``&``, ``<``, ``>`` in strings become entities.
``GET /r/{sub}/new`` and ``GET /r/{sub}/comments``
    ``{"kind": "Listing", "data": {"after", "before", "dist", "modhash": "", "geo_filter": "",
    "children": [{"kind": "t3"|"t1", "data": {...}}]}}``, newest first. ``limit`` defaults
    to 25 and is capped at 100 (praw asks for 1024 when ``limit=None``). ``after=<fullname>``
    returns the items older than that item, ``before=<fullname>`` the ones just newer; an
    unknown anchor gives an empty listing (as on Reddit). ``after`` in the response is the
    last item's fullname while more items follow, else ``null``; ``before`` is the first
    item's fullname when newer items exist. ``count`` is accepted and ignored. An unknown
    subreddit answers 302 to the subreddit search, which prawcore raises as ``Redirect``.
``GET /r/{sub}/about``
    ``{"kind": "t5", "data": {...}}``.
``GET /comments/{id}[/{slug}[/{comment_id}]]`` (also under ``/r/{sub}/``)
    ``[Listing(t3), Listing(t1 tree)]``. Query: ``limit`` (praw sends 2048; capped at
    ``comment_limit_max``), ``depth`` (default ``max_depth``), ``sort`` (``new``, ``old``;
    anything else orders by score, then age), ``context`` (with a focused comment: that
    many ancestors are included). Each comment has ``depth`` and ``replies``, which is a
    nested Listing or the empty string ``""`` when there are none. When the ``limit``
    budget is spent the rest of a level becomes a stub ``{"kind": "more", "data": {"count":
    <comments in those subtrees>, "name": "t1_<first id>", "id": "<first id>", "parent_id",
    "depth", "children": [<sibling ids>]}}``. Below ``depth`` a "continue this thread" stub
    ``{"count": 0, "name": "t1__", "id": "_", "children": []}`` is returned; praw resolves it
    with ``GET /comments/{id}/_/{parent comment id}``. Unknown submission -> 404.
``GET|POST /api/morechildren``
    ``link_id=t3_x&children=a,b,c[&sort=...][&depth=n]`` (praw POSTs a form with
    ``api_type=json``) -> ``{"json": {"errors": [], "data": {"things": [...]}}}``: the
    requested comments and their descendants, flattened in pre-order (``replies`` is
    ``""``), at most ``morechildren_limit`` comments, the rest again as ``more`` stubs.
``GET /api/info?id=t3_x,t1_y``
    A Listing of the items found, in the order asked; unknown fullnames are skipped.
    Comments here carry no ``depth`` and ``replies`` is ``""``.
Deletion (``delete(fullname, removed=False)``)
    The item keeps its id, title, score and place, but ``author`` becomes ``"[deleted]"``
    (``author_fullname`` disappears), ``body``/``selftext`` becomes ``"[deleted]"`` (or
    ``"[removed]"`` with ``removed=True``) and submissions get ``removed_by_category``
    ``"deleted"`` (or ``"moderator"``). Deleted items stay in trees and listings unless
    ``hide_deleted_from_listings`` is set.
Rate-limit headers on every API response: ``x-ratelimit-used`` (int), ``x-ratelimit-remaining``
    (float string, e.g. ``"998.0"``), ``x-ratelimit-reset`` (int seconds).
    prawcore paces itself from these: before each request it sleeps
    ``min(reset, max(reset - (600 - 600 * used / (remaining + used)), 0), 10)`` seconds, and
    until ``reset`` (at least 1 s) once ``remaining`` is 0. With Reddit's 600-second window a
    server answering hundreds of requests a second would make every test sleep, so by
    default the window is ``ratelimit_window = 1.0`` second with ``ratelimit_budget = 1000``
    requests: ``reset`` is 0 or 1 and praw never waits unless a test asks for it with
    ``set_ratelimit(remaining=0, reset=1)``.

Fault injection and inspection
------------------------------
``fail_next(path_prefix, status, times=1, headers=None, body=None)``
    the next ``times`` requests whose path starts with ``path_prefix`` get ``status``
    (before any auth check). prawcore raises ``TooManyRequests`` at once on 429 (its
    ``retry_after`` is the Retry-After header); it retries 500/502/503/504/520/522 (and 408)
    twice, sleeping 0-2 s then 2-4 s, before raising ``ServerError`` (``ResponseException``
    for 408). A 401 from the API host makes it fetch a new token and retry the same way.
``delay_next(path_prefix, seconds, times=1)``
    hold matching requests before answering (to trigger client timeouts). Note that praw
    8.0.3 ignores ``Reddit(timeout=...)`` and prawcore passes its 16 s default
    (``PRAWCORE_TIMEOUT``, read at import) on every API call; a shorter read timeout needs
    ``praw.Reddit(..., requestor_class=<prawcore.Requestor subclass>)``. A timed-out read is
    retried like a 5xx.
``set_ratelimit(remaining=None, used=None, reset=None)``
    force the reported values (``None`` = computed).
``expire_tokens()`` invalidates all issued tokens; ``delete``/``update`` change items.
``requests`` is the log (``LoggedRequest``: method, path, query, form, headers, status);
``errors`` lists unexpected server-side exceptions (tests should expect it empty).
"""

from __future__ import annotations

import base64
import copy
import html
import json
import math
import random
import re
import socket
import threading
import time
import traceback
import zlib
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

__all__ = ["LoggedRequest", "RedditServer"]

DEFAULT_CLIENT_ID = "test-client-id"
DEFAULT_CLIENT_SECRET = "test-client-secret"
DEFAULT_USER_AGENT = "experiences-tests/0.1 (local test server)"
THREAD_PREFIX = "reddit-server"
BASE_UTC = 1_700_000_000.0  # 2023-11-14T22:13:20Z: synthetic content starts here

_LISTING_PATH = re.compile(r"^/r/([^/]+)/(new|comments)$")
_ABOUT_PATH = re.compile(r"^/r/([^/]+)/about$")
_COMMENTS_PATH = re.compile(r"^(?:/r/[^/]+)?/comments/([a-z0-9]+)(?:/([^/]*)(?:/([a-z0-9]+))?)?$")


@dataclass
class LoggedRequest:
    """One request as the server saw it (query and form values are the last given)."""

    method: str
    path: str
    query: dict[str, str]
    form: dict[str, str]
    headers: dict[str, str]
    status: int | None = None

    @property
    def params(self) -> dict[str, str]:
        """Query and form values together (form wins), as Reddit reads them."""
        return {**self.query, **self.form}


@dataclass
class _Rule:
    prefix: str
    times: int
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    seconds: float = 0.0


class _Budget:
    def __init__(self, n: int) -> None:
        self.n = n


def _b36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if number == 0:
            return out


def _norm_path(path: str) -> str:
    path = path.removesuffix(".json")
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return path


def _fullname(kind: str, ident: str) -> str:
    return ident if ident.startswith(("t1_", "t3_", "t5_")) else f"{kind}_{ident}"


def _md_html(text: str, selftext: bool) -> str | None:
    """A tiny stand-in for Reddit's markdown renderer (paragraphs, escaped text)."""
    if selftext and not text:
        return None
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()] or [""]
    inner = "\n\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    div = f'<div class="md">{inner}\n</div>'
    return f"<!-- SC_OFF -->{div}<!-- SC_ON -->" if selftext else div


def _escape_strings(value: Any) -> Any:
    """What Reddit does without raw_json=1: &, <, > become entities in every string."""
    if isinstance(value, str):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if isinstance(value, list):
        return [_escape_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _escape_strings(v) for k, v in value.items()}
    return value


def _listing(children: list[dict], *, after: str | None = None, before: str | None = None,
             dist: int | None = None) -> dict:
    return {"kind": "Listing", "data": {"after": after, "dist": dist, "modhash": "", "geo_filter": "",
                                        "children": children, "before": before}}


def _author_fullname(author: str) -> str:
    return "t2_" + _b36(zlib.crc32(author.encode("utf-8")))


# --------------------------------------------------------------------------- synthetic text

_SUBSTANCES = [("psilocybin", ["0.1 g", "0.15 g", "0.2 g", "100 mg", "a tenth of a gram", "0.05 g"]),
               ("LSD", ["10 µg", "8 ug", "12 mcg", "1/10 tab", "15 micrograms", "5ug"]),
               ("truffles", ["0.5 g", "1 g", "0.8 g"])]
_SCHEDULES = ["one day on, two days off", "four days on, three off", "every third day",
              "Mondays and Thursdays", "every other day", "weekdays only"]
_GOOD = ["my mood felt lighter", "focus at work was noticeably better", "I was more patient with my kids",
         "colours looked a bit brighter", "I felt more social than usual", "creative work flowed",
         "my morning anxiety eased", "I journaled every evening without forcing it"]
_BAD = ["I had a mild headache in the afternoon", "sleep was worse the first night",
        "my stomach was slightly upset", "I felt a little on edge", "I was tired the day after",
        "nothing much happened, honestly"]
_OPENERS = ["Trip report, week {w}:", "Update after {w} weeks.", "First time posting here.",
            "Long-time lurker, sharing my notes.", "Quick log from day {d}."]
_ASIDES = ["Dosing in the morning with coffee.", "I weigh everything on a 0.001 g scale.",
           "Taking a break next week & reassessing.", "Tracking mood 1-10 in a spreadsheet (avg > 6).",
           "No other meds, < 2 drinks a week.", "Pairing it with lion's mane and niacin."]
_TITLES = ["{w} weeks on {sub}: {good}", "Microdosing {sub} at {dose}: mixed results",
           "{schedule} with {sub}, anyone else?", "Day {d} report ({dose} {sub})",
           "Question about {dose} of {sub}", "Stopped after {w} weeks: {bad}"]
_REPLIES = ["Same here, {dose} was my sweet spot.", "How long did you stay on {schedule}?",
            "Thanks for sharing, {good} for me too.", "Careful: {bad} happened to me as well.",
            "Did you ever try {schedule}?", "Interesting. I switched to {sub} and {good}.",
            "Have you tried going lower than {dose}?", "This matches my notes & my partner's."]
_NAMES = ["fern", "otter", "quiet", "lumen", "moss", "cedar", "drift", "maple", "sol", "tide", "ember", "kelp"]


class _TextMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def _slots(self) -> dict[str, Any]:
        sub, doses = self.rng.choice(_SUBSTANCES)
        return {"sub": sub, "dose": self.rng.choice(doses), "schedule": self.rng.choice(_SCHEDULES),
                "good": self.rng.choice(_GOOD), "bad": self.rng.choice(_BAD),
                "w": self.rng.randint(1, 12), "d": self.rng.randint(1, 60)}

    def author(self) -> str:
        return f"{self.rng.choice(_NAMES)}_{self.rng.choice(_NAMES)}{self.rng.randint(1, 99)}"

    def title(self) -> str:
        return self.rng.choice(_TITLES).format(**self._slots())

    def selftext(self) -> str:
        s = self._slots()
        first = (f"{self.rng.choice(_OPENERS).format(**s)} I take {s['dose']} of {s['sub']}, "
                 f"{s['schedule']}. On dose days {s['good']}, but {s['bad']}.")
        more = [self.rng.choice(_ASIDES) for _ in range(self.rng.randint(1, 3))]
        return first + "\n\n" + " ".join(more)

    def reply(self) -> str:
        return self.rng.choice(_REPLIES).format(**self._slots())


# --------------------------------------------------------------------------- HTTP plumbing

class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # RedditServer.stop joins the connection threads itself

    def __init__(self, owner: RedditServer) -> None:
        self.owner = owner
        self.live: dict[threading.Thread, socket.socket] = {}
        self.live_lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request, client_address) -> None:
        thread = threading.Thread(target=self._serve_connection, args=(request, client_address),
                                  name=f"{THREAD_PREFIX}-conn-{self.server_address[1]}", daemon=True)
        with self.live_lock:
            self.live[thread] = request
        thread.start()

    def _serve_connection(self, request, client_address) -> None:
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self.live_lock:
                self.live.pop(threading.current_thread(), None)

    def handle_error(self, request, client_address) -> None:  # client went away: not our problem
        pass

    def close_connections(self, timeout: float = 5.0) -> list[threading.Thread]:
        with self.live_lock:
            live = dict(self.live)
        for sock in live.values():
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread in live:
            thread.join(timeout)
        return [t for t in live if t.is_alive()]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stalls
    timeout = 30  # idle keep-alive connections end on their own too
    server: _HTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:
        self.server.owner._dispatch(self, "GET")

    def do_POST(self) -> None:
        self.server.owner._dispatch(self, "POST")

    def send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None,
                  raw: bytes | None = None) -> None:
        body = raw if raw is not None else json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("cache-control", "private, s-maxage=0, max-age=0, must-revalidate, no-store")
        self.send_header("x-content-type-options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:  # the client asked (prawcore does for the token call): say so
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()


# --------------------------------------------------------------------------- the server

class RedditServer:
    """Reddit-shaped JSON API on 127.0.0.1 for praw; see the module docstring."""

    def __init__(self, *, client_id: str = DEFAULT_CLIENT_ID, client_secret: str = DEFAULT_CLIENT_SECRET,
                 token_lifetime: int = 3600, listing_limit_max: int = 100, comment_limit_max: int = 500,
                 morechildren_limit: int = 100, max_depth: int = 10) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_lifetime = token_lifetime
        self.listing_limit_max = listing_limit_max
        self.comment_limit_max = comment_limit_max
        self.morechildren_limit = morechildren_limit
        self.max_depth = max_depth
        self.hide_deleted_from_listings = False
        self.ratelimit_window = 1.0
        self.ratelimit_budget = 1000
        self.errors: list[str] = []

        self._lock = threading.RLock()
        self._users: dict[str, str] = {}
        self._tokens: dict[str, float] = {}
        self._token_counter = 0
        self._subreddits: dict[str, dict] = {}
        self._things: dict[str, dict] = {}  # fullname -> stored data
        self._order: dict[str, int] = {}  # fullname -> insertion number (tie-breaks)
        self._children: dict[str, list[str]] = {}  # parent fullname -> comment fullnames
        self._deleted: dict[str, str] = {}  # fullname -> "[deleted]" | "[removed]"
        self._next_t3 = int("1a0000", 36)
        self._next_t1 = int("k00000", 36)
        self._faults: list[_Rule] = []
        self._delays: list[_Rule] = []
        self._ratelimit_override: dict[str, Any] = {}
        self._window_end = 0.0
        self._window_used = 0
        self._log: list[LoggedRequest] = []
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> RedditServer:
        if self._httpd is not None:
            return self
        self._stopping.clear()
        self._httpd = _HTTPServer(self)
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"{THREAD_PREFIX}-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, cut open keep-alive connections and join every server thread."""
        httpd, thread = self._httpd, self._thread
        if httpd is None:
            return
        self._stopping.set()  # wakes handlers held by delay_next
        httpd.shutdown()
        stuck = httpd.close_connections()
        httpd.server_close()
        if thread is not None:
            thread.join(5)
        self._httpd = self._thread = None
        if stuck:
            raise RuntimeError(f"reddit_server: {len(stuck)} connection thread(s) did not stop")

    def __enter__(self) -> RedditServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("server not started")
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``: pass it as both ``oauth_url`` and ``reddit_url``."""
        return f"http://127.0.0.1:{self.port}"

    def praw_kwargs(self, **overrides: Any) -> dict[str, Any]:
        """Keyword arguments for ``praw.Reddit`` pointing at this server."""
        return {"client_id": self.client_id, "client_secret": self.client_secret,
                "user_agent": DEFAULT_USER_AGENT, "oauth_url": self.url, "reddit_url": self.url,
                "check_for_updates": False, **overrides}

    # ------------------------------------------------------------------ content

    def add_user(self, username: str, password: str) -> None:
        """Allow ``grant_type=password`` (praw's script apps) for this user."""
        with self._lock:
            self._users[username] = password

    def add_subreddit(self, name: str, **extra: Any) -> str:
        with self._lock:
            key = name.lower()
            if key not in self._subreddits:
                ident = _b36(zlib.crc32(key.encode()) % (36 ** 5) + 36 ** 4)
                self._subreddits[key] = {
                    "display_name": name, "display_name_prefixed": f"r/{name}", "id": ident,
                    "name": f"t5_{ident}", "title": name, "url": f"/r/{name}/", "subscribers": 1000,
                    "created_utc": BASE_UTC - 10 * 365 * 86400, "public_description": "synthetic test subreddit",
                    "over18": False, "subreddit_type": "public", "lang": "en", "quarantine": False,
                    **extra}
            return self._subreddits[key]["name"]

    def add_submission(self, subreddit: str, id: str | None, title: str, selftext: str = "",
                       author: str = "test_author", created_utc: float | None = None, **extra: Any) -> str:
        """Store a self post; ``extra`` overrides any data field (score, url, link_flair_text...).

        Returns the fullname (``t3_<id>``).
        """
        with self._lock:
            self.add_subreddit(subreddit)
            sr = self._subreddits[subreddit.lower()]
            if id is None:
                id, self._next_t3 = _b36(self._next_t3), self._next_t3 + 1
            name = f"t3_{id}"
            if name in self._things:
                raise ValueError(f"{name} exists")
            created = float(created_utc if created_utc is not None else time.time())
            slug = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[:50] or "_"
            permalink = f"/r/{sr['display_name']}/comments/{id}/{slug}/"
            score = extra.pop("score", 1)
            data = {
                "all_awardings": [], "allow_live_comments": False, "approved_at_utc": None, "approved_by": None,
                "archived": False, "author": author, "author_flair_background_color": None,
                "author_flair_css_class": None, "author_flair_richtext": [], "author_flair_template_id": None,
                "author_flair_text": None, "author_flair_text_color": None, "author_flair_type": "text",
                "author_fullname": _author_fullname(author), "author_is_blocked": False,
                "author_patreon_flair": False, "author_premium": False, "awarders": [], "banned_at_utc": None,
                "banned_by": None, "can_gild": False, "can_mod_post": False, "category": None, "clicked": False,
                "contest_mode": False, "content_categories": None, "created": created, "created_utc": created,
                "discussion_type": None, "distinguished": None, "domain": f"self.{sr['display_name']}",
                "downs": 0, "edited": False, "gilded": 0, "gildings": {}, "hidden": False, "hide_score": False,
                "id": id, "is_created_from_ads_ui": False, "is_crosspostable": True, "is_meta": False,
                "is_original_content": False, "is_reddit_media_domain": False, "is_robot_indexable": True,
                "is_self": True, "is_video": False, "likes": None, "link_flair_background_color": "",
                "link_flair_css_class": None, "link_flair_richtext": [], "link_flair_text": None,
                "link_flair_text_color": "dark", "link_flair_type": "text", "locked": False, "media": None,
                "media_embed": {}, "media_only": False, "mod_note": None, "mod_reason_by": None,
                "mod_reason_title": None, "mod_reports": [], "name": name, "no_follow": False,
                "num_comments": 0, "num_crossposts": 0, "num_reports": None, "over_18": False,
                "permalink": permalink, "pinned": False, "pwls": 6, "quarantine": False, "removal_reason": None,
                "removed_by": None, "removed_by_category": None, "report_reasons": None, "saved": False,
                "score": score, "secure_media": None, "secure_media_embed": {}, "selftext": selftext,
                "selftext_html": _md_html(selftext, True), "send_replies": True, "spoiler": False,
                "stickied": False, "subreddit": sr["display_name"], "subreddit_id": sr["name"],
                "subreddit_name_prefixed": f"r/{sr['display_name']}", "subreddit_subscribers": sr["subscribers"],
                "subreddit_type": "public", "suggested_sort": None, "thumbnail": "self",
                "thumbnail_height": None, "thumbnail_width": None, "title": title, "top_awarded_type": None,
                "total_awards_received": 0, "treatment_tags": [], "ups": score, "upvote_ratio": 1.0,
                "url": f"https://www.reddit.com{permalink}", "user_reports": [], "view_count": None,
                "visited": False, "wls": 6,
            }
            data.update(extra)
            self._things[name] = data
            self._order[name] = len(self._order)
            self._children.setdefault(name, [])
            return name

    def add_comment(self, link_id: str, parent_id: str | None, id: str | None, body: str,
                    author: str = "test_commenter", created_utc: float | None = None, **extra: Any) -> str:
        """Store a comment under ``parent_id`` (``t3_...`` for top level, ``t1_...`` for replies;
        ``None`` means top level). Returns the fullname (``t1_<id>``)."""
        with self._lock:
            link = _fullname("t3", link_id)
            if link not in self._things:
                raise KeyError(f"unknown submission {link}")
            parent = link if parent_id in (None, link, link[3:]) else _fullname("t1", parent_id)
            if parent not in self._things:
                raise KeyError(f"unknown parent {parent}")
            if id is None:
                id, self._next_t1 = _b36(self._next_t1), self._next_t1 + 1
            name = f"t1_{id}"
            if name in self._things:
                raise ValueError(f"{name} exists")
            sub = self._things[link]
            created = float(created_utc if created_utc is not None else time.time())
            score = extra.pop("score", 1)
            data = {
                "all_awardings": [], "approved_at_utc": None, "approved_by": None, "archived": False,
                "associated_award": None, "author": author, "author_flair_background_color": None,
                "author_flair_css_class": None, "author_flair_richtext": [], "author_flair_template_id": None,
                "author_flair_text": None, "author_flair_text_color": None, "author_flair_type": "text",
                "author_fullname": _author_fullname(author), "author_is_blocked": False,
                "author_patreon_flair": False, "author_premium": False, "awarders": [], "banned_at_utc": None,
                "banned_by": None, "body": body, "body_html": _md_html(body, False), "can_gild": False,
                "can_mod_post": False, "collapsed": False, "collapsed_because_crowd_control": None,
                "collapsed_reason": None, "collapsed_reason_code": None, "comment_type": None,
                "controversiality": 0, "created": created, "created_utc": created, "distinguished": None,
                "downs": 0, "edited": False, "gilded": 0, "gildings": {}, "id": id,
                "is_submitter": author == sub["author"], "likes": None, "link_id": link, "locked": False,
                "mod_note": None, "mod_reason_by": None, "mod_reason_title": None, "mod_reports": [],
                "name": name, "no_follow": True, "num_reports": None, "parent_id": parent,
                "permalink": f"{sub['permalink']}{id}/", "removal_reason": None, "replies": "",
                "report_reasons": None, "saved": False, "score": score, "score_hidden": False,
                "send_replies": True, "stickied": False, "subreddit": sub["subreddit"],
                "subreddit_id": sub["subreddit_id"], "subreddit_name_prefixed": sub["subreddit_name_prefixed"],
                "subreddit_type": "public", "top_awarded_type": None, "total_awards_received": 0,
                "treatment_tags": [], "unrepliable_reason": None, "ups": score, "user_reports": [],
            }
            data.update(extra)
            self._things[name] = data
            self._order[name] = len(self._order)
            self._children.setdefault(name, [])
            self._children[parent].append(name)
            return name

    def seed(self, n_submissions: int, comments_per_submission: int = 0, *, seed: int = 0,
             subreddit: str = "microdosing", start_utc: float = BASE_UTC) -> list[str]:
        """Add deterministic synthetic posts (oldest first from ``start_utc``) with exactly
        ``comments_per_submission`` comments each, in random reply trees. Returns the new
        submissions' fullnames in creation order (oldest first)."""
        rng = random.Random(seed)
        text = _TextMaker(rng)
        names = []
        when = start_utc
        with self._lock:
            for _ in range(n_submissions):
                when += rng.randint(60, 7200)
                link = self.add_submission(subreddit, None, text.title(), text.selftext(), text.author(), when,
                                           score=rng.randint(0, 80))
                names.append(link)
                comments: list[str] = []
                c_when = when
                for _ in range(comments_per_submission):
                    c_when += rng.randint(30, 3600)
                    roll = rng.random()
                    if not comments or roll < 0.35:
                        parent = link
                    elif roll < 0.7:
                        parent = comments[-1]  # chains make depth
                    else:
                        parent = rng.choice(comments)
                    comments.append(self.add_comment(link, parent, None, text.reply(), text.author(), c_when,
                                                     score=rng.randint(-2, 40)))
        return names

    def delete(self, fullname: str, removed: bool = False) -> None:
        """Mark an item as deleted by its author (``"[deleted]"``) or removed by a moderator
        (``"[removed]"``); see the module docstring for what changes on the wire."""
        with self._lock:
            if fullname not in self._things:
                raise KeyError(fullname)
            self._deleted[fullname] = "[removed]" if removed else "[deleted]"

    def update(self, fullname: str, **fields: Any) -> None:
        """Change stored fields, e.g. ``update(name, body="new", edited=1700000100.0)``."""
        with self._lock:
            data = self._things[fullname]
            data.update(fields)
            if "body" in fields and "body_html" not in fields:
                data["body_html"] = _md_html(data["body"], False)
            if "selftext" in fields and "selftext_html" not in fields:
                data["selftext_html"] = _md_html(data["selftext"], True)

    def get(self, fullname: str) -> dict:
        """The item's data as ``/api/info`` would serve it now."""
        with self._lock:
            return self._render(fullname)

    def comment_fullnames(self, link_id: str) -> list[str]:
        """All comments of a submission, in pre-order."""
        with self._lock:
            out: list[str] = []
            stack = list(reversed(self._children[_fullname("t3", link_id)]))
            while stack:
                name = stack.pop()
                out.append(name)
                stack.extend(reversed(self._children[name]))
            return out

    # ------------------------------------------------------------------ faults, auth, log

    def fail_next(self, path_prefix: str, status: int, times: int = 1, headers: dict[str, str] | None = None,
                  body: Any = None) -> None:
        """Answer the next ``times`` requests whose path starts with ``path_prefix`` with
        ``status`` (body defaults to Reddit's ``{"message": <reason>, "error": <status>}``;
        pass bytes for a non-JSON body)."""
        with self._lock:
            self._faults.append(_Rule(_norm_path(path_prefix), times, status=status, headers=dict(headers or {}),
                                      body=body))

    def delay_next(self, path_prefix: str, seconds: float, times: int = 1) -> None:
        """Hold the next ``times`` matching requests for ``seconds`` before answering."""
        with self._lock:
            self._delays.append(_Rule(_norm_path(path_prefix), times, seconds=seconds))

    def set_ratelimit(self, remaining: float | None = None, used: int | None = None,
                      reset: int | None = None) -> None:
        """Force the x-ratelimit-* values reported from now on (``None`` = computed)."""
        with self._lock:
            self._ratelimit_override = {k: v for k, v in
                                        {"remaining": remaining, "used": used, "reset": reset}.items()
                                        if v is not None}

    def expire_tokens(self) -> None:
        """Invalidate every issued access token (the next API call gets a 401)."""
        with self._lock:
            self._tokens.clear()

    @property
    def tokens_issued(self) -> int:
        return self._token_counter

    @property
    def requests(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self._log)

    def find_requests(self, path_prefix: str = "/", method: str | None = None) -> list[LoggedRequest]:
        prefix = _norm_path(path_prefix)
        return [r for r in self.requests if _norm_path(r.path).startswith(prefix)
                and (method is None or r.method == method)]

    def clear_requests(self) -> None:
        with self._lock:
            self._log.clear()

    # ------------------------------------------------------------------ request handling

    def _take(self, rules: list[_Rule], path: str) -> _Rule | None:
        with self._lock:
            for rule in rules:
                if rule.times > 0 and path.startswith(rule.prefix):
                    rule.times -= 1
                    if rule.times == 0:
                        rules.remove(rule)
                    return rule
        return None

    def _dispatch(self, handler: _Handler, method: str) -> None:
        parts = urlsplit(handler.path)
        query = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        length = int(handler.headers.get("Content-Length") or 0)
        raw_body = handler.rfile.read(length) if length else b""
        form: dict[str, str] = {}
        if raw_body and "form-urlencoded" in (handler.headers.get("Content-Type") or ""):
            form = {k: v[-1] for k, v in parse_qs(raw_body.decode("utf-8"), keep_blank_values=True).items()}
        entry = LoggedRequest(method, parts.path, query, form, {k.lower(): v for k, v in handler.headers.items()})
        with self._lock:
            self._log.append(entry)
        path = _norm_path(parts.path)

        def send(status: int, payload: Any, headers: dict[str, str] | None = None, raw: bytes | None = None):
            entry.status = status
            try:
                handler.send_json(status, payload, headers, raw)
            except OSError:  # the client gave up (timeout) or the server is stopping
                handler.close_connection = True

        delay = self._take(self._delays, path)
        if delay is not None and self._stopping.wait(delay.seconds):
            handler.close_connection = True
            return
        fault = self._take(self._faults, path)
        if fault is not None:
            try:
                reason = HTTPStatus(fault.status).phrase
            except ValueError:
                reason = "Error"
            body = fault.body if fault.body is not None else {"message": reason, "error": fault.status}
            raw = body if isinstance(body, bytes) else None
            return send(fault.status, body, fault.headers, raw)
        try:
            if path == "/api/v1/access_token":
                if method != "POST":
                    return send(405, {"message": "Method Not Allowed", "error": 405})
                return send(*self._access_token(handler, form))
            token = (handler.headers.get("Authorization") or "").partition(" ")
            with self._lock:
                expiry = self._tokens.get(token[2]) if token[0].lower() == "bearer" else None
            if expiry is None or expiry < time.monotonic():
                return send(401, {"message": "Unauthorized", "error": 401},
                            {"www-authenticate": 'Bearer realm="reddit", error="invalid_token"'})
            params = {**query, **form}
            with self._lock:
                status, payload, headers = self._route(method, path, params)
                headers = {**self._ratelimit_headers(), **headers}
            if params.get("raw_json") != "1":
                payload = _escape_strings(payload)
            return send(status, payload, headers)
        except Exception as exc:  # a bug in this server: answer 500 and keep it for the test
            self.errors.append(f"{method} {handler.path}: {exc!r}\n{traceback.format_exc()}")
            return send(500, {"message": "Internal Server Error", "error": 500})

    def _access_token(self, handler: _Handler, form: dict[str, str]) -> tuple[int, dict]:
        scheme, _, encoded = (handler.headers.get("Authorization") or "").partition(" ")
        try:
            client_id, _, secret = base64.b64decode(encoded).decode("utf-8").partition(":")
        except ValueError:
            client_id = secret = None
        if scheme.lower() != "basic" or (client_id, secret) != (self.client_id, self.client_secret):
            return 401, {"message": "Unauthorized", "error": 401}
        grant = form.get("grant_type")
        if grant == "password":
            with self._lock:
                known = self._users.get(form.get("username", "")) == form.get("password") and form.get("username")
            if not known:
                return 200, {"error": "invalid_grant"}
        elif grant != "client_credentials":
            return 200, {"error": "unsupported_grant_type"}
        with self._lock:
            self._token_counter += 1
            token = f"{self._token_counter}-{_b36(zlib.crc32(f'{self.port}-{self._token_counter}'.encode()))}"
            self._tokens[token] = time.monotonic() + self.token_lifetime
        return 200, {"access_token": token, "token_type": "bearer", "expires_in": self.token_lifetime,
                     "scope": form.get("scope") or "*"}

    def _ratelimit_headers(self) -> dict[str, str]:
        now = time.monotonic()
        if now >= self._window_end:
            self._window_end, self._window_used = now + self.ratelimit_window, 0
        self._window_used += 1
        used = self._ratelimit_override.get("used", self._window_used)
        remaining = self._ratelimit_override.get("remaining", max(self.ratelimit_budget - self._window_used, 0))
        reset = self._ratelimit_override.get("reset", max(0, math.ceil(self._window_end - now)))
        return {"x-ratelimit-remaining": f"{float(remaining):.1f}", "x-ratelimit-used": str(int(used)),
                "x-ratelimit-reset": str(int(reset))}

    def _route(self, method: str, path: str, params: dict[str, str]) -> tuple[int, Any, dict[str, str]]:
        not_found = (404, {"message": "Not Found", "error": 404}, {})
        if match := _LISTING_PATH.match(path):
            if method != "GET":
                return not_found
            sr = self._subreddits.get(match.group(1).lower())
            if sr is None:
                location = f"/subreddits/search.json?q={quote(match.group(1))}"
                return 302, {}, {"Location": location}
            return 200, self._subreddit_listing(sr, match.group(2), params), {}
        if match := _ABOUT_PATH.match(path):
            sr = self._subreddits.get(match.group(1).lower())
            if sr is None:
                return not_found
            return 200, {"kind": "t5", "data": dict(sr)}, {}
        if match := _COMMENTS_PATH.match(path):
            link = f"t3_{match.group(1)}"
            if link not in self._things or method != "GET":
                return not_found
            return 200, self._comments_page(link, match.group(3), params), {}
        if path == "/api/morechildren":
            return 200, self._morechildren(params), {}
        if path == "/api/info":
            wanted = [n for n in params.get("id", "").split(",") if n in self._things]
            if url := params.get("url"):
                wanted = [n for n in self._things if n.startswith("t3_") and self._things[n]["url"] == url]
            return 200, _listing([self._thing(n) for n in wanted], dist=len(wanted)), {}
        return not_found

    # ------------------------------------------------------------------ rendering

    def _render(self, name: str, depth: int | None = None) -> dict:
        data = copy.deepcopy(self._things[name])
        if name.startswith("t3_"):
            data["num_comments"] = len(self.comment_fullnames(name))
        else:
            data["replies"] = ""
            if depth is not None:
                data["depth"] = depth
        marker = self._deleted.get(name)
        if marker:
            data["author"] = "[deleted]"
            data.pop("author_fullname", None)
            for key in ("author_flair_text", "author_flair_css_class", "author_flair_template_id"):
                data[key] = None
            if name.startswith("t3_"):
                data["selftext"] = marker
                data["selftext_html"] = _md_html(marker, True)
                data["removed_by_category"] = "moderator" if marker == "[removed]" else "deleted"
                data["is_robot_indexable"] = False
            else:
                data["body"] = marker
                data["body_html"] = _md_html(marker, False)
        return data

    def _thing(self, name: str, depth: int | None = None) -> dict:
        return {"kind": name[:2], "data": self._render(name, depth)}

    def _subreddit_listing(self, sr: dict, which: str, params: dict[str, str]) -> dict:
        kind = "t3_" if which == "new" else "t1_"
        names = [n for n, d in self._things.items() if n.startswith(kind) and d["subreddit_id"] == sr["name"]]
        names.sort(key=lambda n: (self._things[n]["created_utc"], self._order[n]), reverse=True)
        try:
            limit = int(params.get("limit", 25))
        except ValueError:
            limit = 25
        limit = min(limit if limit > 0 else 25, self.listing_limit_max)
        visible = (lambda n: n not in self._deleted) if self.hide_deleted_from_listings else (lambda n: True)
        after, before = params.get("after"), params.get("before")
        if after:
            if after not in names:
                return _listing([], dist=0)
            pool = [n for n in names[names.index(after) + 1:] if visible(n)]
            page = pool[:limit]
            has_older, has_newer = len(pool) > limit, bool(page)
        elif before:
            if before not in names:
                return _listing([], dist=0)
            pool = [n for n in names[:names.index(before)] if visible(n)]
            page = pool[-limit:]
            has_older, has_newer = bool(page), len(pool) > limit
        else:
            pool = [n for n in names if visible(n)]
            page = pool[:limit]
            has_older, has_newer = len(pool) > limit, False
        children = [self._listing_thing(n) for n in page]
        return _listing(children, after=page[-1] if page and has_older else None,
                        before=page[0] if page and has_newer else None, dist=len(children))

    def _listing_thing(self, name: str) -> dict:
        thing = self._thing(name)
        if name.startswith("t1_"):
            link = self._things[thing["data"]["link_id"]]
            thing["data"].update({"link_title": link["title"], "link_author": link["author"],
                                  "link_permalink": f"https://www.reddit.com{link['permalink']}",
                                  "link_url": link["url"], "num_comments": len(self.comment_fullnames(link["name"]))})
        return thing

    def _sorted_children(self, parent: str, sort: str) -> list[str]:
        kids = list(self._children.get(parent, []))
        if sort == "new":
            kids.sort(key=lambda n: (self._things[n]["created_utc"], self._order[n]), reverse=True)
        elif sort == "old":
            kids.sort(key=lambda n: (self._things[n]["created_utc"], self._order[n]))
        else:  # confidence, top, best, controversial, q&a...: score, then age
            kids.sort(key=lambda n: (-self._things[n]["score"], self._things[n]["created_utc"], self._order[n]))
        return kids

    def _subtree_size(self, name: str) -> int:
        size, stack = 0, [name]
        while stack:
            size += 1
            stack.extend(self._children.get(stack.pop(), []))
        return size

    def _more(self, parent: str, names: list[str], depth: int) -> dict:
        ids = [n[3:] for n in names]
        return {"kind": "more", "data": {"count": sum(self._subtree_size(n) for n in names), "name": f"t1_{ids[0]}",
                                         "id": ids[0], "parent_id": parent, "depth": depth, "children": ids}}

    def _render_level(self, parent: str, names: list[str], depth: int, rel_depth: int, max_depth: int,
                      budget: _Budget, sort: str) -> list[dict]:
        out = []
        for i, name in enumerate(names):
            if budget.n <= 0:
                out.append(self._more(parent, names[i:], depth))
                break
            budget.n -= 1
            thing = self._thing(name, depth)
            kids = self._sorted_children(name, sort)
            if kids and rel_depth + 1 >= max_depth:  # "continue this thread"
                thing["data"]["replies"] = _listing([{"kind": "more", "data": {
                    "count": 0, "name": "t1__", "id": "_", "parent_id": name, "depth": depth + 1, "children": []}}])
            elif kids:
                thing["data"]["replies"] = _listing(
                    self._render_level(name, kids, depth + 1, rel_depth + 1, max_depth, budget, sort))
            out.append(thing)
        return out

    def _int_param(self, params: dict[str, str], key: str, default: int) -> int:
        try:
            value = int(params[key])
        except (KeyError, ValueError):
            return default
        return value if value > 0 else default

    def _comments_page(self, link: str, focus: str | None, params: dict[str, str]) -> list:
        sort = params.get("sort", "confidence")
        budget = _Budget(min(self._int_param(params, "limit", 200), self.comment_limit_max))
        max_depth = self._int_param(params, "depth", self.max_depth)
        submission = _listing([self._thing(link)], dist=1)
        if not focus:
            tree = self._render_level(link, self._sorted_children(link, sort), 0, 0, max_depth, budget, sort)
            return [submission, _listing(tree)]
        focus_name = f"t1_{focus}"
        if focus_name not in self._things or self._things[focus_name]["link_id"] != link:
            return [submission, _listing([])]
        chain = [focus_name]
        for _ in range(self._int_param(params, "context", 0)):
            parent = self._things[chain[0]]["parent_id"]
            if not parent.startswith("t1_"):
                break
            chain.insert(0, parent)
        depth = len(chain) - 1
        node = self._render_level(self._things[focus_name]["parent_id"], [focus_name], depth, 0, max_depth,
                                  budget, sort)[0]
        for d, name in reversed(list(enumerate(chain[:-1]))):
            outer = self._thing(name, d)
            outer["data"]["replies"] = _listing([node])
            node = outer
        return [submission, _listing([node])]

    def _abs_depth(self, name: str) -> int:
        depth = 0
        while (parent := self._things[name]["parent_id"]).startswith("t1_"):
            depth, name = depth + 1, parent
        return depth

    def _morechildren(self, params: dict[str, str]) -> dict:
        link = _fullname("t3", params.get("link_id", ""))
        sort = params.get("sort", "confidence")
        if link not in self._things:
            return {"json": {"errors": [["INVALID_LINK", "invalid link id", "link_id"]]}}
        order = {n: i for i, n in enumerate(self.comment_fullnames(link))}
        wanted = [f"t1_{i}" for i in params.get("children", "").split(",") if f"t1_{i}" in order]
        ranked = {}
        for parent in {self._things[n]["parent_id"] for n in wanted}:
            ranked.update({n: i for i, n in enumerate(self._sorted_children(parent, sort))})
        wanted.sort(key=lambda n: (order.get(self._things[n]["parent_id"], -1), ranked[n]))
        max_depth = self._int_param(params, "depth", self.max_depth)
        budget = _Budget(self.morechildren_limit)
        things: list[dict] = []

        def flatten(thing: dict) -> None:
            replies = thing["data"].get("replies") if thing["kind"] == "t1" else None
            if thing["kind"] == "t1":
                thing["data"]["replies"] = ""
            things.append(thing)
            for child in (replies or {"data": {"children": []}})["data"]["children"]:
                flatten(child)

        for i, name in enumerate(wanted):
            if budget.n <= 0:
                rest: dict[str, list[str]] = {}
                for n in wanted[i:]:
                    rest.setdefault(self._things[n]["parent_id"], []).append(n)
                for parent, names in rest.items():
                    things.append(self._more(parent, names, self._abs_depth(names[0])))
                break
            parent = self._things[name]["parent_id"]
            for thing in self._render_level(parent, [name], self._abs_depth(name), 0, max_depth, budget, sort):
                flatten(thing)
        return {"json": {"errors": [], "data": {"things": things}}}
