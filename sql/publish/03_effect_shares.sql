-- Share of reports mentioning each effect as present, overall and by substance, schedule,
-- substance and schedule together, dose band and month. 'all' marks a rolled-up dimension.
-- Counts below the suppression threshold are published as NULL (see publish.py).
CREATE OR REPLACE VIEW effect_shares AS
WITH effects AS (
    SELECT DISTINCT e.effect, e.kind, e.category FROM effect_mentions e
),
present AS (
    SELECT DISTINCT report_id, effect FROM effect_mentions WHERE status = 'present'
),
groups AS (
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
    SELECT substance, schedule, dose_band, month, count(DISTINCT report_id) AS reports,
           count(DISTINCT author_pseudonym) AS authors
    FROM groups GROUP BY ALL
)
SELECT t.substance, t.schedule, t.dose_band, t.month,
       ef.effect, ef.kind, ef.category,
       count(DISTINCT p.report_id) AS reports_with_effect,
       count(DISTINCT CASE WHEN p.report_id IS NOT NULL THEN g.author_pseudonym END) AS authors_with_effect,
       t.reports AS reports_total,
       t.authors AS authors_total
FROM totals t
CROSS JOIN effects ef
LEFT JOIN groups g USING (substance, schedule, dose_band, month)
LEFT JOIN present p ON p.report_id = g.report_id AND p.effect = ef.effect
GROUP BY ALL;
