-- Mentions are kept (module: conversations): one row per colleague a note mentions, read or
-- not, for the console's mentions list and its unread count. Notes written before this
-- version keep their mentions in conversation_note.mentions only (not listed).
CREATE TABLE note_mention (
    id              ${id} PRIMARY KEY,
    note_id         BIGINT        NOT NULL,
    conversation_id BIGINT        NOT NULL,
    user_id         BIGINT        NOT NULL,
    created_at      BIGINT        NOT NULL,
    read_at         BIGINT,
    CONSTRAINT fk_note_mention_note FOREIGN KEY (note_id) REFERENCES conversation_note (id),
    CONSTRAINT fk_note_mention_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT uq_note_mention UNIQUE (note_id, user_id)
)${table_options};

-- A user's mentions newest first; the unread ones of a user (and of a conversation).
CREATE INDEX ix_note_mention_user ON note_mention (user_id, id);
CREATE INDEX ix_note_mention_unread ON note_mention (user_id, read_at, conversation_id);
