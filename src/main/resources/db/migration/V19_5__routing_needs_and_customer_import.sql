-- Routing by language and skills (module agents, issue 13): what a group asks of its agents
-- (skills every conversation of the group needs) and how long a conversation waits for an
-- agent who matches before anyone in the group may take it (seconds; 0: no wait).
ALTER TABLE agent_group ADD required_skills VARCHAR(400) DEFAULT '' NOT NULL;
ALTER TABLE agent_group ADD fallback_after INT DEFAULT 60 NOT NULL;

-- What a waiting conversation asks for (module conversations keeps it, set when it starts):
-- the customer's language (else the visitor's) and the skills of his level, comma-separated;
-- while routing_hold_until lies ahead, only agents who match may take it.
ALTER TABLE conversation ADD routing_language VARCHAR(35);
ALTER TABLE conversation ADD routing_skills VARCHAR(400) DEFAULT '' NOT NULL;
ALTER TABLE conversation ADD routing_hold_until BIGINT;
CREATE INDEX ix_conversation_routing_hold ON conversation (routing_hold_until);

-- CSV imports of customers (module customers): the uploaded file stays in the data directory
-- until the import is done or abandoned; state UPLOADED, IMPORTED or ABANDONED.
CREATE TABLE customer_import (
    id             ${id} PRIMARY KEY,
    file_name      VARCHAR(255) NOT NULL,
    stored_name    VARCHAR(100) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    encoding       VARCHAR(16)  NOT NULL,
    delimiter_char VARCHAR(4)   NOT NULL,
    state          VARCHAR(10)  NOT NULL,
    created_by     VARCHAR(64)  NOT NULL,
    created_at     BIGINT       NOT NULL,
    finished_at    BIGINT,
    rows_created   INT,
    rows_updated   INT
)${table_options};

CREATE INDEX ix_customer_import_state ON customer_import (state, created_at);
