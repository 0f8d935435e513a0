-- Tickets (module: tickets, issue 14): every problem a chat cannot finish, tracked to the end.
-- Times are epoch milliseconds (decision 0001). States are the names of Java enums.

-- Categories an administrator defines (e.g. Billing > Refunds): one level of parent.
CREATE TABLE ticket_category (
    id         ${id} PRIMARY KEY,
    name       VARCHAR(80)  NOT NULL,
    parent_id  BIGINT,
    position   INT          NOT NULL,
    created_at BIGINT       NOT NULL,
    CONSTRAINT uq_ticket_category_name UNIQUE (parent_id, name),
    CONSTRAINT fk_ticket_category_parent FOREIGN KEY (parent_id) REFERENCES ticket_category (id)
)${table_options};

CREATE TABLE ticket (
    id                     ${id} PRIMARY KEY,
    -- what people say on the phone: T-<year>-<id, six digits at least>
    number                 VARCHAR(24)   NOT NULL,
    subject                VARCHAR(250)  NOT NULL,
    description            ${long_text},
    -- the requester: a customer of the customers module
    customer_id            BIGINT        NOT NULL,
    origin                 VARCHAR(16)   NOT NULL,
    type                   VARCHAR(16)   NOT NULL,
    category_id            BIGINT,
    -- 1 low, 2 normal, 3 high, 4 urgent (TicketPriority), so that it sorts
    priority               INT           NOT NULL,
    status                 VARCHAR(10)   NOT NULL,
    -- while PENDING: waiting on the CUSTOMER (SLA paused) or a THIRD_PARTY
    pending_on             VARCHAR(12),
    group_id               BIGINT,
    assignee_id            BIGINT,
    -- a due date an agent set by hand (the SLA's due times are in ticket_sla_clock)
    due_at                 BIGINT,
    -- the earliest running SLA due time, for "overdue" and "due soon" (null: none running)
    sla_due_at             BIGINT,
    sla_policy_id          BIGINT,
    -- merged into another ticket (kept, read-only, pointing at the survivor)
    merged_into_id         BIGINT,
    parent_id              BIGINT,
    created_at             BIGINT        NOT NULL,
    updated_at             BIGINT        NOT NULL,
    first_responded_at     BIGINT,
    last_customer_reply_at BIGINT,
    last_agent_reply_at    BIGINT,
    solved_at              BIGINT,
    closed_at              BIGINT,
    created_by             VARCHAR(64)   NOT NULL,
    -- optimistic locking: every change names the version it read
    version                INT           NOT NULL,
    CONSTRAINT uq_ticket_number UNIQUE (number),
    CONSTRAINT fk_ticket_category FOREIGN KEY (category_id) REFERENCES ticket_category (id),
    CONSTRAINT fk_ticket_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_ticket_parent FOREIGN KEY (parent_id) REFERENCES ticket (id),
    CONSTRAINT fk_ticket_merged FOREIGN KEY (merged_into_id) REFERENCES ticket (id)
)${table_options};

-- The standard views, each with the id as the tie-breaker of keyset paging.
CREATE INDEX ix_ticket_status_updated ON ticket (status, updated_at, id);
CREATE INDEX ix_ticket_assignee ON ticket (assignee_id, status, updated_at, id);
CREATE INDEX ix_ticket_group ON ticket (group_id, status, updated_at, id);
CREATE INDEX ix_ticket_sla_due ON ticket (sla_due_at, id);
CREATE INDEX ix_ticket_customer ON ticket (customer_id, created_at, id);
CREATE INDEX ix_ticket_created ON ticket (created_at, id);
CREATE INDEX ix_ticket_updated ON ticket (updated_at, id);

-- What was said on a ticket: the customer's messages, public replies, internal notes.
CREATE TABLE ticket_article (
    id                 ${id} PRIMARY KEY,
    ticket_id          BIGINT        NOT NULL,
    -- CUSTOMER (from the requester), REPLY (public, to the customer), NOTE (internal), SYSTEM
    kind               VARCHAR(10)   NOT NULL,
    -- how it came or went: CONSOLE, EMAIL, SMS, PORTAL, API, CHAT
    via                VARCHAR(10)   NOT NULL,
    author_staff_id    BIGINT,
    author_customer_id BIGINT,
    body               ${long_text}  NOT NULL,
    -- the e-mail's Message-ID (inbound), for threading and to store a mail once
    message_id         VARCHAR(300),
    -- the client's id of a reply sent from the console or the API (idempotent resend)
    client_id          VARCHAR(64),
    -- a public reply sent by text message as well as by e-mail
    also_sms           BOOLEAN       DEFAULT FALSE NOT NULL,
    created_at         BIGINT        NOT NULL,
    CONSTRAINT fk_ticket_article_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT uq_ticket_article_client UNIQUE (ticket_id, client_id)
)${table_options};

CREATE INDEX ix_ticket_article_ticket ON ticket_article (ticket_id, id);
CREATE INDEX ix_ticket_article_message ON ticket_article (message_id);

-- Files on a ticket, on an article or on the ticket itself; the bytes beside them, as chat
-- attachments are (decision 0004).
CREATE TABLE ticket_attachment (
    id           ${id} PRIMARY KEY,
    public_id    VARCHAR(32)   NOT NULL,
    ticket_id    BIGINT        NOT NULL,
    article_id   BIGINT,
    file_name    VARCHAR(255)  NOT NULL,
    content_type VARCHAR(100)  NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    created_at   BIGINT        NOT NULL,
    CONSTRAINT uq_ticket_attachment_public UNIQUE (public_id),
    CONSTRAINT fk_ticket_attachment_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT fk_ticket_attachment_article FOREIGN KEY (article_id) REFERENCES ticket_article (id)
)${table_options};

CREATE INDEX ix_ticket_attachment_ticket ON ticket_attachment (ticket_id);

CREATE TABLE ticket_attachment_content (
    attachment_id BIGINT  NOT NULL PRIMARY KEY,
    content       ${blob} NOT NULL,
    CONSTRAINT fk_ticket_attachment_content FOREIGN KEY (attachment_id) REFERENCES ticket_attachment (id)
)${table_options};

CREATE TABLE ticket_tag (
    ticket_id BIGINT      NOT NULL,
    tag       VARCHAR(40) NOT NULL,
    PRIMARY KEY (ticket_id, tag),
    CONSTRAINT fk_ticket_tag_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
)${table_options};

CREATE INDEX ix_ticket_tag_tag ON ticket_tag (tag, ticket_id);

CREATE TABLE ticket_follower (
    ticket_id BIGINT NOT NULL,
    user_id   BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, user_id),
    CONSTRAINT fk_ticket_follower_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
)${table_options};

CREATE INDEX ix_ticket_follower_user ON ticket_follower (user_id, ticket_id);

-- Conversations linked to a ticket (the one it was made from, later ones about it).
CREATE TABLE ticket_conversation (
    ticket_id       BIGINT NOT NULL,
    conversation_id BIGINT NOT NULL,
    linked_at       BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, conversation_id),
    CONSTRAINT fk_ticket_conversation_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
)${table_options};

CREATE INDEX ix_ticket_conversation_conversation ON ticket_conversation (conversation_id);

-- Tickets related to each other (RELATED, both ways); parent/child and merges are columns of
-- ticket.
CREATE TABLE ticket_link (
    ticket_id BIGINT NOT NULL,
    other_id  BIGINT NOT NULL,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, other_id),
    CONSTRAINT fk_ticket_link_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT fk_ticket_link_other FOREIGN KEY (other_id) REFERENCES ticket (id)
)${table_options};

-- Every change, with its actor and time: field, old and new value as shown (names, not ids).
CREATE TABLE ticket_history (
    id          ${id} PRIMARY KEY,
    ticket_id   BIGINT        NOT NULL,
    -- the staff member's name, customer:<id>, or system
    actor       VARCHAR(100)  NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    field       VARCHAR(40),
    old_value   VARCHAR(500),
    new_value   VARCHAR(500),
    detail      VARCHAR(500),
    occurred_at BIGINT        NOT NULL,
    CONSTRAINT fk_ticket_history_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
)${table_options};

CREATE INDEX ix_ticket_history_ticket ON ticket_history (ticket_id, id);

-- Custom fields an administrator defines: TEXT, NUMBER, DATE, CHOICE, CHECKBOX.
CREATE TABLE ticket_field (
    id          ${id} PRIMARY KEY,
    field_key   VARCHAR(40)   NOT NULL,
    label       VARCHAR(80)   NOT NULL,
    type        VARCHAR(10)   NOT NULL,
    -- CHOICE: the choices, one per line
    choices     VARCHAR(2000),
    required    BOOLEAN       NOT NULL,
    position    INT           NOT NULL,
    created_at  BIGINT        NOT NULL,
    CONSTRAINT uq_ticket_field_key UNIQUE (field_key)
)${table_options};

CREATE TABLE ticket_field_value (
    ticket_id    BIGINT        NOT NULL,
    field_id     BIGINT        NOT NULL,
    -- at most 500 characters: the index below must fit InnoDB's 3072 bytes in utf8mb4
    text_value   VARCHAR(500),
    number_value DECIMAL(19,4),
    PRIMARY KEY (ticket_id, field_id),
    CONSTRAINT fk_ticket_field_value_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT fk_ticket_field_value_field FOREIGN KEY (field_id) REFERENCES ticket_field (id)
)${table_options};

CREATE INDEX ix_ticket_field_value ON ticket_field_value (field_id, text_value, ticket_id);

-- SLA policies, tried in position order; the first whose conditions all hold applies.
-- A condition left null matches anything.
CREATE TABLE ticket_sla_policy (
    id                      ${id} PRIMARY KEY,
    name                    VARCHAR(80)  NOT NULL,
    position                INT          NOT NULL,
    enabled                 BOOLEAN      NOT NULL,
    match_priority          INT,
    match_group_id          BIGINT,
    match_type              VARCHAR(16),
    match_level_id          BIGINT,
    -- targets in minutes (null: no such target)
    first_response_minutes  INT,
    next_response_minutes   INT,
    resolution_minutes      INT,
    -- BUSINESS (the group's business hours and holidays) or ALWAYS (24x7)
    calendar                VARCHAR(10)  NOT NULL,
    -- warn this many minutes before a breach (null: no warning)
    warn_before_minutes     INT,
    -- at a breach: raise the priority one step, and/or reassign to this group
    escalate_raise_priority BOOLEAN      NOT NULL,
    escalate_group_id       BIGINT,
    created_at              BIGINT       NOT NULL,
    updated_at              BIGINT       NOT NULL
)${table_options};

-- One clock per ticket and target (FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION).
CREATE TABLE ticket_sla_clock (
    ticket_id   BIGINT       NOT NULL,
    target      VARCHAR(16)  NOT NULL,
    policy_id   BIGINT       NOT NULL,
    started_at  BIGINT       NOT NULL,
    -- when it is due (recomputed on a pause, a resume, a priority change); null while paused
    due_at      BIGINT,
    -- working time already used (milliseconds) before running_since
    used_ms     BIGINT       NOT NULL,
    -- running since (null: paused or stopped)
    running_since BIGINT,
    met_at      BIGINT,
    warned_at   BIGINT,
    breached_at BIGINT,
    PRIMARY KEY (ticket_id, target),
    CONSTRAINT fk_ticket_sla_clock_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
)${table_options};

CREATE INDEX ix_ticket_sla_clock_due ON ticket_sla_clock (due_at);

-- Saved views of the ticket list: personal (owner_id) or shared (owner_id null).
CREATE TABLE ticket_view (
    id          ${id} PRIMARY KEY,
    name        VARCHAR(80)   NOT NULL,
    -- the filter as JSON: the list's query parameters
    filter_json VARCHAR(4000) NOT NULL,
    owner_id    BIGINT,
    position    INT           NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  BIGINT        NOT NULL
)${table_options};

-- Search terms of a ticket (platform.Words of its number, subject, description, articles and
-- tags), written in the transaction that changes it. Compared in binary order, as
-- customer_term.
CREATE TABLE ticket_term (
    term      VARCHAR(40) NOT NULL,
    ticket_id BIGINT      NOT NULL,
    PRIMARY KEY (term, ticket_id),
    CONSTRAINT fk_ticket_term_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
)${table_options};

CREATE INDEX ix_ticket_term_ticket ON ticket_term (ticket_id, term);

-- Tickets are counted against their own capacity, apart from chats.
ALTER TABLE agent_profile ADD ticket_capacity INT DEFAULT 20 NOT NULL;

-- The permissions of the tickets module (decision 0006): agents and supervisors handle tickets
-- and complaints; supervisors also assign, close, merge and delete; the administrator has
-- every permission anyway.
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.view' FROM staff_role WHERE name IN ('agent', 'supervisor');
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.create' FROM staff_role WHERE name IN ('agent', 'supervisor');
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.reply' FROM staff_role WHERE name IN ('agent', 'supervisor');
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.edit' FROM staff_role WHERE name IN ('agent', 'supervisor');
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.solve' FROM staff_role WHERE name IN ('agent', 'supervisor');
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.reopen' FROM staff_role WHERE name IN ('agent', 'supervisor');
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'complaint.handle' FROM staff_role WHERE name IN ('agent', 'supervisor');
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.assign' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.close' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.view_all' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.merge' FROM staff_role WHERE name = 'supervisor';
