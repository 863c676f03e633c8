"""Sources of raw reports behind one small interface: `read_source(path, ...)` for export files
and Reddit dump files (live Reddit is `sources.reddit`).

Every record a source gives is a RawReport or a Quarantined item, never dropped silently; lines a
dump filter leaves out are counted in the stats.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..records import Quarantined, RawReport
from .dumps import DumpFilter, DumpStats, read_dump
from .files import read_file

__all__ = ["DumpFilter", "DumpStats", "read_source", "is_dump"]


def is_dump(path: str | Path) -> bool:
    return Path(path).suffix.lower() == ".zst"


def read_source(path: str | Path, keep: DumpFilter | None = None, start_line: int = 0,
                stats: DumpStats | None = None, max_error_rate: float = 0.01) -> Iterator[RawReport | Quarantined]:
    """Records of one input file from line `start_line + 1` on (dump files are filtered by `keep`)."""
    if is_dump(path):
        yield from read_dump(path, keep or DumpFilter(), stats, start_line, max_error_rate)
        return
    for item in read_file(path):
        if stats is not None:
            stats.lines = item.line
        if item.line > start_line:
            yield item
