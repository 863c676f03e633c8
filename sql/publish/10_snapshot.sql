-- Fill the attached snapshot database `snap` from the aggregate views: aggregates only, no text,
-- no pseudonym, and every count below getvariable('min_count') published as NULL together with
-- the shares derived from it.
CREATE TABLE snap.effect_shares AS
SELECT substance, schedule, dose_band, month, effect, kind, category,
       CASE WHEN reports_with_effect >= getvariable('min_count') AND reports_total >= getvariable('min_count')
            THEN reports_with_effect END AS reports_with_effect,
       CASE WHEN reports_total >= getvariable('min_count') THEN reports_total END AS reports_total,
       CASE WHEN authors_with_effect >= getvariable('min_count') AND authors_total >= getvariable('min_count')
            THEN authors_with_effect END AS authors_with_effect,
       CASE WHEN authors_total >= getvariable('min_count') THEN authors_total END AS authors_total,
       CASE WHEN reports_with_effect >= getvariable('min_count') AND reports_total >= getvariable('min_count')
            THEN reports_with_effect / reports_total END AS share
FROM effect_shares;

CREATE TABLE snap.snapshot_info AS
SELECT now() AS published_at,
       getvariable('min_count') AS min_count,
       (SELECT count(*) FROM reports) AS reports,
       (SELECT max(run_id) FROM pipeline_runs WHERE status = 'completed') AS last_run_id;
