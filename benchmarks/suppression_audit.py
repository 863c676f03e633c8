"""Audit of the published snapshot's suppression: linear algebra and linear programming.

    .venv/bin/python benchmarks/suppression_audit.py [--reports 2500] [--months 3] [--cells 300]

Builds a synthetic warehouse (experiences.sample.synthetic: each report has at most one
substance, schedule, dose band and month, so every rolled-up count is exactly the sum of the
finest counts under it), publishes it, and then plays an attacker who knows every shown count
and solves for each hidden one: the least and greatest values consistent with all of them
(counts are non-negative). Prints how many hidden cells are pinned to one value, and how many
are narrowed to an interval shorter than the threshold. Before that, for every hidden cell of each
table, whether the roll-up equations alone pin it (linear algebra, fast at any size: use
`--cells 0` to skip the linear programs at a million reports).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import linprog

from experiences import publish
from experiences.sample import synthetic
from experiences.suppress import ALL, DIMENSIONS


def covers(cells: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
    """Which finest cells each cell sums: a 0/1 matrix, cells x finest cells."""
    finest = cells[(cells[list(DIMENSIONS)] != ALL).all(axis=1)]
    matrix = np.ones((len(cells), len(finest)), dtype=bool)
    for dimension in DIMENSIONS:
        mine = cells[dimension].to_numpy()[:, None]
        matrix &= (mine == ALL) | (mine == finest[dimension].to_numpy()[None, :])
    return matrix.astype(float), finest


def pinned_by_equations(cells: pd.DataFrame, column: str) -> np.ndarray:
    """The true values of the hidden cells of `column` that the roll-up equations alone pin to one value
    (every hidden cell; fast at any size). A hidden cell is pinned when what its equation leaves unknown (the
    hidden finest cells it sums) is a combination of what the shown cells' equations leave unknown."""
    cells = cells.reset_index(drop=True)
    matrix, finest = covers(cells)
    hidden = cells[column].isna().to_numpy()
    unknown = cells.loc[finest.index, column].isna().to_numpy()
    known = matrix[~hidden][:, unknown]
    known = known[known.any(axis=1)]
    wanted = matrix[hidden][:, unknown]
    if known.size:
        values, vectors = np.linalg.eigh(known.T @ known)  # the null space: eigenvalues of about zero
        wanted = wanted @ vectors[:, values <= values[-1] * 1e-10]
    pinned = np.abs(wanted).max(axis=1, initial=0.0) < 1e-6
    return cells.loc[hidden, f"{column}_true"].to_numpy()[pinned]


def bounds(cells: pd.DataFrame, column: str, limit: int) -> pd.DataFrame:
    """For up to `limit` hidden cells of `column`: true value, least and greatest possible."""
    cells = cells.reset_index(drop=True)
    matrix, _ = covers(cells)
    shown = cells[column].notna().to_numpy()
    rows = []
    for index in np.flatnonzero(~shown)[:limit]:
        low, high = (sign * linprog(sign * matrix[index], A_eq=matrix[shown], b_eq=cells.loc[shown, column].to_numpy(float),
                                    bounds=(0, None), method="highs").fun for sign in (1, -1))
        rows.append({"true": cells.loc[index, f"{column}_true"], "low": low, "high": high})
    return pd.DataFrame(rows)


def report(name: str, found: pd.DataFrame, min_count: int) -> None:
    pinned = int(((found["high"] - found["low"]) < 0.5).sum())
    narrow = int(((found["high"] - found["low"]) < min_count).sum())
    print(f"{name}: {len(found)} hidden cells audited, {pinned} pinned to one value, "
          f"{narrow} narrowed to an interval shorter than {min_count}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2500)
    parser.add_argument("--months", type=int, default=3)
    parser.add_argument("--cells", type=int, default=300,
                        help="hidden cells to audit per table by linear programming (slow; 0: none)")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        cells = synthetic.published_cells(Path(tmp), args.reports, args.months)
    print(f"{args.reports} synthetic reports over {args.months} months: {len(cells):,} published cells, "
          f"{int(cells['reports'].isna().sum()):,} counts withheld", flush=True)
    tables = [("report totals", cells.drop_duplicates(list(DIMENSIONS)), "reports_total")]
    tables += [(f"reports with {measure}", cells[(cells["level"] == "effect") & (cells["measure"] == measure)], "reports")
               for measure in ("headache", "insomnia", "mood_improvement")]
    for name, table, column in tables:
        pinned = pinned_by_equations(table, column)
        small = int((pinned < publish.MIN_COUNT).sum())
        print(f"{name}: {len(pinned)} of {int(table[column].isna().sum())} hidden cells pinned by the roll-up "
              f"equations alone ({small} of them below {publish.MIN_COUNT})", flush=True)
        if args.cells:
            report(name, bounds(table, column, args.cells), publish.MIN_COUNT)
    print(f"audit took {time.monotonic() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
