-- The warehouse schema. Executed by experiences.warehouse on every connection that writes;
-- every statement is idempotent. Documented for researchers in docs/schema.md, column by column
-- (tests/test_docs.py keeps the two in step), and in README.md ("The warehouse").

-- One row per anonymised self-report (a submission, a comment or a plain record).
CREATE TABLE IF NOT EXISTS reports (
    id               VARCHAR PRIMARY KEY,   -- Reddit fullname (t3_..., t1_...) or the export's id
    kind             VARCHAR NOT NULL,      -- submission | comment | record
    subreddit        VARCHAR,
    author_pseudonym VARCHAR,               -- keyed HMAC-SHA256 of the author; NULL when deleted/unknown
    created_utc      TIMESTAMPTZ,
    title            VARCHAR NOT NULL,      -- scrubbed: usernames, e-mails, phones, URLs replaced
    text             VARCHAR NOT NULL,      -- scrubbed likewise
    parent_id        VARCHAR,
    source           VARCHAR NOT NULL,      -- input file name or subreddit
    substances       VARCHAR[] NOT NULL,    -- psilocybin | lsd | other
    content_hash     VARCHAR NOT NULL,      -- sha256 of the anonymised content; detects duplicates
    run_id           VARCHAR NOT NULL,      -- the pipeline run that last loaded this report
    loaded_at        TIMESTAMPTZ NOT NULL
);

-- Offsets are character offsets into title || '\n\n' || text (text alone when title is empty).
CREATE TABLE IF NOT EXISTS dose_mentions (
    report_id  VARCHAR NOT NULL,
    ordinal    INTEGER NOT NULL,
    substance  VARCHAR NOT NULL,            -- psilocybin | lsd
    low        DOUBLE NOT NULL,
    high       DOUBLE NOT NULL,
    unit       VARCHAR NOT NULL,            -- g | ug | tab | capsule | ml
    mention    VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    PRIMARY KEY (report_id, ordinal)
);

CREATE TABLE IF NOT EXISTS schedule_mentions (
    report_id  VARCHAR NOT NULL,
    ordinal    INTEGER NOT NULL,
    schedule   VARCHAR NOT NULL,            -- fadiman | every_other_day | stamets | ... | custom
    days_on    INTEGER,
    days_off   INTEGER,
    mention    VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    PRIMARY KEY (report_id, ordinal)
);

CREATE TABLE IF NOT EXISTS effect_mentions (
    report_id  VARCHAR NOT NULL,
    ordinal    INTEGER NOT NULL,
    effect     VARCHAR NOT NULL,            -- one of the 25 effect ids
    kind       VARCHAR NOT NULL,            -- side_effect | benefit | neutral
    category   VARCHAR NOT NULL,            -- codebook category (Anderson et al. 2019)
    status     VARCHAR NOT NULL,            -- present | negated | hypothetical
    mention    VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    PRIMARY KEY (report_id, ordinal)
);

-- What was set aside, and why. No content is kept, only where it was and a fingerprint.
CREATE TABLE IF NOT EXISTS quarantine (
    fingerprint    VARCHAR PRIMARY KEY,
    stage          VARCHAR NOT NULL,        -- ingest | validate
    source         VARCHAR NOT NULL,
    line           INTEGER,
    record_id      VARCHAR,
    reason         VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL,
    quarantined_at TIMESTAMPTZ NOT NULL
);

-- One row per pipeline run; the counts reconcile by construction.
CREATE TABLE IF NOT EXISTS pipeline_runs (
    run_id                 VARCHAR PRIMARY KEY,
    started_at             TIMESTAMPTZ NOT NULL,
    finished_at            TIMESTAMPTZ,
    status                 VARCHAR NOT NULL,  -- running | completed | failed
    inputs                 VARCHAR[] NOT NULL,
    read                   INTEGER NOT NULL DEFAULT 0,
    ingest_quarantined     INTEGER NOT NULL DEFAULT 0,
    validation_quarantined INTEGER NOT NULL DEFAULT 0,
    duplicates             INTEGER NOT NULL DEFAULT 0,
    loaded                 INTEGER NOT NULL DEFAULT 0,
    filtered               BIGINT NOT NULL DEFAULT 0, -- dump lines outside the subreddits/keywords asked for (not read)
    removed                INTEGER NOT NULL DEFAULT 0, -- reports taken out because Reddit now shows them deleted
    message                VARCHAR,
    CHECK (status <> 'completed' OR read = loaded + ingest_quarantined + validation_quarantined + duplicates)
);

-- How far each input has been loaded, so that a killed run resumes where it stopped. A finished
-- source starts again from the top next time (and its records come back as duplicates).
CREATE TABLE IF NOT EXISTS source_progress (
    source             VARCHAR PRIMARY KEY, -- input file name, or reddit:r/NAME for live collection
    lines_done         BIGINT NOT NULL,     -- lines loaded (or quarantined, or filtered) so far
    finished           BOOLEAN NOT NULL,
    newest_created_utc DOUBLE,              -- live collection: the high-water mark (newest submission loaded)
    run_id             VARCHAR NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);

-- Great Expectations results, one row per suite per batch.
CREATE TABLE IF NOT EXISTS validation_results (
    run_id      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    batch       INTEGER NOT NULL,
    suite       VARCHAR NOT NULL,
    success     BOOLEAN NOT NULL,
    evaluated   INTEGER NOT NULL,
    failed_rows INTEGER NOT NULL,
    result      JSON NOT NULL,
    PRIMARY KEY (run_id, source, batch, suite)
);
