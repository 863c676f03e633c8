"""Reading the published snapshot: every figure the dashboards show, as DataFrames.

The snapshot is only ever opened read-only. The SQL is fixed text with bound
parameters; the filters only ever travel as values. Figures are derived from the published
(already suppressed) counts alone, and a figure derived from a withheld count, or from a
difference of counts that comes out below the threshold, is withheld too: so comparing two
filter settings can only ever reveal what is already shown.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from . import stats
from .suppress import ALL

WHOLE_PERIOD = (ALL, ALL)
EVERY_MONTH = ("0000-00", "9999-99")  # 'all' and 'unknown' sort after every month
NONE_STATED = {"substance": "unspecified", "schedule": "none_stated", "dose_band": "none_stated"}

# Counts of one level (effect, category or kind) in the selected groups, by one dimension (or
# by nothing: $by = 'none'), summed over the months of the range. A sum including a withheld
# count is withheld. Distinct authors do not add up, so they are only given for a single cell
# (the snapshot counts them over the whole period, overall and by one dimension at a time).
CELLS_SQL = """
SELECT CASE $by WHEN 'substance' THEN substance WHEN 'schedule' THEN schedule
                WHEN 'dose_band' THEN dose_band WHEN 'month' THEN month ELSE 'all' END AS value,
       measure, any_value(kind) AS kind, any_value(category) AS category,
       CASE WHEN bool_and(reports IS NOT NULL) THEN CAST(sum(reports) AS BIGINT) END AS reports,
       CASE WHEN bool_and(reports_total IS NOT NULL) THEN CAST(sum(reports_total) AS BIGINT) END AS reports_total,
       CASE WHEN count(*) = 1 THEN any_value(authors) END AS authors,
       CASE WHEN count(*) = 1 THEN any_value(authors_total) END AS authors_total
FROM effect_cells
WHERE level = $level
  AND (len($measures) = 0 OR list_contains($measures, measure))
  AND CASE WHEN $by = 'substance' THEN substance <> 'all' ELSE substance = $substance END
  AND CASE WHEN $by = 'schedule' THEN schedule <> 'all' ELSE schedule = $schedule END
  AND CASE WHEN $by = 'dose_band' THEN dose_band <> 'all' ELSE dose_band = $dose_band END
  AND month BETWEEN $first AND $last
GROUP BY ALL
ORDER BY value, measure
"""
OPTIONS_SQL = """
SELECT DISTINCT CASE $column WHEN 'substance' THEN substance WHEN 'schedule' THEN schedule
                             WHEN 'dose_band' THEN dose_band ELSE month END AS value
FROM effect_cells WHERE level = 'kind'
ORDER BY value
"""
INFO_SQL = "SELECT published_at, min_count, reports FROM snapshot_info"
PUBLISHED_SQL = "SELECT category, share AS published_share FROM published_challenges"


@dataclass(frozen=True)
class Filters:
    substance: str = ALL
    schedule: str = ALL
    dose_band: str = ALL
    months: tuple[str, str] = WHOLE_PERIOD  # inclusive range of 'YYYY-MM', or the whole period

    def params(self, by: str = "none") -> dict:
        first, last = self.months
        if by == "month" and self.months == WHOLE_PERIOD:
            first, last = EVERY_MONTH
        return {"by": by, "substance": self.substance, "schedule": self.schedule,
                "dose_band": self.dose_band, "first": first, "last": last}


class Snapshot:
    """The published snapshot, read through one read-only connection that is opened again when
    the file is republished (publishing swaps in a new file, so the old one stays readable)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._version: tuple[int, int] | None = None

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor of the current file's connection: one per query, as queries may come from
        several threads (Streamlit sessions) at once."""
        stat = self.path.stat()
        with self._lock:
            if self._version != (stat.st_ino, stat.st_mtime_ns):
                self._connection = duckdb.connect(str(self.path), read_only=True)
                self._version = (stat.st_ino, stat.st_mtime_ns)
            return self._connection.cursor()

    def read(self, sql: str, params: dict | list | None = None) -> pd.DataFrame:
        with self.cursor() as cursor:
            return cursor.execute(sql, params or []).df()

    def info(self) -> dict:
        return self.read(INFO_SQL).iloc[0].to_dict()

    def options(self, column: str) -> list[str]:
        """The values of one dimension, 'all' first; months exclude 'unknown'."""
        values = self.read(OPTIONS_SQL, {"column": column})["value"].tolist()
        values = [v for v in values if v != ALL and not (column == "month" and v == "unknown")]
        return values if column == "month" else [ALL] + values

    def cells(self, filters: Filters, level: str, by: str = "none", measures: list[str] | None = None) -> pd.DataFrame:
        params = filters.params(by) | {"level": level, "measures": list(measures or [])}
        return self.read(CELLS_SQL, params)

    def shares(self, filters: Filters, level: str = "effect", by: str = "none",
               measures: list[str] | None = None) -> pd.DataFrame:
        """Share of reports and of distinct authors stating each item, with 95% Wilson intervals."""
        return with_shares(self.cells(filters, level, by, measures))

    def challenges(self, filters: Filters, min_count: int) -> pd.DataFrame:
        """Our challenge categories as shares of challenge reports (reports with any side effect),
        beside the shares Anderson et al. (2019) published."""
        categories = self.cells(filters, "category")
        categories = categories[categories["kind"] == "side_effect"]
        challenge = self.cells(filters, "kind", measures=["side_effect"])
        total = challenge["reports"].iloc[0] if len(challenge) else pd.NA
        frame = categories[["measure", "reports"]].rename(columns={"measure": "category"})
        frame["challenge_reports"] = total
        frame = frame.merge(self.read(PUBLISHED_SQL), on="category", how="right")
        shown = _large(frame["reports"], min_count) & _large(frame["challenge_reports"] - frame["reports"], min_count)
        frame["reports"] = frame["reports"].where(shown)
        frame["share"] = (frame["reports"] / frame["challenge_reports"]).where(shown)
        frame["low"], frame["high"] = stats.wilson(_floats(frame["reports"]), _floats(frame["challenge_reports"]))
        return frame

    def disproportionality(self, filters: Filters, by: str, min_count: int) -> pd.DataFrame:
        """PRR of each effect in each value of `by` (substance or schedule) against the reports
        stating another value, within this corpus. Withheld wherever one of the four counts of
        the 2x2 table is withheld or below the threshold."""
        groups = self.cells(filters, "effect", by=by)
        overall = self.cells(filters, "effect").set_index("measure")
        unstated = groups[groups["value"] == NONE_STATED[by]].set_index("measure")
        stated = groups[groups["value"] != NONE_STATED[by]].copy()
        with_effect = overall["reports"].sub(unstated["reports"], fill_value=0)
        total = overall["reports_total"].sub(unstated["reports_total"], fill_value=0)
        a = stated["reports"]
        b = stated["reports_total"] - a
        c = stated["measure"].map(with_effect) - a
        d = stated["measure"].map(total) - stated["reports_total"] - c
        shown = _large(a, min_count) & _large(b, min_count) & _large(c, min_count) & _large(d, min_count)
        ratio, chi2 = stats.prr(*(_floats(x) for x in (a, b, c, d)))
        stated["a"], stated["b"], stated["c"], stated["d"] = (x.where(shown) for x in (a, b, c, d))
        stated["prr"] = pd.Series(ratio, index=stated.index).where(shown)
        stated["chi2"] = pd.Series(chi2, index=stated.index).where(shown)
        stated["signal"] = stats.signal(stated["a"].fillna(0), stated["prr"].fillna(0), stated["chi2"].fillna(0))
        return stated[["value", "measure", "kind", "category", "a", "b", "c", "d", "prr", "chi2", "signal"]]


def with_shares(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for count, total, prefix in (("reports", "reports_total", ""), ("authors", "authors_total", "author_")):
        frame[f"{prefix}share"] = (frame[count] / frame[total]).astype("Float64")
        low, high = stats.wilson(_floats(frame[count]), _floats(frame[total]))
        frame[f"{prefix}low"], frame[f"{prefix}high"] = low, high
    return frame


def _floats(series: pd.Series) -> np.ndarray:
    return series.astype("Float64").to_numpy(dtype=float, na_value=np.nan)


def _large(series: pd.Series, min_count: int) -> pd.Series:
    """True where a count is known and at least the threshold (NA counts as not)."""
    return series.astype("Float64").ge(min_count).fillna(False).astype(bool)

