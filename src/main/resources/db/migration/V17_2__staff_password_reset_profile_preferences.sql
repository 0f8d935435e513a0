-- Staff self-service (modules: identity, notifications): password reset by e-mail, the
-- language of one's own e-mails, and which channels reach one for which event.

-- A staff member's own language for e-mails and text messages (en, zh-CN, zh-TW); NULL
-- means the organisation's.
ALTER TABLE staff_user ADD language VARCHAR(16);

-- One password reset asked for from the sign-in page. Only the SHA-256 hash of the token
-- (256 random bits, sent by e-mail) is kept. A token is good until expires_at, once
-- (used_at set by a conditional update); asking again ends the older ones.
-- requested_from is the client address that asked.
CREATE TABLE password_reset (
    id             ${id} PRIMARY KEY,
    token_hash     VARCHAR(64)  NOT NULL,
    user_id        BIGINT       NOT NULL,
    created_at     BIGINT       NOT NULL,
    expires_at     BIGINT       NOT NULL,
    used_at        BIGINT,
    requested_from VARCHAR(64),
    CONSTRAINT uq_password_reset_token UNIQUE (token_hash),
    CONSTRAINT fk_password_reset_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_password_reset_user ON password_reset (user_id, used_at);
CREATE INDEX ix_password_reset_expires ON password_reset (expires_at);

-- A staff member's choice per event and channel; where there is no row the default holds
-- (e-mail on, SMS off).
CREATE TABLE staff_notification_preference (
    user_id BIGINT      NOT NULL,
    event   VARCHAR(32) NOT NULL,
    channel VARCHAR(16) NOT NULL,
    enabled BOOLEAN     NOT NULL,
    PRIMARY KEY (user_id, event, channel),
    CONSTRAINT fk_staff_notification_preference_user FOREIGN KEY (user_id) REFERENCES staff_user (id)
        ON DELETE CASCADE
)${table_options};
