-- System settings and the audit log (module: administration).
-- Portable across H2, PostgreSQL and MySQL/MariaDB: ${id} and ${table_options} are Flyway
-- placeholders set per database (see FlywayPlaceholders); every instant is stored as UTC epoch
-- milliseconds in a BIGINT, so no database's time-zone rules apply.

CREATE TABLE system_setting (
    setting_key   VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(2000) NOT NULL,
    updated_at    BIGINT        NOT NULL,
    updated_by    VARCHAR(64)
)${table_options};

CREATE TABLE audit_event (
    id          ${id} PRIMARY KEY,
    occurred_at BIGINT        NOT NULL,
    actor       VARCHAR(64),
    action      VARCHAR(64)   NOT NULL,
    target      VARCHAR(200),
    ip          VARCHAR(45),
    result      VARCHAR(16)   NOT NULL,
    detail      VARCHAR(1000)
)${table_options};

CREATE INDEX ix_audit_event_time ON audit_event (occurred_at, id);
CREATE INDEX ix_audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);
