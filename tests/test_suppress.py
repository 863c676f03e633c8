"""Small-cell suppression: nothing below the threshold is shown, and no hidden cell can be worked
out from a total and its shown parts, or by comparing two filter settings. (An attacker solving
all published counts at once is measured by benchmarks/suppression_audit.py.)"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from experiences.sample import synthetic
from experiences.suppress import ALL, DIMENSIONS, complementary, suppress

K = 11


def line_frame(values: list[int]) -> pd.DataFrame:
    """One line along 'schedule': members a, b, c, ... and the margin (their sum) as 'all'."""
    names = [chr(ord("a") + i) for i in range(len(values))]
    rows = [(n, v) for n, v in zip(names, values)] + [(ALL, sum(values))]
    return pd.DataFrame([{"substance": ALL, "schedule": n, "dose_band": ALL, "month": ALL, "n": v} for n, v in rows])


def hidden_values(values: list[int]) -> dict[str, int]:
    frame = line_frame(values)
    hidden = complementary(frame, "n", frame["n"].to_numpy() < K, (), K)
    return dict(zip(frame.loc[hidden, "schedule"], frame.loc[hidden, "n"]))


def test_a_lone_small_cell_takes_the_next_smallest_with_it():
    assert hidden_values([50, 5, 30, 20]) == {"b": 5, "d": 20}


def test_hidden_cells_must_hold_at_least_the_threshold_together():
    # 2 + 3 hidden would be recovered as "5 between them": hide 12 as well.
    assert hidden_values([2, 3, 40, 12]) == {"a": 2, "b": 3, "d": 12}


def test_a_line_without_small_cells_is_left_alone():
    assert hidden_values([11, 40, 12]) == {}


def test_complements_are_protected():
    cells = pd.DataFrame([{"substance": ALL, "schedule": ALL, "dose_band": ALL, "month": ALL, "level": "effect",
                           "measure": "headache", "reports": 45, "reports_total": 50, "authors": 20, "authors_total": 40}])
    out = suppress(cells, K)
    assert pd.isna(out.loc[0, "reports"])  # 5 of 50 without a headache would be revealed
    assert out.loc[0, "reports_total"] == 50 and out.loc[0, "authors"] == 20


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A synthetic warehouse (each report one substance, schedule, dose band and month at most,
    so every margin is exactly the sum of its members), its cube before suppression and after."""
    return synthetic.published_cells(tmp_path_factory.mktemp("suppress"), 2500, months=3)


def test_the_snapshot_has_hidden_and_shown_cells(published):
    assert published["reports"].isna().any() and published["reports"].notna().any()
    assert published["reports_total"].isna().any() and published["reports_total"].notna().any()


@pytest.mark.parametrize("count, total", [("reports", "reports_total"), ("authors", "authors_total")])
def test_no_shown_count_or_complement_is_small(published, count, total):
    shown = published[published[count].notna()]
    assert (shown[count] >= K).all()
    assert (shown[total] - shown[count] >= K).all()
    assert shown[total].notna().all()  # a share is never shown without its denominator
    totals = published[published[total].notna()]
    assert (totals[total] >= K).all()
    assert (published[count].dropna() == published.loc[published[count].notna(), f"{count}_true"]).all()


@pytest.mark.parametrize("count", ["reports", "reports_total", "authors"])
@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_no_line_gives_a_hidden_cell_away(published, count, dimension):
    """Along each dimension a margin is the sum of its members (here exactly): differencing the
    margin and the shown members must never isolate one hidden cell, nor reveal hidden cells
    that hold fewer than the threshold between them."""
    if count == "authors":  # distinct authors are counted for some groups only; the rest are not published
        published = published[published["authors_total_true"].notna()]
    member = published[dimension] != ALL
    hidden = published[count].isna()
    value = published[count].astype("Float64").fillna(0)
    frame = published.assign(member=member, hidden=hidden, hidden_member=hidden & member, margin_shown=~member & ~hidden,
                             shown_members=value.where(member & ~hidden, 0), margin=value.where(~member, 0))
    others = [d for d in DIMENSIONS if d != dimension] + ["level", "measure"]
    lines = frame.groupby(others).agg(members=("member", "sum"), hidden=("hidden", "sum"),
                                      hidden_members=("hidden_member", "sum"),
                                      margin_shown=("margin_shown", "any"), margin=("margin", "sum"),
                                      shown_members=("shown_members", "sum"))
    lines = lines[lines["members"] > 0]
    assert len(lines) or (count, dimension) == ("authors", "month")  # authors are not counted by month
    assert (lines["hidden"] != 1).all()
    exposed = lines[(lines["hidden_members"] > 0) & lines["margin_shown"]]
    assert (exposed["margin"] - exposed["shown_members"] >= K).all()


def _sums(table: pd.DataFrame) -> np.ndarray:
    """Which finest cells (every dimension set) each cell of a table sums: a 0/1 matrix."""
    finest = table[(table[list(DIMENSIONS)] != ALL).all(axis=1)]
    matrix = np.ones((len(table), len(finest)))
    for dimension in DIMENSIONS:
        mine = table[dimension].to_numpy()[:, None]
        matrix *= (mine == ALL) | (mine == finest[dimension].to_numpy()[None, :])
    return matrix


@pytest.mark.parametrize("measure", ["total", "headache", "mood_improvement", "insomnia"])
def test_no_small_count_follows_from_all_shown_cells_together(published, measure):
    """An attacker who writes every roll-up of a table as the sum of its finest cells and solves them
    all at once: a hidden small count whose equation is a combination of the shown cells' equations
    would be pinned. (Before the whole-table check, 2 small mood-improvement counts were.)"""
    if measure == "total":
        table, column, small = published.drop_duplicates(list(DIMENSIONS)), "reports_total", None
    else:
        table, column = published[(published["level"] == "effect") & (published["measure"] == measure)], "reports"
        small = table["reports_total_true"] - table["reports_true"] < K  # a small complement is small too
    table = table.reset_index(drop=True)
    small = (table[f"{column}_true"] < K) | (False if small is None else small.to_numpy())
    sums = _sums(table)
    shown = table[column].notna().to_numpy()
    wanted = ~shown & np.asarray(small)
    assert wanted.any() and shown.any()
    # least squares of each hidden small cell's equation on the shown ones: an exact fit pins its value
    weights = np.linalg.lstsq(sums[shown].T, sums[wanted].T, rcond=None)[0]
    misfit = np.abs(sums[shown].T @ weights - sums[wanted].T).max(axis=0)
    assert (misfit > 1e-6).all(), f"{int((misfit <= 1e-6).sum())} small hidden counts are pinned"
