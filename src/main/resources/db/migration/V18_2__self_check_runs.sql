-- Self-check (module: operations): each time an administrator ran the checks, with how
-- many came out OK, WARNING and FAILED. The console's home shows "Check your installation"
-- until the first run; the database check also writes a row here and rolls it back.
-- Rows older than 90 days are removed when a new run is stored.
CREATE TABLE self_check_run (
    id             ${id} PRIMARY KEY,
    ran_at         BIGINT       NOT NULL,
    ran_by         VARCHAR(64)  NOT NULL,
    ok_count       INT          NOT NULL,
    warning_count  INT          NOT NULL,
    failed_count   INT          NOT NULL
)${table_options};

CREATE INDEX self_check_run_ran_at ON self_check_run (ran_at);
