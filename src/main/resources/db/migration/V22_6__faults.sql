-- Fault records (module operations, issue 16, decision 0010): the fault, the steps of its
-- flow, the evidence captured for its time window and its search terms. See V1 for the
-- placeholders and the time convention (UTC epoch milliseconds).

-- A fault. alert_id is the alert that opened it (unique: a repeated delivery of the same
-- alert opens no second fault). functions: the affected functions, comma separated.
-- version counts changes, for the compare-and-set of concurrent edits. The texts (at most 4,000
-- characters each, checked by the application) are long text: six VARCHAR(4000) of utf8mb4 pass
-- MariaDB's 65,535-byte row limit.
CREATE TABLE fault (
    id           ${id} PRIMARY KEY,
    title        VARCHAR(200)  NOT NULL,
    observed     ${long_text} NOT NULL,
    fault_class  VARCHAR(16)   NOT NULL,
    severity     VARCHAR(16)   NOT NULL,
    functions    VARCHAR(400)  NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    started_at   BIGINT        NOT NULL,
    reported_at  BIGINT        NOT NULL,
    reported_by  VARCHAR(64),
    alert_id     BIGINT,
    fix          ${long_text},
    verification ${long_text},
    cause        ${long_text},
    impact       ${long_text},
    prevention   ${long_text},
    resolved_at  BIGINT,
    reviewed_at  BIGINT,
    updated_at   BIGINT        NOT NULL,
    version      INT           NOT NULL,
    CONSTRAINT uq_fault_alert UNIQUE (alert_id)
)${table_options};

CREATE INDEX ix_fault_started ON fault (started_at, id);
CREATE INDEX ix_fault_status ON fault (status, id);

-- A step of the flow (from_status and to_status) or a note on it (both null), with who
-- (null: Parley itself) and when.
CREATE TABLE fault_step (
    id          ${id} PRIMARY KEY,
    fault_id    BIGINT        NOT NULL,
    from_status VARCHAR(16),
    to_status   VARCHAR(16),
    note        VARCHAR(4000),
    actor       VARCHAR(64),
    occurred_at BIGINT        NOT NULL,
    CONSTRAINT fk_fault_step_fault FOREIGN KEY (fault_id) REFERENCES fault (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_fault_step_fault ON fault_step (fault_id, id);

-- What a source of evidence (metrics, log lines, alerts) returned for the fault's window,
-- when it was opened (phase OPENED) and when it was resolved (phase RESOLVED); the payload
-- is the source's JSON as it gave it.
CREATE TABLE fault_evidence (
    id          ${id} PRIMARY KEY,
    fault_id    BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    phase       VARCHAR(16)  NOT NULL,
    window_from BIGINT       NOT NULL,
    window_to   BIGINT       NOT NULL,
    captured_at BIGINT       NOT NULL,
    payload     ${long_text} NOT NULL,
    CONSTRAINT fk_fault_evidence_fault FOREIGN KEY (fault_id) REFERENCES fault (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_fault_evidence_fault ON fault_evidence (fault_id, id);

-- Search terms (platform.Words) of a fault's title, what was seen, cause and fix; the
-- list's text search and the suggestions of known issues read them.
CREATE TABLE fault_term (
    term     VARCHAR(40) NOT NULL,
    fault_id BIGINT      NOT NULL,
    PRIMARY KEY (term, fault_id),
    CONSTRAINT fk_fault_term_fault FOREIGN KEY (fault_id) REFERENCES fault (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_fault_term_fault ON fault_term (fault_id, term);

-- fault.manage comes back with the fault records (V15 retired it): technical support
-- handles faults (the administrator has every permission anyway).
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'fault.manage' FROM staff_role WHERE name = 'support';
