-- What each warehouse has ingested, beside Spring Batch's own tables in the JobRepository's database.
-- Counts of rows read, accepted, rejected and skipped are Spring Batch's own (BATCH_STEP_EXECUTION of the
-- partition that ingested a content); these tables hold only what Spring Batch does not keep.

-- One row per delivered (path, bytes) of an inbox: every file ever found, duplicates included.
CREATE TABLE IF NOT EXISTS FR_DELIVERY (
    WAREHOUSE VARCHAR(1000) NOT NULL,
    SOURCE_FILE VARCHAR(1000) NOT NULL,
    SHA256 VARCHAR(64) NOT NULL,
    BYTES BIGINT NOT NULL,
    GZIP BOOLEAN NOT NULL,
    ENCODING VARCHAR(40),
    RUN_ID VARCHAR(100) NOT NULL,
    DELIVERED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
    INBOX_SIZE BIGINT NOT NULL,
    INBOX_MODIFIED BIGINT NOT NULL,
    NOT_REGULAR VARCHAR(200),
    CONSTRAINT FR_DELIVERY_PK PRIMARY KEY (WAREHOUSE, SOURCE_FILE, SHA256)
);

-- One row per distinct content ingested: written when its partition's step completes, so a content counts as
-- ingested exactly when that step execution is COMPLETED.
CREATE TABLE IF NOT EXISTS FR_CONTENT (
    WAREHOUSE VARCHAR(1000) NOT NULL,
    SHA256 VARCHAR(64) NOT NULL,
    SOURCE_FILE VARCHAR(1000) NOT NULL,
    RUN_ID VARCHAR(100) NOT NULL,
    STEP_EXECUTION_ID BIGINT NOT NULL,
    LAYOUT VARCHAR(10),
    QUARANTINE VARCHAR(40),
    PREAMBLE_LINES BIGINT NOT NULL,
    IGNORED_COLUMNS CHARACTER VARYING(1000000),
    -- Force code to the months its accepted rows cover: {"E23000001": ["2023-04", ...]}.
    COVERED_MONTHS CHARACTER VARYING(1000000) NOT NULL,
    -- Its accepted rows counted by everything the summaries and corrections need: one JSON document (as Spring Batch
    -- keeps an execution context), an array of tallies in the order counted, each {force_code, force_name,
    -- first_month, months, offence_code, platforms: [{name, owner, category}], unmapped_raw, rows, offences,
    -- suppressed_cells}, a null value left out. [] when no row was accepted or the file was quarantined.
    TALLIES CHARACTER LARGE OBJECT NOT NULL,
    CONSTRAINT FR_CONTENT_PK PRIMARY KEY (WAREHOUSE, SHA256)
);

-- The last publication of each warehouse: what it was made from, so a run that changes nothing rewrites nothing.
CREATE TABLE IF NOT EXISTS FR_PUBLICATION (
    WAREHOUSE VARCHAR(1000) NOT NULL,
    FINGERPRINT VARCHAR(64) NOT NULL,
    RUN_ID VARCHAR(100) NOT NULL,
    TABLE_ROWS CHARACTER VARYING(1000000) NOT NULL,
    CONSTRAINT FR_PUBLICATION_PK PRIMARY KEY (WAREHOUSE)
);
