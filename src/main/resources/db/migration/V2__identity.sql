-- Staff users, roles, permissions, password history, API tokens and the installation marker
-- (module: identity). See V1 for the placeholders and the time convention.

CREATE TABLE installation (
    id           INT          NOT NULL PRIMARY KEY,
    installed_at BIGINT       NOT NULL,
    installed_by VARCHAR(64)  NOT NULL
)${table_options};

CREATE TABLE staff_role (
    id          ${id} PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    description VARCHAR(500),
    builtin     BOOLEAN      NOT NULL,
    created_at  BIGINT       NOT NULL,
    CONSTRAINT uq_staff_role_name UNIQUE (name)
)${table_options};

CREATE TABLE staff_role_permission (
    role_id    BIGINT      NOT NULL,
    permission VARCHAR(64) NOT NULL,
    PRIMARY KEY (role_id, permission),
    CONSTRAINT fk_role_permission_role FOREIGN KEY (role_id) REFERENCES staff_role (id) ON DELETE CASCADE
)${table_options};

CREATE TABLE staff_user (
    id                       ${id} PRIMARY KEY,
    username                 VARCHAR(64)  NOT NULL,
    display_name             VARCHAR(100) NOT NULL,
    email                    VARCHAR(254),
    phone                    VARCHAR(32),
    role_id                  BIGINT       NOT NULL,
    enabled                  BOOLEAN      NOT NULL,
    password_hash            VARCHAR(255) NOT NULL,
    password_changed_at      BIGINT       NOT NULL,
    password_change_required BOOLEAN      NOT NULL,
    failed_logins            INT          NOT NULL,
    locked_until             BIGINT,
    last_login_at            BIGINT,
    created_at               BIGINT       NOT NULL,
    CONSTRAINT uq_staff_user_username UNIQUE (username),
    CONSTRAINT fk_staff_user_role FOREIGN KEY (role_id) REFERENCES staff_role (id)
)${table_options};

CREATE INDEX ix_staff_user_role ON staff_user (role_id);

-- A single permission granted to (granted = TRUE) or taken from (granted = FALSE) one user,
-- on top of what the user's role gives.
CREATE TABLE staff_user_permission (
    user_id    BIGINT      NOT NULL,
    permission VARCHAR(64) NOT NULL,
    granted    BOOLEAN     NOT NULL,
    PRIMARY KEY (user_id, permission),
    CONSTRAINT fk_user_permission_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE TABLE password_history (
    id            ${id} PRIMARY KEY,
    user_id       BIGINT       NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    changed_at    BIGINT       NOT NULL,
    CONSTRAINT fk_password_history_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_password_history_user ON password_history (user_id, changed_at);

CREATE TABLE api_token (
    id           ${id} PRIMARY KEY,
    user_id      BIGINT      NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   CHAR(64)    NOT NULL,
    token_prefix VARCHAR(16) NOT NULL,
    created_at   BIGINT      NOT NULL,
    expires_at   BIGINT,
    last_used_at BIGINT,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_api_token_user ON api_token (user_id);

-- The four roles of the guide (R8.1). Their permissions can be changed later; administrator
-- always keeps all of them (enforced by the application).
INSERT INTO staff_role (name, description, builtin, created_at) VALUES ('administrator', 'Everything: configuration, monitoring, upgrades, users, statistics, logs', TRUE, 0);
INSERT INTO staff_role (name, description, builtin, created_at) VALUES ('supervisor', 'Agent rights plus team data, assigning work, evaluating agents, adjusting agent permissions, quality monitoring', TRUE, 0);
INSERT INTO staff_role (name, description, builtin, created_at) VALUES ('agent', 'Views customer information, answers, transfers, handles complaints', TRUE, 0);
INSERT INTO staff_role (name, description, builtin, created_at) VALUES ('support', 'Technical support: system logs, system status, fault handling', TRUE, 0);

-- Default rights of the built-in roles (the administrator's are all, computed by the application).
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'conversation.view' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'conversation.reply' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'conversation.transfer' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'conversation.view_all' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'conversation.monitor' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'customer.view' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'customer.manage' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.view' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.handle' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.assign' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'complaint.handle' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'team.view' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'team.assign' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'team.evaluate' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'agent.permissions.adjust' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'statistics.view' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'user.view' FROM staff_role WHERE name = 'supervisor';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'conversation.view' FROM staff_role WHERE name = 'agent';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'conversation.reply' FROM staff_role WHERE name = 'agent';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'conversation.transfer' FROM staff_role WHERE name = 'agent';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'customer.view' FROM staff_role WHERE name = 'agent';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.view' FROM staff_role WHERE name = 'agent';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'ticket.handle' FROM staff_role WHERE name = 'agent';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'complaint.handle' FROM staff_role WHERE name = 'agent';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'system.monitor' FROM staff_role WHERE name = 'support';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'log.view' FROM staff_role WHERE name = 'support';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'fault.manage' FROM staff_role WHERE name = 'support';
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'audit.view' FROM staff_role WHERE name = 'support';
