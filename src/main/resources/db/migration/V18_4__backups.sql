-- Backups (module: operations). Not part of any backup themselves: restoring an old
-- backup must not forget the newer ones, nor the restores done.

-- The catalogue: every backup, how it went and how its last verification went.
CREATE TABLE backup_run (
    id                  ${id} PRIMARY KEY,
    kind                VARCHAR(16)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    scheduled           BOOLEAN       NOT NULL,
    started_by          VARCHAR(64),
    node                VARCHAR(100)  NOT NULL,
    engine              VARCHAR(32)   NOT NULL,
    schema_version      VARCHAR(32),
    started_at          BIGINT        NOT NULL,
    finished_at         BIGINT,
    directory           VARCHAR(1000) NOT NULL,
    file_name           VARCHAR(255)  NOT NULL,
    size_bytes          BIGINT,
    sha256              VARCHAR(64),
    encrypted           BOOLEAN       NOT NULL,
    compressed          BOOLEAN       NOT NULL,
    table_count         INT,
    row_count           BIGINT,
    error               VARCHAR(1000),
    verification        VARCHAR(16)   NOT NULL,
    verified_at         BIGINT,
    verification_detail VARCHAR(1000),
    deleted_at          BIGINT,
    deleted_by          VARCHAR(64)
)${table_options};

CREATE INDEX ix_backup_run_started ON backup_run (started_at, id);

-- Restores done, with the integrity report they ended with.
CREATE TABLE restore_run (
    id          ${id} PRIMARY KEY,
    backup_id   BIGINT,
    file_name   VARCHAR(255)  NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    started_by  VARCHAR(64),
    node        VARCHAR(100)  NOT NULL,
    started_at  BIGINT        NOT NULL,
    finished_at BIGINT,
    progress    VARCHAR(200),
    error       VARCHAR(1000),
    report      ${long_text}
)${table_options};

-- The strategy (one row): where, how, how many to keep, when to verify.
CREATE TABLE backup_strategy (
    id           INT           NOT NULL PRIMARY KEY,
    directory    VARCHAR(1000),
    compress     BOOLEAN       NOT NULL,
    encrypt      BOOLEAN       NOT NULL,
    keep_daily   INT           NOT NULL,
    keep_weekly  INT           NOT NULL,
    keep_monthly INT           NOT NULL,
    verify_cron  VARCHAR(100),
    verify_slot  BIGINT,
    updated_at   BIGINT        NOT NULL,
    updated_by   VARCHAR(64)
)${table_options};

-- One schedule per kind of backup; last_slot is the planned time of the last run taken,
-- so each planned time runs once in a cluster.
CREATE TABLE backup_schedule (
    kind      VARCHAR(16)  NOT NULL PRIMARY KEY,
    cron      VARCHAR(100),
    last_slot BIGINT
)${table_options};

INSERT INTO backup_strategy (id, directory, compress, encrypt, keep_daily, keep_weekly, keep_monthly, verify_cron,
    updated_at) VALUES (1, NULL, TRUE, FALSE, 7, 4, 6, '0 30 4 * * *', 0);
INSERT INTO backup_schedule (kind, cron) VALUES ('LOGICAL', '0 0 2 * * *');
INSERT INTO backup_schedule (kind, cron) VALUES ('HOT', NULL);
INSERT INTO backup_schedule (kind, cron) VALUES ('COLD', NULL);
