-- What a ticket was made from, once: a left message's conversation (left:<id>). Inserted
-- before the ticket in the same transaction, so two deliveries of one event at the same
-- moment make one ticket (the second waits on the key, then finds it taken).
CREATE TABLE ticket_origin_key (
    origin_key VARCHAR(100) NOT NULL PRIMARY KEY,
    claimed_at BIGINT       NOT NULL
)${table_options};
