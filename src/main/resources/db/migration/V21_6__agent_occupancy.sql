-- Agent occupancy (module: analytics, issue 15): when each agent was online or away, and when
-- he had conversations assigned, to compare time with conversations with time available.

-- A stretch of an agent's status (ONLINE or AWAY; offline is the absence of one), from the
-- agents module's AgentStatusChanged events; ended_at is null while it lasts.
CREATE TABLE analytics_agent_status (
    agent_id    BIGINT      NOT NULL,
    status      VARCHAR(8)  NOT NULL,
    started_at  BIGINT      NOT NULL,
    ended_at    BIGINT,
    PRIMARY KEY (agent_id, started_at)
)${table_options};

CREATE INDEX ix_analytics_agent_status_started ON analytics_agent_status (started_at);

-- A stretch during which a conversation was assigned to an agent, ended (a transfer, a close,
-- a put back), written by the fold of the transcript; the open ones are the participations'
-- assigned_since.
CREATE TABLE analytics_agent_span (
    conversation_id BIGINT NOT NULL,
    agent_id        BIGINT NOT NULL,
    started_at      BIGINT NOT NULL,
    ended_at        BIGINT NOT NULL,
    PRIMARY KEY (conversation_id, agent_id, started_at)
)${table_options};

CREATE INDEX ix_analytics_agent_span_started ON analytics_agent_span (started_at, agent_id);
