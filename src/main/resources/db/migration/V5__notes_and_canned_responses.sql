-- Internal notes on conversations (module: conversations) and canned responses
-- (module: agents). See V1 for the placeholders and the time convention.

CREATE TABLE conversation_note (
    id              ${id} PRIMARY KEY,
    conversation_id BIGINT        NOT NULL,
    author_id       BIGINT        NOT NULL,
    author_name     VARCHAR(100)  NOT NULL,
    body            VARCHAR(2000) NOT NULL,
    mentions        VARCHAR(500)  NOT NULL,
    created_at      BIGINT        NOT NULL,
    CONSTRAINT fk_note_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
)${table_options};

CREATE INDEX ix_note_conversation ON conversation_note (conversation_id, id);

-- scope: personal (owner_id set), group (group_id set) or everyone (neither)
CREATE TABLE canned_response (
    id         ${id} PRIMARY KEY,
    scope      VARCHAR(16)   NOT NULL,
    owner_id   BIGINT,
    group_id   BIGINT,
    scope_key  VARCHAR(40)   NOT NULL,
    shortcut   VARCHAR(32)   NOT NULL,
    title      VARCHAR(100)  NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    created_at BIGINT        NOT NULL,
    CONSTRAINT uq_canned_shortcut UNIQUE (scope_key, shortcut)
)${table_options};

CREATE INDEX ix_canned_owner ON canned_response (owner_id);
CREATE INDEX ix_canned_group ON canned_response (group_id);
