-- The status screen's history (issue 16): every node writes one row per metric and minute;
-- rows older than 7 days are thinned into 15-minute slots (average and maximum), kept 90
-- days. dim is the metric's dimension (a directory, an interface, an endpoint group, a
-- conversation group), '' when it has none. at_minute and slot are minutes since the epoch.
CREATE TABLE ops_sample (
    metric    VARCHAR(48)    NOT NULL,
    dim       VARCHAR(64)    NOT NULL,
    node      VARCHAR(64)    NOT NULL,
    at_minute BIGINT         NOT NULL,
    val       DECIMAL(24, 4) NOT NULL,
    CONSTRAINT pk_ops_sample PRIMARY KEY (metric, dim, node, at_minute)
)${table_options};

CREATE INDEX ix_ops_sample_minute ON ops_sample (at_minute);

CREATE TABLE ops_sample_slot (
    metric  VARCHAR(48)    NOT NULL,
    dim     VARCHAR(64)    NOT NULL,
    node    VARCHAR(64)    NOT NULL,
    slot    BIGINT         NOT NULL,
    avg_val DECIMAL(24, 4) NOT NULL,
    max_val DECIMAL(24, 4) NOT NULL,
    CONSTRAINT pk_ops_sample_slot PRIMARY KEY (metric, dim, node, slot)
)${table_options};

CREATE INDEX ix_ops_sample_slot ON ops_sample_slot (slot);

-- The nodes that wrote samples, with their host, so that the history still names a node
-- the cluster registry has forgotten.
CREATE TABLE ops_node (
    node       VARCHAR(64)  NOT NULL,
    host       VARCHAR(255) NOT NULL,
    first_seen BIGINT       NOT NULL,
    last_seen  BIGINT       NOT NULL,
    CONSTRAINT pk_ops_node PRIMARY KEY (node)
)${table_options};

-- Alert rules: a metric's value above or below a threshold for a duration. dim narrows
-- the rule to one directory, interface or group (null: each of them).
CREATE TABLE ops_alert_rule (
    id               ${id} PRIMARY KEY,
    metric           VARCHAR(48)    NOT NULL,
    dim              VARCHAR(64),
    comparison       VARCHAR(8)     NOT NULL,
    threshold        DECIMAL(24, 4) NOT NULL,
    duration_minutes INT            NOT NULL,
    severity         VARCHAR(16)    NOT NULL,
    enabled          BOOLEAN        NOT NULL,
    opens_fault      BOOLEAN        NOT NULL,
    notify_email     BOOLEAN        NOT NULL,
    notify_sms       BOOLEAN        NOT NULL,
    version          INT            NOT NULL
)${table_options};

-- Who a rule tells; none: every holder of system.monitor.
CREATE TABLE ops_alert_recipient (
    rule_id  BIGINT NOT NULL,
    staff_id BIGINT NOT NULL,
    CONSTRAINT pk_ops_alert_recipient PRIMARY KEY (rule_id, staff_id)
)${table_options};

-- Alerts, firing and resolved: the history. node is '' for a rule over the whole cluster.
CREATE TABLE ops_alert (
    id              ${id} PRIMARY KEY,
    rule_id         BIGINT         NOT NULL,
    metric          VARCHAR(48)    NOT NULL,
    dim             VARCHAR(64)    NOT NULL,
    node            VARCHAR(64)    NOT NULL,
    severity        VARCHAR(16)    NOT NULL,
    state           VARCHAR(16)    NOT NULL,
    threshold       DECIMAL(24, 4) NOT NULL,
    peak            DECIMAL(24, 4) NOT NULL,
    started_at      BIGINT         NOT NULL,
    fired_at        BIGINT         NOT NULL,
    resolved_at     BIGINT,
    acknowledged_by BIGINT,
    acknowledged_at BIGINT
)${table_options};

CREATE INDEX ix_ops_alert_state ON ops_alert (state, rule_id);
CREATE INDEX ix_ops_alert_fired ON ops_alert (fired_at);

-- The defaults technical support starts from (docs/monitoring/README.md explains each). The
-- queue rule watches the longest wait of all queues (a group's own rule can be added by
-- narrowing it); the disk rule each directory, which opens no fault record of its own
-- (data, backups and logs often share one disk: one full disk, three alerts).
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('system.cpu', NULL, 'ABOVE', 85, 5, 'WARNING', TRUE, FALSE, TRUE, FALSE, 0);
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('system.memory.used', NULL, 'ABOVE', 95, 5, 'WARNING', TRUE, FALSE, TRUE, FALSE, 0);
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('jvm.heap.used', NULL, 'ABOVE', 90, 5, 'WARNING', TRUE, FALSE, TRUE, FALSE, 0);
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('disk.used', NULL, 'ABOVE', 90, 1, 'CRITICAL', TRUE, FALSE, TRUE, FALSE, 0);
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('http.p99', 'all', 'ABOVE', 1000, 5, 'WARNING', TRUE, FALSE, TRUE, FALSE, 0);
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('http.errors', 'all', 'ABOVE', 5, 5, 'CRITICAL', TRUE, TRUE, TRUE, FALSE, 0);
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('db.pool.used', NULL, 'ABOVE', 90, 5, 'WARNING', TRUE, FALSE, TRUE, FALSE, 0);
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('queue.longest_wait', 'all', 'ABOVE', 300, 2, 'WARNING', TRUE, FALSE, TRUE, FALSE, 0);
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('nodes.gone', NULL, 'ABOVE', 0, 1, 'CRITICAL', TRUE, TRUE, TRUE, FALSE, 0);
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('backup.failed', NULL, 'ABOVE', 0, 1, 'CRITICAL', TRUE, FALSE, TRUE, FALSE, 0);
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('events.oldest_age', NULL, 'ABOVE', 600, 5, 'WARNING', TRUE, FALSE, TRUE, FALSE, 0);
INSERT INTO ops_alert_rule (metric, dim, comparison, threshold, duration_minutes, severity, enabled, opens_fault, notify_email, notify_sms, version)
VALUES ('outbox.oldest_age', NULL, 'ABOVE', 900, 5, 'WARNING', TRUE, FALSE, TRUE, FALSE, 0);
