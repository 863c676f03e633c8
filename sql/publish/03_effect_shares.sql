-- Share of reports mentioning each effect as present, overall and by substance, schedule,
-- substance and schedule together, dose band and month. 'all' marks a rolled-up dimension.
-- Counts below the suppression threshold are published as NULL (see 10_snapshot.sql).
CREATE OR REPLACE VIEW effect_shares AS
WITH effects AS (
    SELECT DISTINCT effect, kind, category FROM effect_mentions
),
present AS (
    SELECT DISTINCT report_id, effect FROM effect_mentions WHERE status = 'present'
),
groups AS (  -- one row per group and report in it
    SELECT coalesce(substance, 'all') AS substance, coalesce(schedule, 'all') AS schedule,
           coalesce(dose_band, 'all') AS dose_band, coalesce(month, 'all') AS month,
           report_id, author_pseudonym
    FROM report_facts
    GROUP BY GROUPING SETS ((report_id, author_pseudonym),
                            (substance, report_id, author_pseudonym),
                            (schedule, report_id, author_pseudonym),
                            (substance, schedule, report_id, author_pseudonym),
                            (dose_band, report_id, author_pseudonym),
                            (month, report_id, author_pseudonym))
),
totals AS (
    SELECT substance, schedule, dose_band, month,
           count(DISTINCT report_id) AS reports, count(DISTINCT author_pseudonym) AS authors
    FROM groups GROUP BY ALL
),
hits AS (  -- only reports with the effect present: far fewer rows than groups x effects
    SELECT g.substance, g.schedule, g.dose_band, g.month, p.effect,
           count(DISTINCT g.report_id) AS reports, count(DISTINCT g.author_pseudonym) AS authors
    FROM groups g JOIN present p USING (report_id)
    GROUP BY ALL
)
SELECT t.substance, t.schedule, t.dose_band, t.month, e.effect, e.kind, e.category,
       coalesce(h.reports, 0) AS reports_with_effect,
       coalesce(h.authors, 0) AS authors_with_effect,
       t.reports AS reports_total,
       t.authors AS authors_total
FROM totals t
CROSS JOIN effects e
LEFT JOIN hits h USING (substance, schedule, dose_band, month, effect);
