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

Lines one at a time are not all an attacker can use: solving every roll-up equation of a table at
once can still pin a hidden cell to one value (at a million reports, 44 small counts of the
headache table alone). So once the lines pass, each table's equations are solved as a whole, in
terms of its finest cells (the hidden ones unknown): a hidden cell is pinned when its value is a
combination of shown ones, that is, when its equation lies in the row space of the shown cells'
equations. For each pinned cell hidden for what it is (a small count or complement; the cells
hidden only to shield others may be worked out, as long as no small one can), the smallest shown
member of its lines is hidden too, and lines and equations are checked again, until no such cell
is pinned. (Bounds are another matter: an attacker using that counts are not negative may still
narrow a hidden cell to an interval; benchmarks/suppression_audit.py measures how often.)
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
    cell away, and no cell hidden at the start follows from all of its table's shown cells together;
    `keys` are further columns that every line (and table) holds fixed."""
    values = frame[column].to_numpy(dtype=float)
    hidden = np.asarray(hidden, dtype=bool).copy()
    primary = hidden.copy()  # the cells hidden for what they are; the others only shield them
    lines = [_lines(frame, dimension, keys) for dimension in DIMENSIONS]
    tables = _tables(frame, keys)
    checked = [None] * len(tables)  # each table's hidden mask when it was last found to pin nothing
    while True:
        extra = np.concatenate([_to_hide(ids, margin, values, hidden, min_count) for ids, margin in lines])
        if extra.size:
            hidden[extra] = True
            continue
        pinned = [np.zeros(0, dtype=int)]
        for index, (rows, codes, finest) in enumerate(tables):
            if checked[index] is not None and np.array_equal(checked[index], hidden[rows]):
                continue  # unchanged since it pinned nothing (tables share no line)
            found = rows[_pinned(codes, finest, hidden[rows])]
            found = found[primary[found]]
            checked[index] = None if found.size else hidden[rows]
            pinned.append(found)
        pinned = np.concatenate(pinned)
        if not pinned.size:
            return hidden
        extra = _to_unpin(pinned, lines, values, hidden)
        if not extra.size:  # pragma: no cover - a pinned cell always has a shown cell in one of its lines
            raise AssertionError("a pinned cell with nothing left to hide")
        hidden[extra] = True


def _tables(frame: pd.DataFrame, keys: tuple[str, ...]) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The rows of each table (rows sharing `keys`) whose counts add up along every dimension, each with its
    dimensions as codes (-1 for 'all', one column per dimension the table varies in) and which of its rows
    are finest cells (every such dimension set). A table without finest cells (distinct authors, counted with
    one dimension set at a time, do not add up) has no such equations and is left out."""
    tables = []
    groups = frame.groupby(list(keys), sort=False).indices.values() if keys else [np.arange(len(frame))]
    for rows in groups:
        table = frame.iloc[rows]
        varying = [d for d in DIMENSIONS if (table[d] != ALL).any()]
        codes = np.stack([np.where(table[d] == ALL, -1, pd.factorize(table[d])[0]) for d in varying], axis=1) \
            if varying else np.zeros((len(rows), 0), dtype=int)
        finest = np.flatnonzero((codes >= 0).all(axis=1)) if varying else np.zeros(0, dtype=int)
        if finest.size:
            tables.append((np.asarray(rows), codes, finest))
    return tables


def _pinned(codes: np.ndarray, finest: np.ndarray, hidden: np.ndarray) -> np.ndarray:
    """Positions of the rows of one table that are hidden yet follow from the shown ones. Each row is the sum
    of the finest cells it covers; the shown finest cells are known, so what is left of a row's equation is
    the hidden finest cells it covers. A hidden row is pinned when that is a combination of what is left of
    the shown rows' equations (it lies in their row space)."""
    if not hidden.any():
        return np.zeros(0, dtype=int)
    unknown = codes[finest[hidden[finest]]]  # the hidden finest cells: the unknowns
    covers = np.ones((len(codes), len(unknown)), dtype=bool)
    for j in range(codes.shape[1]):
        covers &= (codes[:, j] == -1)[:, None] | (codes[:, j][:, None] == unknown[:, j][None, :])
    known = covers[~hidden]
    known = known[known.any(axis=1)].astype(np.float32)
    wanted = covers[hidden].astype(float)
    if known.size:
        # The directions the shown rows cannot see (their null space), from the Gram matrix: its entries are
        # counts below 2**24, exact in float32, which halves the cost; eigh always converges (an SVD of these
        # 0/1 matrices at a million reports sometimes did not). A hidden row is pinned when it has no part
        # in those directions.
        values, vectors = np.linalg.eigh((known.T @ known).astype(float))
        wanted = wanted @ vectors[:, values <= values[-1] * 1e-10]
    return np.flatnonzero(hidden)[np.abs(wanted).max(axis=1, initial=0.0) < 1e-6]


def _to_unpin(pinned: np.ndarray, lines: list[tuple[np.ndarray, np.ndarray]], values: np.ndarray,
              hidden: np.ndarray) -> np.ndarray:
    """Rows to hide next: for each pinned row, the smallest shown member of any of its lines (or, where
    every member is hidden, the smallest shown margin)."""
    members = np.stack([_smallest(ids, ~margin & ~hidden, values)[ids[pinned]] for ids, margin in lines], axis=1)
    margins = np.stack([_smallest(ids, margin & ~hidden, values)[ids[pinned]] for ids, margin in lines], axis=1)
    chosen = set()
    for row_members, row_margins in zip(members, margins):
        found = row_members[row_members >= 0]
        if not found.size:
            found = row_margins[row_margins >= 0]
        if found.size:
            chosen.add(int(found[np.argmin(values[found])]))
    return np.array(sorted(chosen), dtype=int)


def _smallest(ids: np.ndarray, eligible: np.ndarray, values: np.ndarray) -> np.ndarray:
    """For each line, its eligible row of the smallest value (-1 if none)."""
    rows = np.flatnonzero(eligible)
    rows = rows[np.lexsort((values[rows], ids[rows]))]
    first = rows[np.unique(ids[rows], return_index=True)[1]]
    smallest = np.full(ids.max() + 1, -1)
    smallest[ids[first]] = first
    return smallest


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
