-- Staff sessions (module identity, issue 17): one row per signed-in console session, so that a
-- user sees his sessions and he or an administrator ends one. Sessions themselves live in the
-- servlet container (embedded) or in Redis (cluster); this table works with both. See V1 for
-- the placeholders and the time convention (UTC epoch milliseconds).

-- id: a random public id, never the session id (a session id is a credential: it is never
-- shown). http_session_id: the session's current id, to close the sockets opened with it.
-- A row that is gone means the session has ended: its next request is refused.
CREATE TABLE staff_session (
    id               VARCHAR(32)  NOT NULL PRIMARY KEY,
    user_id          BIGINT       NOT NULL,
    http_session_id  VARCHAR(128) NOT NULL,
    user_agent       VARCHAR(512),
    sign_in_address  VARCHAR(64),
    last_address     VARCHAR(64),
    signed_in_at     BIGINT       NOT NULL,
    last_used_at     BIGINT       NOT NULL
)${table_options};

CREATE INDEX ix_staff_session_user ON staff_session (user_id);
CREATE INDEX ix_staff_session_last_used ON staff_session (last_used_at);
