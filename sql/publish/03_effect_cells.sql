-- What each report states as experienced, at three levels: each effect id, each codebook
-- category (a report with two impaired-energy effects counts once) and each kind (a report with
-- any side effect is a "challenge report" in Anderson et al. 2019's sense).
CREATE OR REPLACE VIEW present_items AS
SELECT DISTINCT report_id, 'effect' AS level, effect AS measure, kind, category
FROM effect_mentions WHERE status = 'present'
UNION ALL
SELECT DISTINCT report_id, 'category', category, kind, category
FROM effect_mentions WHERE status = 'present'
UNION ALL
SELECT DISTINCT report_id, 'kind', kind, kind, NULL
FROM effect_mentions WHERE status = 'present';

-- The counts behind every share the dashboards show are kept as small tables that each publish
-- refreshes, one statement at a time: computed in one query, a million reports do not fit
-- DuckDB's memory limit. Ids and pseudonyms are counted by their 64-bit hashes for the same
-- reason (two of a million share a hash with odds of about 1 in 10^7).
--
-- A report in exactly one combination of substance, schedule and dose band (nearly all) adds up
-- exactly when groups are rolled up, so it is counted with a plain count; the few in several
-- combinations are counted with DISTINCT, once in every group they fall in.
CREATE OR REPLACE TEMP TABLE facts AS
SELECT hash(report_id) AS report, CASE WHEN author_pseudonym IS NOT NULL THEN hash(author_pseudonym) END AS author,
       count(*) OVER (PARTITION BY report_id) = 1 AS simple,
       substance, schedule, dose_band, month
FROM report_facts;

CREATE OR REPLACE TEMP TABLE fact_items AS
SELECT f.*, p.level, p.measure
FROM facts f JOIN (SELECT hash(report_id) AS report, level, measure FROM present_items) p USING (report);

-- Reports in every combination of substance, schedule, dose band and month, each also rolled
-- up to 'all': the denominators.
CREATE OR REPLACE TABLE group_reports AS
SELECT substance, schedule, dose_band, month, CAST(sum(n) AS BIGINT) AS reports_total
FROM (
    SELECT coalesce(substance, 'all') AS substance, coalesce(schedule, 'all') AS schedule,
           coalesce(dose_band, 'all') AS dose_band, coalesce(month, 'all') AS month, count(*) AS n
    FROM facts WHERE simple
    GROUP BY CUBE (substance, schedule, dose_band, month)
    UNION ALL
    SELECT coalesce(substance, 'all'), coalesce(schedule, 'all'), coalesce(dose_band, 'all'),
           coalesce(month, 'all'), count(DISTINCT report)
    FROM facts WHERE NOT simple
    GROUP BY CUBE (substance, schedule, dose_band, month)
)
GROUP BY ALL;

-- The numerators: reports stating each item, in the same groups.
CREATE OR REPLACE TABLE item_reports AS
SELECT substance, schedule, dose_band, month, level, measure, CAST(sum(n) AS BIGINT) AS reports
FROM (
    SELECT coalesce(substance, 'all') AS substance, coalesce(schedule, 'all') AS schedule,
           coalesce(dose_band, 'all') AS dose_band, coalesce(month, 'all') AS month, level, measure,
           count(*) AS n
    FROM fact_items WHERE simple
    GROUP BY level, measure, CUBE (substance, schedule, dose_band, month)
    UNION ALL
    SELECT coalesce(substance, 'all'), coalesce(schedule, 'all'), coalesce(dose_band, 'all'),
           coalesce(month, 'all'), level, measure, count(DISTINCT report)
    FROM fact_items WHERE NOT simple
    GROUP BY level, measure, CUBE (substance, schedule, dose_band, month)
)
GROUP BY ALL;

-- Distinct authors never add up (one author posts in many groups), so each group needs its
-- own distinct count: they are counted for the whole period, overall and for one dimension at
-- a time, each as a count of distinct rows.
CREATE OR REPLACE TABLE group_authors AS
SELECT 'all' AS substance, 'all' AS schedule, 'all' AS dose_band, 'all' AS month, count(DISTINCT author) AS authors_total
FROM facts WHERE author IS NOT NULL
UNION ALL
SELECT substance, 'all', 'all', 'all', count(*) FROM (SELECT DISTINCT author, substance FROM facts WHERE author IS NOT NULL) GROUP BY ALL
UNION ALL
SELECT 'all', schedule, 'all', 'all', count(*) FROM (SELECT DISTINCT author, schedule FROM facts WHERE author IS NOT NULL) GROUP BY ALL
UNION ALL
SELECT 'all', 'all', dose_band, 'all', count(*) FROM (SELECT DISTINCT author, dose_band FROM facts WHERE author IS NOT NULL) GROUP BY ALL;

CREATE OR REPLACE TABLE item_authors AS
SELECT 'all' AS substance, 'all' AS schedule, 'all' AS dose_band, 'all' AS month, level, measure, count(*) AS authors
FROM (SELECT DISTINCT author, level, measure FROM fact_items WHERE author IS NOT NULL) GROUP BY ALL;
INSERT INTO item_authors
SELECT substance, 'all', 'all', 'all', level, measure, count(*)
FROM (SELECT DISTINCT author, substance, level, measure FROM fact_items WHERE author IS NOT NULL) GROUP BY ALL;
INSERT INTO item_authors
SELECT 'all', schedule, 'all', 'all', level, measure, count(*)
FROM (SELECT DISTINCT author, schedule, level, measure FROM fact_items WHERE author IS NOT NULL) GROUP BY ALL;
INSERT INTO item_authors
SELECT 'all', 'all', dose_band, 'all', level, measure, count(*)
FROM (SELECT DISTINCT author, dose_band, level, measure FROM fact_items WHERE author IS NOT NULL) GROUP BY ALL;

DROP TABLE fact_items;
DROP TABLE facts;

-- Every group with every item (zero where no report states it), before suppression. Author
-- counts are NULL where they are not counted.
CREATE OR REPLACE VIEW effect_cells AS
WITH items AS (SELECT DISTINCT level, measure, kind, category FROM present_items)
SELECT g.substance, g.schedule, g.dose_band, g.month, i.level, i.measure, i.kind, i.category,
       coalesce(r.reports, 0) AS reports, g.reports_total,
       CASE WHEN ga.authors_total IS NOT NULL THEN coalesce(a.authors, 0) END AS authors,
       ga.authors_total
FROM group_reports g
CROSS JOIN items i
LEFT JOIN item_reports r USING (substance, schedule, dose_band, month, level, measure)
LEFT JOIN group_authors ga USING (substance, schedule, dose_band, month)
LEFT JOIN item_authors a USING (substance, schedule, dose_band, month, level, measure);
