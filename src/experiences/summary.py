"""Small read-only summaries for the command line."""

from __future__ import annotations

from pathlib import Path

from .publish import MIN_COUNT
from .warehouse import query

TOP_SIDE_EFFECTS = """
SELECT effect, count(DISTINCT report_id) AS reports
FROM effect_mentions
WHERE kind = 'side_effect' AND status = 'present'
GROUP BY effect ORDER BY reports DESC, effect LIMIT ?
"""


def top_side_effects(db: Path, limit: int = 5) -> list[tuple[str, str]]:
    """The most reported side effects, counts below the suppression threshold shown as '<11'."""
    _, rows = query(db, TOP_SIDE_EFFECTS, [limit])
    return [(effect, str(count) if count >= MIN_COUNT else f"<{MIN_COUNT}") for effect, count in rows]
