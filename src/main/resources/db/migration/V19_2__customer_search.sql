-- Finding customers and transcripts (issue 13, module customers and conversations).

-- Search terms of a customer (platform.Words of his name, company, tags, notes and
-- non-sensitive text and choice attributes), rewritten in the transaction that changes him.
-- E-mail addresses and phone numbers are never terms: they are found by their blind index.
-- Terms are compared in binary order (H2, PostgreSQL's C collation, MariaDB's
-- utf8mb4_bin), so a prefix is a range of this index.
CREATE TABLE customer_term (
    term        VARCHAR(40) NOT NULL,
    customer_id BIGINT      NOT NULL,
    PRIMARY KEY (term, customer_id),
    CONSTRAINT fk_customer_term_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
)${table_options};

CREATE INDEX ix_customer_term_customer ON customer_term (customer_id, term);

-- Sort keys of the customer list, each with the id as the tie-breaker (keyset paging).
CREATE INDEX ix_customer_last_conversation ON customer (last_conversation_at, id);
CREATE INDEX ix_customer_name ON customer (name, id);
CREATE INDEX ix_customer_created ON customer (created_at, id);
CREATE INDEX ix_customer_conversations ON customer (conversation_count, id);

-- Saved filters of the customer list: personal (owner_id) or shared (owner_id null).
CREATE TABLE customer_segment (
    id         ${id} PRIMARY KEY,
    name        VARCHAR(80)   NOT NULL,
    -- the filter as JSON: {"field": ["value", ...], ...}, the list's query parameters
    filter_json VARCHAR(4000) NOT NULL,
    owner_id   BIGINT,
    created_by VARCHAR(64)   NOT NULL,
    created_at BIGINT        NOT NULL,
    updated_at BIGINT        NOT NULL
)${table_options};

CREATE INDEX ix_customer_segment_owner ON customer_segment (owner_id, name);

-- Search terms of conversations' messages, written off the message path by a background
-- indexer; conversation_search_state remembers up to which message seq each was indexed.
CREATE TABLE conversation_term (
    term            VARCHAR(40) NOT NULL,
    conversation_id BIGINT      NOT NULL,
    PRIMARY KEY (term, conversation_id)
)${table_options};

CREATE INDEX ix_conversation_term_conversation ON conversation_term (conversation_id, term);

CREATE TABLE conversation_search_state (
    conversation_id BIGINT NOT NULL PRIMARY KEY,
    indexed_seq     BIGINT NOT NULL,
    indexed_at      BIGINT NOT NULL
)${table_options};

-- The transcript indexer looks only at conversations with a message since its last run.
CREATE INDEX ix_conversation_last_message ON conversation (last_message_at, id);
