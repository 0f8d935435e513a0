-- Sign-in throttling and session versions (module: identity). See V1 for the placeholders and
-- the time convention, and docs/decisions/0003-sign-in-throttling.md for the scheme.

-- Counted failed sign-ins per subject: 'account:<username>' (whether or not the account exists,
-- so an unknown name is answered exactly like a known one), 'address:<client IP>' and
-- 'device:<id>' (a browser that signed in before). blocked_until is set once a subject has
-- failed too often in a row.
CREATE TABLE sign_in_throttle (
    subject         VARCHAR(100) NOT NULL PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at BIGINT       NOT NULL,
    blocked_until   BIGINT
)${table_options};

CREATE INDEX ix_sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);

-- The account's throttle moved to sign_in_throttle.
ALTER TABLE staff_user DROP COLUMN failed_logins;
ALTER TABLE staff_user DROP COLUMN locked_until;

-- Raised by every password change and reset: a session signed in with an older version has
-- ended, on every node, without a registry of sessions.
ALTER TABLE staff_user ADD COLUMN session_version INT DEFAULT 0 NOT NULL;
