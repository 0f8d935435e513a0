-- Shifts and business hours (module: agents); messages left outside hours and topics a
-- visitor picks before the chat (module: conversations). See V1 for the placeholders and
-- the time convention. Shift times are wall-clock times in the organisation's time zone
-- (setting organisation.timeZone), so they stay put when the clocks change.

-- A weekly slot of a group (group_id) or of one agent (user_id): kind "shift" is working
-- time, kind "hours" an explicit business-hours slot of a group.
CREATE TABLE shift_slot (
    id             ${id} PRIMARY KEY,
    group_id       BIGINT,
    user_id        BIGINT,
    kind           VARCHAR(8)    NOT NULL,
    day_of_week    INT           NOT NULL,
    start_minute   INT           NOT NULL,
    length_minutes INT           NOT NULL,
    CONSTRAINT fk_shift_slot_group FOREIGN KEY (group_id) REFERENCES agent_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_shift_slot_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_shift_slot_group ON shift_slot (group_id);
CREATE INDEX ix_shift_slot_user ON shift_slot (user_id);

-- A dated change for a group or one agent: "off" (whole day when start_minute is null) or
-- "extra". on_date is the local date, ISO yyyy-mm-dd.
CREATE TABLE shift_exception (
    id             ${id} PRIMARY KEY,
    group_id       BIGINT,
    user_id        BIGINT,
    on_date        VARCHAR(10)   NOT NULL,
    kind           VARCHAR(8)    NOT NULL,
    start_minute   INT,
    length_minutes INT,
    note           VARCHAR(200),
    created_at     BIGINT        NOT NULL,
    CONSTRAINT fk_shift_exception_group FOREIGN KEY (group_id) REFERENCES agent_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_shift_exception_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX ix_shift_exception_date ON shift_exception (on_date);

-- When the visitor left a message instead of chatting live (null: a live chat).
ALTER TABLE conversation ADD left_message_at BIGINT;

-- Topics offered in the pre-chat form, each leading to a group: lines "groupId<TAB>label".
ALTER TABLE chat_channel ADD topics VARCHAR(2000) DEFAULT '' NOT NULL;
