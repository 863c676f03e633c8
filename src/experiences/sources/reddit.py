"""Live Reddit through praw: new submissions of a subreddit and their whole comment trees.

Collection is incremental from a high-water mark (the newest submission time already loaded)
and re-fetches recent items so that deletions reach the warehouse. Credentials come the standard
praw way (praw.ini, or the praw_client_id, praw_client_secret and praw_user_agent environment
variables); EXPERIENCES_REDDIT_OAUTH_URL and EXPERIENCES_REDDIT_URL point praw at any
Reddit-compatible server. prawcore already honours the x-ratelimit headers and retries 5xx twice;
here 429 (with its Retry-After), 5xx and time-outs are retried with back-off.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..records import Quarantined, RawReport
from .files import to_raw_report

PAGE = 100  # Reddit's largest listing page


class RedditError(Exception):
    """Collection cannot go on; the message says what to set or check."""


@dataclass(frozen=True)
class RedditSettings:
    oauth_url: str | None = None
    reddit_url: str | None = None
    more_budget: int = 32  # "more" placeholders expanded per submission
    recheck_days: float = 7.0  # items loaded this recently are fetched again (deletions, edits)
    attempts: int = 5
    max_wait: float = 60.0


def connect(settings: RedditSettings):
    import praw
    from praw.exceptions import MissingRequiredAttributeException
    urls = {k: v for k, v in (("oauth_url", settings.oauth_url), ("reddit_url", settings.reddit_url)) if v}
    try:
        return praw.Reddit(check_for_updates=False, **urls)
    except MissingRequiredAttributeException:
        raise RedditError("Reddit credentials are missing: set praw_client_id, praw_client_secret and "
                          "praw_user_agent (or configure a praw.ini site)") from None


def with_backoff(call: Callable, settings: RedditSettings, sleep: Callable[[float], None] = time.sleep):
    """Call, retrying 429 (after its Retry-After), 5xx and time-outs with exponential back-off."""
    from prawcore.exceptions import (OAuthException, RequestException, ResponseException, ServerError,
                                     TooManyRequests)
    for attempt in range(settings.attempts):
        try:
            return call()
        except TooManyRequests as error:
            wait = _retry_after(error) or 2.0 ** attempt
        except (ServerError, RequestException):
            wait = 2.0 ** attempt
        except (ResponseException, OAuthException) as error:
            status = getattr(getattr(error, "response", None), "status_code", None)
            if status in (401, 403) or isinstance(error, OAuthException):
                raise RedditError(f"Reddit rejected the credentials (HTTP {status or 'OAuth error'}): check "
                                  "praw_client_id, praw_client_secret and praw_user_agent") from None
            raise
        if attempt + 1 == settings.attempts:
            break
        print(f"reddit: busy or failing, retrying in {min(wait, settings.max_wait):.0f} s", file=sys.stderr)
        sleep(min(wait, settings.max_wait))
    raise RedditError(f"Reddit did not answer after {settings.attempts} attempts; try again later")


def _retry_after(error) -> float | None:
    try:
        return float(error.response.headers.get("retry-after"))
    except (AttributeError, TypeError, ValueError):
        return None


def collect(reddit, subreddit: str, since_utc: float, recheck: list[str], settings: RedditSettings,
            sleep: Callable[[float], None] = time.sleep) -> Iterator[RawReport | Quarantined]:
    """Submissions newer than `since_utc` with their comment trees, then the items in `recheck`."""
    source = source_name(subreddit)
    things = _things(reddit, subreddit, since_utc, recheck, settings, sleep)
    for line, obj in enumerate(things, start=1):
        item = to_raw_report(obj, source, line, obj["name"])
        if isinstance(item, Quarantined):
            # The same item seen again in a later run is the same quarantine entry.
            item = replace(item, fingerprint=hashlib.sha256(f"{source}\x1f{obj['name']}\x1f{item.reason}".encode()).hexdigest())
        yield item


def source_name(subreddit: str) -> str:
    return f"reddit:r/{subreddit}"


def _things(reddit, subreddit, since_utc, recheck, settings, sleep) -> Iterator[dict]:
    for submission in _new_submissions(reddit, subreddit, since_utc, settings, sleep):
        yield _submission_dict(submission)
        yield from _comment_dicts(submission, settings, sleep)
    for start in range(0, len(recheck), PAGE):
        chunk = recheck[start:start + PAGE]
        for thing in with_backoff(lambda: list(reddit.info(fullnames=chunk)), settings, sleep):
            yield _submission_dict(thing) if thing.fullname.startswith("t3_") else _comment_dict(thing)


def _new_submissions(reddit, subreddit: str, since_utc: float, settings: RedditSettings, sleep):
    """Newest first, a page per request (so a retry repeats one page), down to the high-water mark."""
    after = None
    while True:
        params = {"after": after} if after else {}
        page = with_backoff(lambda: list(reddit.subreddit(subreddit).new(limit=PAGE, params=params)), settings, sleep)
        for submission in page:
            if submission.created_utc <= since_utc:
                return
            yield submission
        if len(page) < PAGE:
            return
        after = page[-1].fullname


def _comment_dicts(submission, settings: RedditSettings, sleep) -> list[dict]:
    def tree():
        submission.comments.replace_more(limit=settings.more_budget)
        return submission.comments.list()
    return [_comment_dict(c) for c in with_backoff(tree, settings, sleep) if c.__class__.__name__ == "Comment"]


def _author(thing) -> str | None:
    return thing.author.name if thing.author is not None else None


def _submission_dict(s) -> dict:
    return {"id": s.id, "name": s.fullname, "author": _author(s), "created_utc": s.created_utc,
            "subreddit": s.subreddit.display_name, "title": s.title, "selftext": s.selftext or ""}


def _comment_dict(c) -> dict:
    return {"id": c.id, "name": c.fullname, "author": _author(c), "created_utc": c.created_utc,
            "subreddit": c.subreddit.display_name, "body": c.body, "parent_id": c.parent_id,
            "link_id": c.link_id}
