-- One row per report and each of its dimensions: the grain of every aggregate.
-- A report with several substances (or schedules, dose bands) counts once in each.
CREATE OR REPLACE VIEW report_facts AS
WITH substances AS (
    SELECT r.id AS report_id, coalesce(s.substance, 'unspecified') AS substance
    FROM reports r
    LEFT JOIN (SELECT id, unnest(substances) AS substance FROM reports) s USING (id)
),
schedules AS (
    SELECT r.id AS report_id, coalesce(m.schedule, 'none_stated') AS schedule
    FROM reports r LEFT JOIN (SELECT DISTINCT report_id, schedule FROM schedule_mentions) m ON m.report_id = r.id
),
dose_bands AS (
    SELECT r.id AS report_id, coalesce(b.dose_band, 'none_stated') AS dose_band
    FROM reports r LEFT JOIN (SELECT DISTINCT report_id, dose_band FROM dose_bands) b ON b.report_id = r.id
)
SELECT r.id AS report_id,
       r.author_pseudonym,
       coalesce(strftime(date_trunc('month', r.created_utc), '%Y-%m'), 'unknown') AS month,
       s.substance, sc.schedule, d.dose_band
FROM reports r
JOIN substances s ON s.report_id = r.id
JOIN schedules sc ON sc.report_id = r.id
JOIN dose_bands d ON d.report_id = r.id;
