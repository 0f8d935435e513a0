-- Agents' replies sent to visitors by e-mail or SMS (module: notifications): per
-- conversation the last message number mailed, so the next e-mail carries only what came
-- after; and how far the scan for unread replies has come (one row, id 1).
CREATE TABLE reply_mail_mark (
    conversation_id BIGINT NOT NULL PRIMARY KEY,
    mailed_seq      BIGINT NOT NULL
)${table_options};

CREATE TABLE reply_mail_scan (
    id            INT    NOT NULL PRIMARY KEY,
    scanned_until BIGINT NOT NULL
)${table_options};

INSERT INTO reply_mail_scan (id, scanned_until) VALUES (1, 0);
