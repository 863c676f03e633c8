"""A synthetic warehouse of any size, for trying the dashboards and measuring them at scale.

Rows are made by SQL from hashes of the row number, so the same size gives the same data every
time and a million reports take seconds. Texts are empty: only the extraction results matter to
the aggregates. Effects are more frequent with some substances and schedules than others, so
that breakdowns, trends and the disproportionality view have something to find.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from ..warehouse import connect

# (effect, kind, category, base probability in percent)
EFFECTS = [
    ("headache", "side_effect", "physiological_discomfort", 8), ("nausea_gi", "side_effect", "physiological_discomfort", 6),
    ("insomnia", "side_effect", "physiological_discomfort", 5), ("anxiety_increase", "side_effect", "increased_anxiety", 5),
    ("jitteriness", "side_effect", "impaired_energy", 4), ("fatigue", "side_effect", "impaired_energy", 5),
    ("brain_fog", "side_effect", "impaired_focus", 4), ("mood_worsening", "side_effect", "impaired_mood", 3),
    ("perceptual_changes", "side_effect", "physiological_discomfort", 3),
    ("mood_improvement", "benefit", "improved_mood", 20), ("anxiety_reduction", "benefit", "reduced_anxiety", 14),
    ("focus_improvement", "benefit", "improved_focus", 15), ("energy_increase", "benefit", "improved_energy", 12),
    ("creativity", "benefit", "creativity", 8), ("sociability", "benefit", "social_benefits", 7),
    ("presence", "benefit", "self_efficacy", 9), ("no_effect", "neutral", "no_effect", 4),
]
SCHEDULES = ["fadiman", "stamets", "daily", "every_other_day", "five_on_two_off", "intuitive", "nightcap"]

# u(i, salt): a uniform number in [0, 1) drawn from a hash of the report number.
UNIFORM_SQL = "CREATE TEMP MACRO u(i, salt) AS (hash(i, salt) % 1000000) / 1000000.0"
DRAWS_SQL = """
CREATE TEMP TABLE synthetic AS
SELECT i,
       'syn' || i AS id,
       CASE WHEN u(i, 's') < 0.62 THEN 'psilocybin' WHEN u(i, 's') < 0.92 THEN 'lsd'
            WHEN u(i, 's') < 0.95 THEN 'other' END AS substance,
       CASE WHEN u(i, 'h') < 0.55 THEN list_extract($schedules, 1 + CAST(floor(u(i, 'hh') * len($schedules)) AS INTEGER)) END AS schedule,
       u(i, 'd') AS amount_draw,
       md5('author' || CAST(hash(i, 'a') % greatest($reports // 4, 1) AS VARCHAR)) AS author,
       TIMESTAMPTZ '2023-01-01 00:00:00+00' + to_months(CAST(floor(u(i, 't') * $months) AS INTEGER))
         + to_days(CAST(floor(u(i, 'tt') * 28) AS INTEGER)) AS created
FROM range($reports) t(i)
"""
REPORTS_SQL = """
INSERT INTO reports
SELECT id, 'record', 'microdosing', author, created, '', '', NULL, 'synthetic',
       CASE WHEN substance IS NULL THEN []::VARCHAR[] ELSE [substance] END, md5(id), 'synthetic', now()
FROM synthetic;
INSERT INTO dose_mentions
SELECT id, 0, substance,
       CASE substance WHEN 'psilocybin' THEN round(0.05 + amount_draw * 0.4, 2) ELSE round(5 + amount_draw * 30) END AS low,
       CASE substance WHEN 'psilocybin' THEN round(0.05 + amount_draw * 0.4, 2) ELSE round(5 + amount_draw * 30) END,
       CASE substance WHEN 'psilocybin' THEN 'g' ELSE 'ug' END, '', 0, 0
FROM synthetic WHERE substance IN ('psilocybin', 'lsd') AND u(i, 'dd') < 0.7;
INSERT INTO schedule_mentions SELECT id, 0, schedule, NULL, NULL, '', 0, 0 FROM synthetic WHERE schedule IS NOT NULL;
"""
EFFECTS_SQL = """
INSERT INTO effect_mentions
SELECT s.id, row_number() OVER (PARTITION BY s.id ORDER BY e.effect) - 1, e.effect, e.kind, e.category,
       CASE WHEN u(s.i, e.effect || 'n') < 0.15 THEN 'negated' WHEN u(s.i, e.effect || 'n') < 0.25 THEN 'hypothetical'
            ELSE 'present' END, '', 0, 0
FROM synthetic s JOIN effects e
  ON u(s.i, e.effect) * 100 < e.percent
     * CASE WHEN s.substance = 'lsd' AND e.kind = 'side_effect' THEN 1.6 ELSE 1 END
     * CASE WHEN s.schedule = 'daily' AND e.effect IN ('insomnia', 'fatigue') THEN 2.5 ELSE 1 END;
"""


def build(db: Path, reports: int, months: int = 24) -> Path:
    """Fill the warehouse at `db` (created if need be) with `reports` synthetic reports."""
    with connect(db) as con:
        con.execute(UNIFORM_SQL)
        con.execute(DRAWS_SQL, {"reports": reports, "months": months, "schedules": SCHEDULES})
        con.execute(REPORTS_SQL)
        con.execute("CREATE TEMP TABLE effects(effect VARCHAR, kind VARCHAR, category VARCHAR, percent DOUBLE)")
        con.executemany("INSERT INTO effects VALUES (?, ?, ?, ?)", EFFECTS)
        con.execute(EFFECTS_SQL)
    return db


def published_cells(directory: Path, reports: int, months: int) -> pd.DataFrame:
    """Build a synthetic warehouse of `reports` reports in `directory` and publish it. Returns its cube
    (effect_cells): each cell's true counts (`reports_true`, ...) beside what the snapshot shows (NA where
    withheld). Each synthetic report has at most one substance, schedule, dose band and month, so every
    rolled-up count is exactly the sum of its members: the worst case for suppression, which its tests
    and its audit (benchmarks/suppression_audit.py) need."""
    from .. import publish  # publishing is what is being checked; the sample itself needs none of it
    from ..suppress import DIMENSIONS

    db = build(directory / "w.duckdb", reports, months=months)
    snapshot = publish.publish(db, directory / "s.duckdb")
    with duckdb.connect(str(db), read_only=True) as con:
        truth = con.execute("SELECT * FROM effect_cells").df()  # the view publish leaves in the warehouse
    with duckdb.connect(str(snapshot), read_only=True) as con:
        shown = con.execute("SELECT * FROM effect_cells").df()
    keys = list(DIMENSIONS) + ["level", "measure"]
    return truth.merge(shown, on=keys, suffixes=("_true", "")).sort_values(keys, ignore_index=True)
