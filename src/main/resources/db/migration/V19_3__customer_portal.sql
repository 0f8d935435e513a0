-- The customers' portal (module: customers, issue 13): accounts a customer registers with
-- an e-mail address and a password. The address is stored sealed with a blind index
-- (platform.PersonalData), like customer_contact; one account per address. The customer
-- record is attached when the address is verified (customer_id null until then).

CREATE TABLE customer_account (
    id                  ${id} PRIMARY KEY,
    email_sealed        VARCHAR(700) NOT NULL,
    email_index         VARCHAR(64)  NOT NULL,
    password_hash       VARCHAR(200) NOT NULL,
    -- the name given at registration, until the customer record takes it
    name                VARCHAR(100),
    customer_id         BIGINT,
    verified_at         BIGINT,
    -- a new address asked for in the profile, until its link is followed
    pending_email_sealed VARCHAR(700),
    pending_email_index VARCHAR(64),
    language            VARCHAR(35),
    -- raised by a password change or reset: older sessions end
    session_version     INT          NOT NULL,
    last_sign_in_at     BIGINT,
    created_at          BIGINT       NOT NULL,
    updated_at          BIGINT       NOT NULL,
    CONSTRAINT uq_customer_account_email UNIQUE (email_index),
    CONSTRAINT fk_customer_account_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
)${table_options};

CREATE INDEX ix_customer_account_customer ON customer_account (customer_id);

-- Links sent by e-mail (purpose VERIFY, RESET, EMAIL_CHANGE): only the SHA-256 of the token
-- is kept; each works once, until it expires.
CREATE TABLE customer_account_token (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id  BIGINT      NOT NULL,
    purpose     VARCHAR(16) NOT NULL,
    -- EMAIL_CHANGE: the blind index of the address it verifies
    email_index VARCHAR(64),
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL,
    used_at     BIGINT,
    CONSTRAINT fk_customer_account_token_account FOREIGN KEY (account_id) REFERENCES customer_account (id)
)${table_options};

CREATE INDEX ix_customer_account_token_account ON customer_account_token (account_id, purpose, created_at);
