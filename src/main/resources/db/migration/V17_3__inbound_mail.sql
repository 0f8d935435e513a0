-- Inbound e-mail (module: notifications): every mail the reader took from the mailbox and
-- what became of it, so the delivery log can show why a reply did (not) land. mail_key is
-- the SHA-256 (hex) of the mail's Message-ID (of its bytes when it has none): a mail read
-- again after a crash finds its row and posts nothing twice. outcome: POSTED, AUTO_REPLY,
-- NO_TOKEN, FORGED_TOKEN, SENDER_MISMATCH, TOO_LARGE, MALFORMED, DUPLICATE, EMPTY.
-- sender and subject are as the mail gave them (cut, control characters removed).
CREATE TABLE inbound_mail (
    id              ${id} PRIMARY KEY,
    mail_key        VARCHAR(64)   NOT NULL,
    received_at     BIGINT        NOT NULL,
    sender          VARCHAR(254),
    subject         VARCHAR(200),
    conversation_id BIGINT,
    outcome         VARCHAR(16)   NOT NULL,
    detail          VARCHAR(500),
    CONSTRAINT uq_inbound_mail_key UNIQUE (mail_key)
)${table_options};

CREATE INDEX ix_inbound_mail_outcome ON inbound_mail (outcome, id);
CREATE INDEX ix_inbound_mail_received ON inbound_mail (received_at);
