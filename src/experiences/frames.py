"""A batch as one DataFrame per warehouse table: the shape validated and then loaded."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .records import Report

TABLES = ("reports", "dose_mentions", "schedule_mentions", "effect_mentions")
MENTION_COLUMNS = {
    "dose_mentions": ["report_id", "ordinal", "substance", "low", "high", "unit", "mention", "start_char", "end_char"],
    "schedule_mentions": ["report_id", "ordinal", "schedule", "days_on", "days_off", "mention", "start_char", "end_char"],
    "effect_mentions": ["report_id", "ordinal", "effect", "kind", "category", "status", "mention", "start_char", "end_char"],
}
REPORT_COLUMNS = ["id", "kind", "subreddit", "author_pseudonym", "created_utc", "title", "text", "parent_id",
                  "source", "substances", "content_hash", "analysed_text"]
RECORD_KEYS = {"dose_mentions": "doses", "schedule_mentions": "schedules", "effect_mentions": "effects"}


@dataclass
class Frames:
    reports: pd.DataFrame
    dose_mentions: pd.DataFrame
    schedule_mentions: pd.DataFrame
    effect_mentions: pd.DataFrame

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def without(self, report_ids: set[str]) -> "Frames":
        """The same batch less the given reports and all their mentions."""
        if not report_ids:
            return self
        return Frames(self.reports[~self.reports["id"].isin(report_ids)].reset_index(drop=True),
                      *(self._drop(name, report_ids) for name in TABLES[1:]))

    def _drop(self, name: str, report_ids: set[str]) -> pd.DataFrame:
        frame = self.table(name)
        return frame[~frame["report_id"].isin(report_ids)].reset_index(drop=True)


def to_frames(reports: list[Report], records: list[dict]) -> Frames:
    """Reports and their extraction records (same order) as one frame per table."""
    rows = [{"id": r.id, "kind": r.kind, "subreddit": r.subreddit, "author_pseudonym": r.author_pseudonym,
             "created_utc": r.created_utc, "title": r.title, "text": r.text, "parent_id": r.parent_id,
             "source": r.source, "substances": record["substances"], "content_hash": r.content_hash,
             "analysed_text": r.analysed_text}
            for r, record in zip(reports, records, strict=True)]
    mentions = {name: [] for name in MENTION_COLUMNS}
    for record in records:
        for name, key in RECORD_KEYS.items():
            for ordinal, item in enumerate(record[key]):
                mentions[name].append(_mention_row(record["id"], ordinal, item))
    return Frames(
        pd.DataFrame(rows, columns=REPORT_COLUMNS).astype({"created_utc": "float64"}),
        *(pd.DataFrame(mentions[name], columns=columns) for name, columns in MENTION_COLUMNS.items()),
    )


def _mention_row(report_id: str, ordinal: int, item: dict) -> dict:
    row = {"report_id": report_id, "ordinal": ordinal, "mention": item["text"],
           "start_char": item["start"], "end_char": item["end"]}
    row.update({k: v for k, v in item.items() if k not in ("text", "start", "end")})
    return row
