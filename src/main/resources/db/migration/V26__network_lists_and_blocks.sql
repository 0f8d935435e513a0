-- Network lists, blocks of client addresses and the counts that lead to them (module:
-- security, issue 17, R5.3/R5.5). See V1 for the placeholders and the time convention (UTC
-- epoch milliseconds).

-- An entry of the allow-list (ALLOW: never blocked automatically; the networks the console
-- may be restricted to) or the deny-list (DENY: refused), an address or a CIDR range as the
-- administrator typed it; expires_at null: until removed.
CREATE TABLE network_rule (
    id            ${id} PRIMARY KEY,
    list_kind     VARCHAR(8)    NOT NULL,
    address_range VARCHAR(64)   NOT NULL,
    note          VARCHAR(500),
    created_by    VARCHAR(64),
    created_at    BIGINT        NOT NULL,
    expires_at    BIGINT
)${table_options};

CREATE INDEX ix_network_rule_list ON network_rule (list_kind, id);

-- Whether staff requests (console, staff API) are served only from allow-listed networks;
-- one row.
CREATE TABLE network_restriction (
    id               INT         NOT NULL PRIMARY KEY,
    staff_restricted BOOLEAN     NOT NULL,
    updated_at       BIGINT      NOT NULL,
    updated_by       VARCHAR(64)
)${table_options};

INSERT INTO network_restriction (id, staff_restricted, updated_at, updated_by) VALUES (1, FALSE, 0, NULL);

-- A client address blocked until blocked_until, automatically after a burst (reason: the
-- kind of signal, signals: how many in the window) or by an administrator (reason MANUAL);
-- lifted early by an administrator (lifted_at, lifted_by).
CREATE TABLE source_block (
    id            ${id} PRIMARY KEY,
    address       VARCHAR(64)   NOT NULL,
    reason        VARCHAR(24)   NOT NULL,
    signals       INT           NOT NULL,
    note          VARCHAR(500),
    blocked_by    VARCHAR(64),
    blocked_at    BIGINT        NOT NULL,
    blocked_until BIGINT        NOT NULL,
    lifted_at     BIGINT,
    lifted_by     VARCHAR(64)
)${table_options};

CREATE INDEX ix_source_block_until ON source_block (blocked_until, id);
CREATE INDEX ix_source_block_address ON source_block (address, blocked_until);
CREATE INDEX ix_source_block_at ON source_block (blocked_at, id);

-- Signals of one kind from one address in the fixed window starting at window_start,
-- counted by every node; purged once older than two windows.
CREATE TABLE source_signal (
    address      VARCHAR(64)  NOT NULL,
    kind         VARCHAR(24)  NOT NULL,
    window_start BIGINT       NOT NULL,
    signals      INT          NOT NULL,
    PRIMARY KEY (address, kind, window_start)
)${table_options};

CREATE INDEX ix_source_signal_window ON source_signal (window_start);

-- security.manage comes with the security screen; the administrator holds every permission
-- anyway, stored here so that the stored role agrees with the catalogue.
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'security.manage' FROM staff_role WHERE name = 'administrator';
