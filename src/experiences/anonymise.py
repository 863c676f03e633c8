"""Anonymise at the boundary: keyed author pseudonyms and scrubbed text.

The raw author and every scrubbed value stop here: nothing downstream ever sees them, and
nothing here logs them.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import sys
from pathlib import Path

from .records import RawReport, Report
from .settings import Settings

PSEUDONYM_HEX = 32  # 128 bits of HMAC-SHA256: collisions are out of reach at any corpus size

URL = re.compile(r"(?i)(?:\bhttps?://|\bwww\.)[^\s<>\"'()\[\]]+|\b(?:old\.|new\.)?reddit\.com/[^\s<>\"'()\[\]]*")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
USERNAME = re.compile(r"(?<![\w/])/?u(?:ser)?/(?!\[USER\])[A-Za-z0-9_-]{2,20}\b")
PHONE_CANDIDATE = re.compile(r"(?<![\w.,/])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,5}\)[ .-]?)?\d{2,6}(?:[ .-]\d{2,6}){0,4}(?![\w.,/]\d)")


def load_key(settings: Settings) -> bytes:
    """The pseudonym key: from the environment, or generated once into the data folder."""
    if settings.key_from_env:
        return settings.key_from_env.encode()
    path = settings.key_path
    if path.exists():
        return path.read_bytes().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    print(f"experiences: generated a new pseudonym key in {path} (mode 0600). Keep it secret and keep it: "
          "the same key gives the same author the same pseudonym in every run. "
          "Set EXPERIENCES_PSEUDONYM_KEY to use a key of your own.", file=sys.stderr)
    return key.encode()


class Anonymiser:
    def __init__(self, key: bytes):
        if len(key) < 16:
            raise ValueError("the pseudonym key is too short; use at least 16 characters (32 random bytes is best)")
        self._key = key

    def pseudonym(self, author: str | None) -> str | None:
        if author is None:
            return None
        digest = hmac.new(self._key, author.strip().lower().encode(), hashlib.sha256).hexdigest()
        return digest[:PSEUDONYM_HEX]

    def anonymise(self, raw: RawReport) -> Report:
        return Report(
            id=raw.id, kind=raw.kind,
            title=scrub(raw.title, raw.author), text=scrub(raw.text, raw.author),
            author_pseudonym=self.pseudonym(raw.author), created_utc=raw.created_utc,
            subreddit=raw.subreddit, parent_id=raw.parent_id, source=raw.source,
        )


def scrub(text: str, author: str | None = None) -> str:
    """Replace URLs, e-mail addresses, u/usernames, phone numbers and the author's own name."""
    if not text:
        return text
    text = URL.sub("[URL]", text)
    text = EMAIL.sub("[EMAIL]", text)
    text = USERNAME.sub("u/[USER]", text)
    text = PHONE_CANDIDATE.sub(_phone_or_same, text)
    if author and len(author) >= 3:
        text = re.sub(rf"(?<![\w]){re.escape(author)}(?![\w])", "[USER]", text, flags=re.IGNORECASE)
    return text


def _phone_or_same(match: re.Match) -> str:
    candidate = match.group(0)
    digits = sum(ch.isdigit() for ch in candidate)
    groups = re.findall(r"\d+", candidate)
    looks_dialled = candidate.startswith(("+", "(")) or groups[0].startswith("0") or (
        len(groups) >= 3 and [len(g) for g in groups[-2:]] == [3, 4])
    # Digit runs with separators are phone numbers only when they look dialled: doses, dates
    # and counts ("100 200 mg", "2023-01-15") must survive.
    return "[PHONE]" if 9 <= digits <= 15 and len(groups) >= 2 and looks_dialled else candidate
