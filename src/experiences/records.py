"""The shapes that travel between stages.

A RawReport lives only in memory, between a source and the anonymiser. A Report is the only
shape that may be written anywhere. A Quarantined record says why something was set aside,
without keeping the offending content.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawReport:
    id: str
    kind: str  # submission | comment | record
    title: str
    text: str
    author: str | None = field(repr=False)
    created_utc: float | None
    subreddit: str | None
    parent_id: str | None
    source: str  # file name or subreddit the record came from
    line: int  # 1-based line (or row) number within the source


@dataclass(frozen=True)
class Report:
    id: str
    kind: str
    title: str
    text: str
    author_pseudonym: str | None
    created_utc: float | None
    subreddit: str | None
    parent_id: str | None
    source: str

    @property
    def analysed_text(self) -> str:
        """The string extraction offsets refer to (see the extraction contract)."""
        return f"{self.title}\n\n{self.text}" if self.title else self.text

    @property
    def content_hash(self) -> str:
        parts = (self.kind, self.title, self.text, self.author_pseudonym or "", repr(self.created_utc),
                 self.subreddit or "", self.parent_id or "")
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Quarantined:
    stage: str  # ingest | validate
    source: str
    line: int | None
    record_id: str | None
    reason: str
    fingerprint: str  # stable identity, so quarantining the same thing twice adds nothing

    @classmethod
    def at_ingest(cls, source: str, line: int, reason: str, content: bytes | str,
                  record_id: str | None = None) -> "Quarantined":
        data = content.encode() if isinstance(content, str) else content
        digest = hashlib.sha256(b"%s\x1f%d\x1f" % (source.encode(), line) + data).hexdigest()
        return cls("ingest", source, line, record_id, reason, digest)


def drop_repeats(reports: list[Report]) -> tuple[list[Report], int]:
    """The reports of a batch with repeated ids dropped (the first wins), and how many were dropped.

    Repeats across batches and runs are the warehouse's to find: it compares content hashes.
    """
    kept, seen = [], set()
    for report in reports:
        if report.id not in seen:
            seen.add(report.id)
            kept.append(report)
    return kept, len(reports) - len(kept)
