-- Passkeys (WebAuthn) as a second factor (module: identity). See V1 for the placeholders and the
-- time convention, and docs/security.md, "Passkeys". Expand only: the previous release ignores it.

-- The WebAuthn user handle of a staff user: random bytes (base64url) given to authenticators
-- instead of anything that names the user; made at the first registration, kept after that.
CREATE TABLE staff_passkey_user (
    user_id BIGINT       NOT NULL PRIMARY KEY,
    handle  VARCHAR(100) NOT NULL,
    CONSTRAINT uq_passkey_user_handle UNIQUE (handle),
    CONSTRAINT fk_passkey_user_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

-- A user's registered passkeys. credential_id is the authenticator's credential id (base64url,
-- at most 512 bytes); public_key is its COSE key and attestation_object the attestation as
-- registered (both base64url), which the assertion checks need. signature_count is the last
-- count the authenticator gave: a later assertion must give a higher one (or both stay 0).
CREATE TABLE staff_passkey (
    id                 ${id} PRIMARY KEY,
    user_id            BIGINT       NOT NULL,
    credential_id      VARCHAR(700) NOT NULL,
    public_key         VARCHAR(2000) NOT NULL,
    attestation_object ${long_text} NOT NULL,
    signature_count    BIGINT       NOT NULL,
    uv_initialized     BOOLEAN      NOT NULL,
    backup_eligible    BOOLEAN      NOT NULL,
    backup_state       BOOLEAN      NOT NULL,
    transports         VARCHAR(200) NOT NULL,
    label              VARCHAR(64)  NOT NULL,
    created_at         BIGINT       NOT NULL,
    last_used_at       BIGINT,
    CONSTRAINT uq_passkey_credential UNIQUE (credential_id),
    CONSTRAINT fk_passkey_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_passkey_user ON staff_passkey (user_id);
