"""Small-cell suppression of the published aggregates.

The snapshot holds counts of reports (and of distinct authors) in every combination of
substance, schedule, dose band and month, each also rolled up to 'all'. Any count below the
threshold is hidden (primary suppression), and so is a count whose complement within its group
is small (12 of 15 reports with a headache would tell that 3 had none). Hiding one cell is not
enough when its line can be summed: along each dimension a rolled-up cell is the sum of its
members, so a line must never have exactly one hidden cell, and the hidden cells of a line must
together hold at least the threshold, or differencing the margin and the shown members would
pin them down. Further cells are hidden (complementary suppression: the smallest shown member
of each offending line) until every line of every dimension passes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

DIMENSIONS = ("substance", "schedule", "dose_band", "month")
ALL = "all"
COUNTS = (("reports", "reports_total"), ("authors", "authors_total"))


def suppress(cells: pd.DataFrame, min_count: int) -> pd.DataFrame:
    """`cells`: one row per group (DIMENSIONS) and item (level, measure) with the counts and the
    group's totals. Returns the same frame with every count that must not be shown set to NA."""
    out = cells.copy()
    for count, total in COUNTS:
        counted = cells[cells[total].notna()]  # groups where this count is not published at all drop out
        hidden_count, hidden_total = _suppress_family(counted, count, total, min_count)
        out[count] = out[count].astype("Int64")
        out[total] = out[total].astype("Int64")
        out.loc[counted.index[hidden_count], count] = pd.NA
        out.loc[counted.index[hidden_total], total] = pd.NA
    return out


def _suppress_family(cells: pd.DataFrame, count: str, total: str, min_count: int) -> tuple[np.ndarray, np.ndarray]:
    """Hidden masks of the counts and of their group totals, row by row of `cells`."""
    cells = cells.reset_index(drop=True)
    groups = cells.drop_duplicates(list(DIMENSIONS)).reset_index(drop=True)
    hidden_groups = complementary(groups, total, groups[total].to_numpy(float) < min_count, (), min_count)
    flags = groups.loc[hidden_groups, list(DIMENSIONS)].assign(_hidden=True)
    in_hidden_group = cells.merge(flags, how="left", on=list(DIMENSIONS))["_hidden"].fillna(False).to_numpy(bool)
    values, totals = cells[count].to_numpy(float), cells[total].to_numpy(float)
    first = (values < min_count) | (totals - values < min_count) | in_hidden_group
    return complementary(cells, count, first, ("level", "measure"), min_count), in_hidden_group


def complementary(frame: pd.DataFrame, column: str, hidden: np.ndarray, keys: tuple[str, ...],
                  min_count: int) -> np.ndarray:
    """Extend the `hidden` mask of frame[column] until no line along any dimension gives a hidden
    cell away; `keys` are further columns that every line holds fixed."""
    values = frame[column].to_numpy(dtype=float)
    hidden = np.asarray(hidden, dtype=bool).copy()
    lines = [_lines(frame, dimension, keys) for dimension in DIMENSIONS]
    while True:
        extra = np.concatenate([_to_hide(ids, margin, values, hidden, min_count) for ids, margin in lines])
        if not extra.size:
            return hidden
        hidden[extra] = True


def _lines(frame: pd.DataFrame, dimension: str, keys: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Line number of every row along `dimension`, and whether the row is its line's margin."""
    others = [d for d in DIMENSIONS if d != dimension] + list(keys)
    ids = frame.groupby(others, sort=False, dropna=False).ngroup().to_numpy()
    return ids, (frame[dimension] == ALL).to_numpy()


def _to_hide(ids: np.ndarray, margin: np.ndarray, values: np.ndarray, hidden: np.ndarray,
             min_count: int) -> np.ndarray:
    """Rows to hide next: the smallest shown member of each line that would give a cell away."""
    if not ids.size:
        return ids
    size = ids.max() + 1
    member = ~margin
    hidden_members = np.bincount(ids, weights=hidden & member, minlength=size)
    margin_hidden = np.bincount(ids, weights=hidden & margin, minlength=size) > 0
    shown_sum = np.bincount(ids, weights=np.where(member & ~hidden, values, 0), minlength=size)
    margin_value = np.bincount(ids, weights=np.where(margin, values, 0), minlength=size)
    lone = hidden_members + margin_hidden == 1  # the only unknown of its line: it is the difference
    thin = ~margin_hidden & (hidden_members > 0) & (margin_value - shown_sum < min_count)
    offending = lone | thin
    candidates = np.flatnonzero(member & ~hidden & offending[ids])
    ordered = candidates[np.lexsort((values[candidates], ids[candidates]))]
    smallest = ordered[np.unique(ids[ordered], return_index=True)[1]]
    # A line with no member left to hide gives its hidden members away through its margin.
    covered = np.zeros(size, dtype=bool)
    covered[ids[smallest]] = True
    margins = np.flatnonzero(margin & ~hidden & (offending & ~covered)[ids])
    return np.concatenate([smallest, margins])
