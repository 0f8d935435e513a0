-- Notifications (module: notifications): the durable outbox of e-mails and text messages,
-- the templates an administrator changed, and the mail account (SMTP out, IMAP in).

-- One notification to one recipient. Written in the transaction of the module event that
-- causes it; idempotency_key (event and recipient) makes a repeated event store nothing
-- twice. A worker claims due rows (claimed_by, claimed_until: one node at a time), sends
-- them and records the outcome; a failed attempt is retried at next_attempt_at.
-- payload holds the template's values as JSON; conversation_id threads e-mails of one
-- conversation; message_id is the Message-ID header the e-mail was sent with.
CREATE TABLE notification (
    id                  ${id} PRIMARY KEY,
    idempotency_key     VARCHAR(200)  NOT NULL,
    channel             VARCHAR(16)   NOT NULL,
    recipient           VARCHAR(254)  NOT NULL,
    audience            VARCHAR(16)   NOT NULL,
    staff_user_id       BIGINT,
    template            VARCHAR(64)   NOT NULL,
    language            VARCHAR(35)   NOT NULL,
    payload             ${long_text}  NOT NULL,
    conversation_id     BIGINT,
    status              VARCHAR(16)   NOT NULL,
    attempts            INT           NOT NULL,
    next_attempt_at     BIGINT        NOT NULL,
    claimed_by          VARCHAR(64),
    claimed_until       BIGINT,
    last_error          VARCHAR(1000),
    provider_message_id VARCHAR(255),
    message_id          VARCHAR(255),
    created_at          BIGINT        NOT NULL,
    sent_at             BIGINT,
    CONSTRAINT uq_notification_key UNIQUE (idempotency_key)
)${table_options};

CREATE INDEX ix_notification_due ON notification (status, next_attempt_at);
CREATE INDEX ix_notification_created ON notification (created_at);
CREATE INDEX ix_notification_recipient ON notification (recipient, created_at);
CREATE INDEX ix_notification_conversation ON notification (conversation_id);

-- A template an administrator changed; the shipped text applies where there is none.
CREATE TABLE notification_template (
    template   VARCHAR(64)   NOT NULL,
    language   VARCHAR(35)   NOT NULL,
    subject    VARCHAR(500)  NOT NULL,
    html_body  ${long_text}  NOT NULL,
    text_body  ${long_text}  NOT NULL,
    updated_at BIGINT        NOT NULL,
    updated_by VARCHAR(64),
    PRIMARY KEY (template, language)
)${table_options};

-- The one mail account (id = 1): SMTP for sending, IMAP for reading customers' replies.
-- Passwords are encrypted (platform SecretBox) and never sent back to the console.
CREATE TABLE mail_account (
    id              INT           NOT NULL PRIMARY KEY,
    smtp_enabled    BOOLEAN       NOT NULL,
    smtp_host       VARCHAR(255),
    smtp_port       INT,
    smtp_security   VARCHAR(16)   NOT NULL,
    smtp_username   VARCHAR(255),
    smtp_password   VARCHAR(1000),
    from_address    VARCHAR(254),
    from_name       VARCHAR(100),
    reply_address   VARCHAR(254),
    imap_enabled    BOOLEAN       NOT NULL,
    imap_host       VARCHAR(255),
    imap_port       INT,
    imap_security   VARCHAR(16)   NOT NULL,
    imap_username   VARCHAR(255),
    imap_password   VARCHAR(1000),
    imap_folder     VARCHAR(255),
    updated_at      BIGINT        NOT NULL,
    updated_by      VARCHAR(64)
)${table_options};

-- The row exists from the start (nothing set up), so saving it is always an update.
INSERT INTO mail_account (id, smtp_enabled, smtp_security, imap_enabled, imap_security, imap_folder, updated_at)
VALUES (1, FALSE, 'STARTTLS', FALSE, 'TLS', 'INBOX', 0);
