-- Live chat (module: conversations): channels, visitors, conversations, messages,
-- attachments; and the server secrets every node shares (module: platform).
-- See V1 for the placeholders and the time convention.

CREATE TABLE server_secret (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(128) NOT NULL,
    created_at BIGINT       NOT NULL
)${table_options};

CREATE TABLE chat_channel (
    id               ${id} PRIMARY KEY,
    kind             VARCHAR(16)   NOT NULL,
    name             VARCHAR(100)  NOT NULL,
    channel_key      VARCHAR(32)   NOT NULL,
    allowed_origins  VARCHAR(2000) NOT NULL,
    greeting         VARCHAR(500),
    color            VARCHAR(7)    NOT NULL,
    prechat_enabled  BOOLEAN       NOT NULL,
    prechat_fields   VARCHAR(100)  NOT NULL,
    identity_secret  VARCHAR(64)   NOT NULL,
    enabled          BOOLEAN       NOT NULL,
    created_at       BIGINT        NOT NULL,
    CONSTRAINT uq_chat_channel_key UNIQUE (channel_key),
    CONSTRAINT uq_chat_channel_name UNIQUE (name)
)${table_options};

CREATE TABLE visitor (
    id                   ${id} PRIMARY KEY,
    channel_id           BIGINT        NOT NULL,
    customer_external_id VARCHAR(128),
    name                 VARCHAR(100),
    email                VARCHAR(254),
    phone                VARCHAR(32),
    language             VARCHAR(35),
    user_agent           VARCHAR(500),
    ip                   VARCHAR(45),
    page_url             VARCHAR(2000),
    referrer             VARCHAR(2000),
    created_at           BIGINT        NOT NULL,
    last_seen_at         BIGINT        NOT NULL,
    CONSTRAINT fk_visitor_channel FOREIGN KEY (channel_id) REFERENCES chat_channel (id)
)${table_options};

CREATE INDEX ix_visitor_channel_customer ON visitor (channel_id, customer_external_id);

CREATE TABLE conversation (
    id                   ${id} PRIMARY KEY,
    channel_id           BIGINT        NOT NULL,
    visitor_id           BIGINT        NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    assignee_id          BIGINT,
    question             VARCHAR(1000),
    page_url             VARCHAR(2000),
    referrer             VARCHAR(2000),
    user_agent           VARCHAR(500),
    ip                   VARCHAR(45),
    language             VARCHAR(35),
    created_at           BIGINT        NOT NULL,
    assigned_at          BIGINT,
    closed_at            BIGINT,
    closed_by            VARCHAR(16),
    last_message_at      BIGINT        NOT NULL,
    last_message_preview VARCHAR(200),
    last_seq             BIGINT        NOT NULL,
    agent_read_seq       BIGINT        NOT NULL,
    visitor_read_seq     BIGINT        NOT NULL,
    rating               INT,
    rating_comment       VARCHAR(1000),
    rated_at             BIGINT,
    CONSTRAINT fk_conversation_channel FOREIGN KEY (channel_id) REFERENCES chat_channel (id),
    CONSTRAINT fk_conversation_visitor FOREIGN KEY (visitor_id) REFERENCES visitor (id)
)${table_options};

-- The queue (oldest first), an agent's open work, the visitor's history, closed lists,
-- the inactivity sweep.
CREATE INDEX ix_conversation_status_created ON conversation (status, created_at, id);
CREATE INDEX ix_conversation_assignee ON conversation (assignee_id, status, last_message_at);
CREATE INDEX ix_conversation_status_activity ON conversation (status, last_message_at, id);
CREATE INDEX ix_conversation_visitor ON conversation (visitor_id, created_at);
CREATE INDEX ix_conversation_closed ON conversation (closed_at, id);
CREATE INDEX ix_conversation_channel ON conversation (channel_id, created_at);

CREATE TABLE chat_message (
    id              ${id} PRIMARY KEY,
    conversation_id BIGINT        NOT NULL,
    seq             BIGINT        NOT NULL,
    client_id       VARCHAR(64),
    sender_kind     VARCHAR(8)    NOT NULL,
    sender_id       BIGINT,
    sender_name     VARCHAR(100),
    kind            VARCHAR(16)   NOT NULL,
    body            VARCHAR(4000),
    attachment_id   BIGINT,
    event_type      VARCHAR(16),
    event_by        VARCHAR(16),
    created_at      BIGINT        NOT NULL,
    CONSTRAINT fk_chat_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT uq_chat_message_seq UNIQUE (conversation_id, seq),
    CONSTRAINT uq_chat_message_client UNIQUE (conversation_id, sender_kind, client_id)
)${table_options};

CREATE INDEX ix_chat_message_time ON chat_message (created_at);

CREATE TABLE attachment (
    id              ${id} PRIMARY KEY,
    public_id       VARCHAR(32)   NOT NULL,
    conversation_id BIGINT        NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    image           BOOLEAN       NOT NULL,
    width           INT,
    height          INT,
    created_at      BIGINT        NOT NULL,
    CONSTRAINT uq_attachment_public UNIQUE (public_id),
    CONSTRAINT fk_attachment_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
)${table_options};

-- Content lives in the database, so every node of a cluster serves every file.
CREATE TABLE attachment_content (
    attachment_id BIGINT NOT NULL PRIMARY KEY,
    content       ${blob} NOT NULL,
    thumbnail     ${blob},
    CONSTRAINT fk_attachment_content FOREIGN KEY (attachment_id) REFERENCES attachment (id)
)${table_options};
