"""Reddit dump files (Pushshift / Arctic Shift `RS_YYYY-MM.zst`, `RC_YYYY-MM.zst`): zstandard-
compressed NDJSON, one submission or comment per line, read as a stream in bounded memory.

Only the configured subreddits and/or keywords are kept. Most lines of a monthly dump belong to
other subreddits, so a bytes-level pre-filter skips them before any JSON is parsed.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import zstandard

from .files import to_raw_report
from ..records import Quarantined, RawReport

MAX_WINDOW = 2**31  # the dumps are compressed with --long=31
MIN_LINES_FOR_ERROR_RATE = 1000  # judge the error rate only once it means something
BAD_LINE = "unparseable line"


class DumpError(Exception):
    """A dump that cannot be read, or whose bad-line rate passed the limit."""


@dataclass
class DumpStats:
    lines: int = 0  # every line of the file, including skipped ones
    filtered: int = 0  # lines outside the subreddits/keywords asked for
    bad: int = 0  # unparseable lines (quarantined; they count towards the error-rate limit)
    compressed_bytes: int = 0  # read from the file so far (for MB/s)


@dataclass
class DumpFilter:
    subreddits: frozenset[str] = frozenset()  # lower-case names; empty means any
    keywords: tuple[str, ...] = ()  # any of them in title/selftext/body; empty means any
    _prefilter: re.Pattern | None = field(init=False, default=None)
    _keyword: re.Pattern | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.subreddits = frozenset(s.lower().removeprefix("r/") for s in self.subreddits)
        if self.subreddits:
            names = b"|".join(re.escape(s.encode()) for s in sorted(self.subreddits))
            self._prefilter = re.compile(rb'"subreddit"\s*:\s*"(?i:' + names + rb')"')
        if self.keywords:
            self._keyword = re.compile("|".join(re.escape(k) for k in self.keywords), re.IGNORECASE)

    def may_match(self, line: bytes) -> bool:
        return self._prefilter is None or self._prefilter.search(line) is not None

    def matches(self, report: RawReport) -> bool:
        if self.subreddits and (report.subreddit or "").lower() not in self.subreddits:
            return False
        return self._keyword is None or self._keyword.search(f"{report.title}\n{report.text}") is not None


def read_dump(path: str | Path, keep: DumpFilter, stats: DumpStats | None = None, start_line: int = 0,
              max_error_rate: float = 0.01) -> Iterator[RawReport | Quarantined]:
    """Kept reports and quarantined bad lines of one dump, from line `start_line + 1` on.

    Filtered lines are only counted (in `stats`). Raises DumpError when more than `max_error_rate`
    of the lines read so far were bad (after the first thousand lines).
    """
    path = Path(path)
    stats = stats if stats is not None else DumpStats()
    try:
        handle = path.open("rb")
    except OSError as error:
        raise DumpError(f"{path}: {error.strerror}; check the path given to --input") from None
    with handle:
        for number, line in enumerate(_lines(handle, path), start=1):
            stats.lines = number
            if number <= start_line:
                continue
            if number % 4096 == 0:
                stats.compressed_bytes = handle.tell()
            item = _item(line, path.name, number, keep)
            if item is None:
                stats.filtered += 1
                continue
            if isinstance(item, Quarantined) and item.reason.startswith(BAD_LINE):
                stats.bad += 1
                if number >= MIN_LINES_FOR_ERROR_RATE and stats.bad / number > max_error_rate:
                    raise DumpError(f"{path.name}: {stats.bad} bad lines in the first {number:,} "
                                    f"({stats.bad / number:.1%}), more than the allowed {max_error_rate:.1%}; "
                                    "is this a Reddit dump? Raise the limit with --max-error-rate if it is")
            yield item
        stats.compressed_bytes = handle.tell()


def _lines(handle, path: Path) -> Iterable[bytes]:
    reader = zstandard.ZstdDecompressor(max_window_size=MAX_WINDOW).stream_reader(handle, read_size=1 << 20, closefd=False)
    try:
        yield from io.BufferedReader(reader, buffer_size=1 << 20)
    except zstandard.ZstdError as error:
        raise DumpError(f"{path.name}: not a readable zstandard file ({error}); "
                        "dump files are .zst compressed NDJSON") from None


def _item(line: bytes, source: str, number: int, keep: DumpFilter) -> RawReport | Quarantined | None:
    stripped = line.strip()
    if not stripped:
        return None
    # A line that is not one whole JSON object is junk whatever subreddit it claims: quarantine it
    # rather than let the pre-filter skip it unseen.
    if not (stripped.startswith(b"{") and stripped.endswith(b"}")):
        return Quarantined.at_ingest(source, number, f"{BAD_LINE}: not one JSON object", line)
    if not keep.may_match(line):
        return None
    try:
        obj = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return Quarantined.at_ingest(source, number, f"{BAD_LINE}: {str(error)[:100]}", line)
    item = to_raw_report(obj, source, number, line)
    if isinstance(item, RawReport) and not keep.matches(item):
        return None
    return item
