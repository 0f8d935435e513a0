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

-- A report e-mailed to chosen staff daily or weekly at a local hour of the organisation's
-- time zone. last_slot is the planned time (epoch millis) last taken: a node takes the next
-- one with a compare-and-set on it, in the transaction that stores the e-mails, so a slot
-- is sent once, whatever node runs and however often it restarts.
CREATE TABLE report_schedule (
    id          ${id} PRIMARY KEY,
    owner_id    BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    report      VARCHAR(16)  NOT NULL,
    channel_id  BIGINT,
    group_id    BIGINT,
    hours       VARCHAR(16)  NOT NULL,
    frequency   VARCHAR(16)  NOT NULL,
    weekday     SMALLINT,
    send_hour   SMALLINT     NOT NULL,
    period      VARCHAR(16)  NOT NULL,
    format      VARCHAR(8)   NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    last_slot   BIGINT,
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    CONSTRAINT fk_report_schedule_owner FOREIGN KEY (owner_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_report_schedule_owner ON report_schedule (owner_id);

CREATE TABLE report_schedule_recipient (
    schedule_id BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    CONSTRAINT pk_report_schedule_recipient PRIMARY KEY (schedule_id, user_id),
    CONSTRAINT fk_report_schedule_recipient_schedule FOREIGN KEY (schedule_id) REFERENCES report_schedule (id) ON DELETE CASCADE,
    CONSTRAINT fk_report_schedule_recipient_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_report_schedule_recipient_user ON report_schedule_recipient (user_id);

-- The permission of exports and schedules (decision 0006): supervisors export what they see.
INSERT INTO staff_role_permission (role_id, permission) SELECT id, 'statistics.export' FROM staff_role WHERE name = 'supervisor';
