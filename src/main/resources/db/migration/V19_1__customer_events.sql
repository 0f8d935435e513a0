-- The customer side of a customer's timeline (module customers, issue 13): profile,
-- contact, tag, attribute, note, merge and block changes, with who made them and when.
-- Conversations on the timeline come from live chat itself (conversations module).
CREATE TABLE customer_event (
    id          ${id} PRIMARY KEY,
    customer_id BIGINT       NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    -- the staff member's display name at that moment; null for Parley itself
    actor       VARCHAR(100),
    -- a short line saying what changed (no e-mail address or phone number in clear)
    detail      VARCHAR(500),
    created_at  BIGINT       NOT NULL,
    CONSTRAINT fk_customer_event_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
)${table_options};

CREATE INDEX ix_customer_event_customer ON customer_event (customer_id, created_at, id);
