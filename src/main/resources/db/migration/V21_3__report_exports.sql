-- Exports and scheduled reports (module analytics, issue 15), and files attached to
-- e-mails (module notifications), which the scheduled reports are sent with. See V1 for
-- the placeholders and the time convention; docs/api.md, "Exports" and "Scheduled reports".

-- Files sent with an e-mail: the name, the type and the bytes (Base64, sealed with the
-- personal data key as the notification's values are), forgotten with their notification.
CREATE TABLE notification_attachment (
    id              ${id} PRIMARY KEY,
    notification_id BIGINT        NOT NULL,
    seq             INT           NOT NULL,
    file_name       VARCHAR(200)  NOT NULL,
    content_type    VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    content         ${long_text}  NOT NULL,
    CONSTRAINT fk_notification_attachment FOREIGN KEY (notification_id) REFERENCES notification (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_notification_attachment ON notification_attachment (notification_id, seq);
