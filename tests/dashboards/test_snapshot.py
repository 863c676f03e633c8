"""The figures the dashboards draw, read from a published snapshot, checked against the warehouse."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from experiences import snapshot as snapshot_module
from experiences import stats
from experiences.snapshot import Filters, Snapshot

K = 11


@pytest.fixture(scope="module")
def snap(synthetic_snapshot):
    return Snapshot(synthetic_snapshot)


@pytest.fixture(scope="module")
def warehouse(synthetic_snapshot):
    con = duckdb.connect(str(synthetic_snapshot.with_name("warehouse.duckdb")), read_only=True)
    yield con
    con.close()


def true_count(warehouse, effect: str, where: str = "TRUE") -> tuple[int, int]:
    """(reports with the effect present, reports) among the reports matching `where`."""
    return warehouse.execute(f"""
        SELECT count(DISTINCT r.id) FILTER (WHERE e.report_id IS NOT NULL), count(DISTINCT r.id)
        FROM reports r
        LEFT JOIN (SELECT DISTINCT report_id FROM effect_mentions WHERE status = 'present' AND effect = ?) e
               ON e.report_id = r.id
        WHERE {where}""", [effect]).fetchone()


def test_overall_shares_match_the_warehouse(snap, warehouse):
    frame = snap.shares(Filters()).set_index("measure")
    assert len(frame) == 17
    for effect, row in frame.iterrows():
        count, total = true_count(warehouse, effect)
        assert (row["reports"], row["reports_total"]) == (count, total)
        assert row["share"] == pytest.approx(count / total)
        low, high = stats.wilson(count, total)
        assert (row["low"], row["high"]) == (pytest.approx(low), pytest.approx(high))


def test_a_filter_selects_its_group(snap, warehouse):
    row = snap.shares(Filters(substance="lsd")).set_index("measure").loc["headache"]
    assert (row["reports"], row["reports_total"]) == true_count(warehouse, "headache", "list_contains(substances, 'lsd')")


def test_categories_count_each_report_once(snap, warehouse):
    row = snap.shares(Filters(), level="category").set_index("measure").loc["impaired_energy"]
    expected = warehouse.execute("""SELECT count(DISTINCT report_id) FROM effect_mentions
                                    WHERE status = 'present' AND category = 'impaired_energy'""").fetchone()[0]
    assert row["reports"] == expected


@pytest.mark.parametrize("by", ["substance", "schedule", "dose_band", "month"])
def test_breakdowns_cover_every_value(snap, by):
    frame = snap.shares(Filters(), by=by, measures=["mood_improvement"])
    assert set(frame["value"]) == set(snap.options(by)) - {"all"}
    assert frame["share"].notna().any()


def test_a_month_range_adds_up_its_months_and_hides_what_it_cannot(snap):
    months = snap.options("month")
    by_month = snap.shares(Filters(), by="month").set_index(["value", "measure"])
    ranged = snap.shares(Filters(months=(months[1], months[3]))).set_index("measure")
    for measure, row in ranged.iterrows():
        parts = by_month.loc[[(m, measure) for m in months[1:4]]]
        if parts["reports"].isna().any():
            assert pd.isna(row["reports"])
        else:
            assert row["reports"] == parts["reports"].sum()
        assert pd.isna(row["authors"])  # distinct authors do not add up over months


def test_two_month_ranges_differ_only_by_shown_months(snap):
    """Comparing two date-range settings can only reveal counts the month view already shows."""
    months = snap.options("month")
    by_month = snap.shares(Filters(), by="month").set_index(["value", "measure"])["reports"]
    for end in range(1, len(months)):
        longer = snap.shares(Filters(months=(months[0], months[end]))).set_index("measure")["reports"]
        shorter = snap.shares(Filters(months=(months[0], months[end - 1]))).set_index("measure")["reports"]
        for measure in longer.index:
            if not (pd.isna(longer[measure]) or pd.isna(shorter[measure])):
                assert longer[measure] - shorter[measure] == by_month[(months[end], measure)]


def test_challenge_shares_are_of_challenge_reports(snap, warehouse):
    frame = snap.challenges(Filters(), K).set_index("category")
    challenge = warehouse.execute("SELECT count(DISTINCT report_id) FROM effect_mentions "
                                  "WHERE status = 'present' AND kind = 'side_effect'").fetchone()[0]
    discomfort = warehouse.execute("SELECT count(DISTINCT report_id) FROM effect_mentions WHERE status = 'present' "
                                   "AND category = 'physiological_discomfort'").fetchone()[0]
    row = frame.loc["physiological_discomfort"]
    assert row["share"] == pytest.approx(discomfort / challenge)
    assert row["published_share"] == pytest.approx(0.18)
    assert list(frame.index) == ["physiological_discomfort", "impaired_focus", "impaired_energy",
                                 "impaired_mood", "increased_anxiety"]


def test_disproportionality_flags_what_the_data_was_built_with(snap, warehouse):
    frame = snap.disproportionality(Filters(), "schedule", K)
    flagged = set(map(tuple, frame.loc[frame["signal"], ["value", "measure"]].to_numpy()))
    assert ("daily", "insomnia") in flagged  # the synthetic data makes insomnia 2.5 times as likely on daily
    row = frame.set_index(["value", "measure"]).loc[("daily", "insomnia")]
    a, with_schedule = true_count(warehouse, "insomnia", "id IN (SELECT report_id FROM schedule_mentions "
                                                         "WHERE schedule = 'daily')")
    c_plus_a, stated = true_count(warehouse, "insomnia", "id IN (SELECT report_id FROM schedule_mentions)")
    table = [[a, with_schedule - a], [c_plus_a - a, stated - with_schedule - (c_plus_a - a)]]
    assert [row["a"], row["b"], row["c"], row["d"]] == [table[0][0], table[0][1], table[1][0], table[1][1]]
    assert row["chi2"] == pytest.approx(chi2_contingency(table, correction=True)[0])


def test_ratios_from_small_counts_are_withheld(snap):
    frame = snap.disproportionality(Filters(substance="other"), "schedule", K)
    shown = frame.dropna(subset=["prr"])
    assert frame["prr"].isna().any()
    assert (shown[["a", "b", "c", "d"]] >= K).all().all()


def test_the_sql_is_never_built_from_strings():
    source = snapshot_module.__file__
    text = open(source).read()
    assert ".format(" not in text and 'f"""' not in text and "% (" not in text
