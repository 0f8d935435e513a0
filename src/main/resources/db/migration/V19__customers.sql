-- Customers (module: customers): one record per person across channels and devices
-- (issue 13). E-mail addresses and phone numbers are stored sealed (platform.PersonalData:
-- AES-GCM, key id in the value) with a blind index (a keyed hash) for exact lookups;
-- nothing here holds them in plain text.

CREATE TABLE customer_level (
    id            ${id} PRIMARY KEY,
    name          VARCHAR(60)  NOT NULL,
    position      INT          NOT NULL,
    -- a skill routing asks of the agent for this level's customers (e.g. VIP), or null
    routing_skill VARCHAR(60),
    created_at    BIGINT       NOT NULL,
    CONSTRAINT uq_customer_level_name UNIQUE (name)
)${table_options};

CREATE TABLE customer (
    id                   ${id} PRIMARY KEY,
    name                 VARCHAR(100),
    company              VARCHAR(200),
    language             VARCHAR(35),
    time_zone            VARCHAR(64),
    level_id             BIGINT,
    first_seen_at        BIGINT       NOT NULL,
    last_seen_at         BIGINT       NOT NULL,
    -- when his latest conversation started (activity filters: "a conversation this week")
    last_conversation_at BIGINT,
    conversation_count   INT          NOT NULL,
    last_rating          INT,
    -- blocked (spam, abuse) since blocked_at until blocked_until (null: until unblocked)
    blocked_at           BIGINT,
    blocked_until        BIGINT,
    block_reason         VARCHAR(500),
    blocked_by           VARCHAR(64),
    -- merged into another customer (the survivor); such a row is kept as a pointer only
    merged_into          BIGINT,
    -- erased on request (data subject request, retention): the row remains, emptied
    erased_at            BIGINT,
    created_at           BIGINT       NOT NULL,
    updated_at           BIGINT       NOT NULL,
    version              INT          NOT NULL,
    CONSTRAINT fk_customer_level FOREIGN KEY (level_id) REFERENCES customer_level (id)
)${table_options};

CREATE INDEX ix_customer_last_seen ON customer (last_seen_at, id);
CREATE INDEX ix_customer_level ON customer (level_id, last_seen_at, id);
CREATE INDEX ix_customer_merged ON customer (merged_into);

-- Identities a website vouched for with an HMAC (identity verification): one customer each.
CREATE TABLE customer_identity (
    external_id VARCHAR(128) NOT NULL PRIMARY KEY,
    customer_id BIGINT       NOT NULL,
    created_at  BIGINT       NOT NULL,
    CONSTRAINT fk_customer_identity_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
)${table_options};

CREATE INDEX ix_customer_identity_customer ON customer_identity (customer_id);

-- E-mail addresses (kind EMAIL) and phone numbers (PHONE). Verified ones (portal
-- registration, a website vouching for it) belong to one customer; an unverified one may be
-- typed by anyone, so it never links a visitor to a customer, it only suggests a match.
CREATE TABLE customer_contact (
    id           ${id} PRIMARY KEY,
    customer_id  BIGINT       NOT NULL,
    kind         VARCHAR(8)   NOT NULL,
    value_sealed VARCHAR(700) NOT NULL,
    value_index  VARCHAR(64)  NOT NULL,
    verified     BOOLEAN      NOT NULL,
    created_at   BIGINT       NOT NULL,
    CONSTRAINT fk_customer_contact_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT uq_customer_contact UNIQUE (customer_id, kind, value_index)
)${table_options};

CREATE INDEX ix_customer_contact_index ON customer_contact (value_index, kind);

-- Channels a customer used (filters: "came through the app").
CREATE TABLE customer_channel (
    customer_id   BIGINT NOT NULL,
    channel_id    BIGINT NOT NULL,
    first_seen_at BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    PRIMARY KEY (customer_id, channel_id),
    CONSTRAINT fk_customer_channel_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
)${table_options};

CREATE INDEX ix_customer_channel_channel ON customer_channel (channel_id, customer_id);

CREATE TABLE customer_tag (
    customer_id BIGINT      NOT NULL,
    tag         VARCHAR(50) NOT NULL,
    PRIMARY KEY (customer_id, tag),
    CONSTRAINT fk_customer_tag_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
)${table_options};

CREATE INDEX ix_customer_tag_tag ON customer_tag (tag, customer_id);

-- Attributes an administrator defines (attr_type TEXT, NUMBER, DATE or CHOICE); sensitive
-- ones are stored sealed like e-mail addresses.
CREATE TABLE customer_attribute (
    id         ${id} PRIMARY KEY,
    attr_key   VARCHAR(40)   NOT NULL,
    label      VARCHAR(100)  NOT NULL,
    attr_type  VARCHAR(8)    NOT NULL,
    -- CHOICE: the choices, one per line
    choices    VARCHAR(2000),
    required   BOOLEAN       NOT NULL,
    is_sensitive BOOLEAN     NOT NULL,
    -- TEXT: a regular expression the value must match, and its length limit
    pattern    VARCHAR(200),
    max_length INT,
    -- NUMBER: the range
    min_value  DECIMAL(19, 4),
    max_value  DECIMAL(19, 4),
    position   INT           NOT NULL,
    created_at BIGINT        NOT NULL,
    CONSTRAINT uq_customer_attribute_key UNIQUE (attr_key)
)${table_options};

-- One value per customer and attribute, in the column of its type: text_value (TEXT,
-- sealed when sensitive), choice_value (CHOICE), number_value (NUMBER), date_value (DATE, the
-- day as days since 1970-01-01).
CREATE TABLE customer_attribute_value (
    customer_id  BIGINT         NOT NULL,
    attribute_id BIGINT         NOT NULL,
    text_value   VARCHAR(1400),
    choice_value VARCHAR(100),
    number_value DECIMAL(19, 4),
    date_value   INT,
    PRIMARY KEY (customer_id, attribute_id),
    CONSTRAINT fk_customer_attribute_value_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_customer_attribute_value_attribute FOREIGN KEY (attribute_id) REFERENCES customer_attribute (id)
)${table_options};

CREATE INDEX ix_customer_attribute_choice ON customer_attribute_value (attribute_id, choice_value, customer_id);
CREATE INDEX ix_customer_attribute_number ON customer_attribute_value (attribute_id, number_value, customer_id);
CREATE INDEX ix_customer_attribute_date ON customer_attribute_value (attribute_id, date_value, customer_id);

CREATE TABLE customer_note (
    id         ${id} PRIMARY KEY,
    customer_id BIGINT        NOT NULL,
    author_id  BIGINT,
    body       VARCHAR(4000) NOT NULL,
    created_at BIGINT        NOT NULL,
    updated_at BIGINT        NOT NULL,
    CONSTRAINT fk_customer_note_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
)${table_options};

CREATE INDEX ix_customer_note_customer ON customer_note (customer_id, created_at);

-- A possible duplicate: an unverified e-mail or phone of customer_id is known for
-- candidate_id too. Shown to agents; merging or dismissing ends it.
CREATE TABLE customer_suggestion (
    id           ${id} PRIMARY KEY,
    customer_id  BIGINT      NOT NULL,
    candidate_id BIGINT      NOT NULL,
    reason       VARCHAR(8)  NOT NULL,
    created_at   BIGINT      NOT NULL,
    dismissed_at BIGINT,
    CONSTRAINT fk_customer_suggestion_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_customer_suggestion_candidate FOREIGN KEY (candidate_id) REFERENCES customer (id),
    CONSTRAINT uq_customer_suggestion UNIQUE (customer_id, candidate_id, reason)
)${table_options};

CREATE INDEX ix_customer_suggestion_candidate ON customer_suggestion (candidate_id);

-- Merges: merged_id's history now lives under survivor_id.
CREATE TABLE customer_merge (
    id          ${id} PRIMARY KEY,
    survivor_id BIGINT        NOT NULL,
    merged_id   BIGINT        NOT NULL,
    actor       VARCHAR(64),
    merged_at   BIGINT        NOT NULL,
    summary     VARCHAR(2000),
    CONSTRAINT fk_customer_merge_survivor FOREIGN KEY (survivor_id) REFERENCES customer (id),
    CONSTRAINT fk_customer_merge_merged FOREIGN KEY (merged_id) REFERENCES customer (id)
)${table_options};

CREATE INDEX ix_customer_merge_time ON customer_merge (merged_at, id);

-- The customer a visitor belongs to (module conversations keeps it, customers decides it).
ALTER TABLE visitor ADD COLUMN customer_id BIGINT;
CREATE INDEX ix_visitor_customer ON visitor (customer_id);

-- The customers module's permissions (decision 0006): agents view, edit and block;
-- supervisors also merge, see contact details, import and export; customer settings and
-- data subject requests stay with the administrator, who holds every permission.
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'customer.view' FROM staff_role WHERE name IN ('agent', 'supervisor');
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'customer.edit' FROM staff_role WHERE name IN ('agent', 'supervisor');
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'customer.block' FROM staff_role WHERE name IN ('agent', 'supervisor');
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'customer.merge' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'customer.pii.view' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'customer.import' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'customer.export' FROM staff_role WHERE name = 'supervisor';
