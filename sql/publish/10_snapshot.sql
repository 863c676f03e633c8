-- Fill the attached snapshot database `snap`: aggregates only, no text, no pseudonym, no report
-- id. `published_cells` is effect_cells after small-cell suppression (experiences.suppress):
-- a NULL count is withheld. Rows are sorted by group so that the dashboards' lookups read few
-- row groups.
CREATE TABLE snap.effect_cells AS
SELECT substance, schedule, dose_band, month, level, measure, kind, category,
       reports, reports_total, authors, authors_total
FROM published_cells
ORDER BY level, substance, schedule, dose_band, month, measure;

-- The comparison the dashboards draw: challenge categories as shares of challenge reports in
-- Anderson et al. (2019), Harm Reduction Journal 16:43, table of reported challenges.
CREATE TABLE snap.published_challenges AS
SELECT * FROM (VALUES
    ('physiological_discomfort', 0.180),
    ('impaired_focus', 0.088),
    ('impaired_energy', 0.072),
    ('impaired_mood', 0.069),
    ('increased_anxiety', 0.067)
) AS t(category, share);

CREATE TABLE snap.snapshot_info AS
SELECT now() AS published_at,
       getvariable('min_count') AS min_count,
       (SELECT count(*) FROM reports) AS reports,
       (SELECT max(run_id) FROM pipeline_runs WHERE status = 'completed') AS last_run_id;
