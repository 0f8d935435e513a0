-- Tickets and SLA in the statistics (module: analytics, issue 15): one row per ticket, as
-- the tickets module says it is now, written again whenever the ticket changes.
CREATE TABLE analytics_ticket (
    ticket_id             BIGINT      NOT NULL PRIMARY KEY,
    number                VARCHAR(24) NOT NULL,
    origin                VARCHAR(16) NOT NULL,
    priority              SMALLINT    NOT NULL,
    group_id              BIGINT,
    assignee_id           BIGINT,
    status                VARCHAR(10) NOT NULL,
    created_at            BIGINT      NOT NULL,
    -- solved or closed now: when (null while open)
    finished_at           BIGINT,
    first_response_ms     BIGINT,
    first_response_bh_ms  BIGINT,
    resolution_ms         BIGINT,
    resolution_bh_ms      BIGINT,
    -- the SLA targets: NONE, RUNNING, PAUSED, MET, BREACHED; a running one past its due time
    -- counts as breached
    sla_first             VARCHAR(10) NOT NULL,
    sla_first_due         BIGINT,
    sla_resolution        VARCHAR(10) NOT NULL,
    sla_resolution_due    BIGINT,
    updated_at            BIGINT      NOT NULL
)${table_options};

CREATE INDEX ix_analytics_ticket_created ON analytics_ticket (created_at, ticket_id);
CREATE INDEX ix_analytics_ticket_finished ON analytics_ticket (finished_at);
