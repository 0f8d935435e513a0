-- Agents, groups and routing (module: agents), and the group a conversation is queued in
-- (module: conversations). See V1 for the placeholders and the time convention.

CREATE TABLE agent_profile (
    user_id           BIGINT        NOT NULL PRIMARY KEY,
    public_name       VARCHAR(100),
    languages         VARCHAR(200)  NOT NULL,
    skills            VARCHAR(500)  NOT NULL,
    capacity          INT           NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    status_changed_at BIGINT        NOT NULL,
    last_assigned_at  BIGINT        NOT NULL,
    CONSTRAINT fk_agent_profile_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_agent_profile_status ON agent_profile (status, last_assigned_at);

CREATE TABLE agent_group (
    id                ${id} PRIMARY KEY,
    name              VARCHAR(100)  NOT NULL,
    description       VARCHAR(500),
    routing           VARCHAR(16)   NOT NULL,
    overflow_group_id BIGINT,
    created_at        BIGINT        NOT NULL,
    CONSTRAINT uq_agent_group_name UNIQUE (name)
)${table_options};

CREATE TABLE agent_group_member (
    group_id   BIGINT  NOT NULL,
    user_id    BIGINT  NOT NULL,
    supervisor BOOLEAN NOT NULL,
    PRIMARY KEY (group_id, user_id),
    CONSTRAINT fk_group_member_group FOREIGN KEY (group_id) REFERENCES agent_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_group_member_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_group_member_user ON agent_group_member (user_id);

-- The channels whose conversations a group answers (a channel is served by at most one group).
CREATE TABLE agent_group_channel (
    channel_id BIGINT NOT NULL PRIMARY KEY,
    group_id   BIGINT NOT NULL,
    CONSTRAINT fk_group_channel_group FOREIGN KEY (group_id) REFERENCES agent_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_group_channel_channel FOREIGN KEY (channel_id) REFERENCES chat_channel (id) ON DELETE CASCADE
)${table_options};

ALTER TABLE conversation ADD group_id BIGINT;

-- The queue of one group, oldest first.
CREATE INDEX ix_conversation_group_queue ON conversation (group_id, status, created_at, id);
