-- Two-factor sign-in (module: identity). See V1 for the placeholders and the time convention,
-- and docs/security.md, "Two-factor sign-in". Expand only: the previous release ignores all of it.

-- Whether the role's holders must sign in with a second factor (enrolling first if they have none).
ALTER TABLE staff_role ADD COLUMN requires_two_factor BOOLEAN DEFAULT FALSE NOT NULL;

-- A user's authenticator-app secret (RFC 6238), sealed with the installation's SecretBox.
-- confirmed_at is null while the enrolment waits for its first code; last_used_step is the
-- 30-second time step of the last accepted code, so a code is never accepted twice.
CREATE TABLE staff_two_factor (
    user_id        BIGINT       NOT NULL PRIMARY KEY,
    sealed_secret  VARCHAR(500) NOT NULL,
    created_at     BIGINT       NOT NULL,
    confirmed_at   BIGINT,
    last_used_step BIGINT,
    CONSTRAINT fk_two_factor_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

-- Single-use recovery codes, stored as SHA-256 hashes (each code carries 80 random bits).
CREATE TABLE staff_recovery_code (
    id         ${id} PRIMARY KEY,
    user_id    BIGINT      NOT NULL,
    code_hash  VARCHAR(64) NOT NULL,
    created_at BIGINT      NOT NULL,
    used_at    BIGINT,
    CONSTRAINT fk_recovery_code_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_recovery_code_user ON staff_recovery_code (user_id);
